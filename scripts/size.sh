#!/usr/bin/env bash
# Prints what the built bundles ship, raw and brotli, each against its ceiling: the app (dist/:
# wasm, JS, CSS, every language) and the widget for other sites (dist/widget/, loaded on its own
# by an intranet page, never with the app). Exits non-zero when either is over its ceiling.
# SIZE_DIST=dist-fallback SIZE_REPORT_ONLY=1: the sizes of the fallback build, reported only.
set -euo pipefail
cd "$(dirname "$0")/.."
BUDGET_KB=${SIZE_BUDGET_KB:-180}
WIDGET_BUDGET_KB=${WIDGET_BUDGET_KB:-100}
DIST=${SIZE_DIST:-dist}
[ -d "$DIST/widget" ] || { echo "size: no $DIST/widget/ (run scripts/build.sh first)" >&2; exit 2; }

over=0
measure() { # directory, name, budget in KB
  local dir=$1 name=$2 budget=$3 total_raw=0 total_br=0 raw br f kind
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
  printf '%-6s %10d %10d  (%d.%d KB brotli; ceiling %d KB)\n' total "$total_raw" "$total_br" \
    $((total_br / 1000)) $((total_br % 1000 / 100)) "$budget"
  if [ "$total_br" -gt $((budget * 1000)) ]; then
    if [ "${SIZE_REPORT_ONLY:-0}" = 1 ]; then
      echo "size: $name is $(( total_br - budget * 1000 )) bytes over the ${budget} KB ceiling (reported only)"
    else
      echo "size: $name is over its ${budget} KB brotli ceiling by $(( total_br - budget * 1000 )) bytes" >&2
      over=1
    fi
  fi
}
measure "$DIST" app "$BUDGET_KB"
measure "$DIST/widget" widget "$WIDGET_BUDGET_KB"
exit $over
