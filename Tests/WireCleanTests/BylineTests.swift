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

    @Test(arguments: [("Reporter: Ni Putu Sari", "byline"), ("Editor: Rahmad Nasution", "credit"), ("Written by: Lee Min-ji", "byline")])
    func labelledNamesAreRemoved(_ line: String, _ kind: String) {
        let cleaned = StoryFixture.clean([StoryFixture.lede, StoryFixture.middle, line])
        #expect(cleaned.kinds(of: line) == [kind])
    }

    @Test(arguments: ["Warning: Heavy Rain Expected", "Note: the figures are preliminary", "Editor: the paper's board chose a new chief"])
    func otherLabelledLinesStay(_ line: String) {
        let cleaned = StoryFixture.clean([StoryFixture.lede, line, StoryFixture.middle])
        #expect(cleaned.paragraphs.contains(line))
    }

    @Test(arguments: ["By the time the ferry reached the island, the wind had dropped and the crew went ashore.",
                      "By noon, the line stretched around the block.", "By Monday the ministry had answered."])
    func sentencesStartingWithByStay(_ line: String) {
        let cleaned = StoryFixture.clean([StoryFixture.lede, line, StoryFixture.middle])
        #expect(cleaned.paragraphs == [StoryFixture.lede, line, StoryFixture.middle])
        #expect(cleaned.furniture.isEmpty)
    }
}
