#!/bin/sh
# iamport-pay as an app's dependency (issue 16): a fresh crate outside this workspace that
# declares its own #[global_allocator] and uses the crate must build for wasm32 (a library
# that sets one breaks it: "the #[global_allocator] in this crate conflicts with ..."), and
# no Cargo.toml here may pin a dependency with "=" (every app would break on the next patch).
set -eu
cd "$(dirname "$0")/.."
root=$PWD
PATH="$root/node_modules/.bin:$HOME/.cargo/bin:$PATH"
export CARGO_TERM_COLOR="${CARGO_TERM_COLOR:-never}"

# 1. No exact pins in any manifest of the workspace.
pins=$(grep -nE '^[^#]*=[[:space:]]*("=|\{[^}]*version[[:space:]]*=[[:space:]]*"=)' \
  Cargo.toml crates/*/Cargo.toml examples/*/Cargo.toml || true)
if [ -n "$pins" ]; then
  echo "good-dependency: exact \"=\" pins found:" >&2
  echo "$pins" >&2
  exit 1
fi
echo "good-dependency: no \"=\" pins in $(ls Cargo.toml crates/*/Cargo.toml examples/*/Cargo.toml | wc -l) manifests"

# 2. A fresh app crate with its own allocator, in a temp dir (its own workspace).
app=$(mktemp -d "${TMPDIR:-/tmp}/iamport-pay-app.XXXXXX")
trap 'rm -rf "$app"' EXIT
mkdir -p "$app/src"
cat > "$app/Cargo.toml" <<TOML
[package]
name = "shop-with-own-allocator"
version = "0.0.0"
edition = "2021"
publish = false

[lib]
crate-type = ["cdylib"]

[dependencies]
iamport-pay = { path = "$root" }

[workspace]
TOML
cat > "$app/src/lib.rs" <<'RS'
//! An app that picks its own allocator and uses iamport-pay, browser API included.
#[global_allocator]
static ALLOCATOR: std::alloc::System = std::alloc::System;

#[no_mangle]
pub extern "C" fn errors_in_an_empty_request() -> usize {
    let request = iamport_pay::PaymentRequest::default();
    let report = request.check(&iamport_pay::CheckOptions::default());
    report.errors().count()
}

pub async fn pay(request: &iamport_pay::PaymentRequest) -> bool {
    let options = iamport_pay::PayOptions::default();
    iamport_pay::request_pay(request, &options).await.is_ok()
}
RS
# Same versions as this workspace, offline.
cp Cargo.lock "$app/Cargo.lock"
cargo build --offline --manifest-path "$app/Cargo.toml" --target wasm32-unknown-unknown \
  --target-dir "$root/target"
wasm="$root/target/wasm32-unknown-unknown/debug/shop_with_own_allocator.wasm"
[ -s "$wasm" ] || { echo "good-dependency: $wasm was not built" >&2; exit 1; }
echo "good-dependency: an app with its own #[global_allocator] builds for wasm32 ($(wc -c < "$wasm") bytes)"
