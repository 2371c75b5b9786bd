import Testing
@testable import WireClean

/// `ByteFacts` reads eight bytes at a time: it must give what a byte-by-byte reading gives, at every
/// length (whole blocks, a tail, both) and on long runs of spaces.
@Suite struct ByteFactsTests {
    /// The byte-by-byte reading `ByteFacts` replaced.
    static func reference(_ text: String) -> ByteFacts {
        var copy = text
        return copy.withUTF8 { bytes in
            var facts = ByteFacts(UnsafeBufferPointer(start: nil, count: 0))
            for byte in bytes {
                if byte == 0x20 { facts.spaces += 1 }
                if byte >= 0x30 && byte <= 0x39 { facts.hasDigit = true }
                if byte >= 0x61 && byte <= 0x7A { facts.hasLowercase = true }
                if byte >= 0x80 { facts.isASCII = false }
            }
            return facts
        }
    }

    static func facts(_ text: String) -> ByteFacts {
        var copy = text
        return copy.withUTF8 { ByteFacts($0) }
    }

    @Test func everyLengthAndPlaceOfAFactAgrees() {
        // Each fact alone, at every position of texts from empty to a few blocks long.
        for length in 0...50 {
            for position in 0..<max(length, 1) {
                for marker in ["7", "q", "é", " ", "Q", "/", ":", "`", "{", "@", "["] {
                    var text = String(repeating: "X", count: length)
                    if length > 0 {
                        let index = text.index(text.startIndex, offsetBy: position)
                        text.replaceSubrange(index...index, with: marker)
                    }
                    #expect(Self.facts(text) == Self.reference(text), "\(length) \(position) \(marker)")
                }
            }
        }
    }

    @Test func longRunsOfSpacesAreAllCounted() {
        for count in [255 * 16 - 1, 255 * 16, 255 * 16 + 17, 10_000] {
            let text = String(repeating: " ", count: count) + "Seoul 2024 said"
            #expect(Self.facts(text) == Self.reference(text))
            #expect(Self.facts(text).spaces == count + 2)
        }
    }

    @Test func storyLinesAgree() {
        for text in ByteShortcutTests.samples + ["SEOUL, April 13 (Yonhap) -- North Korea fired a ballistic missile on Saturday, officials said.",
                                                  "서울 2024년 4월 13일 연합뉴스", "ALL CAPS HEADLINE WITH NO LOWER CASE AT ALL"] {
            #expect(Self.facts(text) == Self.reference(text), "\(text)")
        }
    }
}
