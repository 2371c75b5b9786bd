#!/usr/bin/env bash
# Crash test: the release daemon is `kill -9`ed KILLS times at random instants while FILES inputs stream
# into its inbox, and restarted each time; at the end every input's lines must be in the sink exactly
# once, whole, with the inbox drained and every file in done/.
#   Scripts/crash-test.sh [FILES] [KILLS] [SEED]        (defaults 1500 files, 20 kills, seed 1)
# A third of the inputs are RSS files of 5 items, the rest plain-text stories of 1 item; every item's
# headline names its file, so a lost or repeated line is pinned to its input. Exit 0 when all holds.
set -euo pipefail
cd "$(dirname "$0")/.."
files=${1:-1500}
kills=${2:-20}
seed=${3:-1}
RANDOM=$seed
swift build -c release ${RELEASE_FLAGS---static-swift-stdlib} >/dev/null
bin=$PWD/.build/release/wirefeed
work=$(mktemp -d /tmp/wirefeed-crash.XXXXXX)
pid=""
feeder=""
cleanup() {
    [ -n "$pid" ] && kill -9 "$pid" 2>/dev/null || true
    [ -n "$feeder" ] && kill "$feeder" 2>/dev/null || true
    [ -n "${KEEP:-}" ] && echo "kept $work" || rm -rf "$work"
}
trap cleanup EXIT
mkdir -p "$work/inbox" "$work/staging"
cat > "$work/pipeline.json" <<JSON
{"state_dir": "state",
 "sources": [{"type": "inbox", "name": "wires", "path": "inbox", "done": "done", "failed": "failed"}],
 "stages": [],
 "sinks": [{"name": "all", "type": "file", "path": "out/all.ndjson", "fsync_interval": "50ms"}],
 "dead_letter": {"type": "file", "path": "out/dead-letter.ndjson"}}
JSON

# Inputs, and the headlines each must produce (expected.tsv: file <TAB> headline).
python3 - "$work/staging" "$files" > "$work/expected.tsv" <<'PY'
import sys
staging, files = sys.argv[1], int(sys.argv[2])
body = "The harbour board met on Tuesday and agreed a new schedule for the night shift. " * 3
for n in range(files):
    if n % 3 == 0:
        name = f"feed-{n:05d}.xml"
        heads = [f"Crash feed {n} item {i}" for i in range(5)]
        items = "".join(f"<item><title>{h}</title><link>https://example.org/{n}/{i}</link><guid>urn:crash:{n}:{i}</guid>"
                        f"<description>{body}</description></item>" for i, h in enumerate(heads))
        text = f'<?xml version="1.0"?><rss version="2.0"><channel><title>Crash Wire</title><link>https://example.org/</link>{items}</channel></rss>\n'
    else:
        name = f"story-{n:05d}.txt"
        heads = [f"Crash story {n} reaches the desk"]
        text = f"{heads[0]}\n\nPORTVALE - {body}\n\nSecond paragraph of story {n}.\n"
    with open(f"{staging}/{name}", "w") as f:
        f.write(text)
    for h in heads:
        print(f"{name}\t{h}")
PY
expected_lines=$(wc -l < "$work/expected.tsv")

# The feeder moves inputs in (the way producers should), in bursts of 10 spread over the kill phase
# (about 0.8 s per kill), so that kills land while files arrive, wait and are written.
(
    burst_pause=$(python3 -c "print(max(0.001, $kills * 0.8 / ($files / 10)))")
    count=0
    for f in "$work/staging"/*; do
        mv "$f" "$work/inbox/"
        count=$((count + 1))
        if [ $((count % 10)) = 0 ]; then sleep "$burst_pause"; fi
    done
) &
feeder=$!

start() {
    (cd "$work" && exec "$bin" run --config pipeline.json --log-level info >> "$work/daemon.log" 2>&1) &
    pid=$!
}
lines() { wc -l < "$work/out/all.ndjson" 2>/dev/null || echo 0; }

mid_flight=0
for k in $(seq "$kills"); do
    start
    # A random instant: 50 ms to 1.55 s after the start, within reconcile, backlog or idle.
    sleep "$(printf '%d.%03d' $((RANDOM % 2)) $((RANDOM % 1000 + 50)))"
    before=$(lines)
    kill -9 "$pid"
    wait "$pid" 2>/dev/null || true
    pid=""
    waiting=$(find "$work/inbox" -maxdepth 1 -type f | wc -l)
    [ "$waiting" -gt 0 ] && mid_flight=$((mid_flight + 1))
    echo "kill $k: $before lines written before it, $waiting file(s) waiting in the inbox after it"
done

wait "$feeder"
feeder=""
start
t0=$(date +%s)
until [ "$(find "$work/inbox" -maxdepth 1 -type f | wc -l)" = 0 ] && [ "$(ls "$work/done" | wc -l)" = "$files" ]; do
    if [ $(($(date +%s) - t0)) -gt 300 ]; then echo "FAIL: inbox not drained within 300 s"; exit 1; fi
    sleep 0.2
done
kill -TERM "$pid"
status=0
wait "$pid" || status=$?
pid=""

python3 - "$work" "$files" "$status" <<'PY'
import json, sys, collections
work, files, status = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
expected = collections.Counter()
for row in open(f"{work}/expected.tsv"):
    name, head = row.rstrip("\n").split("\t")
    expected[head] += 1
raw = open(f"{work}/out/all.ndjson", "rb").read()
problems = []
if raw and not raw.endswith(b"\n"):
    problems.append("the sink ends in a torn line")
seen, ids = collections.Counter(), collections.Counter()
for number, line in enumerate(raw.splitlines(), 1):
    try:
        item = json.loads(line)
    except ValueError:
        problems.append(f"line {number} is not whole JSON: {line[:60]!r}")
        continue
    seen[item.get("headline")] += 1
    ids[item["id"]] += 1
lost = [h for h in expected if seen[h] == 0]
repeated = [h for h, c in seen.items() if c > 1]
unexpected = [h for h in seen if h not in expected]
if lost: problems.append(f"{len(lost)} line(s) lost, e.g. {lost[:3]}")
if repeated: problems.append(f"{len(repeated)} line(s) written twice, e.g. {repeated[:3]}")
if unexpected: problems.append(f"{len(unexpected)} unexpected line(s), e.g. {unexpected[:3]}")
if any(c > 1 for c in ids.values()): problems.append("an id appears twice")
if status != 0: problems.append(f"the final SIGTERM exited {status}, not 0")
log = open(f"{work}/daemon.log", errors="replace").read()
print(f"inputs {files}, expected lines {sum(expected.values())}, lines in sink {sum(seen.values())}, "
      f"distinct {len(seen)}; torn tails cut on restart: {log.count('cut a torn last line')}; "
      f"files resumed: {log.count('resuming a file')}; files already done, moved without rewriting: "
      f"{log.count('already processed')}")
if problems:
    print("FAIL: " + "; ".join(problems))
    sys.exit(1)
print("PASS: every input's lines exactly once, no torn line, inbox drained, clean exit")
PY
echo "kills landing with files still waiting in the inbox: $mid_flight of $kills; expected lines $expected_lines"
