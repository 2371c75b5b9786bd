import Foundation
import Testing
import WireModel
@testable import WireReaders

@Suite struct NewsMLG2ReaderTests {
    let reader = NewsMLG2Reader()

    private func read(_ path: String) throws -> ReadResult {
        try reader.read(try Fixtures.bytes(path), context: Fixtures.context())
    }

    @Test func usableItemTakesG2MetadataAndTheInlineNITFBody() throws {
        let result = try read("newsml/message-usable-and-kill.xml")
        #expect(result.issues.isEmpty)
        #expect(result.items.count == 2)
        let item = try #require(result.items.first)
        #expect(item.format == .newsml)
        #expect(item.guid == "urn:newsml:harbourwire.example:20250304:hw-0117")
        #expect(item.version == "3")
        #expect(item.pubStatus == "usable")
        #expect(item.urgency == 2)
        #expect(item.publishedRaw == "2025-03-04T09:58:00+01:00")
        #expect(item.publishedAt == "2025-03-04T08:58:00Z")
        #expect(item.updatedAt == "2025-03-04T10:40:00Z")
        #expect(item.embargoUntil == "2025-03-04T12:00:00Z")
        // contentMeta's main headline outranks the sub headline and the NITF hl1.
        #expect(item.headline == "Portvale crane drivers back at work")
        #expect(item.headlineSource == "copy")
        #expect(item.slugline == "PORTVALE-CRANES/")
        #expect(item.byline == "Mirela Osk")
        #expect(item.summary == "The stoppage ended after the operator agreed to review the night-shift rota.")
        #expect(item.agency == "Harbour Wire")
        #expect(item.language == "en")
        // located wins for the place; the NITF dateline supplies the date.
        #expect(item.dateline == Dateline(place: "Portvale", date: "2025-03-04"))
        #expect(item.categories == ["medtop:20000430", "http://cv.example/topics/ports", "harbour strikes", "shipping"])
        #expect(item.body == "Crane drivers returned to work on Tuesday.\n\nAbout 40 ships waited at anchor.")
        #expect(item.captions == [Caption(text: "Cranes at rest.", credit: "Ana Lusk")])
        #expect(item.enclosures == [Enclosure(url: "https://img.harbourwire.example/cranes.jpg", type: "image/jpeg")])
    }

    @Test func killNoticeIsAnItemNamingTheSameGuidAtAHigherVersion() throws {
        let result = try read("newsml/message-usable-and-kill.xml")
        let story = try #require(result.items.first)
        let kill = try #require(result.items.last)
        #expect(kill.guid == story.guid)
        #expect(kill.version == "4")
        #expect(kill.pubStatus == "canceled")
        #expect(kill.headline == "KILL - Portvale crane drivers back at work")
        // No firstCreated: versionCreated is the publication time and nothing is "updated".
        #expect(kill.publishedAt == "2025-03-04T11:00:00Z")
        #expect(kill.updatedAt == nil)
        #expect(kill.body == nil)
        #expect(kill.contentHTML == nil)
        #expect(kill.agency == "Harbour Wire")
    }

    @Test func xhtmlBodyIsKeptAsContentHTML() throws {
        let result = try read("newsml/xhtml-body.xml")
        let item = try #require(result.items.first)
        #expect(result.items.count == 1)
        #expect(item.guid == "urn:newsml:northwire.example:2025:nw-5521")
        #expect(item.pubStatus == "withheld")
        #expect(item.urgency == 4)
        #expect(item.headline == "Skarvholm ferry stays in port")
        #expect(item.byline == "Eli Brand")
        #expect(item.agency == "North Wire")
        // contentMeta/language outranks the item's xml:lang.
        #expect(item.language == "en")
        #expect(item.dateline == Dateline(place: "SKARVHOLM", date: nil))
        #expect(item.publishedAt == "2025-03-05T07:10:00Z")
        #expect(item.body == nil)
        #expect(item.contentHTML == """
            <p>The ferry stayed in port for a <em>second</em> day.</p>
                      <p>See <a href="https://northwire.example/ferries">the timetable</a> &amp; updates.</p>
            """)
        #expect(item.enclosures == [Enclosure(url: "https://img.northwire.example/ferry.jpg", type: "image/jpeg",
                                              length: 91022)])
    }

    @Test func declaredLatin1IsDecodedToUnicode() throws {
        let bytes = try Fixtures.bytes("newsml/latin1-declared.xml")
        #expect(String(validating: bytes, as: UTF8.self) == nil)
        let result = try reader.read(bytes, context: Fixtures.context())
        #expect(result.issues.isEmpty)
        let item = try #require(result.items.first)
        #expect(item.headline == "Crue de la Lère : la préfecture évacue trois hameaux")
        #expect(item.byline == "Hélène Garçon")
        #expect(item.agency == "Rivière Presse")
        #expect(item.slugline == "CRUE-LÈRE")
        #expect(item.language == "fr")
        #expect(item.dateline?.place == "Saint-Aubin-sur-Lère")
        #expect(item.body == """
            La rivière a dépassé la cote d'alerte à l'aube.

            Les pompiers ont évacué une quarantaine d'habitants « par précaution ».
            """)
        #expect(item.publishedAt == "2025-03-06T13:00:00Z")
        #expect(item.updatedAt == nil)
    }

    @Test func hostileEntitiesNeitherExpandNorLoad() throws {
        let clock = ContinuousClock()
        var result = ReadResult(items: [])
        let elapsed = try clock.measure { result = try read("newsml/hostile-entities.xml") }
        #expect(elapsed < .seconds(2))
        let item = try #require(result.items.first)
        #expect(item.guid == "hostile-g2-1")
        #expect(item.headline == "Calm seas")
        #expect(item.slugline == nil)
        #expect(item.body == "Fog lifted.")
        #expect(result.issues.map(\.reason).contains("undefined-entity"))
    }

    @Test func packageItemsAreSkippedWithAnIssue() throws {
        let xml = """
            <newsMessage xmlns="http://iptc.org/std/nar/2006-10-01/"><itemSet>
            <packageItem guid="urn:pkg:1" version="1"><groupSet/></packageItem>
            <newsItem guid="urn:item:2" version="1"><contentMeta><headline>Kept</headline></contentMeta></newsItem>
            </itemSet></newsMessage>
            """
        let result = try reader.read(Array(xml.utf8), context: Fixtures.context())
        #expect(result.items.map(\.guid) == ["urn:item:2"])
        #expect(result.issues == [ReadIssue(reason: "unsupported-item", detail: "<packageItem> urn:pkg:1 skipped: it holds no story")])
    }

    @Test func brokenMessageKeepsItsWholeItems() throws {
        let bytes = try Fixtures.bytes("newsml/message-usable-and-kill.xml")
        let text = String(decoding: bytes, as: UTF8.self)
        let secondItem = try #require(text.range(of: "<pubStatus qcode=\"stat:canceled\"/>"))
        let cut = Array(text[..<secondItem.lowerBound].utf8)
        let result = try reader.read(cut, context: Fixtures.context())
        #expect(result.items.map(\.version) == ["3"])
        let issue = try #require(result.issues.first(where: { $0.reason == "malformed-xml" }))
        #expect(issue.detail.contains("line "))
        #expect(issue.detail.contains("<newsItem> open at the break was dropped"))
    }

    @Test func agencyFallsBackToInlineDistributorThenCopyrightHolder() throws {
        func agency(_ inner: String) throws -> String? {
            let xml = "<newsItem xmlns=\"http://iptc.org/std/nar/2006-10-01/\" guid=\"a\">"
                + "<rightsInfo><copyrightHolder><name>Holder Ltd</name></copyrightHolder></rightsInfo>\(inner)</newsItem>"
            return try reader.read(Array(xml.utf8), context: Fixtures.context()).items.first?.agency
        }
        #expect(try agency("") == "Holder Ltd")
        #expect(try agency("<contentSet><inlineXML contenttype=\"application/nitf+xml\"><nitf><body><body.head>"
            + "<distributor>Relay Wire</distributor></body.head><body.content><p>x</p></body.content></body></nitf>"
            + "</inlineXML></contentSet>") == "Relay Wire")
        #expect(try agency("<itemMeta><provider><name>Harbour Wire</name></provider></itemMeta>") == "Harbour Wire")
    }

    @Test func inlineHTMLDataIsContentHTML() throws {
        let xml = "<newsItem xmlns=\"http://iptc.org/std/nar/2006-10-01/\" guid=\"h\"><contentSet>"
            + "<inlineData contenttype=\"text/html\"> &lt;p&gt;Tide &amp;amp; time&lt;/p&gt; </inlineData>"
            + "</contentSet></newsItem>"
        let item = try #require(try reader.read(Array(xml.utf8), context: Fixtures.context()).items.first)
        #expect(item.contentHTML == "<p>Tide &amp; time</p>")
        #expect(item.body == nil)
    }

    @Test func prefixedNamespaceAndInheritedLanguage() throws {
        let xml = """
            <nar:newsMessage xmlns:nar="http://iptc.org/std/nar/2006-10-01/" xml:lang="de">
              <nar:itemSet><nar:newsItem guid="urn:p:1" version="2">
                <nar:itemMeta><nar:pubStatus qcode="stat:withheld"/></nar:itemMeta>
                <nar:contentMeta><nar:headline>Hafen gesperrt</nar:headline></nar:contentMeta>
              </nar:newsItem></nar:itemSet>
            </nar:newsMessage>
            """
        #expect(FormatSniffer().sniff(Array(xml.utf8)) == .format(.newsml))
        let item = try #require(try reader.read(Array(xml.utf8), context: Fixtures.context()).items.first)
        #expect(item.guid == "urn:p:1")
        #expect(item.pubStatus == "withheld")
        #expect(item.headline == "Hafen gesperrt")
        #expect(item.language == "de")
    }

    @Test func itemCapStopsTheMessage() throws {
        let capped = NewsMLG2Reader(maxItems: 1)
        let result = try capped.read(try Fixtures.bytes("newsml/message-usable-and-kill.xml"), context: Fixtures.context())
        #expect(result.items.count == 1)
        #expect(result.issues.map(\.reason).contains("too-many-items"))
    }

    @Test func otherRootsAreNotNewsML() {
        do {
            _ = try reader.read(Array("<feed xmlns=\"http://www.w3.org/2005/Atom\"/>".utf8), context: Fixtures.context())
            Issue.record("expected an error")
        } catch {
            #expect(error.reason == "unknown-format")
        }
    }

    @Test(arguments: [
        ("stat:usable", "usable"), ("stat:withheld", "withheld"), ("stat:canceled", "canceled"),
        ("http://cv.iptc.org/newscodes/pubstatusg2/canceled", "canceled"), ("cancelled", "canceled"),
        ("embargoed", nil), ("", nil),
    ] as [(String, String?)])
    func pubStatusCodes(code: String, expected: String?) {
        #expect(StoryFields.pubStatus(code) == expected)
    }

    @Test func itemCutRightAfterItsStartTagIsNotKept() throws {
        let bytes = try Fixtures.bytes("newsml/message-usable-and-kill.xml")
        let text = String(decoding: bytes, as: UTF8.self)
        let kill = try #require(text.range(of: "version=\"4\" standard=\"NewsML-G2\"\n              standardversion=\"2.29\" xml:lang=\"en\">"))
        let result = try NewsMLG2Reader().read(Array(text[..<kill.upperBound].utf8), context: Fixtures.context())
        // Only the kill notice's own end tag is missing, but nothing of it was read: it must not pass
        // for a version 4 without its canceled status.
        #expect(result.items.map(\.version) == ["3"])
        #expect(result.issues.map(\.reason).contains("malformed-xml"))
    }
}
