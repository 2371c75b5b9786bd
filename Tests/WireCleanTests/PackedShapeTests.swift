import Testing
@testable import WireClean

/// `LineShape` keeps its facts packed in one word and lower-cases lines only when a rule asks: the
/// packed facts must read back as the byte scan gives them, and the lower-cased bytes and the gated
/// list look-ups must agree with the lower-cased string they replace.
@Suite struct PackedShapeTests {
    static let lines = [
        "", "a", "A", "7", " ", "Share on FACEBOOK", "3 min read", "ADVERTISEMENT", "Advertisement", "Sponsored Content",
        "Story continues below advertisement", "Continue reading below", "ad", "AD", "Ad block", "Scroll to continue with content",
        "\u{212A}YODO", "\u{212A}yodo", "Advertisement\u{301}", "Ça Va", "Ｗｈａｔ？", "終わり。", "Yonhap\u{0387}", "He said.”’»",
        "By Jane Doe, Seoul", "Related coverage:", "READ MORE >>", "Related\u{301}", "x\u{212A}y Z",
        String(repeating: "word ", count: 30) + "end.", String(repeating: "Wörd 1 ", count: 12) + "Ende.",
    ]

    @Test func packedFactsReadBackAsTheByteScanGivesThem() {
        for text in Self.lines {
            let bytes = Array(text.utf8)
            let shape = LineShape(text)
            #expect(shape.text == text)
            #expect(shape.bytes == bytes.count, "\(text)")
            #expect(shape.words == (bytes.isEmpty ? 0 : bytes.filter { $0 == 0x20 }.count + 1), "\(text)")
            #expect(shape.firstByte == (bytes.first ?? 0) && shape.lastByte == (bytes.last ?? 0), "\(text)")
            #expect(shape.isASCII == bytes.allSatisfy { $0 < 0x80 }, "\(text)")
            #expect(shape.hasLowercase == bytes.contains { $0 &- 0x61 < 26 }, "\(text)")
            #expect(shape.hasDigit == bytes.contains { $0 &- 0x30 < 10 }, "\(text)")
            #expect(shape.endsLikeSentence == LineShape.endsLikeSentence(text), "\(text)")
            let ascii = bytes.allSatisfy { $0 < 0x80 }, lower = bytes.contains { $0 &- 0x61 < 26 }
            let prose = (shape.words >= 8 || (!ascii && bytes.count >= 60)) && (lower || !ascii) && LineShape.endsLikeSentence(text)
            #expect(shape.isProse == prose, "\(text)")
        }
    }

    @Test func characterAfterASpaceIsTheStringsNextIndex() {
        let texts = ["a b", "a ", " ", "said. \u{301}AFP", "said. (AFP)", "x \u{200D}y", "a \r\nb", "é ü", "a  b", "Seoul. dpa ak/fz"]
        for text in texts {
            var index = text.utf8.startIndex
            while index < text.utf8.endIndex {
                if text.utf8[index] == 0x20, text.unicodeScalars.indices.contains(index) {
                    #expect(SignOff.characterAfterSpace(text, at: index) == text.index(after: index), "\(text)")
                }
                index = text.utf8.index(after: index)
            }
        }
    }

    @Test func splitterFactsGiveTheSameShapes() {
        // The splitter leaves the digit fact unread for long paragraphs: the shape reads it then.
        let copy = Self.lines.filter { !$0.isEmpty && $0 != " " }.joined(separator: "\n\n")
        var blocks: [CopyBlock] = []
        ParagraphSplitter.append(copy, role: .text, to: &blocks)
        #expect(blocks.count > 20)
        for block in blocks {
            let known = LineShape(block.text, facts: block.facts), read = LineShape(block.text)
            #expect(known.words == read.words && known.bytes == read.bytes && known.hasDigit == read.hasDigit, "\(block.text)")
            #expect(known.hasLowercase == read.hasLowercase && known.isASCII == read.isASCII, "\(block.text)")
            #expect(known.firstByte == read.firstByte && known.lastByte == read.lastByte, "\(block.text)")
            #expect(known.endsLikeSentence == read.endsLikeSentence, "\(block.text)")
        }
    }

    @Test func lowerBytesAreTheLowerCasedString() {
        for text in Self.lines {
            let shape = LineShape(text)
            #expect(shape.withLowerBytes { Array($0) } == Array(shape.lower.utf8), "\(text)")
        }
        #expect(LineShape("\u{212A}YODO").withLowerBytes { String(decoding: $0, as: UTF8.self) } == "kyodo")
        #expect(LineShape("one two three four five six seven eight nine").withLowerBytes { $0.count } == 0)
    }

    @Test func gatedAdvertisementLookUpMatchesTheSet() {
        for text in Self.lines + Array(LineRules.advertisements) + LineRules.advertisements.map({ $0.uppercased() }) {
            let shape = LineShape(text)
            let reference = shape.words <= 6 && LineRules.advertisements.contains(shape.lower)
            #expect(LineRules.advertisement(shape) == reference, "\(text)")
        }
        #expect(LineRules.advertisement(LineShape("Story Continues Below ADVERTISEMENT")))
    }
}
