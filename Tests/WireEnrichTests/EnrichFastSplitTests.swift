import Testing
@testable import WireEnrich

/// The byte and scalar paths that split text for `enrich` must cut exactly where the `Character` paths do.
@Suite struct EnrichFastSplitTests {
    static let samples: [String] = [
        "SEOUL, South Korea (AP) — North Korean leader Kim Jong Un met U.S. envoys on Friday.",
        "China-DPRK friendship year; the Republic of Korea and Bosnia and Herzegovina said N. Korea's talks...",
        "Plain ASCII copy with  double  spaces,\ttabs and -dashes- and a trailing dot.",
        "Café owners in Zürich — “Ölkrise” hits São Paulo’s traders (Reuters).",
        "Line one.\n\n   \nLine two \u{0B} \nlast",
        "\u{C5}ngstr\u{F6}m-Lab U.-N. \"Quoted.\" x. A.",
        "Combining e\u{301}tude ande\u{301} \u{301}spaced",
        "Windows\r\nline\r\nbreaks Paris-Berlin",
    ]

    @Test func placeWordsMatchCharacterSplit() {
        for text in Self.samples {
            let expected = PlaceScanner.characterWords(Substring(text)).map(String.init)
            #expect(PlaceScanner.words(Substring(text)).map(String.init) == expected, "\(text)")
            if SingleScalarText.holds(Substring(text)) {
                #expect(PlaceScanner.scalarWords(Substring(text)).map(String.init) == expected, "\(text)")
            }
        }
    }

    @Test func paragraphsMatchCharacterSplit() {
        for text in Self.samples {
            let expected = text.split(separator: "\n").filter { !$0.allSatisfy(\.isWhitespace) }.map(String.init)
            #expect(StoryEnricher.paragraphs(text).map(String.init) == expected, "\(text)")
        }
    }

    @Test func singleScalarCheckRejectsJoiningText() {
        #expect(SingleScalarText.holds("Zürich “quoted” €5"))
        #expect(!SingleScalarText.holds("e\u{301}"))
        #expect(!SingleScalarText.holds("a\r\nb"))
    }

    @Test func possessiveDropped() {
        #expect(TopicText.words("Korea's CEO’s talks") == ["korea", "ceo", "s", "talks"])
    }
}
