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

    @Test(arguments: ["(END)", "Enditem", "PTI KSU RHL", "ks/jm", "(Yonhap)", "==Kyodo", "dpa ak/fz", "/PTI", "VNA", "(ANSA)."])
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

    @Test func aNameWithItsBracketedAgencyAboveTheStoryIsAByline() {
        let cleaned = StoryFixture.clean(["Tom Aldridge (AAP)", StoryFixture.lede, StoryFixture.last])
        #expect(cleaned.paragraphs == [StoryFixture.lede, StoryFixture.last])
        #expect(cleaned.kinds(of: "Tom Aldridge (AAP)") == ["byline"])
    }

    /// The first-byte gate in front of the end-marker look-up turns away no word the set holds.
    @Test func endMarkerGateKeepsEveryMarker() {
        let words = Array(LineRules.endMarkers) + ["end", "(end)", "E\u{301}ND", "\u{212A}", "Seoul.", "-30", "##", "ÉND", "", "(Yonhap)"]
        for word in words {
            let inSet = LineRules.endMarkers.contains(word)
            #expect((SignOff.mayBeEndMarker(Substring(word)) && inSet) == inSet, "\(word)")
        }
        #expect(!SignOff.mayBeEndMarker("Seoul."))
        #expect(SignOff.splitTrailing("The talks ended on Friday. ENDS")?.signOff == "ENDS")
    }
}
