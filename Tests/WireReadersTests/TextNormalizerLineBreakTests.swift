import Testing
import Foundation
import WireText

/// The line-break handling added to `TextNormalizer` for the readers (WireText has no test target of
/// its own yet).
@Suite struct TextNormalizerLineBreakTests {
    @Test(arguments: [
        ("a\r\nb\rc\nd", ["a", "b", "c", "d"]),
        ("a\u{85}b\u{2028}c", ["a", "b", "c"]),
        ("a\u{2029}b", ["a", "", "b"]),
        ("a\r\n\r\nb", ["a", "", "b"]),
    ])
    func lines(text: String, expected: [String]) {
        #expect(TextNormalizer.lines(text).map(String.init) == expected)
    }

    /// The byte split must cut where a Character split on "\n" cuts, whatever follows a break
    /// (combining marks, emoji modifiers, ZWJ) and whatever shares a lead byte with NEL or U+2028.
    @Test(arguments: [
        "a\n\u{301}b\n\n",
        "\u{1F44B}\n\u{1F3FD}\u{200D}x",
        "Seoul \u{2014} Tokyo\u{A0}2024\nnext",
        "\n\nlead\r\ncrlf\u{2029}end\u{85}",
        "",
    ])
    func linesCutWhereCharactersDo(text: String) {
        let unified = TextNormalizer.unifyLineBreaks(text)
        let byCharacters = unified.split(separator: "\n" as Character, omittingEmptySubsequences: false)
        let lines = TextNormalizer.lines(text)
        #expect(lines.map(String.init) == byCharacters.map(String.init))
        #expect(lines.map(\.startIndex) == byCharacters.map(\.startIndex))
    }

    @Test func dashesAndNoBreakSpacesNeedNoUnifying() {
        let text = "SEOUL \u{2014} talks\u{A0}resumed \u{2026}"
        #expect(TextNormalizer.unifyLineBreaks(text) == text)
        #expect(TextNormalizer.lines("a\u{2028}b").map(String.init) == ["a", "b"])
    }

    @Test func paragraphsFromWindowsCopy() {
        #expect(TextNormalizer.paragraphs("One\r\nline.\r\n\r\nTwo.\r\n") == "One line.\n\nTwo.")
    }

    @Test(arguments: [
        ("  plain  ascii\ttext ", "plain ascii text"),
        ("Cafe\u{301} cre\u{300}me", "Café crème"),
        ("x\u{0}y\u{7}z", "xyz"),
    ])
    func inlineComposesOnlyWhenNeeded(text: String, expected: String) {
        let result = TextNormalizer.inline(text)
        #expect(result == expected)
        #expect(result.unicodeScalars.count == expected.precomposedStringWithCanonicalMapping.unicodeScalars.count)
    }
}
