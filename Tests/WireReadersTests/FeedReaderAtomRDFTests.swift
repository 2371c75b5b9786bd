import Foundation
import Testing
import WireModel
@testable import WireReaders

@Suite struct FeedReaderAtomRDFTests {
    let reader = FeedReader()

    @Test func rdfItem() throws {
        let result = try reader.read(try Fixtures.bytes("feeds/rdf-river-news.xml"), context: Fixtures.context())
        #expect(result.issues.isEmpty)
        let item = try #require(result.items.first)
        #expect(result.items.count == 1)
        #expect(item.format == .rdf)
        #expect(item.feed == FeedInfo(title: "River News", language: "nl"))
        #expect(item.headline == "New lock gates installed at Veldam")
        #expect(item.url == "https://river.example.com/lock-gates")
        #expect(item.publishedRaw == "2025-02-14T16:05:00+01:00")
        #expect(item.publishedAt == "2025-02-14T15:05:00Z")
        #expect(item.byline == "Pieter Maas")
        #expect(item.categories == ["Waterways"])
        #expect(item.body == "Barges can pass again from Friday.")
        // rdf:about is the id the source gave the item.
        #expect(item.guid == "https://river.example.com/lock-gates")
    }

    @Test func atomBase64TitleIsDecoded() throws {
        let xml = "<feed xmlns=\"http://www.w3.org/2005/Atom\"><entry><title type=\"application/octet-stream\">"
            + "U25vdyBpbiBLaXJ1bmE=</title><id>urn:x:1</id></entry></feed>"
        let item = try #require(try reader.read(Array(xml.utf8), context: Fixtures.context()).items.first)
        #expect(item.headline == "Snow in Kiruna")
        // A non-URL Atom id is an id only, never a link.
        #expect(item.guid == "urn:x:1")
        #expect(item.url == nil)
    }

    @Test func atomEntries() throws {
        let result = try reader.read(try Fixtures.bytes("feeds/atom-northern-bureau.xml"),
                                     context: Fixtures.context(documentURL: "https://fetch.example.se/feed.atom"))
        #expect(result.issues.isEmpty)
        #expect(result.items.count == 3)
        let first = result.items[0]
        #expect(first.format == .atom)
        #expect(first.feed == FeedInfo(title: "Northern Bureau", language: "sv"))
        // type="html" whose HTML itself escapes a tag: decoded exactly once, then reduced to text.
        #expect(first.headline == "Snow <em>records</em> broken in Kiruna")
        #expect(first.url == "https://bureau.example.se/nyheter/snow-records")
        #expect(first.guid == "tag:bureau.example.se,2025:snow-1")
        #expect(first.publishedAt == "2025-01-20T07:00:00Z")
        #expect(first.updatedAt == "2025-01-20T08:30:00Z")
        #expect(first.byline == "Karin Ek")
        #expect(first.categories == ["weather"])
        #expect(first.summary == "Record snowfall in the far north.")
        #expect(first.contentHTML == "<p>Kiruna measured 92 cm of snow.</p>")
        #expect(first.enclosures == [Enclosure(url: "https://bureau.example.se/img/snow.jpg", type: "image/jpeg", length: 1200)])

        let second = result.items[1]
        #expect(second.headline == "Reindeer herders move south")
        #expect(second.url == "https://mirror.example.se/arkiv/reindeer")
        #expect(second.publishedAt == nil)
        #expect(second.updatedAt == "2025-01-19T15:00:00Z")
        #expect(second.contentHTML?.contains("<p>Herders moved <em>early</em> this year.</p>") == true)

        let third = result.items[2]
        // type="text" (the default): entities decoded once, `<` kept as a character.
        #expect(third.headline == "AT&T < rivals, text title")
        #expect(third.contentHTML == nil)
        #expect(third.body == "Plain text content.\n\nSecond paragraph.")
    }

    @Test func atomSourceDoesNotBleedAndFeedAuthorIsInherited() throws {
        let xml = """
            <feed xmlns="http://www.w3.org/2005/Atom">
              <author><name>Desk Editor</name></author>
              <entry>
                <id>urn:e:1</id>
                <title>Inherited author</title>
                <source><id>urn:other</id><link href="https://other.example.com/"/><category term="theirs"/></source>
              </entry>
              <entry>
                <id>urn:e:2</id>
                <title>Own author</title>
                <author><name>Field Reporter</name></author>
                <link href="https://mine.example.com/2"/>
              </entry>
            </feed>
            """
        let items = try reader.read(Array(xml.utf8), context: Fixtures.context()).items
        #expect(items.count == 2)
        #expect(items[0].url == nil)
        #expect(items[0].categories.isEmpty)
        #expect(items[0].guid == "urn:e:1")
        #expect(items[0].byline == "Desk Editor")
        #expect(items[1].byline == "Field Reporter")
        #expect(items[1].url == "https://mine.example.com/2")
    }
}
