#!/usr/bin/env bash
# Deploy test: the built dist/ behind the production nginx config (deploy/nginx.conf), with the
# demo back end as the API, driven by e2e-deploy/ (headers, compression, caching, CSP, the app,
# deep links, the widget on an intranet origin). Non-zero on any failure. Builds nothing: it needs
# dist/ and target/release/demo-backend from the release build.
#   DEPLOY_PORT (8093) nginx, DEPLOY_API_PORT (8094) demo back end, DEPLOY_HOST_PORT (8095) the
#   intranet page that e2e-deploy serves itself.
#   DEPLOY_DIST (dist) the build to serve.
#   DEPLOY_COMPRESS=1 writes NAME.br/NAME.gz into the temporary copy where the build wrote none:
#   only to try the nginx side before the build does it (it would hide a build that stopped).
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PWD/node_modules/.bin:$PATH"
PORT=${DEPLOY_PORT:-8093}
API_PORT=${DEPLOY_API_PORT:-8094}
HOST_PORT=${DEPLOY_HOST_PORT:-8095}
DIST=${DEPLOY_DIST:-dist}
BROTLI_MODULE=/usr/lib/nginx/modules/ngx_http_brotli_static_module.so
export DEPLOY_URL="http://127.0.0.1:$PORT"
export DEPLOY_HOST_URL="http://127.0.0.1:$HOST_PORT"

step() { printf '\n== %s\n' "$*"; }
fail() { echo "deploy test: $*" >&2; exit 1; }

[ -f "$DIST/index.html" ] && [ -f "$DIST/widget/index.html" ] || fail "$DIST/ is not built (scripts/build.sh)"
[ -x target/release/demo-backend ] || fail "target/release/demo-backend is missing (cargo build --release -p demo-backend)"

if ! command -v nginx >/dev/null || [ ! -f "$BROTLI_MODULE" ]; then
  step "apt: nginx libnginx-mod-http-brotli-static"
  sudo=$([ "$(id -u)" = 0 ] || echo sudo)
  export DEBIAN_FRONTEND=noninteractive
  $sudo apt-get update -qq
  $sudo apt-get install -y -qq nginx libnginx-mod-http-brotli-static >/dev/null
  # apt starts the system service on port 80: this test runs its own nginx
  $sudo service nginx stop >/dev/null 2>&1 || true
  $sudo update-rc.d nginx disable >/dev/null 2>&1 || true
fi

for port in "$PORT" "$API_PORT" "$HOST_PORT"; do
  ! curl -s -o /dev/null "http://127.0.0.1:$port/" || fail "port $port is taken (set DEPLOY_PORT, DEPLOY_API_PORT, DEPLOY_HOST_PORT)"
done

prefix=$(mktemp -d /tmp/deploy-test.XXXXXX)
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
  rm -rf "$prefix"
}
trap cleanup EXIT

step "a world-readable copy of $DIST, its config.json allowing the intranet origin $DEPLOY_HOST_URL"
# mktemp -d is 0700 and nginx's workers run as nobody
chmod 755 "$prefix"
mkdir -p "$prefix/logs" "$prefix/temp"
cp -r "$DIST" "$prefix/root"
# as an operator would edit the deployed config.json: the intranet may embed the widget
node -e '
  const fs = require("fs"), [file, origin] = process.argv.slice(1);
  const config = JSON.parse(fs.readFileSync(file, "utf8"));
  config.embed = { ...config.embed, allowedParentOrigins: [origin] };
  fs.writeFileSync(file, JSON.stringify(config, null, 2) + "\n");
' "$prefix/root/config.json" "$DEPLOY_HOST_URL"
if [ "${DEPLOY_COMPRESS:-}" = 1 ]; then
  echo "DEPLOY_COMPRESS=1: writing .br/.gz into the copy (not into $DIST)"
  find "$prefix/root" -type f \( -name '*.wasm' -o -name '*.js' -o -name '*.css' -o -name '*.html' -o -name '*.svg' \) |
    while read -r f; do
      [ -f "$f.br" ] || brotli -k -q 11 "$f"
      [ -f "$f.gz" ] || gzip -k -9 "$f"
    done
fi
chmod -R a+rX "$prefix/root"

step "nginx on $DEPLOY_URL with deploy/nginx.conf (API: demo back end on port $API_PORT)"
# the operator's file as is, but for the placeholders and the two runtime blocks
awk -v prefix="$prefix" '
  /^# >>> runtime / { print "daemon off;\npid " prefix "/nginx.pid;\nerror_log " prefix "/logs/error.log;"; skip = 1; next }
  /^ *# >>> runtime-http/ {
    print "    access_log " prefix "/logs/access.log;"
    n = split("client_body proxy fastcgi uwsgi scgi", kinds, " ")
    for (i = 1; i <= n; i++) print "    " kinds[i] "_temp_path " prefix "/temp/" kinds[i] ";"
    skip = 1; next
  }
  /^ *# <<< runtime/ { skip = 0; next }
  !skip
' deploy/nginx.conf |
  sed -e "s|@PORT@|127.0.0.1:$PORT|g" -e "s|@ROOT@|$prefix/root|g" \
    -e "s|@API@|http://127.0.0.1:$API_PORT|g" -e "s|@INTRANET@|$DEPLOY_HOST_URL|g" >"$prefix/nginx.conf"
! grep -n '@[A-Z]*@' "$prefix/nginx.conf" || fail "a placeholder is left in the config"
grep -qx 'daemon off;' "$prefix/nginx.conf" || fail "deploy/nginx.conf's runtime block was not replaced"
nginx -t -q -p "$prefix" -e "$prefix/logs/error.log" -c "$prefix/nginx.conf" || {
  cat "$prefix/logs/error.log" >&2
  fail "nginx rejects the config"
}

./target/release/demo-backend --addr "127.0.0.1:$API_PORT" --dist "$DIST" >"$prefix/logs/demo.log" 2>&1 &
pids+=($!)
nginx -p "$prefix" -e "$prefix/logs/error.log" -c "$prefix/nginx.conf" &
pids+=($!)
for _ in $(seq 50); do
  curl -fs -o /dev/null "$DEPLOY_URL/" && curl -fs -o /dev/null "$DEPLOY_URL/api/v1/me" && break
  sleep 0.1
done
# the tests must talk to this run's servers, not to ones left on the ports
for pid in "${pids[@]}"; do
  kill -0 "$pid" 2>/dev/null || { cat "$prefix/logs/"*.log >&2; fail "the demo back end or nginx did not start"; }
done
curl -fs -o /dev/null "$DEPLOY_URL/api/v1/me" || { cat "$prefix/logs/error.log" >&2; fail "nginx does not answer $DEPLOY_URL/api/v1/me"; }

step "deploy tests (Playwright, Chromium) on $DEPLOY_URL, intranet page on $DEPLOY_HOST_URL"
# e2e/browser.mjs's helpers open E2E_BASE_URL: here, nginx
export E2E_BASE_URL=$DEPLOY_URL
export E2E_SCREENSHOTS=${E2E_SCREENSHOTS:-$PWD/e2e/screenshots}/deploy
status=0
node --test e2e-deploy/ || status=$?
[ "$status" = 0 ] || { echo "nginx error log:"; tail -n 20 "$prefix/logs/error.log"; }
exit "$status"
