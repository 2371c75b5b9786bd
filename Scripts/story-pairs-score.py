#!/usr/bin/env python3
"""Pairwise story precision / recall / F1 of "key<TAB>story key" lines against labels.jsonl `event`.

A pair of items is predicted together when they share a story key, and truly together when their
labels name the same event (an original, its exact and near copies and other agencies' rewrites).
Usage: story-pairs-score.py CORPUS DECISIONS.tsv
"""
import collections
import json
import os
import sys


def pairs(groups):
    return sum(n * (n - 1) // 2 for n in groups.values())


def main():
    corpus, decisions = sys.argv[1], sys.argv[2]
    event = {}
    with open(os.path.join(corpus, "labels.jsonl"), encoding="utf-8") as f:
        for line in f:
            lab = json.loads(line)
            event[lab["file"] if lab["channel"] == "wire" else lab["guid"]] = lab["event"]
    story = {}
    with open(decisions, encoding="utf-8") as f:
        for line in f:
            key, story_key = line.rstrip("\n").split("\t")[:2]
            story[key] = story_key
    predicted = collections.Counter(story.values())
    truth = collections.Counter(event[k] for k in story)
    both = collections.Counter((story[k], event[k]) for k in story)
    tp, pp, tt = pairs(both), pairs(predicted), pairs(truth)
    precision = tp / pp if pp else 1.0
    recall = tp / tt if tt else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    print("story pairs: predicted %d true %d both %d  precision %.4f  recall %.4f  F1 %.4f"
          % (pp, tt, tp, precision, recall, f1))


if __name__ == "__main__":
    main()
