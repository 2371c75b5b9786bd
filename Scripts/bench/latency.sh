#!/usr/bin/env bash
# `make bench-latency`: drop-to-line latency of the running daemon (Scripts/bench/latency.py).
# Environment: RATE (files/s, default 100), SECONDS_RUN (default 30), BENCH_DIR (default /tmp/wirefeed-bench;
# the stories come from its 10k corpus, generated there if missing), SHARED (default ../shared),
# SKIP_BUILD=1 to use the release binary already built. The stages are those of Scripts/bench/e2e.json
# that this build has, with one file sink.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
SHARED=${SHARED:-$ROOT/../shared}
BENCH_DIR=${BENCH_DIR:-/tmp/wirefeed-bench}
CORPUS=$BENCH_DIR/corpus-10000
mkdir -p "$BENCH_DIR"
if [ ! -f "$CORPUS/manifest.json" ]; then
    rm -rf "$CORPUS.partial"
    python3 "$SHARED/bench/gen_corpus.py" --out "$CORPUS.partial" --items 10000 --seed 1
    mv "$CORPUS.partial" "$CORPUS"
fi
BIN=$ROOT/.build/release/wirefeed
if [ "${SKIP_BUILD:-0}" != 1 ]; then
    # Same flags as `make release` and `make bench` (RELEASE_FLAGS): SwiftPM rebuilds everything when they change.
    (cd "$ROOT" && swift build -c release ${RELEASE_FLAGS---static-swift-stdlib} --product wirefeed 2>&1 | tail -1)
fi
STAGES=$BENCH_DIR/latency-stages.json
cp "$ROOT/Scripts/bench/e2e.json" "$STAGES"
if ! "$BIN" check "$STAGES" > "$BENCH_DIR/latency-check.txt" 2>&1; then
    missing=$(sed -n 's/.*stage "\([a-z]*\)" is not available.*/\1/p' "$BENCH_DIR/latency-check.txt" | sort -u | tr '\n' ' ')
    [ -n "$missing" ] || { cat "$BENCH_DIR/latency-check.txt" >&2; exit 1; }
    echo "note: this build lacks stage(s) $missing- the latency run goes without them"
    python3 - "$STAGES" $missing <<'PY'
import json, sys
path, missing = sys.argv[1], set(sys.argv[2:])
config = json.load(open(path))
config["stages"] = [s for s in config["stages"] if s["type"] not in missing]
json.dump(config, open(path, "w"), indent=2)
PY
fi
exec python3 "$ROOT/Scripts/bench/latency.py" "$BIN" "$STAGES" "$CORPUS/wire" "$BENCH_DIR/latency" \
    --rate "${RATE:-100}" --seconds "${SECONDS_RUN:-30}"
