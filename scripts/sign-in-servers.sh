# Sourced by scripts/test.sh and scripts/run.sh: starts the OpenID provider of the tests and the
# demo (scripts/oidc/provider.mjs) and the demo back end signing in with it, each stopped when the
# calling script exits. Needs node_modules and target/release/demo-backend.

# The API's audience: the app asks the provider for tokens for it, the demo back end takes only those.
AUDIENCE=urn:training-account:api
# The session mode's client secret: from the environment, never on a command line.
export OIDC_BFF_SECRET=${OIDC_BFF_SECRET:-demo-bff-secret}
# what it starts joins scripts/nginx-up.sh's list when both are sourced; either's cleanup stops all
pids=(${pids[@]+"${pids[@]}"})
[ -n "$(trap -p EXIT)" ] || trap 'kill "${pids[@]}" 2>/dev/null || true' EXIT

# wait_for URL: until it answers 2xx, or fail naming it.
wait_for() {
  for _ in $(seq 100); do curl -fs "$1" >/dev/null && return 0; sleep 0.1; done
  echo "nothing answers at $1" >&2
  return 1
}

# provider PORT [provider.mjs options...]: the provider at http://127.0.0.1:PORT.
provider() {
  local port=$1
  shift
  node scripts/oidc/provider.mjs --port "$port" "$@" &
  pids+=($!)
  wait_for "http://127.0.0.1:$port/.well-known/openid-configuration"
}

# demo MODE ADDR ISSUER [demo-backend options...]: the demo back end at ADDR signing in with the
# provider at ISSUER, MODE oidc (the app signs in, the API checks its tokens) or session (the back
# end signs in and keeps the session).
demo() {
  local mode=$1 addr=$2 issuer=$3
  shift 3
  case $mode in
    oidc) ./target/release/demo-backend --addr "$addr" --issuer "$issuer" --audience "$AUDIENCE" "$@" & ;;
    session) OIDC_CLIENT_SECRET=$OIDC_BFF_SECRET ./target/release/demo-backend --addr "$addr" --issuer "$issuer" --session "$@" & ;;
    *) echo "no sign-in mode $mode (oidc or session)" >&2; return 1 ;;
  esac
  pids+=($!)
  wait_for "http://$addr/config.json"
}
