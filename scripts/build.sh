#!/usr/bin/env bash
# Compiles TypeScript, then bundles each entry with ncc into <out>/<name>/index.js (ESM).
# Usage: scripts/build.sh [out-dir]   (default dist)
set -euo pipefail
cd "$(dirname "$0")/.."
out="${1:-dist}"
rm -rf lib
node scripts/embed-bootstrap.mjs
npx tsc -p tsconfig.build.json
entries=(
  "r2-hydrate:lib/actions/r2-hydrate/main.js"
  "r2-persist-logs:lib/actions/r2-persist-logs/main.js"
  "run:lib/actions/run/main.js"
  "run-post:lib/actions/run/post.js"
  "vast-provision:lib/actions/vast-provision/main.js"
  "vast-provision-post:lib/actions/vast-provision/post.js"
  "vast-teardown:lib/actions/vast-teardown/main.js"
  "registry-check:lib/actions/registry-check/main.js"
  "cli:lib/cli/index.js"
)
for e in "${entries[@]}"; do
  name="${e%%:*}"
  src="${e#*:}"
  rm -rf "$out/$name"
  npx ncc build "$src" -o "$out/$name" --quiet --no-source-map-register --license licenses.txt
done
# The CLI bundle is an executable (npm bin).
{ echo '#!/usr/bin/env node'; cat "$out/cli/index.js"; } > "$out/cli/index.js.tmp" && mv "$out/cli/index.js.tmp" "$out/cli/index.js"
chmod +x "$out/cli/index.js"
