#!/usr/bin/env bash
# Measurement (not a test): MB/s of story text that `extract` sustains on one core, release build.
#   Scripts/extract-throughput.sh [MEGABYTES] [EVAL_STORIES_DIR]
# Writes MEGABYTES (default 50) of wire stories into a temporary folder, then times StoryExtractor
# over them (loading excluded). Without EVAL_STORIES_DIR the stories are synthetic and dense with
# names (datelines, titles and invented names, quotes, weekdays and partial dates in every sentence);
# with it, the labelled eval stories' lines (Fixtures/eval/stories/*.expected.json) repeat until the
# size is reached: real wire density.
set -euo pipefail
cd "$(dirname "$0")/.."
megabytes=${1:-50}
corpus=${2:-}
swift build -c release ${RELEASE_FLAGS---static-swift-stdlib} --product extract-throughput >/dev/null
work=$(mktemp -d /tmp/wirefeed-extract.XXXXXX)
trap 'rm -rf "$work"' EXIT
python3 - "$work" "$megabytes" "$corpus" <<'PY'
import glob, json, os, random, sys
out, megabytes, corpus = sys.argv[1], int(sys.argv[2]), sys.argv[3]
rng = random.Random(7)
given = ["Olvira", "Bram", "Quelt", "Marit", "Tomas", "Seung-ho", "Jin-hee", "Rafael", "Amara", "Lindiwe", "Kenji", "Priya"]
family = ["Tesk", "Kettering", "Vanadi", "Holm", "Baek", "Okafor", "Lindqvist", "Sharan", "Moreau", "Nakagawa", "Dizon"]
places = ["Seoul", "Pyongyang", "Beijing", "Tokyo", "Manila", "Frankfurt", "Nairobi", "Lisbon", "Hanoi", "Busan", "Kerala"]
orgs = ["Norvane Port Authority", "Drennick Rail", "Velmar Coast Guard", "Korean Central News Agency", "World Bank",
        "Hainan Provincial Department of Commerce", "Kestrel Marine Works"]
agencies = [("SEOUL", "Yonhap", " --"), ("TOKYO", "Kyodo", " -"), ("WASHINGTON", "AP", " —"), ("BEIJING", "Xinhua", " --"),
            ("NEW DELHI", "PTI", ""), ("FRANKFURT", "Reuters", " -")]
months = ["Jan.", "Feb.", "March", "April", "May", "June", "July", "Aug.", "Sept.", "Oct.", "Nov.", "Dec."]
days = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
def person():
    return f"{rng.choice(given)} {rng.choice(family)}"
def sentence():
    kind = rng.randrange(6)
    if kind == 0:
        return f"{rng.choice(['Foreign Minister', 'Chief Executive', 'spokesperson', 'Energy Minister'])} {person()} said on {rng.choice(days)} that talks with {rng.choice(places)} would resume in {rng.choice(months[2:])}."
    if kind == 1:
        return f"\"We expect a busy season,\" {person()}, deputy director of the {rng.choice(orgs)}, told reporters in {rng.choice(places)}."
    if kind == 2:
        return f"The {rng.choice(orgs)} said exports rose {rng.randrange(2, 19)} percent from a year earlier, the biggest gain since June {rng.randrange(2015, 2023)}."
    if kind == 3:
        return f"Officials in {rng.choice(places)} and {rng.choice(places)} signed the agreement on {rng.choice(months)} {rng.randrange(1, 28)}, {rng.randrange(1990, 2024)}, and plan to expand it by {rng.randrange(2026, 2035)}."
    if kind == 4:
        return f"The border reopened in August last year, and traffic through the port was up late last month, {rng.choice(['the ministry', 'the agency', 'the operator'])} said."
    return f"Observers see the possibility of a summit later this year, as {rng.choice(places)} and {rng.choice(places)} move to deepen ties."
target = megabytes * 1_000_000
written = 0
n = 0
if corpus:
    bodies = []
    for path in sorted(glob.glob(os.path.join(corpus, "*.expected.json"))):
        with open(path, encoding="utf-8") as handle:
            bodies.append("\n\n".join(json.load(handle)["story_lines"]) + "\n")
    while written < target:
        text = bodies[n % len(bodies)]
        with open(os.path.join(out, f"story-{n:06d}.txt"), "w") as handle:
            handle.write(text)
        written += len(text.encode())
        n += 1
while written < target:
    city, agency, dash = rng.choice(agencies)
    paragraphs = [f"{city}, {rng.choice(months)} {rng.randrange(1, 28)} ({agency}){dash} " + sentence()]
    for _ in range(rng.randrange(6, 14)):
        paragraphs.append(" ".join(sentence() for _ in range(rng.randrange(1, 3))))
    text = "\n\n".join(paragraphs) + "\n"
    with open(os.path.join(out, f"story-{n:06d}.txt"), "w") as handle:
        handle.write(text)
    written += len(text.encode())
    n += 1
PY
.build/release/extract-throughput "$work"
