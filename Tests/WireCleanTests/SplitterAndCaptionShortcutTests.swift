import Testing
import WireText
@testable import WireClean

/// The paragraph splitter gathers `ByteFacts` while it splits, and the caption rules read credits on
/// bytes: both must agree with the general readings they replaced, on ASCII and non-ASCII text, on
/// every kind of white space and at every length around the eight-byte words the splitter reads.
@Suite struct SplitterAndCaptionShortcutTests {
    /// Pieces a story is made of, the awkward ones included: double spaces, tabs, blank lines made
    /// of spaces, CR, NEL, control characters, non-ASCII letters and signs, no-break spaces.
    static let pieces = [
        "Seoul", "said", "the", "2024", "(Yonhap)", "AP Photo/Jane Doe", "x", "ab", "12345678", "lowercase", "UPPER",
        " ", " ", " ", "  ", "   ", "\t", "\n", "\n", "\n\n", "\n \n", " \n\n ", "\r\n", "\u{85}", "\u{7F}", "\u{1}",
        "é", "Ça", "—", "“Quote”", "\u{A0}", "한국", "e\u{301}", "~", "!", ".", "{", "`", "@", "[", "/", ":",
    ]

    /// A small deterministic generator, so a failure names a text that can be rebuilt.
    struct Generator {
        var state: UInt64
        mutating func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(bound))
        }
    }

    static func texts() -> [String] {
        var generator = Generator(state: 42)
        var texts = ["", " ", "\n", "a", "a b", "a  b", "word\n\n", "  lead", "trail  ", "one\ntwo", "x\n\n\ny"]
        for _ in 0..<3000 {
            var text = ""
            for _ in 0..<generator.next(40) {
                // Mostly words and single spaces, as stories are, so that long simple runs occur.
                let roll = generator.next(20)
                text += roll < 10 ? pieces[generator.next(6)] : roll < 17 ? " " : roll < 18 ? "\n\n" : pieces[generator.next(pieces.count)]
            }
            texts.append(text)
        }
        return texts
    }

    static func facts(_ text: String) -> ByteFacts {
        var copy = text
        return copy.withUTF8 { ByteFacts($0) }
    }

    @Test func paragraphsAndTheirFactsMatchTheGeneralReading() {
        var withFacts = 0
        for text in Self.texts() {
            var blocks: [CopyBlock] = []
            ParagraphSplitter.append(text, role: .text, to: &blocks)
            #expect(blocks.map(\.text) == TextNormalizer.splitParagraphs(text), "\(text.debugDescription)")
            for block in blocks {
                guard var facts = block.facts else { continue }
                // Digits are read only in paragraphs short enough for a rule to ask about them.
                let words = facts.spaces + 1
                #expect((facts.hasDigit == nil) == (words > ByteFacts.digitWordLimit), "\(block.text.debugDescription)")
                if facts.hasDigit == nil { facts.hasDigit = Self.facts(block.text).hasDigit }
                #expect(facts == Self.facts(block.text), "\(block.text.debugDescription)")
                #expect(LineShape(block.text, facts: block.facts).hasDigit == LineShape(block.text).hasDigit)
                withFacts += 1
            }
        }
        // The generated texts reach the fast path often, long paragraphs included.
        #expect(withFacts > 1000)
    }

    @Test func plainParagraphsComeWithTheirFacts() {
        var blocks: [CopyBlock] = []
        ParagraphSplitter.append("Seoul said on Monday it had 12 new cases. \n\nTwo  spaces.\n\nÇa va.", role: .text, to: &blocks)
        #expect(blocks.map(\.text) == ["Seoul said on Monday it had 12 new cases.", "Two spaces.", "Ça va."])
        #expect(blocks[0].facts == ByteFacts(asciiSpaces: 8, hasDigit: true, hasLowercase: true))
        // Folded or non-ASCII paragraphs leave the facts to `LineShape`.
        #expect(blocks[1].facts == nil)
        #expect(blocks[2].facts == nil)
    }

    /// Blocks already in the output stay when a text takes the general path.
    @Test func theGeneralPathKeepsEarlierBlocks() {
        var blocks = [CopyBlock("Earlier", role: .figureCaption)]
        ParagraphSplitter.append("First line\r\n\r\nSecond", role: .text, to: &blocks)
        #expect(blocks.map(\.text) == ["Earlier", "First line", "Second"])
    }

    // MARK: captions

    /// The `String` readings the byte versions replaced.
    enum Reference {
        static func splitCredit(_ text: String) -> (text: String, credit: String)? {
            let bytes = text.utf8
            guard let close = bytes.last, close == UInt8(ascii: ")") || close == UInt8(ascii: "]") else { return nil }
            let open = close == UInt8(ascii: ")") ? UInt8(ascii: "(") : UInt8(ascii: "[")
            guard let start = bytes.lastIndex(of: open) else { return nil }
            let creditStart = bytes.index(after: start)
            let creditEnd = bytes.index(before: bytes.endIndex)
            let length = bytes.distance(from: creditStart, to: creditEnd)
            guard length > 0, length <= 120 else { return nil }
            let credit = String(text[creditStart..<creditEnd])
            guard credit.count <= 60 else { return nil }
            return (text[..<start].withoutTrailingSpaces, credit)
        }

        static func trailingCredit(_ text: String) -> String? {
            guard let split = splitCredit(text) else { return nil }
            return LineShape.endsLikeSentence(split.text) ? split.credit : nil
        }

        static let positionWords: Set<String> = [
            "l", "r", "c", "far", "left", "right", "center", "centre", "front", "back", "row", "second", "third", "fourth",
            "2nd", "3rd", "4th", "5th", "from", "top", "bottom", "middle", "rear", "l-r", "r-l", "clockwise", "above",
            "below", "inset", "foreground", "background",
        ]

        static func hasPositionMarker(_ text: String) -> Bool {
            var searchFrom = text.startIndex
            while let open = text[searchFrom...].firstIndex(of: "(") {
                guard let close = text[open...].firstIndex(of: ")") else { return false }
                let words = text[text.index(after: open)..<close].lowercased().splitASCII(" ,")
                if !words.isEmpty, words.count <= 5, words.allSatisfy({ positionWords.contains(String($0)) }) { return true }
                searchFrom = text.index(after: close)
            }
            return false
        }
    }

    static let captions = [
        "", ")", "()", "(AP)", "Text. (AP)", "Text.   (AP)", "Text (AP)", "Text. [Reuters]", "Text. (AP Photo/Jane Doe)",
        "Text. (" + String(repeating: "a", count: 60) + ")", "Text. (" + String(repeating: "a", count: 61) + ")",
        "Text. (" + String(repeating: "é", count: 30) + ")", "Text. (" + String(repeating: "é", count: 31) + ")",
        "Text. (" + String(repeating: "e\u{301}", count: 40) + ")", "Text. (" + String(repeating: "a", count: 121) + ")",
        "Text. (" + String(repeating: "a\r\n", count: 30) + ")", "He waves (L) at fans. (Xinhua)", "Fans (far R, 2nd) cheer. (AFP)",
        "Fans (Far Left) cheer.", "Fans (left right top bottom far) cheer.", "Fans (left right top bottom far row) cheer.",
        "Fans ( , ) cheer.", "Fans (L)(R)", "Fans (L", "Fans (\u{212A}) cheer.", "Fans (left) cheer. Ça va.", "(",
        "“Fans” (L) cheer.", "(Ça)", "Fans (left“) cheer.", "Fans (“left”) cheer.", "Fans (BAC\u{212A}) cheer.", "Fans (left) é\u{301}",
        "Fans (\u{301}left) cheer.", "Fans (left)\u{301} cheer.", "Fans (é, left) cheer.", "한국 (L) 서울", "(L) Ç", "Fans (LEFT) — AFP",
        "Ends.” (Kyodo)", "Ends. (\u{301}Yonhap)", "Ends. (Yonhap)\u{301}", "Ends. ((AP))", "Ends. (AP) (AFP)",
    ]

    @Test func creditsOnBytesMatchTheStringReading() {
        for text in Self.captions {
            let split = CaptionRules.splitCredit(text)
            let reference = Reference.splitCredit(text)
            #expect(split?.text == reference?.text && split?.credit == reference?.credit, "\(text)")
            #expect(CaptionRules.trailingCredit(text) == Reference.trailingCredit(text), "\(text)")
            #expect(CaptionRules.hasPositionMarker(text) == Reference.hasPositionMarker(text), "\(text)")
        }
    }

    @Test func photoCreditsNeedTheirMarker() {
        #expect(CaptionRules.trailingPhotoCredit("Crowds gather in Seoul. Photo: Jane Doe")?.credit == "Jane Doe")
        #expect(CaptionRules.trailingPhotoCredit("Crowds gather in Seoul. Image: Getty")?.credit == "Getty")
        #expect(CaptionRules.trailingPhotoCredit("Crowds gather in Seoul. Photograph: Jane Doe")?.credit == "Jane Doe")
        #expect(CaptionRules.trailingPhotoCredit("Crowds gather in Seoul. PHOTO: Jane Doe") == nil)
        #expect(CaptionRules.trailingPhotoCredit("Photo: Jane Doe") == nil)
    }
}
