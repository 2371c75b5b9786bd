import Testing
@testable import WireExtract

@Suite struct BylineAndCaptionTests {
    @Test func bylines() {
        #expect(BylineParser.parse("By Yonhap")?.people == [])
        #expect(BylineParser.parse("By Yonhap")?.agency?.shortName == "Yonhap")
        #expect(BylineParser.parse("By Maya Okonkwo and Lars Brenner")?.people == ["Maya Okonkwo", "Lars Brenner"])
        #expect(BylineParser.parse("BY JEAN-PAUL MARTEL")?.people == ["Jean-Paul Martel"])
        #expect(BylineParser.parse("Reporting by nobody") == nil)
    }

    @Test func captionCredits() {
        let kyodo = CaptionParser.parse("Two ships sail off Luzon on May 7, 2024. (KCNA/Kyodo)")
        #expect(kyodo.text == "Two ships sail off Luzon on May 7, 2024.")
        #expect(kyodo.credit == "KCNA/Kyodo")
        #expect(CaptionParser.parse("A quiet street at dawn.").credit == nil)
        #expect(CaptionParser.parse("Prices rose (slightly)").credit == nil)
    }

    @Test func publishedLines() throws {
        let ist = try #require(PublishedTimeParser.parse("May 28, 2024 04:32 pm IST"))
        #expect(PublishedTimeParser.utcTimestamp(ist, zone: try #require(ist.zone)) == "2024-05-28T11:02:00Z")
        let labelled = try #require(PublishedTimeParser.parse("KYODO NEWS - Jul 9, 2024 - 18:40 | Business"))
        #expect(PublishedTimeParser.utcTimestamp(labelled, zone: "Asia/Tokyo") == "2024-07-09T09:40:00Z")
        #expect(PublishedTimeParser.parse("Published yesterday") == nil)
    }
}
