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
}
