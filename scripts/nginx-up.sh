# Sourced by scripts/deploy-test.sh and scripts/bench.sh: serves a world-readable copy of $DIST
# with the repo's own deploy/nginx.conf (placeholders filled in, its own prefix, pid and logs) on
# $PORT, the demo back end on $API_PORT as its API, and the intranet origin $DEPLOY_HOST_URL
# allowed to embed the widget; both are stopped when the calling script exits. Installs nginx and
# its brotli module when they are missing. Expects PORT, API_PORT, HOST_PORT, DIST, DEPLOY_URL,
# DEPLOY_HOST_URL and the functions step and fail; leaves $prefix (its logs in $prefix/logs).
# With DEPLOY_ISSUER (an OpenID provider's URL) the app signs in there (config.json's auth.mode
# oidc), the CSP names it and the demo back end takes only its tokens.
BROTLI_MODULE=/usr/lib/nginx/modules/ngx_http_brotli_static_module.so

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

prefix=$(mktemp -d /tmp/nginx-up.XXXXXX)
# with what scripts/sign-in-servers.sh may have started: one cleanup stops them all
pids=(${pids[@]+"${pids[@]}"})
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
  const fs = require("fs"), [file, origin, issuer, audience] = process.argv.slice(1);
  const config = JSON.parse(fs.readFileSync(file, "utf8"));
  config.embed = { ...config.embed, allowedParentOrigins: [origin] };
  // and, with a provider, the sign-in as scripts/sign-in-servers.sh has the demo back end serve it
  if (issuer) config.auth = { mode: "oidc", issuer, clientId: "training-account", scopes: ["profile", "api"], resource: audience };
  fs.writeFileSync(file, JSON.stringify(config, null, 2) + "\n");
' "$prefix/root/config.json" "$DEPLOY_HOST_URL" "${DEPLOY_ISSUER:-}" "${AUDIENCE:-}"
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
    -e "s|@API@|http://127.0.0.1:$API_PORT|g" -e "s|@INTRANET@|$DEPLOY_HOST_URL|g" \
    -e "s|@SIGN_IN@|${DEPLOY_ISSUER:+ $(node -p 'new URL(process.argv[1]).origin' "$DEPLOY_ISSUER")}|g" >"$prefix/nginx.conf"
! grep -n '@[A-Z]*@' "$prefix/nginx.conf" || fail "a placeholder is left in the config"
grep -qx 'daemon off;' "$prefix/nginx.conf" || fail "deploy/nginx.conf's runtime block was not replaced"
nginx -t -q -p "$prefix" -e "$prefix/logs/error.log" -c "$prefix/nginx.conf" || {
  cat "$prefix/logs/error.log" >&2
  fail "nginx rejects the config"
}

sign_in=()
[ -z "${DEPLOY_ISSUER:-}" ] || sign_in=(--issuer "$DEPLOY_ISSUER" --audience "$AUDIENCE")
./target/release/demo-backend --addr "127.0.0.1:$API_PORT" --dist "$DIST" "${sign_in[@]}" >"$prefix/logs/demo.log" 2>&1 &
pids+=($!)
nginx -p "$prefix" -e "$prefix/logs/error.log" -c "$prefix/nginx.conf" &
pids+=($!)
for _ in $(seq 50); do
  curl -fs -o /dev/null "$DEPLOY_URL/" && curl -fs -o /dev/null "$DEPLOY_URL/api/openapi.yaml" && break
  sleep 0.1
done
# the tests must talk to this run's servers, not to ones left on the ports
for pid in "${pids[@]}"; do
  kill -0 "$pid" 2>/dev/null || { cat "$prefix/logs/"*.log >&2; fail "the demo back end or nginx did not start"; }
done
curl -fs -o /dev/null "$DEPLOY_URL/api/openapi.yaml" || { cat "$prefix/logs/error.log" >&2; fail "nginx does not answer $DEPLOY_URL/api/openapi.yaml"; }

