#!/usr/bin/env bash
# The release build of the app into dist/ (Trunk, offline).
# The standard library is compiled with the app, for size, with panics that stop at once (no
# message formatting code): 14 KB brotli less than the prebuilt std. Both are unstable options of
# the stable 1.95 tool chain, unlocked with RUSTC_BOOTSTRAP; the component tests do not use them.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PWD/node_modules/.bin:$HOME/.cargo/bin:$PATH"
export RUSTC_BOOTSTRAP=1
export CARGO_UNSTABLE_BUILD_STD=std,panic_abort
export CARGO_UNSTABLE_BUILD_STD_FEATURES=optimize_for_size
export RUSTFLAGS="-Zunstable-options -Cpanic=immediate-abort -Zlocation-detail=none -Zfmt-debug=none"
trunk build --release "$@"
# the widget for other sites: its own bundle, loaded without the app (see src/bin/widget.rs)
trunk build widget.html --release --dist dist/widget --public-url /widget/
