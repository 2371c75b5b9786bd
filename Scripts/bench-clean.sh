#!/bin/sh
# Throughput of the clean stage on one core: the eval corpus repeated to about 50 MB of story text,
# release build. Usage: Scripts/bench-clean.sh [MEGABYTES]; BENCH_RULES_OFF=captions,sign_offs (or all)
# switches rule families off to see what each costs.
set -eu
cd "$(dirname "$0")/.."
swift build -c release ${RELEASE_FLAGS---static-swift-stdlib} --product stage-bench >/dev/null
pin=""
if command -v taskset >/dev/null 2>&1; then pin="taskset -c 0"; fi
$pin .build/release/stage-bench Fixtures/eval/stories "${1:-50}"
