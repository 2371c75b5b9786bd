import Testing
import WireModel
@testable import WireExtract

/// Hostile and odd copy: the extractor must finish on anything a reader can produce.
@Suite struct ExtractRobustnessTests {
    static let fragments = [
        "\"", "“", "”", "'s", "(", ")", " -- ", "—", "SEOUL, Oct. 9 (Yonhap) --", "By ", "Published : ", "U.S.", "N.",
        "Kim", "Jong-un", "said", "on Friday", "in June", "2024", ",", ".", "\n\n", " ", "Minister", "of the", "Council",
        "May", "30", "Sea", "피터빈트", "é", "\u{0301}", "\t", "the North", "last year", "KCNA", "\"", "—", "(AP)",
    ]

    @Test func randomCopyNeverTraps() {
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<400 {
            let count = Int.random(in: 0...60, using: &generator)
            let body = (0..<count).map { _ in Self.fragments.randomElement(using: &generator) ?? "" }.joined(separator: Bool.random() ? " " : "")
            let input = ExtractTestSupport.item([body], furniture: [("published", body), ("byline", body), ("caption", body), ("credit", body)])
            let item = StoryExtractor().extract(input)
            #expect(item.body == input.body) // extract reads the body; it never rewrites it
        }
    }

    @Test func edgeShapes() {
        for body in ["", "\"", "\"\"", "((((", ") -- ", "A", "A.", "\n\n\n", "SEOUL, (Yonhap) --", "X (Y) —", "Oct. 32, 2024", "in 2101 and 1799"] {
            let item = StoryExtractor().extract(ExtractTestSupport.item([body]))
            #expect(item.dates.allSatisfy { $0.value == nil || $0.value?.first?.isNumber == true })
        }
    }

    /// Copy without full stops, or with thousands of names, stays linear: every quote finds its
    /// speaker within its sentence's reach, acronyms merge through an index.
    @Test func bigFlatCopyKeepsEveryQuote() {
        let body = Array(repeating: "\"Yes\" said Olvira Tesk and ZQX", count: 5_000).joined(separator: " ")
        let item = StoryExtractor().extract(ExtractTestSupport.item([body]))
        #expect(item.quotes.count == 5_000)
        #expect(item.quotes.allSatisfy { $0.speaker == "Olvira Tesk" })
        #expect(item.entities?.people.count == 1)
    }
}
