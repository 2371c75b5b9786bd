import Testing
@testable import WireClean

/// The packed-tail suffix test must agree with the byte-by-byte `String.hasAnyByteSuffix` it gates.
@Suite struct ByteSuffixListTests {
    static let suffixLists: [[String]] = [
        [" report.", " story.", " reporting.", " article.", " report"],
        ["a", "é.", " sehr langer Zusatz.", ""],
        ["—", " 보도."],
    ]

    static let texts: [String] = [
        "", "a", ".", "report.", " report.", "x report.", "They contributed to this report.",
        "They contributed to this Report.", "Reuters contributed reporting.", "He filed the story.", "history.",
        "An article.", "particle.", "the report", "the reportx", "reporting.", "Café é.", "Ça va é.", "ein sehr langer Zusatz.",
        "kein sehr langer Zusatz!", "연합뉴스 보도.", "보도.", "story — ", "done —", "multi\u{301}.", "1234567", "12345678",
    ]

    @Test func packedTailsAgreeWithByteByByteSuffixes() {
        for suffixes in Self.suffixLists {
            let list = ByteSuffixList(suffixes)
            let bytes = suffixes.map { Array($0.utf8) }
            for text in Self.texts {
                for variant in [text, text + " ", "Prefix " + text, String(text.dropFirst())] {
                    let fast = variant.withUTF8Bytes(list.matches)
                    #expect(fast == variant.hasAnyByteSuffix(bytes), "\(variant) \(suffixes)")
                }
            }
        }
    }

    @Test func creditLastWordsMatchOnlyTheirEndings() {
        let list = LineRules.creditLastWords
        #expect("Kim Tong-hyung contributed to this report.".withUTF8Bytes(list.matches))
        #expect("Staff contributed reporting.".withUTF8Bytes(list.matches))
        #expect(!"The minister said on Monday.".withUTF8Bytes(list.matches))
        #expect(!"They contributed to this REPORT.".withUTF8Bytes(list.matches))
        #expect(!" story".withUTF8Bytes(list.matches))
    }
}
