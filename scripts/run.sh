#!/usr/bin/env bash
# Builds the app and serves it with the demo back end on one port. Ctrl-C stops it.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
export PATH="$PWD/node_modules/.bin:$HOME/.cargo/bin:$PATH"
ADDR=${ADDR:-127.0.0.1:8080}
# the demo intranet page, on a second origin, embedding the widget both ways
HOST_ADDR=${HOST_ADDR:-127.0.0.1:8081}

# ON_DEVICE=1: the app as a site with no service, which opens a copy the person kept;
# AUTH=oidc: the app signs in with a real OpenID provider (scripts/oidc/provider.mjs) on
# ISSUER_PORT; AUTH=session: the demo back end signs in there and keeps the session
AUTH=${AUTH:-none}
ISSUER_PORT=${ISSUER_PORT:-8120}

bash scripts/build.sh
cargo build --release --locked -p demo-backend
echo
case $AUTH in
  none)
    echo "Open http://$ADDR/  (demo personas: http://$ADDR/demo; the widget on an intranet page: http://$HOST_ADDR/)"
    exec ./target/release/demo-backend --addr "$ADDR" --host-addr "$HOST_ADDR" --dist dist ${ON_DEVICE:+--on-device} ;;
  oidc | session)
    source scripts/sign-in-servers.sh
    provider "$ISSUER_PORT" --app "http://$ADDR"
    demo "$AUTH" "$ADDR" "http://127.0.0.1:$ISSUER_PORT" --host-addr "$HOST_ADDR" --dist dist
    echo
    echo "Open http://$ADDR/ and sign in at the provider (http://127.0.0.1:$ISSUER_PORT) with any name"
    echo "from a to l (the demo persona) and any password. The widget on an intranet page: http://$HOST_ADDR/"
    echo "Ctrl-C stops it."
    wait ;;
  *) echo "AUTH is none, oidc or session, not $AUTH" >&2; exit 1 ;;
esac
