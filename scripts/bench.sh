#!/bin/sh
# Builds the release package and prints its size, cold start and per-call timings.
set -eu
cd "$(dirname "$0")/.."
sh scripts/setup.sh >/dev/null
exec node scripts/bench.mjs "$@"
