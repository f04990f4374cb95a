#!/usr/bin/env bash
# Runs every test: native domain tests, component tests in headless Chromium, the shipped size,
# end-to-end tests (languages, accessibility, keyboard, hostile back ends) against the built app
# and the demo back end, a smoke suite of them in Firefox ESR and WebKit, the deploy tests behind
# nginx, and the Lighthouse accessibility score.
# Non-zero on any failure.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
export PATH="$PWD/node_modules/.bin:$HOME/.cargo/bin:$PATH"
export CHROMEDRIVER=${CHROMEDRIVER:-/usr/bin/chromedriver}
E2E_PORT=${E2E_PORT:-8097}
export E2E_BASE_URL="http://127.0.0.1:$E2E_PORT"
E2E_HOST_PORT=${E2E_HOST_PORT:-8098}
export E2E_HOST_URL="http://127.0.0.1:$E2E_HOST_PORT"
export E2E_SCREENSHOTS=${E2E_SCREENSHOTS:-$PWD/e2e/screenshots}

step() { printf '\n== %s\n' "$*"; }

step "native tests: domain, contract, config, demo back end"
cargo test --locked --workspace

step "the API contract: docs/openapi.yaml linted (openapi-spec-validator), fixtures and examples checked against it"
bash scripts/openapi-check.sh

step "component tests in headless Chromium (wasm-bindgen-test)"
cargo test --locked --target wasm32-unknown-unknown --test components --test transport

step "release build"
bash scripts/build.sh
cargo build --release --locked -p demo-backend

step "shipped size"
bash scripts/size.sh

step "end-to-end tests (Playwright, Chromium) on $E2E_BASE_URL, signing in with a real OpenID provider, and the smoke suite in Firefox ESR and WebKit"
source scripts/sign-in-servers.sh
./target/release/demo-backend --addr "127.0.0.1:$E2E_PORT" --host-addr "127.0.0.1:$E2E_HOST_PORT" --dist dist &
server=$!
pids+=($server)
wait_for "$E2E_BASE_URL/api/v1/me"
# the tests must talk to this run's server, not to one left on the port
kill -0 "$server" 2>/dev/null || { echo "the demo back end did not start on port $E2E_PORT" >&2; exit 1; }
# sign-in: a provider whose access tokens live 20 s (so the tests see them renewed), a second one
# (its tokens must be refused), the app signing in (oidc) and the back end signing in (session)
read -r oidc_port session_port session_host_port issuer_port other_port <<<"${E2E_SIGN_IN_PORTS:-8102 8103 8104 8120 8121}"
export E2E_OIDC_URL="http://127.0.0.1:$oidc_port" E2E_SESSION_URL="http://127.0.0.1:$session_port"
export E2E_SESSION_HOST_URL="http://127.0.0.1:$session_host_port"
export E2E_ISSUER="http://127.0.0.1:$issuer_port" E2E_OTHER_ISSUER="http://127.0.0.1:$other_port"
# the fault matrix's servers (e2e/faults.test.mjs): the demo back end with its fault layer, with
# the widget's intranet page, and signing in
read -r faults_port faults_host_port faults_oidc_port <<<"${E2E_FAULTS_PORTS:-8111 8112 8113}"
export E2E_FAULTS_URL="http://127.0.0.1:$faults_port" E2E_FAULTS_HOST_URL="http://127.0.0.1:$faults_host_port"
export E2E_FAULTS_OIDC_URL="http://127.0.0.1:$faults_oidc_port"
provider "$issuer_port" --app "$E2E_OIDC_URL" --app "$E2E_SESSION_URL" --app "$E2E_FAULTS_OIDC_URL" --access-ttl 20 --test-controls
provider "$other_port" --app "$E2E_OIDC_URL"
demo oidc "127.0.0.1:$oidc_port" "$E2E_ISSUER" --dist dist
demo session "127.0.0.1:$session_port" "$E2E_ISSUER" --dist dist --host-addr "127.0.0.1:$session_host_port"
demo oidc "127.0.0.1:$faults_oidc_port" "$E2E_ISSUER" --dist dist --faults
./target/release/demo-backend --addr "127.0.0.1:$faults_port" --host-addr "127.0.0.1:$faults_host_port" --dist dist --faults &
pids+=($!)
wait_for "$E2E_FAULTS_URL/config.json"
# the app as a site without a service: the person opens a copy they kept
E2E_DEVICE_PORT=${E2E_DEVICE_PORT:-8108}
export E2E_DEVICE_URL="http://127.0.0.1:$E2E_DEVICE_PORT"
./target/release/demo-backend --addr "127.0.0.1:$E2E_DEVICE_PORT" --dist dist --on-device &
pids+=($!)
wait_for "$E2E_DEVICE_URL/config.json"
node --test e2e/
echo "screenshots: $E2E_SCREENSHOTS"

step "conformance kit (scripts/conformance.sh): the demo back end passes, a broken copy of its fixtures fails"
bash scripts/conformance-test.sh

step "deploy: the build behind deploy/nginx.conf with the strict CSP (installs nginx when missing)"
bash scripts/deploy-test.sh

step "accessibility score of the dashboard (Lighthouse)"
node e2e/lighthouse.mjs

step "fallback build without the unstable options (must build; its size is reported)"
FALLBACK=1 bash scripts/build.sh
SIZE_DIST=dist-fallback bash scripts/size.sh
