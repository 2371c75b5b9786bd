import Testing
import WireModel
@testable import WireExtract

@Suite struct StoryExtractorTests {
    @Test func yonhapPageFurnitureBecomesFields() {
        let item = ExtractTestSupport.extract(
            ["Officials from both sides signed the deal on Thursday, the ministry said."],
            furniture: [
                ("site-name", "The Harbour Ledger"), ("headline", "Ports agree to share cranes"),
                ("byline", "By Yonhap"), ("published", "Published : May 2, 2024 - 09:45"),
                ("caption", "Officials sign the deal in Busan on Thursday. (Yonhap)"),
                ("related", "ALSO READ | Crane makers see record orders"),
            ])
        #expect(item.headline == "Ports agree to share cranes")
        #expect(item.headlineSource == "copy")
        #expect(item.publisher == "The Harbour Ledger")
        #expect(item.byline == nil) // an agency byline names no person
        #expect(item.agency == "Yonhap")
        #expect(item.publishedAt == "2024-05-02T00:45:00Z")
        #expect(item.timeZoneAssumed == "Asia/Seoul")
        #expect(item.captions == [Caption(text: "Officials sign the deal in Busan on Thursday.", credit: "Yonhap")])
        #expect(item.related == [RelatedLink(headline: "Crane makers see record orders")])
        #expect(item.dates.contains(DateMention(text: "on Thursday", value: "2024-05-02")))
    }

    @Test func bylinesCreditsAndAgencyFromTheDateline() {
        let item = ExtractTestSupport.extract(
            ["OSLOVIK, Norway (AP) — Ferry crews walked out on Monday.", "Talks resume later."],
            furniture: [
                ("byline", "By ANNIKA VOLD and PER HAGEN Associated Press"),
                ("credit", "(Reporting by Annika Vold; Editing by Tom Reyes)"),
            ],
            headline: "Ferry crews strike")
        #expect(item.byline == "Annika Vold, Per Hagen")
        #expect(item.agency == "AP")
        #expect(item.dateline == Dateline(place: "OSLOVIK, Norway", date: nil))
        #expect(item.publishedAt == nil) // nothing in the copy dates it
        #expect(item.credits == ["Reporting by Annika Vold", "Editing by Tom Reyes"])
        #expect(item.dates.first { $0.text == "on Monday" }?.value == nil)
        #expect(item.headlineSource == "copy")
    }

    @Test func datelineDateAnchorsTheStory() {
        let item = ExtractTestSupport.extract(["HAIKOU, April 2 (Xinhua) -- The island on Tuesday opened a new port."])
        #expect(item.dateline == Dateline(place: "HAIKOU", date: "2024-04-02"))
        #expect(item.agency == "Xinhua")
        #expect(item.publishedAt == "2024-04-02")
        #expect(item.dates.contains(DateMention(text: "on Tuesday", value: "2024-04-02")))
        #expect(!(item.entities?.organizations.contains { $0.name.contains("Xinhua") } ?? false))
    }

    @Test func noHeadlineFallsBackToTheMarkedLede() {
        let item = ExtractTestSupport.extract(["Dock workers walked out at dawn. Talks resume on Friday."])
        #expect(item.headline == "Dock workers walked out at dawn.")
        #expect(item.headlineSource == "lede")
        #expect(item.agency == nil)
        #expect(item.byline == nil)
        #expect(item.dateline == nil)
        #expect(item.publishedAt == nil)
        #expect(item.wordCount == 10)
    }

    @Test func quotesGetTheirSpeakers() {
        let item = ExtractTestSupport.extract([
            "\"The harbour is open again,\" Mayor Lina Stroud told reporters.",
            "Stroud added that \"nobody\" had been hurt.",
            "\"We lost a week,\" said one unnamed skipper.",
        ])
        #expect(item.quotes.first == Quote(text: "The harbour is open again", speaker: "Lina Stroud"))
        #expect(item.quotes.contains(Quote(text: "nobody", speaker: "Lina Stroud")))
        #expect(item.quotes.contains(Quote(text: "We lost a week", speaker: nil)))
    }

    @Test func everyFamilySwitchedOffLeavesTheItemAlone() {
        var options = ExtractOptions()
        options.headline = false; options.byline = false; options.dateline = false; options.publishedTime = false
        options.captions = false; options.quotes = false; options.entities = false; options.dates = false
        options.related = false; options.wordCount = false
        let input = ExtractTestSupport.item(["SEOUL, Oct. 9 (Yonhap) -- Kim said \"yes\" on Friday."], furniture: [("byline", "By Yonhap")])
        #expect(StoryExtractor(options: options).extract(input) == input)
    }

    @Test func emptyItemsStayEmpty() {
        var input = ExtractTestSupport.item([])
        input.body = nil
        let item = StoryExtractor().extract(input)
        #expect(item.headline == nil)
        #expect(item.entities == Entities())
        #expect(item.dates.isEmpty)
        #expect(item.wordCount == 0)
    }
}
