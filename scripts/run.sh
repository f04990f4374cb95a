#!/usr/bin/env bash
# Builds the app and serves it with the demo back end on one port. Ctrl-C stops it.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
export PATH="$PWD/node_modules/.bin:$HOME/.cargo/bin:$PATH"
ADDR=${ADDR:-127.0.0.1:8080}
# the demo intranet page, on a second origin, embedding the widget both ways
HOST_ADDR=${HOST_ADDR:-127.0.0.1:8081}

bash scripts/build.sh
cargo build --release --locked -p demo-backend
echo
echo "Open http://$ADDR/  (demo personas: http://$ADDR/demo; the widget on an intranet page: http://$HOST_ADDR/)"
exec ./target/release/demo-backend --addr "$ADDR" --host-addr "$HOST_ADDR" --dist dist
