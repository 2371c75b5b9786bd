import Testing
@testable import WireClean

/// The packed-key look-ups must agree with the `String` sets they stand for, for ASCII words short
/// and long, and for words with non-ASCII bytes (which take the sets).
@Suite struct WidgetWordLookupTests {
    static let words = [
        "share", "shares", "Share", "e-mail", "a+", "+", "|", "•", "·", "copy-link", "print-friendly", "kakaotalk",
        "print-friendlyx", "averyveryverylongword", "clipboard", "clipboards", "", "x", "y", "é", "shaře", "링크", "sns",
    ]

    @Test func keysAgreeWithTheSets() {
        for word in Self.words {
            var copy = word
            copy.withUTF8 { bytes in
                #expect(WidgetWord.isWidget(bytes) == LineRules.widgetWords.contains(word), "\(word)")
                #expect(WidgetWord.isMarker(bytes) == LineRules.widgetMarkers.contains(word), "\(word)")
            }
        }
    }
}
