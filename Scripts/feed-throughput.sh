#!/usr/bin/env bash
# Feed-reader throughput next to libxml2's own streaming parser (a measurement, not a test):
#   Scripts/feed-throughput.sh [MEGABYTES]      (default 55; the reader's input cap is 64 MiB)
# Generates one large RSS 2.0 feed outside the repository (under $TMPDIR), builds release, then times
#   - `wirefeed process --config <no stages>` on it, NDJSON to /dev/null (read + item building + JSON), and
#   - `xmllint --stream --noout` on the same file (Debian libxml2-utils),
# printing MB/s, items/s and peak RSS (/usr/bin/time -v) for both.
set -euo pipefail
cd "$(dirname "$0")/.."
megabytes=${1:-55}
command -v xmllint >/dev/null || { echo "xmllint missing: apt-get install libxml2-utils" >&2; exit 2; }
[ -x /usr/bin/time ] || { echo "/usr/bin/time missing: apt-get install time" >&2; exit 2; }
work=${TMPDIR:-/tmp}/wirefeed-throughput
mkdir -p "$work"
feed=$work/feed.xml

# Items of ~5.5 KB (a description plus the full story in content:encoded), sized so that the feed
# stays under the reader's 10,000-item cap while reaching the requested size.
python3 - "$feed" "$megabytes" <<'PY'
import sys
path, megabytes = sys.argv[1], float(sys.argv[2])
para = ("The harbour authority said on Monday that container traffic rose for a third month, "
        "helped by a busier shipping lane, new cranes on the east quay &amp; longer opening hours. ")
story = "".join(f"<p>{para * 3}</p>" for _ in range(10))
target = int(megabytes * 1_000_000)
with open(path, "w") as f:
    f.write('<?xml version="1.0" encoding="utf-8"?>\n<rss version="2.0" '
            'xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/">'
            '<channel><title>Harbour Wire</title><link>https://example.org/</link><language>en</language>\n')
    n = 0
    while f.tell() < target:
        f.write(f"<item><title>Port traffic rises, story {n}</title><link>https://example.org/s/{n}</link>"
                f"<guid isPermaLink=\"false\">urn:hw:{n}</guid><dc:creator>Harbour Desk</dc:creator>"
                f"<category>Shipping</category><pubDate>Mon, 13 Apr 2024 12:{n % 60:02d}:00 +0000</pubDate>"
                f"<description>{para}</description>"
                f"<content:encoded><![CDATA[{story}<p><a href=\"/s/{n}/more\">More</a></p>]]></content:encoded></item>\n")
        n += 1
    f.write("</channel></rss>\n")
with open(path + ".items", "w") as f:
    f.write(str(n))
PY
items=$(cat "$feed.items")
bytes=$(stat -c %s "$feed")
echo "feed: $feed, $(python3 -c "print(f'{$bytes/1e6:.1f}')") MB, $items items"

cat > "$work/no-stages.json" <<JSON
{"sources": [{"type": "inbox", "name": "bench", "path": "inbox"}],
 "stages": [],
 "sinks": [{"name": "out", "type": "stdout"}]}
JSON
swift build -c release ${RELEASE_FLAGS---static-swift-stdlib} --product wirefeed 2>&1 | tail -1
bin=$PWD/.build/release/wirefeed
got=$("$bin" process --config "$work/no-stages.json" "$feed" | wc -l)
[ "$got" -eq "$items" ] || { echo "wirefeed produced $got items, expected $items" >&2; exit 1; }

measure() {  # name, command…
    local name=$1; shift
    /usr/bin/time -v -o "$work/$name.time" "$@" >/dev/null
    python3 - "$name" "$work/$name.time" "$bytes" "$items" <<'PY'
import sys
name, path, size, items = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
fields = dict(line.strip().split(": ", 1) for line in open(path) if ": " in line)
clock = fields["Elapsed (wall clock) time (h:mm:ss or m:ss)"].split(":")
seconds = sum(float(part) * 60 ** i for i, part in enumerate(reversed(clock)))
rss = int(fields["Maximum resident set size (kbytes)"]) / 1024
print(f"{name:9} {seconds:6.2f} s  {size / seconds / 1e6:7.1f} MB/s  {items / seconds:9,.0f} items/s  "
      f"peak RSS {rss:6.1f} MiB")
PY
}
for run in 1 2 3; do
    measure wirefeed "$bin" process --config "$work/no-stages.json" "$feed"
    measure xmllint xmllint --stream --noout "$feed"
done
