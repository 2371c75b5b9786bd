#!/usr/bin/env bash
# Quick measurement (not a test, not the benchmark): how many items/s the spine moves with no stages,
# inbox → reader → queued pipeline → fsync'd NDJSON file sink.
#   Scripts/spine-throughput.sh [FILES] [ITEMS_PER_FEED]
# Phase 1 drops FILES plain-text stories (one item each) into the inbox at once;
# phase 2 drops one RSS 2.0 file holding ITEMS_PER_FEED items.
set -euo pipefail
cd "$(dirname "$0")/.."
files=${1:-5000}
feed_items=${2:-10000}
swift build -c release ${RELEASE_FLAGS---static-swift-stdlib} >/dev/null
bin=.build/release/wirefeed
work=$(mktemp -d /tmp/wirefeed-spine.XXXXXX)
trap 'kill $pid 2>/dev/null || true; rm -rf "$work"' EXIT
mkdir -p "$work/inbox" "$work/staging"
cat > "$work/pipeline.json" <<JSON
{"state_dir": "state",
 "sources": [{"type": "inbox", "name": "wires", "path": "inbox", "done": "done", "failed": "failed"}],
 "stages": [],
 "sinks": [{"name": "all", "type": "file", "path": "out/all.ndjson"}],
 "dead_letter": {"type": "file", "path": "out/dead-letter.ndjson"}}
JSON
python3 - "$work/staging" "$files" "$feed_items" <<'PY'
import os, sys
staging, files, feed_items = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
para = ("The port authority said on Monday that container traffic rose for a third month, "
        "helped by a busier shipping lane and new cranes on the east quay. ") * 4
os.makedirs(staging + "/text", exist_ok=True)
for n in range(files):
    with open(f"{staging}/text/story-{n:06d}.txt", "w") as f:
        f.write(f"Port traffic rises for third month, story {n}\n\n{para}\n\n{para}\n")
with open(f"{staging}/feed.xml", "w") as f:
    f.write('<?xml version="1.0" encoding="utf-8"?>\n<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>Harbour Wire</title><link>https://example.org/</link>\n')
    for n in range(feed_items):
        f.write(f"<item><title>Port traffic story {n}</title><link>https://example.org/s/{n}</link><guid>urn:hw:{n}</guid>"
                f"<pubDate>Mon, 13 Apr 2024 12:{n % 60:02d}:00 +0000</pubDate><description><![CDATA[<p>{para}</p>]]></description></item>\n")
    f.write("</channel></rss>\n")
PY
(cd "$work" && exec "$OLDPWD/$bin" run --config pipeline.json --log-level warning) & pid=$!
sleep 1
wait_for_lines() { while [ "$(wc -l < "$work/out/all.ndjson" 2>/dev/null || echo 0)" -lt "$1" ]; do sleep 0.05; done; }
now() { date +%s.%N; }

bytes=$(du -sb "$work/staging/text" | cut -f1)
t0=$(now); mv "$work/staging/text/"* "$work/inbox/"; wait_for_lines "$files"; t1=$(now)
python3 -c "import sys; f,b,t=int(sys.argv[1]),int(sys.argv[2]),float(sys.argv[3]); print(f'text files: {f} items in {t:.2f}s = {f/t:,.0f} items/s, {b/t/1e6:.1f} MB/s')" "$files" "$bytes" "$(python3 -c "print($t1 - $t0)")"

bytes=$(stat -c %s "$work/staging/feed.xml")
t0=$(now); mv "$work/staging/feed.xml" "$work/inbox/"; wait_for_lines $((files + feed_items)); t1=$(now)
python3 -c "import sys; f,b,t=int(sys.argv[1]),int(sys.argv[2]),float(sys.argv[3]); print(f'one RSS file: {f} items in {t:.2f}s = {f/t:,.0f} items/s, {b/t/1e6:.1f} MB/s')" "$feed_items" "$bytes" "$(python3 -c "print($t1 - $t0)")"
echo "peak RSS: $(grep VmHWM /proc/$pid/status | awk '{print $2/1024 " MiB"}')"
kill -TERM $pid; wait $pid || true
