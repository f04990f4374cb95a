#!/usr/bin/env bash
# Builds the app and serves it with the demo back end on one port. Ctrl-C stops it.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
export PATH="$PWD/node_modules/.bin:$HOME/.cargo/bin:$PATH"
ADDR=${ADDR:-127.0.0.1:8080}

bash scripts/build.sh
cargo build --release --locked -p demo-backend
echo
echo "Open http://$ADDR/  (demo personas: http://$ADDR/demo)"
exec ./target/release/demo-backend --addr "$ADDR" --dist dist
