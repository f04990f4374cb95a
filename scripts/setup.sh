#!/usr/bin/env bash
# Installs everything the build and the tests need, from the package registries only.
# Idempotent: each step checks first and is skipped when its tool is already there.
set -euo pipefail
cd "$(dirname "$0")/.."

TRUNK_VERSION=0.21.14
WASM_BINDGEN_VERSION=$(awk '/^name = "wasm-bindgen"$/ {getline; gsub(/[^0-9.]/, ""); print; exit}' Cargo.lock)
export PATH="$PWD/node_modules/.bin:$HOME/.cargo/bin:$PATH"

step() { printf '\n== %s\n' "$*"; }

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  step "rust target wasm32-unknown-unknown"
  rustup target add wasm32-unknown-unknown
fi

# the release build compiles the standard library with the app (scripts/build.sh)
if ! rustup component list --installed | grep -q '^rust-src'; then
  step "rust component rust-src"
  rustup component add rust-src
fi

if [ "$(trunk --version 2>/dev/null)" != "trunk $TRUNK_VERSION" ]; then
  step "trunk $TRUNK_VERSION (about 7 minutes on 2 cores)"
  cargo install trunk --version "$TRUNK_VERSION" --locked --no-default-features --features rustls
fi

if [ "$(wasm-bindgen --version 2>/dev/null)" != "wasm-bindgen $WASM_BINDGEN_VERSION" ]; then
  step "wasm-bindgen-cli $WASM_BINDGEN_VERSION (the version in Cargo.lock)"
  # no --locked: its own lock file pins a crate version the registry no longer has
  cargo install wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION" --force
fi

missing_apt=()
command -v chromium >/dev/null || missing_apt+=(chromium)
command -v chromedriver >/dev/null || missing_apt+=(chromium-driver)
command -v brotli >/dev/null || missing_apt+=(brotli)
# the engines' smoke suite (e2e/engines.mjs): Firefox ESR, and WebKit's driver, which brings
# WebKitGTK and its MiniBrowser (libwebkit2gtk-4.1-0), on a virtual display
command -v firefox-esr >/dev/null || missing_apt+=(firefox-esr)
command -v WebKitWebDriver >/dev/null || missing_apt+=(webkit2gtk-driver)
command -v Xvfb >/dev/null || missing_apt+=(xvfb)
if [ ${#missing_apt[@]} -gt 0 ]; then
  step "apt: ${missing_apt[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq "${missing_apt[@]}" >/dev/null
fi

if [ ! -x node_modules/.bin/wasm-opt ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  step "npm tools (binaryen, playwright-core, puppeteer-core, axe-core)"
  npm ci --no-audit --no-fund --loglevel=error
fi

# Trunk runs cargo offline: have every crate on disk first (quick when they are)
cargo fetch --locked --quiet
RUSTC_BOOTSTRAP=1 cargo fetch --locked --quiet \
  --manifest-path "$(rustc --print sysroot)/lib/rustlib/src/rust/library/Cargo.toml"
