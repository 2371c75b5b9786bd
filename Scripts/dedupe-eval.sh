#!/bin/sh
# Scores our dedupe decisions on a generated corpus with the peers' scorer (shared/bench, see PEERS.md).
#   Scripts/dedupe-eval.sh [ITEMS]            ITEMS defaults to 10000
# Environment: SHARED (default: ../shared beside the repository), DEDUPE_EVAL_DIR (scratch space,
# default /tmp/wirefeed-dedupe-eval; the corpus is generated there, never in the repository),
# THRESHOLD (near-duplicate Jaccard, default the engine's), DATASKETCH=0 to skip the datasketch
# MinHash-LSH peer (run beside ours with the peers' neardup_minhash.py; pip-installed when missing).
# MODE=process scores the whole path instead (readers → configured stages → NDJSON) by running
# `wirefeed process` over the corpus folders (feeds, then wire) with STAGES (a JSON stage list,
# default dedupe alone) and a fresh state folder; MODE=bench (default) runs the dedupe core alone
# over the peers' texts.jsonl (`dedupe-bench eval`), as the near-duplicate peers were run.
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

DECISIONS=$WORK/decisions-$ITEMS.tsv
if [ "${MODE:-bench}" = process ]; then
    (cd "$ROOT" && swift build --product wirefeed 2>&1 | tail -1)
    rm -rf "$WORK/process-state"
    DEFAULT_STAGES='[{"type": "dedupe", "window": "8760h"}]'
    printf '{"state_dir": "%s", "sources": [], "stages": %s, "sinks": [{"name": "out", "type": "stdout"}]}\n' \
        "$WORK/process-state" "${STAGES:-$DEFAULT_STAGES}" > "$WORK/process.json"
    "$ROOT/.build/debug/wirefeed" process --config "$WORK/process.json" "$CORPUS/feeds" "$CORPUS/wire" > "$WORK/process.ndjson"
    "$PY" "$ROOT/Scripts/dedupe-ndjson-to-tsv.py" "$WORK/process.ndjson" "$DECISIONS"
else
    (cd "$ROOT" && swift build -c release ${RELEASE_FLAGS---static-swift-stdlib} --product dedupe-bench 2>&1 | tail -1)
    "$ROOT/.build/release/dedupe-bench" eval "$TEXTS" "$DECISIONS" ${THRESHOLD:+--threshold "$THRESHOLD"}
fi
"$PY" "$SHARED/bench/peers/score_dedupe.py" "$CORPUS" "$DECISIONS" --texts "$TEXTS" --json > "$WORK/score-ours-$ITEMS.json"

# datasketch MinHash-LSH on the same texts, run by the peers' own script (PEERS.md); DATASKETCH=0 skips it.
PEER_SCORE=
if [ "${DATASKETCH:-1}" != 0 ]; then
    DPY=
    for candidate in python3 /usr/bin/python3; do
        if "$candidate" -c 'import datasketch' 2>/dev/null; then DPY=$candidate; break; fi
    done
    if [ -z "$DPY" ]; then
        python3 -m pip install --quiet "datasketch==2.0.0" >&2 && DPY=python3
    fi
    PEER_DECISIONS=$WORK/datasketch-$ITEMS.tsv
    [ -f "$PEER_DECISIONS" ] || "$DPY" "$SHARED/bench/peers/neardup_minhash.py" "$TEXTS" "$PEER_DECISIONS"
    "$PY" "$SHARED/bench/peers/score_dedupe.py" "$CORPUS" "$PEER_DECISIONS" --texts "$TEXTS" --json > "$WORK/score-datasketch-$ITEMS.json"
    PEER_SCORE=$WORK/score-datasketch-$ITEMS.json
fi
"$PY" "$ROOT/Scripts/dedupe-score-table.py" "$WORK/score-ours-$ITEMS.json" $PEER_SCORE

# Story clusters: pairwise precision/recall/F1 against the labels' events.
if [ "${MODE:-bench}" = process ]; then
    "$PY" - "$WORK/process.ndjson" > "$WORK/stories-$ITEMS.tsv" <<'PYEOF'
import json, os, sys
items = [json.loads(line) for line in open(sys.argv[1], encoding="utf-8")]
def key(item):
    return item["guid"] if item["format"] in ("rss", "atom", "rdf") else "wire/" + os.path.basename(item["source"]["path"])
key_by_id = {item["id"]: key(item) for item in items}
for item in items:
    print(key(item) + "\t" + key_by_id.get(item["dedupe"]["story_id"], key(item)))
PYEOF
else
    # Item times for the story window come from the labels' `published` (an item's published_at).
    "$ROOT/.build/release/dedupe-bench" stories "$TEXTS" "$CORPUS/labels.jsonl" "$WORK/stories-$ITEMS.tsv"
fi
"$PY" "$ROOT/Scripts/story-pairs-score.py" "$CORPUS" "$WORK/stories-$ITEMS.tsv"
