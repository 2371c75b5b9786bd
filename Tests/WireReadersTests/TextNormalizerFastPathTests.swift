import Foundation
import Testing
import WireText

/// `TextNormalizer.paragraphs` and `inline` take a one-pass byte path for text NFC leaves alone; these
/// inputs sit on every edge of that path and must come out exactly as the general path makes them.
@Suite struct TextNormalizerFastPathTests {
    static let inputs: [String] = [
        "Plain ASCII copy.\n\nSecond paragraph\nwith a folded line.",
        "  leading and trailing  \n\n\n   \n  spaces\t\tand tabs  ",
        "Windows\r\ncopy\r\n\r\nwith CRLF\rand CR\u{0B}and VT\u{0C}and FF",
        "Bogotá and Reykjavík — “quoted” … 5 €\n\nnext",
        "no\u{A0}break\u{A0}\u{A0}spaces and a soft\u{AD}hyphen",
        "C1 \u{85}NEL line break\u{2028}and LS\u{2029}and PS",
        "decomposed Cafe\u{301} needs NFC\n\nand Ångström \u{212B}",
        "zero\u{200B}width and joiner a\u{200D}b and bidi \u{202E}x",
        "control\u{1}\u{7F} bytes\n\u{1}\n\nafter a control-only line",
        "\u{1}\n\n\u{1}\n\nonly controls",
        "em\u{2003}space and thin\u{2009}space\n \u{A0} \nblank line of spaces",
        "emoji 🗞️ and CJK 新聞 and Hangul 뉴스",
        "",
        "\n\n\n",
        "long-words_and~punctuation!\"#$%&'()*+,-./:;<=>?@[\\]^`{|}0123456789\u{7F}glued\n\nx",
        "runs\u{1}split\u{7F}by controls and é-accents\u{A0}between/words",
    ]

    @Test(arguments: inputs)
    func paragraphsMatchTheGeneralPath(text: String) {
        #expect(TextNormalizer.paragraphs(text) == TextNormalizer.splitParagraphs(text).joined(separator: "\n\n"))
    }

    @Test(arguments: [
        ("  Bogotá\u{A0}\u{A0}city\u{AD}  ", "Bogotá city"),
        ("tab\tand\nnewline  folded", "tab and newline folded"),
        ("Cafe\u{301}", "Café"),
        ("\u{2002}en space\u{2002}", "en space"),
        ("x\u{80}y", "xy"),
    ])
    func inlineFoldsAsTheContractSays(text: String, expected: String) {
        #expect(TextNormalizer.inline(text) == expected)
    }

    @Test func paragraphsOfLatinCopy() {
        let text = "SEOUL, April 13 (Meridian) -- Señor Núñez said\nthe “deal” is done.\n\n\u{A0}\n\nRead more"
        #expect(TextNormalizer.paragraphs(text)
            == "SEOUL, April 13 (Meridian) -- Señor Núñez said the “deal” is done.\n\nRead more")
    }
}
