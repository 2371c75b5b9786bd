#!/usr/bin/env python3
"""Builds Fixtures/eval/stories/NN-name.txt and NN-name.expected.json from the tagged sources in
Scripts/eval-corpus/src/*.src, so that the story text and its labels cannot drift apart.

Source format: header lines `key: value` (headline, agency, dateline "PLACE | DATE", published_at,
byline; "null" for none), a line `---`, then one paragraph per line tagged `@kind text`
(`@p` is story text; `@caption2` prints a caption twice on one line; `@signoff` is appended to the
previous story paragraph), then a line `---json` and a JSON object with entities, dates and more.
HTML stories are written by hand with their .expected.json; this script leaves them alone.
"""
import json, pathlib, re, sys

ROOT = pathlib.Path(__file__).resolve().parents[2]
SRC = ROOT / "Scripts" / "eval-corpus" / "src"
OUT = ROOT / "Fixtures" / "eval" / "stories"
CREDIT = re.compile(r"^(.*?)\s*[\(\[]([^()\[\]]{1,60})[\)\]]\s*$")


def caption(text):
    m = CREDIT.match(text)
    return {"text": m.group(1), "credit": m.group(2)} if m else {"text": text, "credit": None}


def null(value):
    return None if value in ("null", "") else value


def build(path):
    head, _, rest = path.read_text().partition("\n---\n")
    body, _, extra = rest.partition("\n---json\n")
    meta = dict(line.split(": ", 1) for line in head.strip().splitlines())
    paragraphs, furniture, story, captions = [], [], [], []
    for line in body.strip("\n").splitlines():
        if not line.strip():
            continue
        tag, _, text = line.partition(" ")
        kind = tag[1:]
        if kind == "p":
            paragraphs.append(text); story.append(text)
        elif kind == "signoff":
            paragraphs[-1] += " " + text; furniture.append({"kind": "sign-off", "text": text})
        elif kind == "signoff-tight":
            paragraphs[-1] += text; furniture.append({"kind": "sign-off", "text": text})
        elif kind == "caption2":
            paragraphs.append(text + " " + text)
            furniture += [{"kind": "caption", "text": text}, {"kind": "duplicate-caption", "text": text}]
            captions.append(caption(text))
        elif kind == "caption-repeat":
            paragraphs.append(paragraphs[-1]); furniture.append({"kind": "duplicate-caption", "text": paragraphs[-1]})
        elif kind == "caption":
            paragraphs.append(text); furniture.append({"kind": "caption", "text": text}); captions.append(caption(text))
        else:
            paragraphs.append(text); furniture.append({"kind": kind, "text": text})
    place, _, date = (meta.get("dateline", "null") + " | ").partition(" | ")
    expected = {
        "format": "text",
        "headline": null(meta.get("headline", "null")),
        "agency": null(meta.get("agency", "null")),
        "dateline": None if null(place.strip()) is None else {"place": place.strip(), "date": null(date.strip(" |"))},
        "published_at": null(meta.get("published_at", "null")),
        "byline": null(meta.get("byline", "null")),
        "furniture": furniture,
        "story_lines": story,
        "captions": captions,
    }
    expected.update(json.loads(extra) if extra.strip() else {})
    stem = path.stem
    (OUT / f"{stem}.txt").write_text("\n\n".join(paragraphs) + "\n")
    (OUT / f"{stem}.expected.json").write_text(json.dumps(expected, ensure_ascii=False, indent=2) + "\n")


if __name__ == "__main__":
    OUT.mkdir(parents=True, exist_ok=True)
    for src in sorted(SRC.glob("*.src")):
        build(src)
    print(f"built {len(list(SRC.glob('*.src')))} stories into {OUT.relative_to(ROOT)}", file=sys.stderr)
