#!/usr/bin/env bash
# Deploy test: the built dist/ behind the production nginx config (deploy/nginx.conf), with the
# demo back end as the API, driven by e2e-deploy/ (headers, compression, caching, CSP, the app,
# deep links, the widget on an intranet origin). Non-zero on any failure. Builds nothing: it needs
# dist/ and target/release/demo-backend from the release build.
#   DEPLOY_PORT (8093) nginx, DEPLOY_API_PORT (8094) demo back end, DEPLOY_HOST_PORT (8095) the
#   intranet page that e2e-deploy serves itself; for signing in behind nginx, DEPLOY_SIGN_IN_PORTS
#   (8105 8106 8107 8122): nginx, demo back end, intranet page and the OpenID provider.
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
export DEPLOY_URL="http://127.0.0.1:$PORT"
export DEPLOY_HOST_URL="http://127.0.0.1:$HOST_PORT"

step() { printf '\n== %s\n' "$*"; }
fail() { echo "deploy test: $*" >&2; exit 1; }

. scripts/nginx-up.sh

step "deploy tests (Playwright, Chromium) on $DEPLOY_URL, intranet page on $DEPLOY_HOST_URL"
# e2e/browser.mjs's helpers open E2E_BASE_URL: here, nginx
export E2E_BASE_URL=$DEPLOY_URL
export E2E_SCREENSHOTS=${E2E_SCREENSHOTS:-$PWD/e2e/screenshots}/deploy
status=0
node --test e2e-deploy/deploy.test.mjs || status=$?
[ "$status" = 0 ] || { echo "nginx error log:"; tail -n 20 "$prefix/logs/error.log"; exit "$status"; }

# the same, with the app signing in: the CSP's connect-src names the provider, nothing else
read -r PORT API_PORT HOST_PORT issuer_port <<<"${DEPLOY_SIGN_IN_PORTS:-8105 8106 8107 8122}"
(
  export DEPLOY_URL="http://127.0.0.1:$PORT" DEPLOY_HOST_URL="http://127.0.0.1:$HOST_PORT" E2E_BASE_URL="http://127.0.0.1:$PORT"
  export DEPLOY_ISSUER="http://127.0.0.1:$issuer_port"
  source scripts/sign-in-servers.sh
  . scripts/nginx-up.sh
  provider "$issuer_port" --app "$DEPLOY_URL" --access-ttl 20
  step "signing in behind nginx on $DEPLOY_URL with the OpenID provider $DEPLOY_ISSUER"
  node --test e2e-deploy/signin.test.mjs || { echo "nginx error log:"; tail -n 20 "$prefix/logs/error.log"; exit 1; }
)
