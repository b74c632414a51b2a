#!/bin/sh
# Runs every suite after set-up, and ends with one summary line that counts the tests.
#   native cargo test (unit, integration, doc) · wasm-bindgen-test in Node, headless
#   Chromium and headless Firefox · fmt + clippy (host and wasm32) · npm package build · JS tests (node --test) ·
#   TypeScript type test · TypeScript agreement with the case tables · pack-and-import smoke
#   test · e2e of the demo page (served by the Rust demo server, examples/server) · examples.
#   The generated copies of the Rust tables (js/index.d.ts, js/sandbox.js, www/tables.js;
#   tests/tables.rs) are checked by the native cargo test.
set -u
cd "$(dirname "$0")/.."
sh scripts/setup.sh || exit 1
export PATH="$PWD/node_modules/.bin:$HOME/.cargo/bin:$PATH"
export CHROMEDRIVER=/usr/bin/chromedriver
export CARGO_TERM_COLOR=never
# Disk: a full run once filled a CI machine's disk (ENOSPC: npm's exit code 228). Every crate
# is built once per run, so incremental caches only cost space, and line tables are enough for
# a test's backtrace. Measured on a clean clone: see README "The two commands".
export CARGO_INCREMENTAL=0
export CARGO_PROFILE_DEV_DEBUG=line-tables-only
df -Pk . | awk 'NR == 2 { printf "test.sh: %d MiB free on the disk of %s\n", $4 / 1024, $6 }'

logs=target/test-logs
mkdir -p "$logs"
passed=0 failed=0 suites=0 bad=""
start=$(date +%s)

# suite NAME COMMAND...: runs COMMAND, shows its output, counts its tests.
suite() {
  name=$1; shift
  suites=$((suites + 1))
  printf '\n==== %s ====\n' "$name"
  log="$logs/$(echo "$name" | tr ' /' '__').log"
  t0=$(date +%s)
  "$@" >"$log" 2>&1
  rc=$?
  cat "$log"
  # cargo / wasm-bindgen-test-runner: "test result: ok. N passed; M failed"
  p=$(grep -Eo 'test result: [A-Za-z]+\. [0-9]+ passed' "$log" | awk '{s+=$4} END {print s+0}')
  f=$(grep -Eo '[0-9]+ passed; [0-9]+ failed' "$log" | awk '{s+=$3} END {print s+0}')
  # node --test (spec reporter): "ℹ pass N" / "ℹ fail N"
  p=$((p + $(grep -Eo '^ℹ pass [0-9]+' "$log" | awk '{s+=$3} END {print s+0}')))
  f=$((f + $(grep -Eo '^ℹ fail [0-9]+' "$log" | awk '{s+=$3} END {print s+0}')))
  passed=$((passed + p)); failed=$((failed + f))
  if [ $rc -ne 0 ]; then
    bad="$bad [$name]"
    [ "$f" -eq 0 ] && failed=$((failed + 1))
  fi
  printf -- '---- %s: rc=%s, %s passed, %s failed, %ss\n' "$name" "$rc" "$p" "$f" "$(( $(date +%s) - t0 ))"
}

suite "cargo fmt" cargo fmt --all -- --check
suite "clippy host" cargo clippy --all-targets --all-features -- -D warnings
# --features npm: the npm exports (#[wasm_bindgen] on the JS API, scripts/build.sh) are linted too.
suite "clippy wasm32" cargo clippy --all-targets --target wasm32-unknown-unknown --features npm -- -D warnings
# --features npm-redirect: the redirect entry's C ABI and arena (src/js/redirect_abi.rs).
suite "clippy wasm32 (npm-redirect)" cargo clippy --all-targets --target wasm32-unknown-unknown --features npm-redirect -- -D warnings
suite "rustdoc (-D warnings)" env RUSTDOCFLAGS=-Dwarnings cargo doc --no-deps --all-features
suite "native cargo test" cargo test --all-features
# The demo's server (examples/server, a workspace member outside default-members): lint and
# its unit tests; tests/e2e/demo.test.mjs runs it end to end.
suite "demo server (clippy + test)" sh -c 'cargo clippy -p iamport-pay-example-server --all-targets -- -D warnings && cargo test -p iamport-pay-example-server'
suite "wasm tests (node + chromium)" cargo test --target wasm32-unknown-unknown
# The browser suites (tests/web*.rs) again in headless Firefox: the runner picks the driver
# from the environment, so CHROMEDRIVER is unset for this one.
firefox_suites() {
  args=""
  for f in tests/web*.rs; do args="$args --test $(basename "$f" .rs)"; done
  # shellcheck disable=SC2086
  env -u CHROMEDRIVER GECKODRIVER="$(command -v geckodriver)" cargo test --target wasm32-unknown-unknown $args
}
suite "wasm tests (firefox)" firefox_suites
suite "good dependency (own allocator, no = pins)" sh scripts/good-dependency.sh
# The fuzz targets build (stable; cargo-fuzz and nightly are needed only to run them, README).
suite "fuzz targets build" env RUSTFLAGS="--cfg fuzzing -Dwarnings" cargo check --manifest-path fuzz/Cargo.toml --bins --target-dir target/fuzz-check
# The hook crates (crates/iamport-pay-{yew,leptos}): lint and docs for wasm32, where all
# their code is, then their component tests in headless Chromium and Firefox.
hooks="-p iamport-pay-yew -p iamport-pay-leptos"
# shellcheck disable=SC2086
suite "clippy hooks (wasm32)" cargo clippy --all-targets --target wasm32-unknown-unknown $hooks -- -D warnings
# The crate's page as docs.rs builds it (wasm32, every feature), then the hooks' pages (a
# separate run: rustdoc compiles iamport-pay for them as a dependency, where `server` refuses
# wasm32).
wasm_docs() {
  RUSTDOCFLAGS=-Dwarnings cargo doc --no-deps --all-features --target wasm32-unknown-unknown &&
    # shellcheck disable=SC2086
    RUSTDOCFLAGS=-Dwarnings cargo doc --no-deps --target wasm32-unknown-unknown $hooks
}
suite "rustdoc wasm32 (-D warnings)" wasm_docs
# shellcheck disable=SC2086
suite "hooks: yew + leptos (chromium)" cargo test --target wasm32-unknown-unknown $hooks
# shellcheck disable=SC2086
suite "hooks: yew + leptos (firefox)" env -u CHROMEDRIVER GECKODRIVER="$(command -v geckodriver)" cargo test --target wasm32-unknown-unknown $hooks
# What users type: wasm-pack test at the crate root and in each hook crate (browser suites
# only; the Node suite ran above). It reuses the same target/ and the wasm-bindgen CLI.
wasm_pack_tests() {
  for dir in . crates/iamport-pay-yew crates/iamport-pay-leptos; do
    echo "==> wasm-pack test --headless --chrome $dir"
    wasm-pack test --headless --chrome "$dir" || return 1
  done
}
suite "wasm-pack test --headless --chrome" wasm_pack_tests
suite "npm run build" npm run build
suite "js tests" node --test --test-reporter=spec tests/js/
[ -f tests/types/tsconfig.json ] && suite "typescript types" tsc --noEmit -p tests/types
# Every case of tests/cases/*.json the runtime accepts cleanly, as its provider's params type
# (tests/types/cases.generated.ts; `cargo test --test tables` keeps the file in step with the cases).
[ -f tests/types/tsconfig.cases.json ] && suite "typescript agrees with the cases" tsc --noEmit -p tests/types/tsconfig.cases.json
[ -f scripts/pack-smoke.sh ] && suite "pack + import smoke" sh scripts/pack-smoke.sh
[ -d tests/e2e ] && suite "e2e (playwright + chromium)" node --test --test-reporter=spec tests/e2e/
[ -f scripts/examples.sh ] && suite "examples (yew, leptos)" sh scripts/examples.sh

printf '\n'
echo "test.sh: target/ holds $(du -sk target | awk '{printf "%d MiB", $1 / 1024}'); $(df -Pk . | awk 'NR == 2 {printf "%d MiB", $4 / 1024}') free"
if grep -l 'No space left on device' "$logs"/*.log >/dev/null 2>&1; then
  echo "test.sh: the disk filled up (No space left on device) in: $(grep -l 'No space left on device' "$logs"/*.log | tr '\n' ' ')"
fi
if [ -n "$bad" ]; then
  echo "FAILED suites:$bad"
  echo "SUMMARY: $passed tests passed, $failed failed, in $suites suites ($(( $(date +%s) - start ))s)"
  exit 1
fi
echo "SUMMARY: $passed tests passed, 0 failed, in $suites suites ($(( $(date +%s) - start ))s)"
