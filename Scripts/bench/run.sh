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
#   RELEASE_FLAGS flags for the release build (default --static-swift-stdlib, as `make release`)
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

RELEASE_FLAGS=${RELEASE_FLAGS---static-swift-stdlib}
BIN=$ROOT/.build/release/wirefeed
DEDUPE_BIN=$ROOT/.build/release/dedupe-bench
if [ "${SKIP_BUILD:-0}" != 1 ]; then
    # The Swift runtime linked statically, as `make release` links it (RELEASE_FLAGS, see the Makefile):
    # a smaller start-up and peak RSS, and the same flags as `make release`, so neither rebuilds all.
    (cd "$ROOT" && swift build -c release $RELEASE_FLAGS --product wirefeed 2>&1 | tail -1)
    (cd "$ROOT" && swift build -c release $RELEASE_FLAGS --product dedupe-bench 2>&1 | tail -1)
fi
[ -x "$BIN" ] || { echo "no release binary at $BIN" >&2; exit 2; }
[ -x "$DEDUPE_BIN" ] || { echo "no release binary at $DEDUPE_BIN" >&2; exit 2; }

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
e2e_cmd() {  # $1 = threads, $2 = row name
    echo "rm -rf '$WORK/state-e2e' && '$BIN' process --threads $1 --config '$WORK/e2e.json' \"\$CORPUS/feeds\" \"\$CORPUS/wire\" > \"\$OUT/$2.ndjson\" 2> \"\$OUT/$2.stderr\""
}
export DAEMON_E2E_CMD=$(e2e_cmd 1 daemon-e2e)
"$PEERS/run_peers.sh" "$CORPUS" "$RESULTS" > "$RESULTS.log" 2>&1 || { tail -20 "$RESULTS.log" >&2; exit 1; }
# The same pipeline on both cores (`--threads 2`): run_peers.sh knows one end-to-end row, so this one is
# timed right after it by the same harness into the same times.jsonl. Its output must equal the one-thread
# output line for line (received_at aside): checked here, since a faster wrong answer is no result.
CORPUS=$CORPUS OUT=$RESULTS "$PEERS_VENV/bin/python" "$PEERS/timecmd.py" -n "${RUNS:-5}" --warmup "${WARMUP:-1}" \
    --name daemon-e2e-2t --json "$RESULTS/times.jsonl" -- sh -c "$(e2e_cmd 2 daemon-e2e-2t)" >> "$RESULTS.log" 2>&1
# The near-duplicate stage alone: the dedupe core over the peers' texts.jsonl (as minhash-lsh reads it),
# same harness and runs as the slow peers, scored by the peers' scorer.
"$PEERS_VENV/bin/python" "$PEERS/timecmd.py" -n "${SLOW_RUNS:-3}" --warmup "${SLOW_WARMUP:-0}" \
    --name daemon-dedupe --json "$RESULTS/times.jsonl" -- \
    "$DEDUPE_BIN" eval "$RESULTS/texts.jsonl" "$RESULTS/daemon-dedupe.tsv" >> "$RESULTS.log" 2>&1
"$PEERS_VENV/bin/python" "$PEERS/score_dedupe.py" "$CORPUS" "$RESULTS/daemon-dedupe.tsv" \
    --texts "$RESULTS/texts.jsonl" --json > "$RESULTS/score-daemon-dedupe.json"
# The dedupe index as it grows (synthetic signatures, INDEX_ITEMS, default 1M): CPU µs per lookup + insert
# and bytes per stored item, one row per 10k items.
"$DEDUPE_BIN" index-cost --items "${INDEX_ITEMS:-1000000}" --every 10000 > "$RESULTS/index-cost.tsv" 2>> "$RESULTS.log"
strip_time() { sed 's/"received_at":"[^"]*"//' "$1"; }
if ! cmp -s <(strip_time "$RESULTS/daemon-e2e.ndjson") <(strip_time "$RESULTS/daemon-e2e-2t.ndjson"); then
    echo "MISMATCH: --threads 2 output differs from --threads 1 ($RESULTS/daemon-e2e*.ndjson)" >&2
    exit 1
fi

echo
python3 "$ROOT/Scripts/bench/table.py" "$CORPUS" "$RESULTS/times.jsonl" "$RESULTS" | tee "$RESULTS/table.md"
echo "(peers' log: $RESULTS.log; our outputs: $RESULTS/daemon-*.stderr, $RESULTS/daemon-e2e.ndjson)"
