import Testing
@testable import WireClean

@Suite struct RelatedListTests {
    @Test func relatedTailWithItsHeadlinesIsRemoved() {
        let tail = ["Related coverage:", "Japan, U.S. hold maritime drill in East China Sea", "Mokpo port traffic hits record",
                    "What next for island ferries?"]
        let cleaned = StoryFixture.clean([StoryFixture.lede, StoryFixture.middle, StoryFixture.last] + tail)
        #expect(cleaned.paragraphs == [StoryFixture.lede, StoryFixture.middle, StoryFixture.last])
        #expect(cleaned.furniture.map(\.kind) == ["related-heading", "related", "related", "related"])
        #expect(cleaned.furniture.map(\.text) == tail)
    }

    @Test func aListStopsAtTheNextStoryParagraph() {
        let cleaned = StoryFixture.clean([StoryFixture.lede, "Read more", "Ferry fares to rise in June", StoryFixture.middle])
        #expect(cleaned.paragraphs == [StoryFixture.lede, StoryFixture.middle])
        #expect(cleaned.kinds(of: "Ferry fares to rise in June") == ["related"])
    }

    @Test(arguments: ["ALSO READ | Heatwave claims 12 lives in Rajasthan", "Read more: Ferry fares to rise in June"])
    func oneLinePointersAreRemoved(_ line: String) {
        let cleaned = StoryFixture.clean([StoryFixture.lede, line, StoryFixture.middle])
        #expect(cleaned.kinds(of: line) == ["related"])
    }

    @Test func sentencesMentioningReadMoreStay() {
        let line = "Read more about the plan on the ministry's website, officials said on Monday."
        let cleaned = StoryFixture.clean([StoryFixture.lede, line, StoryFixture.middle])
        #expect(cleaned.paragraphs == [StoryFixture.lede, line, StoryFixture.middle])
    }

    @Test func switchedOffTheListStays() {
        var options = CleanOptions()
        options.relatedLists = false
        let cleaned = StoryFixture.clean([StoryFixture.lede, "Related coverage:", "Ferry fares to rise in June"], options: options)
        #expect(cleaned.paragraphs.count == 3)
    }
}
