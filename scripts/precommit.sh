#!/usr/bin/env bash
# What must hold before a commit: lint + types, fresh dist, the whole suite.
set -euo pipefail
cd "$(dirname "$0")/.."
npm run lint
npm run build > /dev/null
NODE_OPTIONS=--experimental-vm-modules AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED=true npx jest --silent
