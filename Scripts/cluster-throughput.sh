#!/usr/bin/env bash
# Measurement (not a test): items/s of NODES daemons sharing one PostgreSQL, all on this one machine
# (a simulation of a cluster: the nodes, the database and the feed server share its cores).
#   Scripts/cluster-throughput.sh NODES [FEEDS] [ITEMS_PER_FEED] [CONFIGURATION]
# FEEDS feeds on a loopback feed server each hold ITEMS_PER_FEED distinct stories; every node runs the
# dedupe stage on the shared ledger and writes one NDJSON file. Prints the time from the first line to
# the last (every story written once), items/s over it, and the mean ledger latency from /metrics.
set -euo pipefail
cd "$(dirname "$0")/.."
nodes=${1:?NODES}
feeds=${2:-200}
per_feed=${3:-40}
configuration=${4:-release}
swift build -c "$configuration" --product wirefeed >/dev/null
bin=$PWD/.build/$configuration/wirefeed
work=$(mktemp -d /tmp/wirefeed-cluster.XXXXXX)
export PG_TEST_STATE=$work/pg.state
url=$(Scripts/pg-test-server.sh start)
mkfifo "$work/server-in"
FEED_SERVER_NO_LOG=1 python3 Tests/Support/feed_server.py < "$work/server-in" > "$work/server-out" & server=$!
exec 3> "$work/server-in"
pids=()
cleanup() {
    for pid in "${pids[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
    for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
    exec 3>&-; wait $server 2>/dev/null || true
    Scripts/pg-test-server.sh stop
    rm -rf "$work"
}
trap cleanup EXIT
until [ -s "$work/server-out" ]; do sleep 0.05; done
port=$(head -1 "$work/server-out")
python3 - "$work" "$port" "$feeds" "$per_feed" "$nodes" "$url" <<'PY'
import json, os, random, sys, urllib.request
work, port, feeds, per_feed, nodes, url = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4]), int(sys.argv[5]), sys.argv[6]
rng = random.Random(7)
def words(n):
    return " ".join("w%x" % rng.getrandbits(40) for _ in range(n))
for f in range(feeds):
    items = "".join(f"<item><title>Desk {f} story {n}</title><guid>f{f}-{n}</guid><description>{words(60)}</description></item>"
                    for n in range(per_feed))
    body = f'<?xml version="1.0"?><rss version="2.0"><channel><title>Desk {f}</title><link>https://bench.example/</link>{items}</channel></rss>'
    script = {"path": f"/feed-{f}.xml", "responses": [{"body": body, "etag": f'"{f}"'}]}
    urllib.request.urlopen(urllib.request.Request(f"http://127.0.0.1:{port}/_script", json.dumps(script).encode(), method="POST"))
for node in range(nodes):
    folder = f"{work}/node-{node}"
    os.makedirs(folder)
    config = {
        "state_dir": "state", "node": f"node-{node}",
        "state": {"type": "postgres", "url": url, "lease_ttl": "3s"},
        "sources": [{"type": "feed", "name": f"feed-{f}", "url": f"http://127.0.0.1:{port}/feed-{f}.xml",
                     "interval": "30s", "min_interval": "1s", "jitter_percent": 0} for f in range(feeds)],
        "stages": [{"type": "dedupe"}],
        "sinks": [{"name": "all", "type": "file", "path": "out.ndjson", "fsync_interval": "50ms"}],
        "http": {"listen": f"127.0.0.1:{19500 + node}"},
    }
    json.dump(config, open(f"{folder}/pipeline.json", "w"))
PY
total=$((feeds * per_feed))
start=$(date +%s.%N)
for node in $(seq 0 $((nodes - 1))); do
    "$bin" run --config "$work/node-$node/pipeline.json" --log-level error 2>>"$work/daemons.log" & pids+=($!)
done
count() { { cat "$work"/node-*/out.ndjson 2>/dev/null || true; } | wc -l; }
first=
while :; do
    n=$(count)
    now=$(date +%s.%N)
    if [ -z "$first" ] && [ "$n" -gt 0 ]; then first=$now; fi
    if [ "$n" -ge "$total" ]; then break; fi
    if python3 -c "import sys; sys.exit(0 if $now - $start > 600 else 1)"; then echo "timed out at $n of $total" >&2; exit 1; fi
    sleep 0.05
done
last=$(date +%s.%N)
latency=$(for node in $(seq 0 $((nodes - 1))); do curl -s "http://127.0.0.1:$((19500 + node))/metrics"; done \
    | awk '/^wirefeed_ledger_latency_seconds_sum/ {s += $2} /^wirefeed_ledger_latency_seconds_count/ {c += $2} END {if (c) printf "%.2f ms over %d decisions", s / c * 1000, c}')
unique=$(cat "$work"/node-*/out.ndjson | python3 -c 'import sys, json; print(len({json.loads(l)["guid"] for l in sys.stdin}))')
python3 - "$nodes" "$total" "$unique" "$start" "$first" "$last" "$latency" <<'PY'
import sys
nodes, total, unique, start, first, last, latency = sys.argv[1:]
span = float(last) - float(first)
print(f"nodes={nodes} items={total} distinct={unique} first-line-after={float(first) - float(start):.2f}s "
      f"first-to-last={span:.2f}s items/s={int(total) / span:.0f} ledger-latency={latency}")
PY
