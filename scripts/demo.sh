#!/bin/sh
# Set-up, build the package, and serve the demo checkout page on http://127.0.0.1:${PORT:-8080}/
set -eu
cd "$(dirname "$0")/.."
sh scripts/setup.sh
sh scripts/build.sh
exec node scripts/serve.mjs "${PORT:-8080}"
