#!/usr/bin/env python3
"""One table from run_peers.sh's times.jsonl: every row's wall, CPU, items/s, MB/s and peak RSS, then our
ratios against the peers timed in the same run, each with its goal from PEERS.md and a pass/miss mark.

usage: table.py CORPUS TIMES.jsonl
Feed-only rows (xmllint, lxml, feedparser, daemon-parse) count feed items and feed bytes; the others all
items and all bytes, as summarize.py does. Ratios use median wall times of the same run.
"""
import json
import os
import sys

FEED_ONLY = {"xmllint-stream", "xmllint-tree", "feedparser", "feedparser-rs", "lxml-iterparse", "daemon-parse"}
MIB = 1024.0


def load(corpus, times):
    with open(os.path.join(corpus, "manifest.json")) as f:
        manifest = json.load(f)
    with open(times) as f:
        rows = {}
        for line in f:
            row = json.loads(line)
            rows[row["name"]] = row
    return manifest, rows


def goals(rows):
    """(label, measured text, goal text, passed or None when a side is missing)."""
    wall = {name: row["wall"]["median"] for name, row in rows.items()}
    peak = {name: row["peak_kb"]["median"] / MIB for name, row in rows.items()}
    out = []

    def speedup(ours, peer, at_least, note=""):
        label = "%s: %s wall / ours%s" % (ours, peer, note)
        if ours not in wall or peer not in wall:
            return out.append((label, "n/a", ">= %.1fx" % at_least, None))
        ratio = wall[peer] / wall[ours]
        out.append((label, "%.2fx" % ratio, ">= %.1fx" % at_least, ratio >= at_least))

    def slowdown(ours, peer, at_most):
        label = "%s: our wall / %s" % (ours, peer)
        if ours not in wall or peer not in wall:
            return out.append((label, "n/a", "<= %.1fx" % at_most, None))
        ratio = wall[ours] / wall[peer]
        out.append((label, "%.2fx" % ratio, "<= %.1fx" % at_most, ratio <= at_most))

    def memory(ours, at_most_mib):
        label = "%s: peak RSS" % ours
        if ours not in peak:
            return out.append((label, "n/a", "<= %d MiB" % at_most_mib, None))
        out.append((label, "%.1f MiB" % peak[ours], "<= %d MiB" % at_most_mib, peak[ours] <= at_most_mib))

    slowdown("daemon-parse", "xmllint-stream", 2.0)
    speedup("daemon-parse", "lxml-iterparse", 1.0)
    speedup("daemon-parse", "feedparser-rs", 2.0)
    speedup("daemon-parse", "feedparser", 40.0)
    memory("daemon-parse", 32)
    # `process` runs the stages on one thread: the one-thread goal applies; the two-core goal is shown too.
    speedup("daemon-e2e", "naive-pipeline", 20.0, " (one thread)")
    speedup("daemon-e2e", "naive-pipeline", 35.0, " (both cores)")
    slowdown("daemon-e2e", "sha256sum", 6.0)
    memory("daemon-e2e", 150)
    return out


def main():
    corpus, times = sys.argv[1], sys.argv[2]
    manifest, rows = load(corpus, times)
    all_items, all_bytes = manifest["items"], manifest["feed_bytes"] + manifest["wire_bytes"]
    print("corpus %s: %d items (%d feed items in %d files, %d wire files), %.1f MB; medians of the same run"
          % (os.path.basename(corpus), all_items, manifest["feed_items"], manifest["feed_files"],
             manifest["wire_files"], all_bytes / 1e6, ))
    print()
    print("| row | items | wall s | CPU s | items/s | MB/s | peak RSS MiB | ratio | goal | mark |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|---|---|")
    for name, row in rows.items():
        items, nbytes = (manifest["feed_items"], manifest["feed_bytes"]) if name in FEED_ONLY else (all_items, all_bytes)
        wall = row["wall"]["median"]
        failed = [rc for rc in row.get("rc", []) if rc]
        print("| %s%s | %d | %.2f | %.2f | %.0f | %.1f | %.1f | | | |" % (
            "**%s**" % name if name.startswith("daemon") else name, " (exit %s)" % failed[0] if failed else "",
            items, wall, row["cpu"]["median"], items / wall, nbytes / 1e6 / wall, row["peak_kb"]["median"] / MIB))
    for label, measured, goal, passed in goals(rows):
        mark = "n/a" if passed is None else ("pass" if passed else "**MISS**")
        print("| %s | | | | | | | %s | %s | %s |" % (label, measured, goal, mark))
    if all_items < 100000:
        print("\nThe goals are set on the 100k corpus (ITEMS=100000); at %d items process start-up weighs more." % all_items)


if __name__ == "__main__":
    main()
