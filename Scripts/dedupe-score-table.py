#!/usr/bin/env python3
"""Prints score_dedupe.py --json results side by side: ours, then each peer given.

usage: dedupe-score-table.py OURS.json [PEER.json]   (column names come from the file names)
"""
import json
import os
import sys


def row_values(res):
    kinds = res["recall_by_kind"]
    split = res.get("near_recall_by_true_jaccard", {})
    def near(key):
        value = split.get(key, {}).get("recall")
        return "-" if value is None else "%.4f" % value
    return [
        ("precision (≥ 0.999)", "%.4f" % res["precision"]),
        ("recall, all", "%.4f" % res["recall"]),
        ("exact recall (1.0)", "%.4f" % kinds.get("exact", 0)),
        ("near recall (≥ 0.90)", "%.4f" % kinds.get("near", 0)),
        ("near recall, J ≥ 0.8 (≥ 0.97)", near("near_j>=0.8")),
        ("near recall, J < 0.8", near("near_j<0.8")),
        ("wrong matches", str(res["wrong_match"])),
        ("rewrites flagged (0)", "%d / %d" % (res["rewrites_flagged"], res["rewrites"])),
    ]


def main():
    paths = sys.argv[1:]
    names = ["wirefeed"] + [os.path.basename(p).split("-")[1] if "-" in os.path.basename(p) else p for p in paths[1:]]
    columns = [row_values(json.load(open(p, encoding="utf-8"))) for p in paths]
    print("| %d items | %s |" % (json.load(open(paths[0], encoding="utf-8"))["items"], " | ".join(names)))
    print("|---|" + "---:|" * len(names))
    for index, (label, _) in enumerate(columns[0]):
        print("| %s | %s |" % (label, " | ".join(column[index][1] for column in columns)))


if __name__ == "__main__":
    main()
