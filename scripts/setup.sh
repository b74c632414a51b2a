#!/bin/sh
# Idempotent set-up for a fresh Debian machine (root, registries only; see TOOLCHAIN.md).
# Installs only what is missing: the wasm32 target, wasm-bindgen-cli of exactly the version
# in Cargo.lock, Chromium + chromedriver and Firefox ESR from Debian, geckodriver, and the npm dependencies (which bring
# wasm-opt through npm `binaryen`, TypeScript, Vite and playwright-core).
set -eu
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"
say() { printf 'setup: %s\n' "$*"; }
missing=""

# 1. Rust: wasm32 target, rustfmt, clippy
command -v cargo >/dev/null 2>&1 || { echo "setup: cargo not found; install Rust with rustup" >&2; exit 1; }
if ! rustup target list --installed 2>/dev/null | grep -qx wasm32-unknown-unknown; then
  say "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi
for c in rustfmt clippy; do
  rustup component list --installed 2>/dev/null | grep -q "^$c" || rustup component add "$c"
done

# 2. wasm-bindgen-cli, exactly the version Cargo.lock pins (the runner must match the crate)
want=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock)
have=$(wasm-bindgen --version 2>/dev/null | awk '{print $2}')
if [ "$have" != "$want" ]; then
  say "installing wasm-bindgen-cli $want (have: ${have:-none}); ~2.5 min"
  # TOOLCHAIN.md: do NOT pass --locked (it fails today)
  cargo install wasm-bindgen-cli --version "$want"
fi

# 2b. wasm-pack, for `wasm-pack test --headless --chrome` (the way users run browser tests).
#     From crates.io: the npm `wasm-pack` package's postinstall downloads from GitHub and
#     fails here (TOOLCHAIN.md). It uses the wasm-bindgen CLI above (same version).
if ! wasm-pack --version 2>/dev/null | grep -qx 'wasm-pack 0.15.1'; then
  say "installing wasm-pack 0.15.1 from crates.io; ~2 min"
  cargo install wasm-pack --version 0.15.1
fi

# 3. Chromium + chromedriver from Debian
if ! [ -x /usr/bin/chromium ] || ! [ -x /usr/bin/chromedriver ]; then
  if [ "$(id -u)" = 0 ]; then
    say "installing chromium and chromium-driver from Debian; ~1 min"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver >/dev/null
  else
    missing="$missing chromium chromium-driver"
  fi
fi

# 3b. A CJK font, so the e2e screenshots show Korean text instead of empty boxes (optional:
#     the tests pass without it; Debian's chromium brings no CJK font)
if ! [ -d /usr/share/fonts/opentype/noto ] && [ "$(id -u)" = 0 ]; then
  say "installing fonts-noto-cjk (screenshots); ~30 s"
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq fonts-noto-cjk >/dev/null 2>&1 ||
    say "fonts-noto-cjk could not be installed; screenshots will show boxes for Korean"
fi

# 4. Firefox ESR from Debian + geckodriver from crates.io (Debian has no geckodriver package):
#    the wasm browser suites also run in headless Firefox (TOOLCHAIN.md; ~2.3 min)
if ! [ -x /usr/bin/firefox-esr ]; then
  if [ "$(id -u)" = 0 ]; then
    say "installing firefox-esr from Debian; ~1 min"
    # the package lists are fresh when step 3 ran; update only if the install needs it
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq firefox-esr >/dev/null 2>&1 ||
      { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq firefox-esr >/dev/null; }
  else
    missing="$missing firefox-esr"
  fi
fi
if ! command -v geckodriver >/dev/null 2>&1; then
  say "installing geckodriver 0.37.1 from crates.io; ~1.5 min"
  # pinned: a newer geckodriver may need a newer rustc than the machine's one toolchain
  cargo install geckodriver --version 0.37.1
fi

# 5. npm dependencies, reinstalled only when package-lock.json changed
command -v npm >/dev/null 2>&1 || { echo "setup: npm not found; install Node.js >= 20" >&2; exit 1; }
stamp=node_modules/.setup-lock-stamp
if ! [ -f "$stamp" ] || ! cmp -s package-lock.json "$stamp"; then
  say "npm ci"
  npm ci --no-audit --no-fund --loglevel=error
  cp package-lock.json "$stamp"
fi

if [ -n "$missing" ]; then
  echo "setup: not root, so these could not be installed. Run as root:" >&2
  echo "  apt-get update && apt-get install -y$missing" >&2
  exit 1
fi
say "ready (wasm-bindgen $want, $(wasm-pack --version 2>/dev/null), $(/usr/bin/chromium --version 2>/dev/null | head -1), $(/usr/bin/firefox-esr --version 2>/dev/null | head -1), $(geckodriver --version 2>/dev/null | head -1))"
