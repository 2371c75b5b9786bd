import Testing
import WireModel
@testable import WireExtract

/// The byte readers of the entity code (`TokenSpans`, the collector's key on the stack, the quotes'
/// mention table) must give what the `TokenText` and `String` code they stand in for gives: on ASCII
/// and non-ASCII names, full stops, apostrophes, hyphens, long words read past eight bytes, words at
/// the very end of the text, and a Kelvin sign that `String` equality takes for a K.
@Suite struct EntityByteShortcutTests {
    static let texts = [
        "Yuko Nakagawa met Kim Jong Un and Nakagawa Yuko at Mikawa Seiki Co. in Hainan Province.",
        "The People's Assembly of O'Neill-Smith & Partners said U.S. envoy Lucía Ferrer, 58, and Baek Seung-ho agreed.",
        "Internationalisation Commissioner ÉLODIE Brånemark visited São Paulo; MIKAWA SEIKI CO, Banco Nacional SA.",
        "Kim \u{212A}im KIM kim K.I.M. Dr. Anne-Marie d'Arcy-Ravenswood of the Extraordinarily Longnamed Corporation Ltd",
        "A B C. Ab Ba ba AB. x Ångström Ltd Yokohama Prefecture Aomori",
        "Zz",
    ]

    static let kinds: [EntityKind] = [.person, .place, .organization]

    /// Every range of up to five tokens of each text, with the text.
    static func ranges(_ body: (TokenText, Range<Int>) -> Void) {
        for string in texts {
            let text = TokenText(string)
            for start in text.tokens.indices {
                for end in (start + 1)...min(text.tokens.count, start + 5) { body(text, start..<end) }
            }
        }
    }

    @Test func spanHashesAndKeysAreTheTextOnes() {
        Self.ranges { text, range in
            text.withSpans { spans in
                #expect(spans.hashKey(range) == text.hashKey(range), "\(text.string(range))")
                #expect(spans.keyHash(range) == text.keyHash(range), "\(text.string(range))")
                #expect(Array(spans.surface(range)) == Array(text.string(range).utf8), "\(text.string(range))")
                let key = withUnsafeTemporaryAllocation(of: UInt8.self, capacity: max(1, spans.keyCapacity(range))) { out in
                    spans.key(range, into: out).map { String(decoding: UnsafeBufferPointer(rebasing: out[..<$0]), as: UTF8.self) }
                }
                // The byte key is nil exactly where the text's key needed `NameNormalizer`.
                #expect(key == (text.keyHash(range) == nil ? nil : text.key(range)), "\(text.string(range))")
                withUnsafeTemporaryAllocation(of: UInt64?.self, capacity: range.count) { hashes in
                    spans.prefixKeyHashes(from: range.lowerBound, count: range.count, into: hashes)
                    for length in 1...range.count {
                        let prefix = range.lowerBound..<(range.lowerBound + length)
                        #expect(hashes[length - 1] == text.keyHash(prefix), "\(text.string(prefix))")
                    }
                }
            }
        }
    }

    @Test func wordReadersAreTheTextOnes() {
        for string in Self.texts {
            let text = TokenText(string)
            text.withSpans { spans in
                for index in text.tokens.indices {
                    #expect(spans.asciiWordHash(index) == text.asciiWordHash(index), "\(text.string(index))")
                    for word: StaticString in ["the", "province", "kim", "co", "a"] {
                        #expect(spans.isWord(index, word) == text.isWord(index, word), "\(text.string(index))")
                    }
                }
                #expect(!spans.isWord(-1, "the") && !spans.isWord(text.tokens.count, "the"))
            }
        }
    }

    @Test func foldedWordDigestsMatchWhereTheWordHashesDo() {
        // Words of all the texts in one, so that equal words in different places are compared.
        let text = TokenText(Self.texts.joined(separator: " ") + " u.s US us U.S Extraordinarily EXTRAORDINARILY Extra.ordinarily")
        text.withSpans { spans in
            let words = text.tokens.indices.filter { text.tokens[$0].isWord }
            for first in words {
                for second in words {
                    let same = text.hashKey(first..<(first + 1)) == text.hashKey(second..<(second + 1))
                    #expect((spans.foldedWordDigest(first) == spans.foldedWordDigest(second)) == same,
                            "\(text.string(first)) \(text.string(second))")
                }
            }
        }
    }

    @Test func spanDigestsTellSpansApart() {
        let text = TokenText("Kim Jong Un met Kim Jong Un. KIM Jong Un met Kim Jong-Un and Kim  Jong Un, Kim Jong Un's aide")
        text.withSpans { spans in
            let names = [0..<3, 4..<7, 8..<11, 12..<15]
            #expect(spans.digest(names[0], seed: 1) == spans.digest(names[1], seed: 1))
            #expect(spans.digest(names[0], seed: 1) != spans.digest(names[0], seed: 2))
            #expect(spans.digest(names[0], seed: 1) != spans.digest(names[2], seed: 1))
            #expect(spans.digest(names[0], seed: 1) != spans.digest(names[3], seed: 1))
            var seen: Set<UInt64> = []
            var surfaces: Set<[UInt8]> = []
            for start in text.tokens.indices {
                for end in (start + 1)...min(text.tokens.count, start + 4) {
                    let range = start..<end
                    let shape = Array(spans.surface(range)) + text.tokens[range].flatMap { [UInt8(truncatingIfNeeded: $0.start - text.tokens[start].start), $0.mark] }
                    if surfaces.insert(shape).inserted { seen.insert(spans.digest(range, seed: 7)) }
                }
            }
            #expect(seen.count == surfaces.count)
        }
    }

    @Test func collectorKeysOnBytesAreTheStringKeys() {
        Self.ranges { text, range in
            text.withSpans { spans in
                for kind in Self.kinds {
                    let key = withUnsafeTemporaryAllocation(of: UInt8.self, capacity: max(1, spans.keyCapacity(range))) { out in
                        EntityCollector.plainKey(range, kind, spans, out).map { String(decoding: UnsafeBufferPointer(rebasing: out[..<$0]), as: UTF8.self) }
                    }
                    if let key { #expect(key == EntityCollector.plainKey(range, kind, text), "\(kind) \(text.string(range))") }
                }
            }
        }
    }

    @Test func twoWordSortIsTheWordSort() {
        for key in ["yuko nakagawa", "nakagawa yuko", "a b", "b a", "ab a", "a ab", "kim", "", " a", "a ", "a  b", "ab ab", "kim jong un", "zz a"] {
            var bytes = Array(key.utf8)
            let done = bytes.withUnsafeMutableBufferPointer { EntityCollector.sortTwoWords($0) }
            if done {
                #expect(String(decoding: bytes, as: UTF8.self) == (EntityCollector.hasSpace(key) ? EntityCollector.sortedWords(key) : key), "\(key)")
            } else {
                #expect(key.split(separator: " ").count != 2 || key.hasPrefix(" ") || key.hasSuffix(" ") || key.contains("  "), "\(key)")
            }
        }
    }

    @Test func mentionTableIsTheDictionaryOfMentions() {
        let cases: [[Entity]] = [
            [Entity(name: "Kim Jong Un", mentions: ["Kim Jong Un", "Kim"]), Entity(name: "Kim Yo Jong", mentions: ["Kim Yo Jong", "Kim"])],
            [Entity(name: "Lucía Ferrer", mentions: ["Lucía Ferrer", "Ferrer"]), Entity(name: "Kim", mentions: ["Kim"])],
            [Entity(name: "Kelvin", mentions: ["\u{212A}elvin"]), Entity(name: "Anne", mentions: ["Anne"])],
            [Entity(name: "Kelvin", mentions: ["Kelvin"]), Entity(name: "Anne", mentions: ["Anne"])],
            [],
        ]
        let surfaces = ["Kim Jong Un", "Kim", "Kim Yo Jong", "Lucía Ferrer", "Lucia Ferrer", "Ferrer", "\u{212A}elvin", "Kelvin", "Anne", "anne", "", "Zz"]
        for people in cases {
            var reference: [String: Int] = [:]
            for (position, person) in people.enumerated() { for mention in person.mentions { reference[mention] = position } }
            let table = PersonMentions(people)
            for surface in surfaces {
                var copy = surface
                let found = copy.withUTF8 { table.person($0) }
                #expect(found == reference[surface], "\(surface) among \(people.map(\.name))")
            }
        }
    }

    @Test func repeatedRangesClassifyAsWhenClassifiedAgain() {
        let story = """
            North Korea said Kim Jong Un met Foreign Minister Choe Son Hui in Pyongyang. North Korea and Kim Jong Un \
            spoke again. Bank of Korea Gov. Rhee Chang-yong and Rhee met in Seoul, South Korea. Kim said IMD and the \
            India Meteorological Department agreed. NORTH KOREA. Hanoi Vietnamese officials met in Hanoi Vietnamese \
            style. Lucía Ferrer met Lucía Ferrer. Deputy Minister of Agriculture and Environment Tran Quang Vinh spoke.
            Kim met envoys of North Korea, said Kim. Pyongyang and Choe Son Hui

            Rhee Chang-yong. North Korea in 2024 NORTH KOREA Bank of Korea Gov. Rhee Chang-yong
            """
        let text = TokenText(story)
        let recognizer = EntityRecognizer(text: text, gazetteer: .shared)
        let ranges = recognizer.candidateRuns()
        var copied: [NameRun] = []
        text.withSpans { spans in EntityRecognizer.Lookups.with(spans) { recognizer.classifyAll(ranges, $0, into: &copied) } }
        var classified: [NameRun] = []
        for range in ranges { recognizer.classifyStrong(range, into: &classified) }
        #expect(copied.count == classified.count)
        #expect(Set(ranges.map { text.string($0) }).count < ranges.count, "the story repeats names")
        for (one, other) in zip(copied, classified) {
            #expect(one.range == other.range && one.kind == other.kind && one.entry?.id == other.entry?.id && one.strong == other.strong,
                    "\(text.string(one.range)) \(text.string(other.range))")
        }
        // The copies' word digests, copied from the runs they copy, are the digests of their own words.
        #expect(copied.contains { $0.copiedFrom > 0 })
        text.withSpans { spans in
            withUnsafeTemporaryAllocation(of: UInt64.self, capacity: spans.tokens.count) { hashes in
                EntityRecognizer.wordHashes(of: copied, spans, into: hashes)
                for run in copied {
                    for index in run.range where text.tokens[index].isWord {
                        #expect(hashes[index] == spans.foldedWordDigest(index), "\(text.string(run.range))")
                    }
                }
            }
        }
    }
}
