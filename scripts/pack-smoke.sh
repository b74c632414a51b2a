#!/bin/sh
# npm pack -> install into a temp project -> import from Node .mjs, TypeScript and a Vite 7 build.
# Needs pkg/ (npm run build). Set KEEP_SMOKE=1 to keep the temp project.
set -eu
cd "$(dirname "$0")/.."
exec node --test --test-reporter=spec tests/smoke/
