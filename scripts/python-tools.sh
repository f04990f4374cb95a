#!/usr/bin/env bash
# Installs the Python tools of the contract checks into .venv/ (in the repo, git-ignored), at the
# exact versions of scripts/python-tools.txt: openapi-spec-validator (lints docs/openapi.yaml in
# scripts/test.sh) and schemathesis (scripts/conformance.sh). From PyPI only. Idempotent: skipped
# when .venv/ already holds exactly that list. Prints the venv's bin directory on its last line.
set -euo pipefail
cd "$(dirname "$0")/.."

VENV=${PYTHON_TOOLS_VENV:-$PWD/.venv}
REQUIREMENTS=scripts/python-tools.txt
STAMP="$VENV/.python-tools.sha256"
want=$(sha256sum "$REQUIREMENTS" | cut -d' ' -f1)

if [ -x "$VENV/bin/schemathesis" ] && [ -x "$VENV/bin/openapi-spec-validator" ] \
  && [ "$(cat "$STAMP" 2>/dev/null)" = "$want" ]; then
  echo "$VENV/bin"
  exit 0
fi

command -v python3 >/dev/null || { echo "python3 is needed (3.10 or later)" >&2; exit 1; }
python3 -c 'import sys; sys.exit(sys.version_info < (3, 10))' \
  || { echo "python3 $(python3 -V) is too old: 3.10 or later is needed" >&2; exit 1; }
if ! python3 -m venv --help >/dev/null 2>&1; then
  # Debian's python3 keeps venv in a package of its own
  apt-get install -y python3-venv >&2
fi

echo "installing the Python tools into $VENV (scripts/python-tools.txt)" >&2
rm -f "$STAMP"
[ -x "$VENV/bin/pip" ] || python3 -m venv "$VENV" >&2
"$VENV/bin/pip" install --quiet --disable-pip-version-check --no-input -r "$REQUIREMENTS" >&2
echo "$want" >"$STAMP"
echo "$VENV/bin"
