import Testing
@testable import WireClean

@Suite struct SignOffTests {
    @Test(arguments: [(" (Yonhap)", "(Yonhap)"), (" (AP)", "(AP)"), (" — AFP", "— AFP"), (" Enditem", "Enditem"),
                      (" bur-jkm/rox", "bur-jkm/rox"), ("(Kyodo)", "(Kyodo)"), (" dpa ak/fz", "dpa ak/fz")])
    func trailingSignOffsAreSplitOff(_ suffix: String, _ signOff: String) {
        let cleaned = StoryFixture.clean([StoryFixture.lede, StoryFixture.last + suffix])
        #expect(cleaned.paragraphs == [StoryFixture.lede, StoryFixture.last])
        #expect(cleaned.kinds(of: signOff) == ["sign-off"])
    }

    @Test(arguments: ["(END)", "Enditem", "PTI KSU RHL", "ks/jm", "(Yonhap)", "==Kyodo", "dpa ak/fz", "/PTI"])
    func signOffLinesAreRemoved(_ line: String) {
        let cleaned = StoryFixture.clean([StoryFixture.lede, StoryFixture.last, line])
        #expect(cleaned.paragraphs == [StoryFixture.lede, StoryFixture.last])
        #expect(cleaned.kinds(of: line) == ["sign-off"])
    }

    @Test(arguments: ["The talks were hosted by the North Atlantic Treaty Organization (NATO).",
                      "The ferry will run twice a day (weather permitting)",
                      "He called the plan \"a waste of money\" - Park said"])
    func endingsThatAreStoryTextStay(_ last: String) {
        let cleaned = StoryFixture.clean([StoryFixture.lede, last])
        #expect(cleaned.paragraphs == [StoryFixture.lede, last])
        #expect(cleaned.furniture.isEmpty)
    }
}
