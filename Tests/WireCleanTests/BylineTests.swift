import Testing
@testable import WireClean

@Suite struct BylineTests {
    @Test(arguments: ["By Jane Doe", "BY JANE DOE Associated Press", "By Yonhap", "Jane Doe, Staff reporter",
                      "By Maya Okonkwo and Lars Brenner", "By Kim Soo-yeon, The Korea Times"])
    func bylineLinesAreRemoved(_ line: String) {
        let cleaned = StoryFixture.clean([line, StoryFixture.lede, StoryFixture.middle])
        #expect(cleaned.kinds(of: line) == ["byline"])
        #expect(cleaned.paragraphs == [StoryFixture.lede, StoryFixture.middle])
    }

    @Test(arguments: ["By the time the ferry reached the island, the wind had dropped and the crew went ashore.",
                      "By noon, the line stretched around the block.", "By Monday the ministry had answered."])
    func sentencesStartingWithByStay(_ line: String) {
        let cleaned = StoryFixture.clean([StoryFixture.lede, line, StoryFixture.middle])
        #expect(cleaned.paragraphs == [StoryFixture.lede, line, StoryFixture.middle])
        #expect(cleaned.furniture.isEmpty)
    }
}
