#!/bin/sh
# Scores our dedupe decisions on a generated corpus with the peers' scorer (shared/bench, see PEERS.md).
#   Scripts/dedupe-eval.sh [ITEMS]            ITEMS defaults to 10000
# Environment: SHARED (default: ../shared beside the repository), DEDUPE_EVAL_DIR (scratch space,
# default /tmp/wirefeed-dedupe-eval; the corpus is generated there, never in the repository),
# THRESHOLD (near-duplicate Jaccard, default the engine's).
set -eu
ROOT=$(cd "$(dirname "$0")/.." && pwd)
ITEMS=${1:-10000}
SHARED=${SHARED:-$ROOT/../shared}
WORK=${DEDUPE_EVAL_DIR:-/tmp/wirefeed-dedupe-eval}
CORPUS=$WORK/corpus-$ITEMS
TEXTS=$WORK/texts-$ITEMS.jsonl
[ -f "$SHARED/bench/gen_corpus.py" ] || { echo "no $SHARED/bench/gen_corpus.py (set SHARED)" >&2; exit 2; }

# textprep.py (the peers' text extraction) needs lxml: use the first python3 that has it.
PY=
for candidate in python3 /usr/bin/python3; do
    if "$candidate" -c 'import lxml' 2>/dev/null; then PY=$candidate; break; fi
done
[ -n "$PY" ] || { echo "textprep.py needs lxml: apt-get install python3-lxml" >&2; exit 2; }

mkdir -p "$WORK"
if [ ! -f "$CORPUS/labels.jsonl" ]; then
    "$PY" "$SHARED/bench/gen_corpus.py" --out "$CORPUS" --items "$ITEMS" --seed 1
fi
[ -f "$TEXTS" ] || "$PY" "$SHARED/bench/peers/textprep.py" "$CORPUS" "$TEXTS"

(cd "$ROOT" && swift build -c release --product dedupe-bench 2>&1 | tail -1)
"$ROOT/.build/release/dedupe-bench" eval "$TEXTS" "$WORK/decisions-$ITEMS.tsv" ${THRESHOLD:+--threshold "$THRESHOLD"}
"$PY" "$SHARED/bench/peers/score_dedupe.py" "$CORPUS" "$WORK/decisions-$ITEMS.tsv" --texts "$TEXTS"
