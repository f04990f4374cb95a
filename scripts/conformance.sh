#!/usr/bin/env bash
# The conformance kit: checks any back end against the API contract, docs/openapi.yaml.
#
#   scripts/conformance.sh BASE_URL [--token TOKEN] [--header 'Name: value'] [--max-examples N]
#
# BASE_URL is the API's base, such as http://127.0.0.1:8097/api (the paths /v1/me... follow it).
# --token TOKEN sends `Authorization: Bearer TOKEN` on every request (and checks that a request
# without it, or with a wrong one, is a 401). Runs schemathesis with the checks of
# scripts/conformance/hooks.py, then the walk of scripts/conformance/walk.py, and prints a summary:
# one line per failure, naming the check, the endpoint and what was wrong. Exits non-zero on any
# failure. docs/implementers.md says what each check means. The tools come from .venv/
# (scripts/python-tools.sh installs them the first time).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
if [ $# -lt 1 ] || [ "${1:-}" = "-h" ] || [ "${1:-}" = "--help" ]; then
  sed -n '2,12p' "$0" | sed 's/^# \{0,1\}//'
  [ $# -lt 1 ] && exit 2 || exit 0
fi
bin=$(bash "$here/python-tools.sh" | tail -n 1)
exec "$bin/python" "$here/conformance/kit.py" "$@"
