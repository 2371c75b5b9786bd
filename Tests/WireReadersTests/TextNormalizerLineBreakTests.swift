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
