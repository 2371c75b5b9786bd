#!/usr/bin/env python3
"""One table from run_peers.sh's times.jsonl: every row's wall, CPU, items/s, MB/s and peak RSS, then our
ratios against the peers timed in the same run, each with its goal from PEERS.md and a pass/miss mark.

usage: table.py CORPUS TIMES.jsonl [RESULTS_DIR]
With RESULTS_DIR, the near-duplicate rows too: score-daemon-dedupe.json (score_dedupe.py --json of
`dedupe-bench eval`) and index-cost.tsv (`dedupe-bench index-cost`).
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
    speedup("daemon-dedupe", "minhash-lsh", 30.0)
    # daemon-e2e is `process --threads 1`, daemon-e2e-2t `--threads 2` (both cores).
    speedup("daemon-e2e", "naive-pipeline", 20.0, " (one thread)")
    speedup("daemon-e2e-2t", "naive-pipeline", 35.0, " (both cores)")
    slowdown("daemon-e2e", "sha256sum", 6.0)
    memory("daemon-e2e", 150)
    memory("daemon-e2e-2t", 150)
    return out


def dedupe_goals(results):
    """Quality of `dedupe-bench eval` (score_dedupe.py) and the index's growth (index-cost.tsv)."""
    out = []
    score_path = os.path.join(results, "score-daemon-dedupe.json")
    if os.path.exists(score_path):
        with open(score_path) as f:
            score = json.load(f)
        near = score["recall_by_kind"].get("near", 0.0)
        high = score.get("near_recall_by_true_jaccard", {}).get("near_j>=0.8", {}).get("recall", 0.0)
        out.append(("daemon-dedupe: precision", "%.4f" % score["precision"], ">= 0.999", score["precision"] >= 0.999))
        out.append(("daemon-dedupe: exact recall", "%.4f" % score["recall_by_kind"].get("exact", 0.0), "1.000",
                    score["recall_by_kind"].get("exact", 0.0) >= 1.0))
        out.append(("daemon-dedupe: recall, all", "%.4f" % score["recall"], ">= 0.90", score["recall"] >= 0.90))
        out.append(("daemon-dedupe: near recall", "%.4f" % near, "(peers 0.11-0.72)", None))
        out.append(("daemon-dedupe: near recall, J >= 0.8", "%.4f" % high, ">= 0.97", high >= 0.97))
        out.append(("daemon-dedupe: rewrites flagged", "%d / %d" % (score["rewrites_flagged"], score["rewrites"]),
                    "0", score["rewrites_flagged"] == 0))
    cost_path = os.path.join(results, "index-cost.tsv")
    if os.path.exists(cost_path):
        with open(cost_path) as f:
            rows = [line.split("\t") for line in f.read().splitlines()[1:] if line.strip()]
        by_items = {int(row[0]): row for row in rows}
        if 20000 in by_items and rows:
            early, last = float(by_items[20000][1]), float(rows[-1][1])
            label = "dedupe index: µs/item at %s stored / at 10k-20k" % rows[-1][0]
            out.append((label, "%.2fx (%.2f / %.2f µs)" % (last / early, last, early), "<= 1.5x", last / early <= 1.5))
            index_bytes = float(rows[-1][2])
            rss_bytes = float(rows[-1][3])
            out.append(("dedupe index: bytes per stored item at %s" % rows[-1][0],
                        "%.0f B (RSS %.0f B)" % (index_bytes, rss_bytes), "<= 300 B",
                        index_bytes <= 300))
    return out


def main():
    corpus, times = sys.argv[1], sys.argv[2]
    results = sys.argv[3] if len(sys.argv) > 3 else None
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
    extra = dedupe_goals(results) if results else []
    for label, measured, goal, passed in goals(rows) + extra:
        mark = "n/a" if passed is None else ("pass" if passed else "**MISS**")
        print("| %s | | | | | | | %s | %s | %s |" % (label, measured, goal, mark))
    if all_items < 100000:
        print("\nThe goals are set on the 100k corpus (ITEMS=100000); at %d items process start-up weighs more." % all_items)


if __name__ == "__main__":
    main()
