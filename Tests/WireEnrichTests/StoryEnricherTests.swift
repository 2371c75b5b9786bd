import Testing
import WireModel
@testable import WireEnrich

@Suite struct StoryEnricherTests {
    let enricher = StoryEnricher()

    func item(headline: String?, body: String, dateline: Dateline? = nil) -> Item {
        var item = Item(source: ItemSource(type: "file", name: "test"), format: .text, receivedAt: "2026-11-29T00:00:00Z")
        item.headline = headline
        item.body = body
        item.dateline = dateline
        return item
    }

    @Test func aRelatedHeadlineLeftInTheBodyAddsNoCountry() {
        let story = item(
            headline: "Japan raises minimum wage by record amount",
            body: """
            TOKYO, Oct. 1 (Kyodo) -- Japan raised its minimum wage by a record 51 yen on Tuesday, the labour ministry said.

            Employers in Japan's 47 prefectures must pay at least 1,055 yen an hour from this month, officials said.

            Unions welcomed the rise but said prices had climbed faster.

            Economists expect further increases next year as labour shortages deepen.

            Vietnam, Laos open new border crossing for trucks
            """,
            dateline: Dateline(place: "TOKYO"))
        let result = enricher.enrich(story)
        #expect(result.countries == ["JP"])
    }

    @Test func demonymsAndDatelinesCount() {
        let story = item(
            headline: "N. Korean envoy meets Chinese counterpart",
            body: "SEOUL, June 3 (Yonhap) -- A North Korean envoy met his Chinese counterpart in Beijing on Monday, state media said.",
            dateline: Dateline(place: "SEOUL"))
        let result = enricher.enrich(story)
        #expect(Set(result.countries) == ["KR", "KP", "CN"])
    }

    @Test func languageFromBodyAndNilWhenTooShort() {
        let english = enricher.enrich(item(headline: nil, body: "The ministry said on Tuesday that exports rose for a third month in a row."))
        #expect(english.language == "en")
        let french = enricher.enrich(item(headline: nil, body: "Le gouvernement a annoncé mardi une hausse des exportations pour le troisième mois consécutif."))
        #expect(french.language == "fr")
        #expect(enricher.enrich(item(headline: nil, body: "Seoul")).language == nil)
    }

    @Test func wordCountIsFilledOnlyWhenMissing() {
        var story = item(headline: nil, body: "Three short words. And two-part ones.")
        #expect(enricher.enrich(story).wordCount == 7)
        story.wordCount = 99
        #expect(enricher.enrich(story).wordCount == 99)
    }

    @Test func diplomaticStoryGetsTheDiplomacyPath() {
        let story = item(
            headline: "Vietnam, Cambodia mark 50 years of diplomatic ties",
            body: "Vietnamese and Cambodian foreign ministers met in Hanoi on Friday to mark the anniversary of diplomatic relations and pledged closer cooperation, the two governments said.")
        let codes = enricher.enrich(story).topics.map(\.code)
        #expect(codes.prefix(3) == ["medtop:11000000", "medtop:20000638", "medtop:20000639"])
        #expect(enricher.enrich(story).topics.first?.label == "politics")
    }

    @Test func sportAndFallbackTopics() {
        let match = item(headline: "Ulsan win league title on final day", body: "Ulsan beat Jeonbuk 2-1 to clinch the league championship, their coach said after the match.")
        #expect(enricher.enrich(match).topics.first?.code == "medtop:15000000")
        let plain = enricher.enrich(item(headline: nil, body: "Nothing here names a subject at all."))
        #expect(plain.topics.map(\.code) == ["medtop:14000000"])
    }

    @Test func topicTableIsTheIPTCVocabulary() {
        let table = MediaTopicTable.shared
        #expect(table.count > 1000)
        #expect(table.label("medtop:20000639") == "diplomacy")
        #expect(table.topLevel("20000640") == "11000000")
        #expect(table.path("20000639") == ["11000000", "20000638", "20000639"])
    }
}
