import Testing
import WireText
@testable import WireClean

/// The splitter reads printable runs sixteen bytes at a time in vector registers (a double space
/// found by comparing each block with the next byte's), and prefix lists turn lines away on their
/// first byte: both must agree with the general readings at every place around the blocks.
@Suite struct VectorSplitterAndPrefixGateTests {
    /// The facts a byte-by-byte reading gives (digits left unread in long paragraphs, as the splitter does).
    static func referenceFacts(_ text: String) -> ByteFacts {
        var facts = ByteFacts(asciiSpaces: 0, hasDigit: false, hasLowercase: false)
        for byte in text.utf8 {
            if byte == 0x20 { facts.spaces += 1 }
            if byte >= 0x30 && byte <= 0x39 { facts.hasDigit = true }
            if byte >= 0x61 && byte <= 0x7A { facts.hasLowercase = true }
        }
        if facts.spaces + 1 > ByteFacts.digitWordLimit { facts.hasDigit = nil }
        return facts
    }

    /// Checks one text: the paragraphs are the general splitter's, and facts, where given, are right.
    static func check(_ text: String) {
        var blocks: [CopyBlock] = []
        ParagraphSplitter.append(text, role: .text, to: &blocks)
        #expect(blocks.map(\.text) == TextNormalizer.splitParagraphs(text), "\(text.debugDescription)")
        for block in blocks {
            guard let facts = block.facts else { continue }
            #expect(facts == referenceFacts(block.text), "\(block.text.debugDescription) in \(text.debugDescription)")
        }
    }

    @Test func everyMarkAtEveryPlaceAroundTheBlocks() {
        // Runs of words from empty to past four blocks, after leading paragraphs that shift where
        // the run starts in the buffer, with one mark put at every place.
        let marks = [" ", "  ", "   ", "\t", "é", "\u{7F}", "\u{1}", "\n", "\n\n", " \n\n", "7", "한", "\u{A0}", "\r\n"]
        for lead in ["", "x\n\n", "Lead paragraph.\n\n", "ab\n\n\n"] {
            for length in 0...70 {
                let run = String(String(repeating: "Wire copy ", count: 8).prefix(length))
                Self.check(lead + run)
                Self.check(lead + run + "  ")
                for place in 0..<max(length, 1) {
                    for mark in marks {
                        var text = run
                        text.insert(contentsOf: mark, at: text.index(text.startIndex, offsetBy: min(place, text.count)))
                        Self.check(lead + text)
                    }
                }
            }
        }
    }

    @Test func doubleSpacesAcrossBlockEdgesFold() {
        // A double space with its first space in the last lane of a block and the second in the
        // next, at every alignment: the paragraph folds and comes without facts.
        for offset in 0..<40 {
            let text = String(repeating: "a", count: offset + 1) + "  " + String(repeating: "b", count: 40)
            var blocks: [CopyBlock] = []
            ParagraphSplitter.append(text, role: .text, to: &blocks)
            #expect(blocks.map(\.text) == [String(repeating: "a", count: offset + 1) + " " + String(repeating: "b", count: 40)])
            #expect(blocks.first?.facts == nil)
        }
    }

    @Test func longParagraphsLeaveDigitsToTheShape() {
        let long = (1...30).map { "word\($0)" }.joined(separator: " ") + "."
        let short = "Seoul reported 12 cases."
        for text in [long, short, long.replacingOccurrences(of: "1", with: "one")] {
            var blocks: [CopyBlock] = []
            ParagraphSplitter.append(text, role: .text, to: &blocks)
            let expected = text.utf8.contains { $0 >= 0x30 && $0 <= 0x39 }
            #expect(LineShape(blocks[0].text, facts: blocks[0].facts).hasDigit == expected, "\(text)")
        }
    }

    static let prefixes: PrefixList = ["photo:", "file -", "this photo", "reporting by", "(ap)", "• ", "© ", "2024", "~x"]

    @Test func firstByteGateAgreesWithTheMatch() {
        var texts = ["", " ", "Photo: AFP", "PHOTO: x", "photograph", "File - Seoul", "This Photo shows", "Reporting by Kim",
                     "(AP) Seoul", "• item", "©  2024", "2024 Seoul", "~X", "Éphoto:", "é", "한국", "\u{212A}yodo", "Zed"]
        // Every first byte a line can start with, ASCII or not, before the text of a prefix.
        for scalar in (0x20..<0x7F).map({ Unicode.Scalar(UInt8($0)) }) + ["é", "•", "©", "—", "한", "\u{A0}"] {
            texts.append(String(scalar) + "hoto: x")
            texts.append(String(scalar))
        }
        for text in texts {
            let shape = LineShape(text)
            #expect(shape.firstPrefix(Self.prefixes) == text.firstPrefixIgnoringCase(Self.prefixes), "\(text.debugDescription)")
            if !Self.prefixes.mayMatch(firstByte: text.utf8.first ?? 0) {
                #expect(text.firstPrefixIgnoringCase(Self.prefixes) == nil, "\(text.debugDescription)")
            }
        }
        #expect(LineShape("Photo: AFP").firstPrefix(Self.prefixes) == "photo:")
        #expect(LineShape("• item").firstPrefix(Self.prefixes) == "• ")
    }
}
