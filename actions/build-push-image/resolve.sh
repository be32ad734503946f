#!/bin/bash
# Resolves the image name and tag for build-push-image: input, then the old script's variable, then
# the default. Values arrive through the environment only (never ${{ }} in a run: step).
set -euo pipefail
owner=$(printf '%s' "${OWNER:-}" | tr '[:upper:]' '[:lower:]')
registry=${IN_REGISTRY:-${REGISTRY_URL:-ghcr.io/$owner}}
registry=${registry%/}
name=${IN_NAME:-${IMAGE_NAME:-marketsimulator}}
tag=${IN_TAG:-${IMAGE_TAG:-sim-$(date -u +%Y%m%d-%H%M%S)}}
user=${IN_USER:-${REGISTRY_USERNAME:-}}
host=${registry%%/*}
login=false
if [ -n "$user" ] || [ -n "${IN_PASSWORD:-${REGISTRY_PASSWORD:-}}" ]; then
  login=true
elif [ "$host" = ghcr.io ]; then
  # GHCR: the workflow's own token can push.
  user=${ACTOR:-}
  login=true
fi
if ! printf '%s' "$tag" | grep -Eq '^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$'; then
  echo "::error::tag: '$tag' is not a valid image tag"
  exit 1
fi
{
  echo "name=$registry/$name"
  echo "image=$registry/$name:$tag"
  echo "tag=$tag"
  echo "host=$host"
  echo "username=$user"
  echo "login=$login"
} >>"$GITHUB_OUTPUT"
