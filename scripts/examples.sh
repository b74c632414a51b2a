#!/bin/sh
# Builds the Yew and Leptos storefronts (examples/) and tests them:
#   1. the README's "Use with Yew" / "Use with Leptos" code must equal the marked regions of
#      the example sources (tests/e2e/examples-readme.mjs);
#   2. each example: release cargo build for wasm32 -> wasm-bindgen (web target) -> wasm-opt,
#      into examples/<name>/dist/, with its build time and wasm size (raw and gzip -9);
#   3. both storefronts end to end in headless Chromium through the sandbox IMP
#      (tests/e2e/examples.e2e.mjs).
# Usage: sh scripts/examples.sh [yew|leptos ...]   (default: both). Serve them with
#   node scripts/serve.mjs 8080  ->  http://127.0.0.1:8080/examples/yew/
set -eu
cd "$(dirname "$0")/.."
PATH="$PWD/node_modules/.bin:$HOME/.cargo/bin:$PATH"
export CARGO_TERM_COLOR="${CARGO_TERM_COLOR:-never}"

names=${*:-yew leptos}

node --test --test-reporter=spec tests/e2e/examples-readme.mjs

for name in $names; do
  bin=storefront_$name
  out=examples/$name/dist
  t0=$(date +%s)
  cargo build --release --target wasm32-unknown-unknown -p "iamport-pay-example-$name"
  t1=$(date +%s)
  rm -rf "$out"
  wasm-bindgen "target/wasm32-unknown-unknown/release/$bin.wasm" \
    --out-dir "$out" --target web --no-typescript
  wasm="$out/${bin}_bg.wasm"
  if command -v wasm-opt >/dev/null 2>&1; then
    wasm-opt -Oz --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext \
      --enable-mutable-globals --enable-reference-types --enable-multivalue \
      "$wasm" -o "$wasm"
  else
    echo "examples.sh: wasm-opt not found (run scripts/setup.sh); sizes are before wasm-opt" >&2
  fi
  raw=$(wc -c < "$wasm")
  gz=$(gzip -9 -c "$wasm" | wc -c)
  js=$(gzip -9 -c "$out/$bin.js" | wc -c)
  echo "examples.sh: $name: cargo build $((t1 - t0))s; $wasm ${raw} bytes (gzip -9: ${gz}); JS glue gzip -9: ${js}"
done

# The end-to-end test drives the storefronts that were built.
EXAMPLES="$names" node --test --test-reporter=spec tests/e2e/examples.e2e.mjs
