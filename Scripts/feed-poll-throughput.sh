#!/usr/bin/env bash
# Quick measurement (not a test): how many feeds a minute one daemon polls against a loopback server
# that answers mostly 304 Not Modified, with the per-host cap lifted (every feed is on 127.0.0.1).
#   Scripts/feed-poll-throughput.sh [FEEDS] [INTERVAL] [WINDOW_SECONDS] [CONFIGURATION]
# Each feed's first poll is a 200 (three items, an ETag); every later poll sends If-None-Match and
# gets a 304. After a warm-up, the server counts the requests answered during WINDOW_SECONDS.
# The Python server shares the machine's two cores with the daemon, so the figure is a lower bound.
set -euo pipefail
cd "$(dirname "$0")/.."
feeds=${1:-2000}
interval=${2:-2s}
window=${3:-60}
configuration=${4:-release}
swift build -c "$configuration" --product wirefeed >/dev/null
bin=$PWD/.build/$configuration/wirefeed
work=$(mktemp -d /tmp/wirefeed-poll.XXXXXX)
mkfifo "$work/server-in"
FEED_SERVER_NO_LOG=1 python3 Tests/Support/feed_server.py < "$work/server-in" > "$work/server-out" & server=$!
exec 3> "$work/server-in"   # the server runs until this closes
pid=
trap 'kill -TERM $pid 2>/dev/null || true; exec 3>&-; wait $server 2>/dev/null || true; rm -rf "$work"' EXIT
until [ -s "$work/server-out" ]; do sleep 0.05; done
port=$(head -1 "$work/server-out")
body='<?xml version="1.0"?><rss version="2.0"><channel><title>Bench wire</title><link>https://bench.example/</link>'
for n in 1 2 3; do body+="<item><title>Story $n</title><guid>bench-$n</guid><description>Text of story $n.</description></item>"; done
body+='</channel></rss>'
python3 - "$port" "$body" <<'PY'
import json, sys, urllib.request
port, body = sys.argv[1], sys.argv[2]
script = {"path": "*", "responses": [{"body": body, "etag": '"bench-v1"', "headers": {"Content-Type": "application/rss+xml"}}]}
urllib.request.urlopen(urllib.request.Request(f"http://127.0.0.1:{port}/_script", json.dumps(script).encode(), method="POST"))
PY
python3 - "$work/pipeline.json" "$port" "$feeds" "$interval" <<'PY'
import json, sys
path, port, feeds, interval = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4]
config = {
    "state_dir": "state",
    "sources": [{"type": "feed", "name": f"feed-{n}", "url": f"http://127.0.0.1:{port}/feeds/{n}.xml",
                 "interval": interval, "min_interval": "1s", "jitter_percent": 10} for n in range(feeds)],
    "stages": [],
    "sinks": [{"name": "all", "type": "file", "path": "out/all.ndjson"}],
    "dead_letter": {"type": "file", "path": "out/dead-letter.ndjson"},
    "poller": {"max_per_host": feeds, "max_concurrent": 256},
}
json.dump(config, open(path, "w"), indent=1)
PY
"$bin" check "$work/pipeline.json" >/dev/null
(cd "$work" && exec "$bin" run --config pipeline.json --log-level warning 2> daemon.log) & pid=$!
count() { python3 -c "import json,sys,urllib.request; c=json.load(urllib.request.urlopen('http://127.0.0.1:$port/_count')); print(c['requests'], c['not_modified'])"; }
sleep 15   # warm-up: every feed's first 200 and its three items
read -r r0 n0 < <(count); t0=$(date +%s.%N)
sleep "$window"
read -r r1 n1 < <(count); t1=$(date +%s.%N)
cpu=$(awk '{print ($14 + $15) / 100}' /proc/$pid/stat)
python3 - "$feeds" "$interval" "$r0" "$r1" "$n0" "$n1" "$t0" "$t1" "$(wc -l < "$work/out/all.ndjson")" "$cpu" <<'PY'
import sys
feeds, interval = sys.argv[1], sys.argv[2]
r0, r1, n0, n1 = map(int, sys.argv[3:7]); t0, t1 = float(sys.argv[7]), float(sys.argv[8])
lines, cpu = int(sys.argv[9]), float(sys.argv[10])
polls, minutes = r1 - r0, (t1 - t0) / 60
print(f"{feeds} feeds every {interval}: {polls} polls in {t1 - t0:.1f}s = {polls / minutes:,.0f} feeds/minute "
      f"({(n1 - n0) / max(polls, 1):.1%} answered 304); {lines} items written; daemon CPU so far {cpu:.1f}s")
PY
grep -c "poll failed" "$work/daemon.log" | sed 's/^/failed polls logged: /' || true
