import Testing
@testable import WireClean

@Suite struct PublicationLineTests {
    @Test(arguments: [("Published : April 13, 2024 - 21:10", "published"), ("Updated : April 13, 2024 - 22:05", "updated"),
                      ("Published - May 28, 2024 04:32 pm IST", "published"), ("Last updated: 2024-05-28 17:10", "updated"),
                      ("KYODO NEWS - Jul 9, 2024 - 18:40 | Business, All", "published")])
    func timeStampLinesAreRemoved(_ line: String, _ kind: String) {
        let cleaned = StoryFixture.clean(["Mokpo opens ferry route to southern islands", line, StoryFixture.lede, StoryFixture.middle])
        #expect(cleaned.kinds(of: line) == [kind])
        #expect(cleaned.paragraphs == [StoryFixture.lede, StoryFixture.middle])
    }

    @Test(arguments: ["Published in 1998, the report was the first to map the islands' tidal flats.",
                      "Updated figures from the ministry showed 1.2 million visitors in 2023.",
                      "Posted guards stood at the gate through the night of March 3, 2024."])
    func sentencesAboutPublishingStay(_ line: String) {
        let cleaned = StoryFixture.clean([StoryFixture.lede, line, StoryFixture.middle])
        #expect(cleaned.paragraphs.contains(line))
        #expect(cleaned.furniture.isEmpty)
    }
}
