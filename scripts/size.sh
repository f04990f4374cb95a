#!/usr/bin/env bash
# Prints what the built app ships (dist/): wasm, JS and CSS, raw and brotli, against the budget.
# Exits non-zero when the brotli total is over the budget.
set -euo pipefail
cd "$(dirname "$0")/.."
BUDGET_KB=${SIZE_BUDGET_KB:-150}
[ -d dist ] || { echo "size: no dist/ (run trunk build --release first)" >&2; exit 2; }

total_raw=0 total_br=0
printf '%-6s %10s %10s  %s\n' kind raw brotli file
for kind in wasm js css; do
  for f in dist/*."$kind"; do
    [ -e "$f" ] || continue
    raw=$(stat -c %s "$f")
    br=$(brotli -c -q 11 "$f" | wc -c)
    total_raw=$((total_raw + raw)) total_br=$((total_br + br))
    printf '%-6s %10d %10d  %s\n' "$kind" "$raw" "$br" "${f#dist/}"
  done
done
printf '%-6s %10d %10d  (%d.%d KB brotli; budget %d KB)\n' total "$total_raw" "$total_br" \
  $((total_br / 1000)) $((total_br % 1000 / 100)) "$BUDGET_KB"
if [ "$total_br" -gt $((BUDGET_KB * 1000)) ]; then
  echo "size: over the ${BUDGET_KB} KB brotli budget by $(( (total_br - BUDGET_KB * 1000) / 1000 )) KB" >&2
  exit 1
fi
