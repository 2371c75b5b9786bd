import Testing
@testable import WireExtract

/// A quote's text trimmed on bytes (`QuoteExtractor.content`) must be what trimming its characters
/// gives (`contentByCharacters`), whatever ends the range: commas, spaces, non-ASCII letters,
/// combining marks and a prepended mark that joins the comma after it into one character.
@Suite struct QuoteContentShortcutTests {
    static let stories = [
        #""We will go," Kim said. "Not now , ," she said, "ever.""#,
        "“Café,” he said. “Naïve ,” , “Ａ,” «x,» \"e\u{301},\" \"\u{600},\" \"\u{600} ,\" \"ab\u{600}, ,\"",
        "\"\" \" \" \",\" \", ,\" \"a\" \"한국,\" \"日本 ,\" \"x\u{200D},\" \"🇰🇷,\" \"1,000,\" \"$5,\"",
        "No quotes at all, here , , ,",
    ]

    @Test func byteTrimmingTrimsTheCharacters() {
        var trimmed = 0
        defer { #expect(trimmed >= 20) }
        for story in Self.stories {
            let text = TokenText(story)
            let count = text.tokens.count
            for lower in 0..<count {
                for upper in lower...count {
                    let expected = QuoteExtractor.contentByCharacters(text, lower..<upper)
                    #expect(QuoteExtractor.content(text, lower..<upper) == expected, "\(story) \(lower)..<\(upper)")
                    if expected != text.string(lower..<upper) { trimmed += 1 }
                }
            }
        }
    }

    @Test func quotesKeepTheirText() {
        let text = TokenText(Self.stories[0])
        let quotes = QuoteExtractor(text: text, people: [], marks: QuoteExtractor.quotationMarks(text)).quotes()
        #expect(quotes.map(\.text) == ["We will go", "Not now", "ever."])
    }
}
