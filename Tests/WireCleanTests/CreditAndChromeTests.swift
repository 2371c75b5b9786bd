import Testing
@testable import WireClean

@Suite struct CreditAndChromeTests {
    @Test(arguments: [
        ("(Reporting by Maya Okonkwo; Editing by Susan Wexley)", "credit"),
        ("Associated Press writer Daniel Okafor in Lisbon contributed to this report.", "credit"),
        ("yoonsh@yna.co.kr", "contact"), ("___", "separator"), ("© 2024 The Seoul Ledger. All rights reserved.", "copyright"),
        ("Advertisement", "advertisement"), ("Sign up here.", "promo"), ("Tags: ferries, Mokpo", "tags"),
        ("(This story has not been edited by Ledger staff and is auto-generated from a syndicated feed.)", "disclaimer"),
    ])
    func tailLinesAreRemoved(_ line: String, _ kind: String) {
        let cleaned = StoryFixture.clean([StoryFixture.lede, StoryFixture.middle, line])
        #expect(cleaned.kinds(of: line) == [kind])
        #expect(cleaned.paragraphs == [StoryFixture.lede, StoryFixture.middle])
    }

    @Test(arguments: ["Reporters without Borders said the law was a threat to the press.",
                      "(Corrects name of industry group president in paragraph 3)",
                      "Editors at the paper said they had not been consulted.",
                      "Advertisement revenue fell 8% in the quarter."])
    func lookalikeStoryLinesStay(_ line: String) {
        let cleaned = StoryFixture.clean([StoryFixture.lede, line, StoryFixture.middle])
        #expect(cleaned.paragraphs.contains(line))
        #expect(cleaned.furniture.isEmpty)
    }
}
