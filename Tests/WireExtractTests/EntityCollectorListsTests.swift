import Testing
import WireModel
@testable import WireExtract

/// The collector's lists per kind and its keys' bytes must give the entities a single list of all
/// kinds gave: each kind in order of first mention, one-word surnames and acronyms merged into their
/// holders and dropped, whatever the kinds around them. And the eight-byte key writer must write what
/// the byte-by-byte one writes.
@Suite struct EntityCollectorListsTests {
    /// (kind, surface) in the order a story names them.
    static let story: [(EntityKind, String)] = [
        (.place, "Norvane"), (.person, "Yuko Nakagawa"), (.organization, "India Meteorological Department"),
        (.person, "Kim Jong Un"), (.place, "Tollensby"), (.person, "Nakagawa"), (.organization, "IMD"),
        (.person, "Olvira"), (.person, "Kim"), (.organization, "Drennick Rail"), (.place, "Norvane"),
        (.person, "Lucía Ferrer"), (.person, "Ferrer"), (.organization, "DR"), (.person, "Jong"),
        (.person, "NAKAGAWA"), (.place, "Séverac"), (.organization, "Hansa Rail Co"),
    ]

    @Test func listsPerKindGiveTheEntitiesInOrderWithShortNamesMerged() {
        var collector = EntityCollector(runs: 4)
        for (kind, surface) in Self.story { collector.add(kind: kind, surface: surface, entry: nil) }
        let found = collector.entities()
        #expect(found.people.map(\.name) == ["Yuko Nakagawa", "Kim Jong Un", "Olvira", "Lucía Ferrer"])
        #expect(found.people.map(\.mentions) == [
            ["Yuko Nakagawa", "Nakagawa", "NAKAGAWA"], ["Kim Jong Un", "Kim", "Jong"], ["Olvira"], ["Lucía Ferrer", "Ferrer"],
        ])
        #expect(found.places.map(\.name) == ["Norvane", "Tollensby", "Séverac"])
        #expect(found.places.map(\.mentions) == [["Norvane"], ["Tollensby"], ["Séverac"]])
        #expect(found.organizations.map(\.name) == ["India Meteorological Department", "Drennick Rail", "Hansa Rail Co"])
        #expect(found.organizations.map(\.mentions) == [["India Meteorological Department", "IMD"], ["Drennick Rail", "DR"], ["Hansa Rail Co"]])
    }

    @Test func organisationKeysBeyondASCIIStillTakeTheirAcronyms() {
        var collector = EntityCollector()
        for (kind, surface) in [(EntityKind.organization, "Банк Развития Group"), (.organization, "БРG"), (.person, "Ana"), (.organization, "Bank")] {
            collector.add(kind: kind, surface: surface, entry: nil)
        }
        let found = collector.entities()
        #expect(found.organizations.map(\.mentions) == [["Банк Развития Group", "БРG"], ["Bank"]])
        #expect(found.people.map(\.name) == ["Ana"])
    }

    @Test func runsAddedTwiceListOneMention() {
        let text = TokenText("Kim Jong Un met Kim Jong Un. KIM JONG UN left; Kim stayed in Séverac and Séverac.")
        var collector = EntityCollector(runs: 6)
        for range in [0..<3, 4..<7, 8..<11, 13..<14, 16..<17, 18..<19] {
            collector.add(NameRun(range: range, kind: range.lowerBound >= 16 ? .place : .person), in: text)
        }
        let found = collector.entities()
        #expect(found.people.map(\.mentions) == [["Kim Jong Un", "KIM JONG UN", "Kim"]])
        #expect(found.places.map(\.mentions) == [["Séverac"]])
    }

    @Test func runsSettledByTheRecognizersDigestGiveTheEntitiesOfRunsReadAgain() {
        let story = """
            North Korea said Kim Jong Un met Foreign Minister Choe Son Hui in Pyongyang. Kim Jong Un and North Korea \
            spoke again. Kim said KCNA and the Korean Central News Agency agreed; KIM JONG UN left Pyongyang. \
            Lucía Ferrer met Lucía Ferrer in São Paulo. São Paulo Gov. Rhee Chang-yong and Rhee met Rhee Chang-yong.

            North Korea. Kim. Choe Son Hui in NORTH KOREA
            """
        let text = TokenText(story)
        let runs = EntityRecognizer(text: text, gazetteer: .shared).recognize()
        #expect(runs.contains { $0.digest != 0 } && runs.contains { $0.digest == 0 })
        var settled = EntityCollector(runs: runs.count)
        var readAgain = EntityCollector(runs: runs.count)
        for run in runs {
            settled.add(run, in: text)
            var plain = run
            plain.digest = 0
            readAgain.add(plain, in: text)
        }
        let found = settled.entities()
        #expect(found == readAgain.entities())
        #expect(found.people.contains { $0.mentions.count >= 2 })
    }

    /// `TokenSpans.key(_:into:)` one byte at a time, as it was before words were read eight at a time.
    static func byteKey(_ range: Range<Int>, _ text: TokenText) -> [UInt8]? {
        var out: [UInt8] = []
        for index in range {
            let token = text.tokens[index]
            guard token.isWord else {
                if token.mark == UInt8(ascii: "s") { out.append(UInt8(ascii: "s")) }
                continue
            }
            if !out.isEmpty { out.append(0x20) }
            for byte in text.bytes[token.start..<token.end] {
                switch byte {
                case 0x80...: return nil
                case 0x41...0x5A: out.append(byte | 0x20)
                case 0x2E, 0x27: continue
                case 0x2D, 0x26: out.append(0x20)
                default: out.append(byte)
                }
            }
        }
        return out
    }

    @Test func eightByteKeysAreTheByteKeys() {
        let texts = [
            "Internationalisation Commissioner ÉLODIE Brånemark-Lindqvist of O'Neill-Smith & Partners, People's Assembly",
            "ExtraordinarilyLongWordWithoutBreaks U.S.A. Abcdefgh ABCDEFGHI abcdefghIJ Abcdefg.hijk Abcdefgh.ij Abcdefghijklmnop'q",
            "Zürich-Oerlikon Ångström Straße Mikawa Seiki Co. Ltd ABCDEFGHIJKLMNOPQRSTUVWXYZ Abcdefghé Abcdefgh-ijkl",
            "Kim",
            "Ab",
        ]
        for string in texts {
            let text = TokenText(string)
            text.withSpans { spans in
                for start in text.tokens.indices {
                    for end in (start + 1)...min(text.tokens.count, start + 4) {
                        let range = start..<end
                        let expected = Self.byteKey(range, text)
                        // With room for whole words and with exactly the key's room (bytes one at a time).
                        for slack in [TokenSpans.keySlack, 0] {
                            let key = withUnsafeTemporaryAllocation(of: UInt8.self, capacity: max(1, spans.keyCapacity(range) + slack)) { out in
                                spans.key(range, into: out).map { Array(out[..<$0]) }
                            }
                            #expect(key == expected, "\(text.string(range)) slack \(slack)")
                        }
                    }
                }
            }
        }
    }
}
