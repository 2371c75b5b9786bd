#!/bin/sh
# Throughput of the text stages on one core (issue 4's bar: clean and extract together >= 50 MB/s of
# story text), release build: `clean` alone and `clean` + `extract` on
#   - the eval stories (Fixtures/eval/stories: short HTML and plain-text stories, ~900 B each), and
#   - the wire stories of the benchmark corpus (plain text, ~2.75 KB each) when `make bench` has
#     generated it under BENCH_DIR (default /tmp/wirefeed-bench, corpus-ITEMS, ITEMS default 10000),
# each repeated to about MEGABYTES of story text (default 50).
# Usage: Scripts/bench-clean.sh [MEGABYTES]; BENCH_RULES_OFF=captions,sign_offs (or all) switches clean's
# rule families off to see what each costs; BENCH_ENRICH=1 times enrich alone instead (eval stories).
set -eu
cd "$(dirname "$0")/.."
megabytes=${1:-50}
swift build -c release ${RELEASE_FLAGS---static-swift-stdlib} --product stage-bench >/dev/null
pin=""
if command -v taskset >/dev/null 2>&1; then pin="taskset -c 0"; fi
if [ "${BENCH_ENRICH:-0}" = 1 ]; then
    exec $pin .build/release/stage-bench Fixtures/eval/stories "$megabytes"
fi
wire="${BENCH_DIR:-/tmp/wirefeed-bench}/corpus-${ITEMS:-10000}/wire"
for corpus in Fixtures/eval/stories "$wire"; do
    if [ ! -d "$corpus" ]; then
        echo "$corpus: not there (make bench generates it); skipped"
        continue
    fi
    echo "$corpus:"
    BENCH_EXTRACT=0 $pin .build/release/stage-bench "$corpus" "$megabytes"
    BENCH_EXTRACT=1 $pin .build/release/stage-bench "$corpus" "$megabytes"
done
