#!/usr/bin/env bash
# The release build of the app into dist/ and of the widget into dist/widget/ (Trunk, offline).
# The standard library is compiled with the app, for size, with panics that stop at once (no
# message formatting code), no panic locations and no Debug formatting code: about 17 KB brotli
# less than the prebuilt std. These are unstable options of the pinned stable tool chain
# (rust-toolchain.toml), unlocked with RUSTC_BOOTSTRAP in this script only; the tests do not use
# them. FALLBACK=1 builds without them, into dist-fallback/ (its own target dir): what a tool chain
# that changes them still builds. CI builds both and reports the fallback's size.
# Both builds erase the components' view types (leptos's `erase_components`): each component
# returns one AnyView, so the views around it are not compiled again for every nesting of
# types. Measured: 3.4 KB brotli less with the dashboard and history built in view!.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PWD/node_modules/.bin:$HOME/.cargo/bin:$PATH"
if [ "${FALLBACK:-0}" = 1 ]; then
  export CARGO_TARGET_DIR=target/fallback
  export RUSTFLAGS="--cfg erase_components"
  out=dist-fallback
else
  export RUSTC_BOOTSTRAP=1
  export CARGO_UNSTABLE_BUILD_STD=std,panic_abort
  export CARGO_UNSTABLE_BUILD_STD_FEATURES=optimize_for_size
  export RUSTFLAGS="-Zunstable-options -Cpanic=immediate-abort -Zlocation-detail=none -Zfmt-debug=none --cfg erase_components"
  out=dist
fi
trunk build --release --dist "$out" "$@"
# the widget for other sites: its own bundle, loaded without the app (see src/bin/widget.rs)
trunk build widget.html --release --dist "$out/widget" --public-url /widget/
# the app's service worker, from this build's files (the widget's stay outside it)
node scripts/service-worker.mjs "$out"
# what a production server sends: a .br and a .gz beside each text file and the wasm, served by
# Accept-Encoding (nginx's brotli_static and gzip_static, the demo back end). Never config.json:
# an operator edits it in place, and a stale compressed copy would win.
find "$out" -type f \( -name '*.wasm' -o -name '*.js' -o -name '*.css' -o -name '*.html' -o -name '*.svg' \) |
  while read -r f; do
    brotli -f -k -q 11 "$f"
    gzip -f -k -9 "$f"
  done
