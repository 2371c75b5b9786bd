import Testing
@testable import WireClean

@Suite struct ShareWidgetTests {
    @Test(arguments: ["• Link copied", "Share on Facebook", "Copy link", "Share Tweet Print", "Share this article", "Font size: A A A", "5 min read"])
    func widgetLinesAreRemoved(_ line: String) {
        let cleaned = StoryFixture.clean([StoryFixture.lede, line, StoryFixture.middle, StoryFixture.last])
        #expect(cleaned.kinds(of: line) == ["share-widget"])
        #expect(!cleaned.paragraphs.contains(line))
        #expect(cleaned.paragraphs.count == 3)
    }

    @Test(arguments: ["Share prices fell sharply on Monday.", "Print and online editions were delayed by the strike.",
                      "\"Share the road,\" the sign read.", "Email"])
    func storyLinesWithWidgetWordsStay(_ line: String) {
        let cleaned = StoryFixture.clean([StoryFixture.lede, line, StoryFixture.middle])
        if line == "Email" {
            // A lone page-tool word is a widget even between paragraphs.
            #expect(cleaned.kinds(of: line) == ["share-widget"])
        } else {
            #expect(cleaned.paragraphs.contains(line))
            #expect(cleaned.furniture.isEmpty)
        }
    }

    /// The first word is looked up as written and, when it has brackets or marks to trim, bare:
    /// both readings must still be tried ("Share:" is not a widget word, "share" is).
    @Test(arguments: ["Share: Facebook | Twitter", "(Share) Email", "|Share| Print", "SHARE! Link"])
    func trimmedFirstWordsStillOpenWidgets(_ line: String) {
        let cleaned = StoryFixture.clean([StoryFixture.lede, line, StoryFixture.middle, StoryFixture.last])
        #expect(cleaned.kinds(of: line) == ["share-widget"])
    }

    @Test(arguments: ["Shares: investors sold Facebook", "(Analysis) Share Print"])
    func trimmedFirstWordsThatAreNoWidgetWordsStay(_ line: String) {
        let cleaned = StoryFixture.clean([StoryFixture.lede, line, StoryFixture.middle, StoryFixture.last])
        #expect(cleaned.kinds(of: line) != ["share-widget"])
    }
}
