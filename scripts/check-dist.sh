#!/usr/bin/env bash
# Fails when the committed dist/ bundles differ from a fresh build of the sources.
set -euo pipefail
cd "$(dirname "$0")/.."
fresh="$(mktemp -d)"
trap 'rm -rf "$fresh"' EXIT
scripts/build.sh "$fresh" > "$fresh.log" 2>&1 || { cat "$fresh.log"; exit 1; }
if ! diff -rq dist "$fresh" > "$fresh.diff"; then
  echo "dist/ is stale: run 'npm run build' and commit dist/." >&2
  cat "$fresh.diff" >&2
  exit 1
fi
echo "dist/ is up to date"
