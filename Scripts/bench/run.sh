#!/usr/bin/env bash
# `make bench`: our feed-only ingest and our end-to-end pipeline timed beside the peers, in one run, on one
# generated corpus, through ../shared/bench/peers/run_peers.sh; then one table of figures, ratios and goals.
#   Scripts/bench/run.sh                 (ITEMS=10000 by default; ITEMS=100000 for the full run)
# Environment:
#   ITEMS      corpus size (default 10000)
#   BENCH_DIR  scratch space, never the repository (default /tmp/wirefeed-bench): the corpus is cached there
#              by item count (corpus-ITEMS), results go to results-ITEMS, the peers' venv to venv
#   SHARED     the shared folder holding bench/ (default ../shared beside the repository)
#   PEERS_VENV Python venv with the peers' requirements (default BENCH_DIR/venv, created by run_peers.sh)
#   RUNS, WARMUP, SLOW_RUNS, SLOW_WARMUP, ONLY   passed to run_peers.sh (ONLY never skips our two rows)
#   SKIP_BUILD=1  use the release binary already built
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
ITEMS=${ITEMS:-10000}
SHARED=${SHARED:-$ROOT/../shared}
BENCH_DIR=${BENCH_DIR:-/tmp/wirefeed-bench}
PEERS=$SHARED/bench/peers
[ -x "$PEERS/run_peers.sh" ] || { echo "no $PEERS/run_peers.sh (set SHARED to the folder holding bench/)" >&2; exit 2; }
case $BENCH_DIR in "$ROOT"|"$ROOT"/*) echo "BENCH_DIR must be outside the repository" >&2; exit 2 ;; esac
mkdir -p "$BENCH_DIR"
BENCH_DIR=$(cd "$BENCH_DIR" && pwd)
CORPUS=$BENCH_DIR/corpus-$ITEMS
RESULTS=$BENCH_DIR/results-$ITEMS
export PEERS_VENV=${PEERS_VENV:-$BENCH_DIR/venv}

# The corpus is deterministic for (items, seed): generate once per size, into a temporary name first so
# that an interrupted generation is never taken for a finished one.
if [ ! -f "$CORPUS/manifest.json" ]; then
    echo "generating the $ITEMS-item corpus in $CORPUS"
    rm -rf "$CORPUS.partial"
    python3 "$SHARED/bench/gen_corpus.py" --out "$CORPUS.partial" --items "$ITEMS" --seed 1
    rm -rf "$CORPUS"
    mv "$CORPUS.partial" "$CORPUS"
fi

BIN=$ROOT/.build/release/wirefeed
if [ "${SKIP_BUILD:-0}" != 1 ]; then
    (cd "$ROOT" && swift build -c release --product wirefeed 2>&1 | tail -1)
fi
[ -x "$BIN" ] || { echo "no release binary at $BIN" >&2; exit 2; }

# Configs are copied next to the corpus so that their relative state folders land in BENCH_DIR.
WORK=$BENCH_DIR/work
mkdir -p "$WORK"
cp "$ROOT/Scripts/bench/feed-only.json" "$WORK/feed-only.json"
cp "$ROOT/Scripts/bench/e2e.json" "$WORK/e2e.json"
# The card's stages arrive issue by issue: run every stage this build has, and say which one it lacks.
if ! "$BIN" check "$WORK/e2e.json" > "$WORK/check.txt" 2>&1; then
    missing=$(sed -n 's/.*stage "\([a-z]*\)" is not available.*/\1/p' "$WORK/check.txt" | sort -u | tr '\n' ' ')
    [ -n "$missing" ] || { cat "$WORK/check.txt" >&2; exit 1; }
    echo "note: this build lacks stage(s) $missing- the end-to-end row runs without them"
    python3 - "$WORK/e2e.json" $missing <<'PY'
import json, sys
path, missing = sys.argv[1], set(sys.argv[2:])
config = json.load(open(path))
config["stages"] = [s for s in config["stages"] if s["type"] not in missing]
json.dump(config, open(path, "w"), indent=2)
PY
    "$BIN" check "$WORK/e2e.json"
fi
python3 -c 'import json,sys; print("end-to-end stages:", " -> ".join(s["type"] for s in json.load(open(sys.argv[1]))["stages"]))' "$WORK/e2e.json"

# Each timed run starts from an empty state folder, so every run sees the corpus for the first time.
export DAEMON_PARSE_CMD="rm -rf '$WORK/state-feed-only' && '$BIN' process --config '$WORK/feed-only.json' \"\$CORPUS/feeds\" > /dev/null 2> \"\$OUT/daemon-parse.stderr\""
export DAEMON_E2E_CMD="rm -rf '$WORK/state-e2e' && '$BIN' process --config '$WORK/e2e.json' \"\$CORPUS/feeds\" \"\$CORPUS/wire\" > \"\$OUT/daemon-e2e.ndjson\" 2> \"\$OUT/daemon-e2e.stderr\""
"$PEERS/run_peers.sh" "$CORPUS" "$RESULTS" > "$RESULTS.log" 2>&1 || { tail -20 "$RESULTS.log" >&2; exit 1; }

echo
python3 "$ROOT/Scripts/bench/table.py" "$CORPUS" "$RESULTS/times.jsonl" | tee "$RESULTS/table.md"
echo "(peers' log: $RESULTS.log; our outputs: $RESULTS/daemon-*.stderr, $RESULTS/daemon-e2e.ndjson)"
