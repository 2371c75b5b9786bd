#!/bin/sh
# Index cost of the dedupe core: µs per lookup+insert and bytes per stored item as the index grows.
#   Scripts/dedupe-index-bench.sh [ITEMS]     ITEMS defaults to 1000000; one row per 10,000 items
# Synthetic signatures (a tenth near copies), so the figures are the index's alone, not shingling's.
set -eu
ROOT=$(cd "$(dirname "$0")/.." && pwd)
ITEMS=${1:-1000000}
(cd "$ROOT" && swift build -c release ${RELEASE_FLAGS---static-swift-stdlib} --product dedupe-bench 2>&1 | tail -1)
OUT=${DEDUPE_BENCH_OUT:-/tmp/wirefeed-dedupe-index-bench.tsv}
"$ROOT/.build/release/dedupe-bench" index-cost --items "$ITEMS" --every 10000 > "$OUT"
# Rows worth reading: items 10k-20k, 100k, and the last block.
awk -v last="$ITEMS" 'NR == 1 || $1 == 20000 || $1 == 100000 || $1 == last' "$OUT"
echo "(all rows: $OUT)"
