import Foundation
import Testing
import WireModel
@testable import WireReaders

@Suite struct FeedReaderRSSTests {
    let reader = FeedReader()

    private func read(_ path: String, documentURL: String? = nil, timeZone: String? = nil) throws -> ReadResult {
        try reader.read(try Fixtures.bytes(path), context: Fixtures.context(documentURL: documentURL, timeZone: timeZone))
    }

    @Test func rss2ItemFields() throws {
        let result = try read("feeds/rss2-harbour-desk.xml", documentURL: "https://fetch.example.org/rss.xml")
        #expect(result.items.count == 3)
        let item = try #require(result.items.first)
        #expect(item.format == .rss)
        #expect(item.id.isEmpty)
        #expect(item.source.name == "fixtures")
        #expect(item.receivedAt == "2025-03-04T12:00:00Z")
        #expect(item.feed == FeedInfo(title: "Harbour Desk & Coast", language: "en-gb"))
        // Entities and escaped tags in a title become plain text.
        #expect(item.headline == "Pilots’ union backs new tug rota")
        #expect(item.headlineSource == "feed")
        // Relative link resolved against the channel link, not the fetch URL.
        #expect(item.url == "https://news.example.org/harbour/stories/tug-rota.html")
        #expect(item.guid == "harbour-desk:0001")
        #expect(item.publishedRaw == "Tue, 04 Mar 2025 09:15:00 EST")
        #expect(item.publishedAt == "2025-03-04T14:15:00Z")
        #expect(item.timeZoneAssumed == nil)
        #expect(item.byline == "Ada Brenner")
        #expect(item.categories == ["Shipping", "Labour"])
        #expect(item.summary == "The pilots' union backed the rota.\n\nSecond paragraph.")
        #expect(item.contentHTML == "<p>The pilots' union backed the new tug rota on Tuesday.</p><p>Full story here.</p>")
        #expect(item.body == nil)
        #expect(item.enclosures == [
            Enclosure(url: "https://news.example.org/media/tug.jpg", type: "image/jpeg", length: 48213),
            Enclosure(url: "https://cdn.example.org/tug-large.jpg", type: "image/jpeg", length: nil),
        ])
    }

    @Test func unsafeLinkDroppedAndPermalinkGuidUsed() throws {
        let item = try read("feeds/rss2-harbour-desk.xml").items[1]
        // `javascript:` link dropped; the guid (isPermaLink absent = true) is the story's link.
        #expect(item.url == "https://news.example.org/harbour/ice-strait")
        #expect(item.guid == "https://news.example.org/harbour/ice-strait")
        #expect(item.byline == "Lars Hovde")
        // Plain description: summary and body, paragraphs kept, no HTML invented.
        #expect(item.summary == "Ferries are cancelled until Thursday. Crews are standing by.\n\nA second paragraph of plain text.")
        #expect(item.body == item.summary)
        #expect(item.contentHTML == nil)
    }

    @Test func zonelessDateUsesTheSourceZone() throws {
        let item = try read("feeds/rss2-harbour-desk.xml", timeZone: "Europe/Oslo").items[1]
        #expect(item.publishedRaw == "2025-03-04T07:30:00")
        #expect(item.publishedAt == "2025-03-04T06:30:00Z")
        #expect(item.timeZoneAssumed == "Europe/Oslo")
    }

    @Test func ambiguousZoneKeepsRawAndNoInstant() throws {
        let item = try read("feeds/rss2-harbour-desk.xml").items[2]
        #expect(item.publishedRaw == "Tue, 04 Mar 2025 10:00:00 IST")
        #expect(item.publishedAt == nil)
        #expect(item.timeZoneAssumed == nil)
    }

    @Test func xmlBaseAndNakedMarkupAndMediaGroup() throws {
        let item = try read("feeds/rss2-harbour-desk.xml").items[2]
        #expect(item.url == "https://archive.example.net/2025/keeper.html")
        #expect(item.guid == nil)
        #expect(item.summary == "Naked markup in a description.")
        #expect(item.contentHTML == "Naked <em>markup</em> in a description.")
        #expect(item.enclosures == [Enclosure(url: "https://archive.example.net/2025/video/keeper.mp4", type: "video")])
    }

    @Test func channelImageLinkDoesNotBleedIntoTheChannelLink() throws {
        let items = try read("feeds/rss2-harbour-desk.xml").items
        #expect(items.allSatisfy { !($0.url ?? "").contains("image-link-must-not-bleed") })
    }

    @Test func rss091RelativeLinkAgainstChannel() throws {
        let result = try read("feeds/rss091-minimal.xml")
        let item = try #require(result.items.first)
        #expect(item.url == "http://old.example.com/artikel/kanal")
        #expect(item.feed?.language == "de")
        #expect(item.body == "Der Kanal ist wieder offen.")
        #expect(result.issues.isEmpty)
    }

    @Test func truncatedFeedKeepsWholeItemsAndReportsTheLine() throws {
        let result = try read("feeds/rss-truncated.xml")
        #expect(result.items.map(\.headline) == ["First whole item", "Second whole item"])
        let issue = try #require(result.issues.first(where: { $0.reason == "malformed-xml" }))
        #expect(issue.detail.hasPrefix("line "))
        #expect(issue.detail.contains("dropped"))
    }

    @Test func htmlEntitiesAndBareAmpersandsSurvive() throws {
        let result = try read("feeds/rss-entities.xml")
        let item = try #require(result.items.first)
        #expect(item.headline == "Fish & Chips shop wins café award")
        // `&copy=2` is a query parameter, not the copyright sign.
        #expect(item.url == "https://food.example.com/story?id=7&copy=2&ref=rss")
        #expect(item.summary == "Price up 5% — owners say")
        #expect(!result.issues.contains(where: { $0.reason == "malformed-xml" }))
    }

    @Test func invalidUTF8DeclaredUTF8FallsBackToWindows1252() throws {
        let result = try read("feeds/rss-cp1252-declared-utf8.xml")
        #expect(result.items.first?.headline == "“Café” reopens")
        #expect(result.issues.map(\.reason).contains("encoding-fallback"))
    }

    @Test func utf16FeedWithByteOrderMark() throws {
        let result = try read("feeds/rss-utf16le-bom.xml")
        #expect(result.items.first?.headline == "Snö i Kiruna")
        #expect(result.items.first?.feed?.title == "Wide Feed")
    }

    @Test func itemCapStopsTheDocument() throws {
        var xml = "<rss><channel>"
        for index in 0..<50 { xml += "<item><title>Item \(index)</title></item>" }
        xml += "</channel></rss>"
        let capped = FeedReader(maxItems: 10)
        let result = try capped.read(Array(xml.utf8), context: Fixtures.context())
        #expect(result.items.count == 10)
        #expect(result.issues.map(\.reason) == ["too-many-items"])
    }

    @Test func fieldCapTruncatesLongText() throws {
        let long = String(repeating: "a", count: 5000)
        let xml = "<rss><channel><item><title>T</title><description>\(long)</description></item></channel></rss>"
        let result = try FeedReader(maxFieldBytes: 1000).read(Array(xml.utf8), context: Fixtures.context())
        let summary = try #require(result.items.first?.summary)
        #expect(summary.utf8.count <= 1000)
        #expect(result.issues.map(\.reason).contains("field-truncated"))
    }

    @Test func documentWithNoRootIsUnreadable() {
        #expect(throws: UnreadableInput.self) {
            _ = try reader.read(Array("<".utf8), context: Fixtures.context())
        }
    }

    @Test func readsInChunksAcrossBoundaries() throws {
        // Bigger than one 64 KB chunk, so element and text boundaries fall across chunks.
        var xml = "<rss><channel><title>Big</title>"
        for index in 0..<1500 {
            xml += "<item><title>Story number \(index) with a longer title</title><link>https://b.example.com/\(index)</link>"
                + "<description>Body text for story \(index).</description></item>"
        }
        xml += "</channel></rss>"
        #expect(xml.utf8.count > 2 * 64 * 1024)
        let result = try reader.read(Array(xml.utf8), context: Fixtures.context())
        #expect(result.items.count == 1500)
        #expect(result.items[1499].url == "https://b.example.com/1499")
        #expect(result.items[777].headline == "Story number 777 with a longer title")
        #expect(result.issues.isEmpty)
    }

    @Test func rssInAMadeUpDefaultNamespaceIsStillRSS() throws {
        let xml = "<rss version=\"2.0\" xmlns=\"http://backend.userland.com/rss2\"><channel><title>NS</title>"
            + "<item><title>Namespaced item</title><link>https://ns.example.com/1</link></item></channel></rss>"
        let result = try reader.read(Array(xml.utf8), context: Fixtures.context())
        #expect(result.items.map(\.headline) == ["Namespaced item"])
        #expect(result.items.first?.feed?.title == "NS")
    }

    @Test func pubDateOutranksDcDateWhateverTheOrder() throws {
        let xml = "<rss xmlns:dc=\"http://purl.org/dc/elements/1.1/\"><channel><item><title>D</title>"
            + "<dc:date>2025-01-01T00:00:00Z</dc:date><pubDate>Thu, 02 Jan 2025 10:00:00 GMT</pubDate>"
            + "</item></channel></rss>"
        let item = try #require(try reader.read(Array(xml.utf8), context: Fixtures.context()).items.first)
        #expect(item.publishedRaw == "Thu, 02 Jan 2025 10:00:00 GMT")
        #expect(item.publishedAt == "2025-01-02T10:00:00Z")
    }

    @Test func dcTitleIsOnlyAFallback() throws {
        let xml = "<rss xmlns:dc=\"http://purl.org/dc/elements/1.1/\"><channel>"
            + "<item><dc:title>Only dc</dc:title></item>"
            + "<item><dc:title>Ignored</dc:title><title>Own title</title></item></channel></rss>"
        let items = try reader.read(Array(xml.utf8), context: Fixtures.context()).items
        #expect(items.map(\.headline) == ["Only dc", "Own title"])
    }

    @Test func httpCharsetOutranksTheDeclaration() throws {
        // Latin-1 bytes in a document that claims UTF-8; the HTTP header is right.
        let bytes = Array("<?xml version=\"1.0\" encoding=\"utf-8\"?><rss><channel><item><title>".utf8) + [0x53, 0x6E, 0xF6]
            + Array("</title></item></channel></rss>".utf8)
        let context = ReadContext(source: ItemSource(type: "feed", name: "t"), receivedAt: "2025-03-04T12:00:00Z",
                                  declaredCharset: "ISO-8859-1")
        let result = try reader.read(bytes, context: context)
        #expect(result.items.first?.headline == "Snö")
        #expect(result.issues.map(\.reason) == ["encoding-mismatch"])
    }

    @Test func utf8LabelledLatin1IsReadAsUTF8AndFlagged() throws {
        let xml = "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><rss><channel><item><title>Café</title></item></channel></rss>"
        let result = try reader.read(Array(xml.utf8), context: Fixtures.context())
        #expect(result.items.first?.headline == "Café")
        #expect(result.issues.map(\.reason) == ["encoding-mismatch"])
    }

    @Test func genuineLatin1DeclarationIsHonoured() throws {
        let bytes = Array("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><rss><channel><item><title>Caf".utf8) + [0xE9]
            + Array("</title></item></channel></rss>".utf8)
        let result = try reader.read(bytes, context: Fixtures.context())
        #expect(result.items.first?.headline == "Café")
        #expect(result.issues.isEmpty)
    }

    @Test func enclosureURLWithEscapedAmpersandsIsDecoded() throws {
        let xml = "<rss><channel><item><title>E</title>"
            + "<enclosure url=\"https://cdn.example.com/a.jpg?w=640&amp;h=480\" type=\"image/jpeg\" length=\"10\"/>"
            + "</item></channel></rss>"
        let item = try #require(try reader.read(Array(xml.utf8), context: Fixtures.context()).items.first)
        #expect(item.enclosures.first?.url == "https://cdn.example.com/a.jpg?w=640&h=480")
    }

    @Test func largeNakedMarkupFieldIsReadInLinearTime() throws {
        // 30,000 child elements in one description: each append must not copy the field so far.
        let body = String(repeating: "<b>word</b> ", count: 30_000)
        let xml = "<rss><channel><item><title>Big</title><description>\(body)</description></item></channel></rss>"
        let clock = ContinuousClock()
        var result = ReadResult(items: [])
        let elapsed = try clock.measure {
            result = try reader.read(Array(xml.utf8), context: Fixtures.context())
        }
        #expect(elapsed < .seconds(5))
        let html = try #require(result.items.first?.contentHTML)
        #expect(html.hasPrefix("<b>word</b> <b>word</b>"))
        #expect(result.items.first?.summary?.hasPrefix("word word word") == true)
    }

    @Test(arguments: [
        ("desk@example.org (Lars Hovde)", "Lars Hovde"),
        ("Lars Hovde (desk@example.org)", "Lars Hovde"),
        ("desk@example.org", "desk@example.org"),
        ("Lars Hovde (Oslo)", "Lars Hovde (Oslo)"),
    ])
    func authorDisplayName(raw: String, expected: String) {
        #expect(FeedMarkup.displayName(raw) == expected)
    }

    @Test func c1ReferencesAreReadTheWindows1252Way() throws {
        // `&#146;` is a C1 control in Unicode but a right quote in the cp1252 copy it came from.
        let xml = "<rss xmlns:dc=\"http://purl.org/dc/elements/1.1/\"><channel><item><title>Don&#146;t panic</title>"
            + "<dc:description>&lt;p&gt;It&amp;#146;s fine&lt;/p&gt;</dc:description></item></channel></rss>"
        let item = try #require(try reader.read(Array(xml.utf8), context: Fixtures.context()).items.first)
        #expect(item.headline == "Don’t panic")
        // dc:description stands in for a missing description.
        #expect(item.summary == "It’s fine")
    }

    @Test func descriptionWithEntitiesButNoTagsIsTextNotHTML() throws {
        let xml = "<rss><channel><item><title>T</title>"
            + "<description>Caf&amp;eacute; prices: 3 &lt; 5, AT&amp;amp;T\n\nSecond paragraph.</description></item></channel></rss>"
        let item = try #require(try reader.read(Array(xml.utf8), context: Fixtures.context()).items.first)
        #expect(item.contentHTML == nil)
        #expect(item.summary == "Café prices: 3 < 5, AT&T\n\nSecond paragraph.")
        #expect(item.body == item.summary)
    }
}

// MARK: - <ttl>

extension FeedReaderRSSTests {
    private func channel(ttl: String?) -> [UInt8] {
        let ttlElement = ttl.map { "<ttl>\($0)</ttl>" } ?? ""
        return Array("""
            <?xml version="1.0"?><rss version="2.0"><channel><title>Desk</title>\(ttlElement)
            <item><title>One</title><guid>g1</guid></item></channel></rss>
            """.utf8)
    }

    @Test func channelTTLIsExposedInMinutesAndKeptOutOfItems() throws {
        let result = try reader.read(channel(ttl: " 45 "), context: Fixtures.context())
        #expect(result.ttl == .seconds(45 * 60))
        let item = try #require(result.items.first)
        #expect(item.feed == FeedInfo(title: "Desk", language: nil))
        #expect(!String(decoding: item.ndjsonLine(), as: UTF8.self).contains("ttl"))
    }

    @Test func junkZeroNegativeOrMissingTTLIsIgnored() throws {
        for junk in ["abc", "-5", "0", "", "12.5", "99999999999999999999"] {
            let result = try reader.read(channel(ttl: junk), context: Fixtures.context())
            #expect(result.ttl == nil, "ttl \(junk)")
            #expect(result.items.count == 1)
        }
        #expect(try reader.read(channel(ttl: nil), context: Fixtures.context()).ttl == nil)
    }

    @Test func itemLevelOrAtomTTLIsNotTheChannels() throws {
        let inItem = Array("""
            <rss version="2.0"><channel><item><title>One</title><ttl>30</ttl></item></channel></rss>
            """.utf8)
        #expect(try reader.read(inItem, context: Fixtures.context()).ttl == nil)
        let atom = Array("""
            <feed xmlns="http://www.w3.org/2005/Atom"><title>A</title><ttl>30</ttl>
            <entry><title>E</title><id>e1</id></entry></feed>
            """.utf8)
        #expect(try reader.read(atom, context: Fixtures.context()).ttl == nil)
    }
}
