import Foundation
import Testing
import WireModel
@testable import WireReaders

@Suite struct HTMLArticleReaderTests {
    let reader = HTMLArticleReader()

    @Test func articlePageGivesItsMetadataAndTheArticleMarkupOnly() throws {
        let context = Fixtures.context(documentURL: "https://mirror.example/cache/page.html")
        let result = try reader.read(try Fixtures.bytes("html/article-page.html"), context: context)
        #expect(result.issues.isEmpty)
        let item = try #require(result.items.first)
        #expect(item.format == .html)
        #expect(item.headline == "Lighthouse keeper retires after 40 years")
        #expect(item.headlineSource == "copy")
        // The canonical link, resolved against <base href>, outranks og:url and the document's URL.
        #expect(item.url == "https://gazette.portvale.example/news/keeper-retires")
        #expect(item.publishedRaw == "2025-03-07T09:30:00+01:00")
        #expect(item.publishedAt == "2025-03-07T08:30:00Z")
        #expect(item.updatedAt == "2025-03-07T10:00:00Z")
        #expect(item.byline == "Ada Quill")
        #expect(item.summary == "Hamish Dree kept the Portvale light for four decades.")
        #expect(item.publisher == "Portvale Gazette")
        #expect(item.categories == ["Local", "lighthouses"])
        #expect(item.enclosures == [Enclosure(url: "https://gazette.portvale.example/img/keeper.jpg")])
        #expect(item.language == nil)
        #expect(item.body == nil)
        let html = try #require(item.contentHTML)
        #expect(html.hasPrefix("<h1>Lighthouse keeper retires</h1>"))
        #expect(html.contains("<p>Hamish Dree climbed the 112 steps of the Portvale light for the last time on Friday.</p>"))
        #expect(html.contains("<p>He <a href=\"https://gazette.portvale.example/people/dree\">kept the light</a> for forty years &amp; never missed a night.</p>"))
        #expect(html.contains("<img src=\"https://gazette.portvale.example/img/dree.jpg\" alt=\"Hamish Dree\"/>"))
        #expect(html.contains("<a>Share</a>"))
        for furniture in ["Menu paragraph", "Short teaser", "All rights reserved", "document.write", "tracker",
                          "onclick", "javascript:"] {
            #expect(!html.contains(furniture), "\(furniture) leaked into content_html")
        }
    }

    @Test func withoutArticleTheDensestParagraphsWinAndFallbacksApply() throws {
        let page = """
            <html><head><title>Harbour notes</title></head><body>
            <div id="side"><p>Subscribe now.</p></div>
            <div id="story"><h1>Night ferry returns</h1>
            <p>The night ferry to Skarvholm sails again from Monday, the operator said.</p>
            <p>Tickets are on sale at the quay.</p>
            <time datetime="2025-03-08T20:00:00Z">Saturday</time></div>
            </body></html>
            """
        let context = Fixtures.context(documentURL: "https://news.example/harbour/notes.html")
        let item = try #require(try reader.read(Array(page.utf8), context: context).items.first)
        #expect(item.headline == "Night ferry returns")
        #expect(item.url == nil)
        #expect(item.publishedAt == "2025-03-08T20:00:00Z")
        #expect(item.contentHTML?.contains("Tickets are on sale at the quay.") == true)
        #expect(item.contentHTML?.contains("Subscribe") == false)
        #expect(item.byline == nil)
        #expect(item.summary == nil)
    }

    @Test func latin1PageDecodesWithoutComplaint() throws {
        let page = "<html><head><meta charset=\"iso-8859-1\"><title>Café du port</title></head><body><p>Crème brûlée.</p></body></html>"
        let bytes = Array(page.unicodeScalars.map { UInt8($0.value) })
        let result = try reader.read(bytes, context: Fixtures.context())
        #expect(result.issues.isEmpty)
        #expect(result.items.first?.headline == "Café du port")
        #expect(result.items.first?.contentHTML == "<p>Crème brûlée.</p>")
    }

    @Test func pageWithNothingIsEmpty() {
        do {
            _ = try reader.read(Array("<html><body><div></div></body></html>".utf8), context: Fixtures.context())
            Issue.record("expected an error")
        } catch {
            #expect(error.reason == "empty")
        }
    }

    @Test func elementCapCutsThePageAndSaysSo() throws {
        let small = HTMLArticleReader(maxElements: 4)
        let result = try small.read(try Fixtures.bytes("html/article-page.html"), context: Fixtures.context())
        #expect(result.issues.map(\.reason) == ["item-too-large"])
    }

    @Test func jsonLDFillsWhatMetaTagsDoNotGive() throws {
        let page = """
            <html><head><title>Site | Quay Times</title>
            <script type="application/ld+json">{not json</script>
            <script type="application/ld+json">
            {"@context": "https://schema.org", "@graph": [
              {"@type": "WebSite", "name": "Quay Times"},
              {"@type": ["NewsArticle"], "headline": "Dredger arrives for harbour works",
               "datePublished": "2025-03-09T06:45:00Z", "dateModified": "2025-03-09T07:00:00Z",
               "author": [{"@type": "Person", "name": "Rui Salt"}, "Quay desk"],
               "description": "The dredger will deepen the main channel.",
               "publisher": {"@type": "Organization", "name": "Quay Times"}}
            ]}
            </script></head>
            <body><article><p>The dredger arrived on Sunday.</p></article></body></html>
            """
        let item = try #require(try HTMLArticleReader().read(Array(page.utf8), context: Fixtures.context()).items.first)
        #expect(item.headline == "Dredger arrives for harbour works")
        #expect(item.publishedAt == "2025-03-09T06:45:00Z")
        #expect(item.updatedAt == "2025-03-09T07:00:00Z")
        #expect(item.byline == "Rui Salt, Quay desk")
        #expect(item.summary == "The dredger will deepen the main channel.")
        #expect(item.publisher == "Quay Times")
        #expect(item.contentHTML == "<p>The dredger arrived on Sunday.</p>")
    }
}
