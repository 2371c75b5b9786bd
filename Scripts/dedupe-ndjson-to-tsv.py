#!/usr/bin/env python3
"""Turns `wirefeed process` NDJSON into score_dedupe.py's decision file.

One line per item in output order: key <TAB> key of the item named by dedupe.duplicate_of
<TAB> status <TAB> similarity. Keys are the corpus's: the guid / Atom id for feed items,
"wire/NAME.txt" for wire stories.
"""
import json
import os
import sys


def key(item):
    if item["format"] in ("rss", "atom", "rdf"):
        return item["guid"]
    return "wire/" + os.path.basename(item["source"]["path"])


def main():
    source, target = sys.argv[1], sys.argv[2]
    with open(source, encoding="utf-8") as f:
        items = [json.loads(line) for line in f if line.strip()]
    key_by_id = {item["id"]: key(item) for item in items}
    with open(target, "w", encoding="utf-8") as out:
        for item in items:
            dedupe = item.get("dedupe") or {}
            match = key_by_id.get(dedupe.get("duplicate_of") or "", "")
            similarity = dedupe.get("similarity")
            out.write("%s\t%s\t%s\t%s\n" % (key(item), match, dedupe.get("status", ""),
                                            "" if similarity is None else similarity))


if __name__ == "__main__":
    main()
