#!/bin/sh
# Builds the npm package's two wasm modules from the same crate:
#   --features npm,talc-allocator           -> release cargo build -> scripts/wasm-prune.mjs
#       --panics-only -> wasm-bindgen (web target) -> wasm-opt: pkg/iamport_pay.js +
#       pkg/iamport_pay_bg.wasm (js/node.js; pkg/index.js)
#   --features npm-redirect                 -> release cargo build -> scripts/wasm-prune.mjs
#       -> wasm-opt: pkg/iamport_pay_redirect_bg.wasm, whose exports are a C ABI
#       (src/js/redirect_abi.rs) and which imports nothing: js/redirect.js loads it without
#       wasm-bindgen's glue (pkg/redirect.js: js/redirect.js, minified).
# Cargo keeps both builds' artifacts, so switching features does not rebuild an unchanged crate.
set -eu
cd "$(dirname "$0")/.."
PATH="$PWD/node_modules/.bin:$HOME/.cargo/bin:$PATH"

rm -rf pkg
# --converge repeats -Oz until it stops shrinking (~20 s); the producers and target_features
# custom sections are metadata no runtime reads.
WASM_OPT_FLAGS="-Oz --converge --strip-producers --strip-target-features --enable-bulk-memory
  --enable-nontrapping-float-to-int --enable-sign-ext --enable-mutable-globals
  --enable-reference-types --enable-multivalue"
# size FILE: prints its size, raw and gzip -9.
size() {
  echo "build.sh: $1 $(wc -c < "$1") bytes (gzip -9: $(gzip -9 -c "$1" | wc -c))"
}
# opt WASM [FLAG...]: wasm-opt in place (with the extra flags).
opt() {
  wasm=$1
  shift
  if command -v wasm-opt >/dev/null 2>&1; then
    # shellcheck disable=SC2086
    wasm-opt $WASM_OPT_FLAGS "$@" "$wasm" -o "$wasm"
  else
    echo "build.sh: wasm-opt not found (run scripts/setup.sh); shipping the unoptimized wasm" >&2
  fi
}
cargo_wasm() {
  cargo build --lib --release --target wasm32-unknown-unknown --features "$1"
}
# The main wasm at opt-level 2 with LLVM's inliner held back (threshold 0: only what is
# `#[inline(always)]`, or called once, is inlined): the checker runs about a third faster than
# at "z" for ~1.7 KB more gzip; full opt-level 2 was ~10 % faster again for 10 KB more
# (issue 14, ninth round). The flag goes to the crate's own rustc, where the LTO of the whole
# module runs; the dependencies build as usual.
cargo_wasm_fast() {
  CARGO_PROFILE_RELEASE_OPT_LEVEL=2 cargo rustc --lib --release --target wasm32-unknown-unknown \
    --features "$1" -- -Cllvm-args=-inline-threshold=0
}
out=target/wasm32-unknown-unknown/release/iamport_pay.wasm
mkdir -p pkg

# talc-allocator: the npm package picks its own allocator (a Rust app that depends on the
# crate keeps the choice; see Cargo.toml).
cargo_wasm_fast npm,talc-allocator
# The panic formatting goes (a panic traps at once, as `panic = "abort"` ends anyway; nothing
# prints its message): core::fmt's integer formatting and padding leave with it.
node scripts/wasm-prune.mjs --panics-only "$out" target/iamport_pay_pruned.wasm
wasm-bindgen target/iamport_pay_pruned.wasm --out-dir pkg --out-name iamport_pay --target web --no-typescript
# As for the redirect wasm below, a second -Oz after --flatten --rereloop takes ~170 more bytes
# of gzip off (the checker's speed unchanged in an A/B in Node; issue 14, twelfth round).
opt pkg/iamport_pay_bg.wasm --flatten --rereloop -Oz
# Short import names in the wasm and its glue (wasm-bindgen's hashed names do not compress).
node scripts/short-imports.mjs pkg/iamport_pay_bg.wasm pkg/iamport_pay.js
size pkg/iamport_pay_bg.wasm

# The redirect entry: no wasm-bindgen, and no talc (src/js/redirect_abi.rs has its own arena).
# wasm-prune keeps the C ABI's exports and stubs out the wasm-bindgen crates' code and std's
# panic formatting (see the script); --strip-debug then drops the name section it needed, and
# a second -Oz after --flatten --rereloop takes ~80 more bytes of gzip off.
cargo_wasm npm-redirect
node scripts/wasm-prune.mjs "$out" pkg/iamport_pay_redirect_bg.wasm
opt pkg/iamport_pay_redirect_bg.wasm --strip-debug --flatten --rereloop -Oz
size pkg/iamport_pay_redirect_bg.wasm
node -e '
const m = new WebAssembly.Module(require("fs").readFileSync(process.argv[1]));
const imports = WebAssembly.Module.imports(m).map((i) => i.module + "." + i.name);
const exports = WebAssembly.Module.exports(m).map((e) => e.name).sort().join(" ");
if (imports.length) throw new Error(process.argv[1] + " imports " + imports.join(", "));
if (exports !== "memory rd_error rd_input rd_key rd_parse rd_take") throw new Error(process.argv[1] + " exports " + exports);
console.log("build.sh: " + process.argv[1] + " imports nothing; exports " + exports);
' pkg/iamport_pay_redirect_bg.wasm

# The browser entries: the main one with the glue folded in (one fetch fewer on the critical
# path), the redirect one as it is (it has no glue).
node scripts/entry.mjs pkg/iamport_pay.js js/index.js pkg/index.js
cp js/redirect.js pkg/redirect.js
# Minified for the browser (the readable sources ship in js/; Node loads those).
for entry in pkg/index.js pkg/redirect.js; do
  terser "$entry" --module --compress passes=2 --mangle --keep-classnames \
    --format "preamble='// iamport-pay: generated and minified by scripts/build.sh (the source is js/ in this package)'" \
    -o "$entry"
  node --check "$entry"
  size "$entry"
done
