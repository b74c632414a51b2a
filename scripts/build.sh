#!/bin/sh
# Builds the npm package's two wasm modules from the same crate, each: release cargo build ->
# wasm-bindgen (web target) -> wasm-opt.
#   --features npm,talc-allocator           -> pkg/iamport_pay.js + pkg/iamport_pay_bg.wasm (js/node.js; pkg/index.js)
#   --features npm-redirect,talc-allocator  -> pkg/iamport_pay_redirect.js + pkg/iamport_pay_redirect_bg.wasm
#                               (pkg/redirect.js: parseRedirect and takePendingOrder only)
# Cargo keeps both builds' artifacts, so switching features does not rebuild an unchanged crate.
set -eu
cd "$(dirname "$0")/.."
PATH="$PWD/node_modules/.bin:$HOME/.cargo/bin:$PATH"

rm -rf pkg
# build FEATURE OUT_NAME
build() {
  cargo build --lib --release --target wasm32-unknown-unknown --features "$1"
  wasm-bindgen target/wasm32-unknown-unknown/release/iamport_pay.wasm \
    --out-dir pkg --out-name "$2" --target web --no-typescript
  wasm="pkg/$2_bg.wasm"
  if command -v wasm-opt >/dev/null 2>&1; then
    # --converge repeats -Oz until it stops shrinking (~20 s); the producers and target_features
    # custom sections are metadata no runtime reads.
    wasm-opt -Oz --converge --strip-producers --strip-target-features --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext \
      --enable-mutable-globals --enable-reference-types --enable-multivalue \
      "$wasm" -o "$wasm"
  else
    echo "build.sh: wasm-opt not found (run scripts/setup.sh); shipping the unoptimized wasm" >&2
  fi
  # Short import names in the wasm and its glue (hashed names do not compress).
  node scripts/short-imports.mjs "$wasm" "pkg/$2.js"
  raw=$(wc -c < "$wasm")
  gz=$(gzip -9 -c "$wasm" | wc -c)
  echo "build.sh: $wasm ${raw} bytes (gzip -9: ${gz})"
}
# talc-allocator: the npm package picks its own allocator (a Rust app that depends on the
# crate keeps the choice; see Cargo.toml).
build npm,talc-allocator iamport_pay
build npm-redirect,talc-allocator iamport_pay_redirect
# The browser entries, with the glue folded in (one fetch fewer on the critical path).
node scripts/entry.mjs pkg/iamport_pay.js js/index.js pkg/index.js
node scripts/entry.mjs pkg/iamport_pay_redirect.js js/redirect.js pkg/redirect.js
# Minified for the browser (the readable sources ship in js/; Node loads those).
for entry in pkg/index.js pkg/redirect.js; do
  terser "$entry" --module --compress passes=2 --mangle --keep-classnames \
    --format "preamble='// iamport-pay: generated and minified by scripts/build.sh (the source is js/ in this package)'" \
    -o "$entry"
  node --check "$entry"
  echo "build.sh: $entry $(wc -c < "$entry") bytes (gzip -9: $(gzip -9 -c "$entry" | wc -c))"
done
