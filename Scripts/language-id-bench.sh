#!/bin/sh
# Throughput and load time of WireLanguage, optimised (-O), on the shared lingua test sentences.
# Usage: Scripts/language-id-bench.sh [SENTENCES_DIR]   (default ../shared/data/lingua-testdata/sentences)
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
data=${1:-$root/../shared/data/lingua-testdata/sentences}
out=${TMPDIR:-/tmp}/wirefeed-language-bench
swiftc -O -parse-as-library -module-name LanguageBench \
    "$root"/Sources/WireLanguage/*.swift "$root/Scripts/LanguageBench.swift" -o "$out"
"$out" "$data"
