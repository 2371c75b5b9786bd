import Testing
@testable import WireClean

@Suite struct CleanOptionsTests {
    /// One line per rule family, each in a story where its rule removes it.
    static let lines: [(CleanOptions.Rule, String)] = [
        (.siteNames, "The Korea Herald"), (.strayScript, "피터빈트"), (.bylines, "By Jane Doe"),
        (.publicationLines, "Published : April 13, 2024 - 21:10"), (.shareWidgets, "• Link copied"),
        (.credits, "(Reporting by Jane Doe; Editing by John Roe)"), (.pageChrome, "Advertisement"),
    ]

    @Test(arguments: CleanOptions.Rule.allCases)
    func aFamilySwitchedOffKeepsItsLines(_ rule: CleanOptions.Rule) {
        guard let line = Self.lines.first(where: { $0.0 == rule })?.1 else { return }
        let story = [StoryFixture.lede, StoryFixture.middle, line]
        #expect(StoryFixture.clean(story).paragraphs.contains(line) == false)
        var options = CleanOptions()
        options[rule] = false
        #expect(StoryFixture.clean(story, options: options).paragraphs.contains(line))
    }

    @Test func everyRuleOffOnlyNormalises() {
        let story = ["The Korea Herald", "By Yonhap", "• Link copied", StoryFixture.lede, StoryFixture.last + " (Yonhap)",
                     "Related coverage:", "Ferry fares to rise in June"]
        let cleaned = StoryFixture.clean(story, options: .none)
        #expect(cleaned.paragraphs == story)
        #expect(cleaned.furniture.isEmpty)
    }

    @Test func rulesAreNamedAsInTheConfig() {
        var options = CleanOptions()
        for rule in CleanOptions.Rule.allCases { options[rule] = false }
        #expect(options == .none)
        #expect(CleanOptions.Rule.allCases.map(\.rawValue).contains("sign_offs"))
    }
}
