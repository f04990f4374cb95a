#!/usr/bin/env bash
# Tests the conformance kit (scripts/conformance.sh) on the demo back end, twice:
#   1. with the real fixtures (persona a, the default): the kit must pass with 0 failures;
#   2. with a broken copy of them (a number for a name, a string for a duration, a year's
#      entitlement that no longer matches the ledger): the kit must fail and name each problem.
# Needs target/release/demo-backend (cargo build --release -p demo-backend). Ports 8114 and 8115
# (CONFORMANCE_TEST_PORTS="GOOD BAD" to change them); the servers it starts are stopped on exit.
set -euo pipefail
cd "$(dirname "$0")/.."

read -r good_port bad_port <<<"${CONFORMANCE_TEST_PORTS:-8114 8115}"
backend=./target/release/demo-backend
[ -x "$backend" ] || { echo "$backend is missing: cargo build --release -p demo-backend" >&2; exit 1; }
bash scripts/python-tools.sh >/dev/null

work=$(mktemp -d)
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  rm -rf "$work"
}
trap cleanup EXIT

# the API alone: any folder with an index.html serves as the app
mkdir -p "$work/dist"
echo '<!doctype html><title>conformance test</title>' >"$work/dist/index.html"

# the broken copy of the fixtures
cp -r demo/fixtures "$work/broken"
python3 - "$work/broken/a" <<'EOF'
import json, os, sys
a = sys.argv[1]
def edit(name, change):
    path = os.path.join(a, name)
    with open(path) as f:
        value = json.load(f)
    change(value)
    with open(path, "w") as f:
        json.dump(value, f, indent=1)
edit("me.json", lambda me: me.update(givenName=42))
edit("trainings.json", lambda ts: ts[0].update(durationMinutes="135"))
edit("entitlements-2025.json", lambda e: e["items"][0].update(total=4.0))
EOF

start() { # PORT FIXTURES
  local url="http://127.0.0.1:$1/api/v1/me"
  if curl -fs -o /dev/null "$url"; then
    echo "port $1 is taken by another server: set CONFORMANCE_TEST_PORTS" >&2
    exit 1
  fi
  "$backend" --addr "127.0.0.1:$1" --dist "$work/dist" --fixtures "$2" >"$work/server-$1.log" 2>&1 &
  pids+=($!)
  for _ in $(seq 50); do curl -fs -o /dev/null "$url" && break; sleep 0.1; done
  kill -0 "${pids[-1]}" 2>/dev/null || { echo "the demo back end did not start on port $1:" >&2; cat "$work/server-$1.log" >&2; exit 1; }
}
start "$good_port" demo/fixtures
start "$bad_port" "$work/broken"

passed=0 failed=0
ok() { echo "ok: $*"; passed=$((passed + 1)); }
bad() { echo "FAILED: $*"; failed=$((failed + 1)); }

echo "-- the demo back end with its own fixtures must pass"
if bash scripts/conformance.sh "http://127.0.0.1:$good_port/api" >"$work/good.txt" 2>&1; then
  ok "the kit passes on the demo back end"
else
  bad "the kit fails on the demo back end"
fi
sed -n '/CONFORMANCE SUMMARY/,$p' "$work/good.txt"
grep -q '^0 failures' "$work/good.txt" || bad "the passing run's summary does not say 0 failures"

echo "-- the demo back end with broken fixtures must fail, naming each problem"
if bash scripts/conformance.sh "http://127.0.0.1:$bad_port/api" >"$work/bad.txt" 2>&1; then
  bad "the kit passes on a broken back end"
else
  ok "the kit fails on the broken back end"
fi
sed -n '/CONFORMANCE SUMMARY/,$p' "$work/bad.txt" | cut -c1-240
for expected in \
  'FAIL \[[^]]*\] GET /v1/me: givenName: 42 is not of type' \
  'FAIL \[response_schema\] GET /v1/me/trainings.*durationMinutes.*'"'"'135'"'"' is not of type '"'"'integer'"'" \
  'FAIL \[ledger_matches_entitlements\] GET /v1/me/entitlements?year=2025: .*entitled is 5.*total is 4' \
  'FAIL \[entitlement_rules\] GET /v1/me/entitlements?year=2025: .*total 4'; do
  if sed -n '/CONFORMANCE SUMMARY/,$p' "$work/bad.txt" | grep -q -- "$expected"; then
    ok "the summary names: $expected"
  else
    bad "the summary does not name: $expected"
  fi
done

echo "conformance: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
