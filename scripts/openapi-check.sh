#!/usr/bin/env bash
# Lints the API contract (docs/openapi.yaml, or the file given) with openapi-spec-validator, then
# checks the demo's fixtures, the examples of docs/api-v1.md and public/config.json against it
# (scripts/conformance/fixtures.py). Both tools come from .venv/ (scripts/python-tools.sh).
# Non-zero on any problem.
set -euo pipefail
cd "$(dirname "$0")/.."
spec=${1:-docs/openapi.yaml}
bin=$(bash scripts/python-tools.sh | tail -n 1)
echo "openapi-spec-validator $("$bin/python" -c 'import importlib.metadata as m; print(m.version("openapi-spec-validator"))'): $spec"
"$bin/openapi-spec-validator" "$spec"
"$bin/python" scripts/conformance/fixtures.py
