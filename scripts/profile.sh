#!/usr/bin/env bash
# The start-up profile (bench/profile.mjs): the dashboard loaded at 4x CPU in Chromium's sampling
# profiler, on a copy of dist/ whose wasm keeps its function names (wasm-opt -g), served by the
# demo back end. Prints where the time goes before the figures show. Run after scripts/build.sh.
#   PROFILE_RUNS (5), PROFILE_PERSONA (a), PROFILE_PORT (8103).
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PWD/node_modules/.bin:$HOME/.cargo/bin:$PATH"
PORT=${PROFILE_PORT:-8103}
wasm=target/wasm32-unknown-unknown/release/training-account.wasm
[ -f "$wasm" ] && [ -d dist ] || { echo "profile: run scripts/build.sh first" >&2; exit 1; }
[ -x target/release/demo-backend ] || cargo build --release --locked -p demo-backend
work=$(mktemp -d)
trap 'kill "$server" 2>/dev/null || true; rm -rf "$work"' EXIT
cp -r dist "$work/dist" && find "$work/dist" \( -name '*.br' -o -name '*.gz' \) -delete
glue=$(basename "$(ls "$work"/dist/training-account-*.js)" .js)
# the same build, bound and optimised again with its function names kept (Trunk's wasm-opt drops them)
wasm-bindgen --target web --no-typescript --out-dir "$work/bound" --out-name "$glue" "$wasm"
wasm-opt -Oz -g --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext \
  --enable-mutable-globals --enable-reference-types --enable-multivalue \
  "$work/bound/${glue}_bg.wasm" -o "$work/dist/${glue}_bg.wasm"
cp "$work/bound/$glue.js" "$work/dist/$glue.js"
# the files changed, so their subresource hashes no longer hold
sed -i -E 's/ integrity="?sha384-[^ >"]*"?//g' "$work/dist/index.html"
./target/release/demo-backend --addr "127.0.0.1:$PORT" --dist "$work/dist" &
server=$!
for _ in $(seq 50); do curl -sf "http://127.0.0.1:$PORT/config.json" >/dev/null && break; sleep 0.1; done
PROFILE_URL="http://127.0.0.1:$PORT" node bench/profile.mjs
