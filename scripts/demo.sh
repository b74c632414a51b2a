#!/bin/sh
# Set-up, build the package, and serve the demo checkout page on http://127.0.0.1:${PORT:-8080}/
# with the demo's Rust server (examples/server): it serves www/ and the package files like
# scripts/serve.mjs, and verifies every payment (an in-process fake PortOne by default; the
# real API with IAMPORT_API_KEY and IAMPORT_API_SECRET set).
set -eu
cd "$(dirname "$0")/.."
sh scripts/setup.sh
sh scripts/build.sh
exec cargo run -p iamport-pay-example-server -- "${PORT:-8080}"
