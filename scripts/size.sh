#!/usr/bin/env bash
# Prints what the built bundles ship, raw and brotli: the app (dist/: wasm, JS, CSS, every
# language) and the widget for other sites (dist/widget/, loaded on its own by an intranet page,
# never with the app). Reports only; fails on nothing but a missing build.
# SIZE_DIST=dist-fallback: the sizes of the fallback build.
set -euo pipefail
cd "$(dirname "$0")/.."
DIST=${SIZE_DIST:-dist}
[ -d "$DIST/widget" ] || { echo "size: no $DIST/widget/ (run scripts/build.sh first)" >&2; exit 2; }

measure() { # directory, name
  local dir=$1 name=$2 total_raw=0 total_br=0 raw br f kind
  printf '\n%s (%s)\n%-6s %10s %10s  %s\n' "$name" "$dir" kind raw brotli file
  for kind in wasm js css; do
    for f in "$dir"/*."$kind"; do
      [ -e "$f" ] || continue
      raw=$(stat -c %s "$f")
      br=$(brotli -c -q 11 "$f" | wc -c)
      total_raw=$((total_raw + raw)) total_br=$((total_br + br))
      printf '%-6s %10d %10d  %s\n' "$kind" "$raw" "$br" "${f#"$dir"/}"
    done
  done
  printf '%-6s %10d %10d  (%d.%d KB brotli)\n' total "$total_raw" "$total_br" \
    $((total_br / 1000)) $((total_br % 1000 / 100))
}
measure "$DIST" app
measure "$DIST/widget" widget
