#!/bin/sh
# Builds the npm package's wasm: release cargo build -> wasm-bindgen (web target) -> wasm-opt.
# Writes pkg/iamport_pay.js and pkg/iamport_pay_bg.wasm, which js/index.js and js/node.js load.
set -eu
cd "$(dirname "$0")/.."
PATH="$PWD/node_modules/.bin:$HOME/.cargo/bin:$PATH"

# talc-allocator: the npm package picks its own allocator (a Rust app that depends on the
# crate keeps the choice; see Cargo.toml).
cargo build --lib --release --target wasm32-unknown-unknown --features talc-allocator
rm -rf pkg
wasm-bindgen target/wasm32-unknown-unknown/release/iamport_pay.wasm \
  --out-dir pkg --target web --no-typescript
if command -v wasm-opt >/dev/null 2>&1; then
  # --converge repeats -Oz until it stops shrinking (~20 s); the producers and target_features
  # custom sections are metadata no runtime reads.
  wasm-opt -Oz --converge --strip-producers --strip-target-features --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext \
    --enable-mutable-globals --enable-reference-types --enable-multivalue \
    pkg/iamport_pay_bg.wasm -o pkg/iamport_pay_bg.wasm
else
  echo "build.sh: wasm-opt not found (run scripts/setup.sh); shipping the unoptimized wasm" >&2
fi
raw=$(wc -c < pkg/iamport_pay_bg.wasm)
gz=$(gzip -9 -c pkg/iamport_pay_bg.wasm | wc -c)
echo "build.sh: pkg/iamport_pay_bg.wasm ${raw} bytes (gzip -9: ${gz})"
