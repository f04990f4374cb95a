#!/usr/bin/env bash
# The benchmark: the built app and widget served as a deployment serves them (deploy/nginx.conf,
# brotli, caching), measured in headless Chromium throttled to a phone (bench/bench.mjs). Prints the
# figures, writes them to bench/results.json (or $BENCH_JSON) and exits non-zero past the targets of
# the performance issue. Not a test: run it after `bash scripts/test.sh`, which builds what it needs.
#   BENCH_RUNS (7) runs per figure; BENCH_PORT (8090), BENCH_API_PORT (8091), BENCH_HOST_PORT (8092).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh >/dev/null
export PATH="$PWD/node_modules/.bin:$PATH"
PORT=${BENCH_PORT:-8090}
API_PORT=${BENCH_API_PORT:-8091}
HOST_PORT=${BENCH_HOST_PORT:-8092}
DIST=dist
export DEPLOY_URL="http://127.0.0.1:$PORT"
export DEPLOY_HOST_URL="http://127.0.0.1:$HOST_PORT"
export BENCH_JSON=${BENCH_JSON:-$PWD/bench/results.json}

step() { printf '\n== %s\n' "$*"; }
fail() { echo "bench: $*" >&2; exit 1; }

. scripts/nginx-up.sh

step "benchmark on $DEPLOY_URL (median of ${BENCH_RUNS:-7} runs)"
BENCH_ROOT="$prefix/root" node bench/bench.mjs
