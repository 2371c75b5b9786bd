import Foundation
import Testing
import WireModel
@testable import WireReaders

@Suite struct NITFReaderTests {
    let reader = NITFReader()

    private func read(_ path: String) throws -> ReadResult {
        try reader.read(try Fixtures.bytes(path), context: Fixtures.context())
    }

    @Test func namespacedStoryFillsEveryField() throws {
        let result = try read("nitf/portvale-cranes-ns.xml")
        #expect(result.issues.isEmpty)
        let item = try #require(result.items.first)
        #expect(result.items.count == 1)
        #expect(item.format == .nitf)
        #expect(item.guid == "hw-2025-0304-0117")
        #expect(item.version == "2")
        #expect(item.pubStatus == "usable")
        #expect(item.urgency == 3)
        #expect(item.slugline == "PORTVALE-CRANES")
        #expect(item.publishedRaw == "20250304T101500Z")
        #expect(item.publishedAt == "2025-03-04T10:15:00Z")
        #expect(item.embargoUntil == "2025-03-04T12:00:00Z")
        #expect(item.headline == "Portvale crane drivers end two-day stoppage")
        #expect(item.headlineSource == "copy")
        #expect(item.summary == "Terminal operator agrees to review night-shift rota")
        #expect(item.byline == "Mirela Osk")
        // The distributor outranks the copyright holder (Harbour Wire Ltd).
        #expect(item.agency == "Harbour Wire")
        #expect(item.publisher == "Harbour Wire World Service")
        #expect(item.dateline == Dateline(place: "PORTVALE", date: "2025-03-04"))
        #expect(item.language == "en-GB")
        #expect(item.categories == ["subj:04000000", "hw:PORTS", "Container terminals", "shipping", "labour"])
        #expect(item.body == """
            Crane drivers at the east terminal of Portvale returned to work on Tuesday after a two-day \
            stoppage over night-shift rotas.

            "We got what we came for," said union steward Tobias Renn, adding that the review would start \
            next week & last a month.

            Backlog

            About 40 ships waited at anchor, the harbour master's office said.
            """)
        #expect(item.contentHTML == nil)
        #expect(item.credits == ["Editing by Jon Farro"])
        #expect(item.captions == [Caption(text: "Idle cranes at the east terminal of Portvale on Monday.",
                                          credit: "Harbour Wire / Ana Lusk")])
        #expect(item.enclosures == [Enclosure(url: "https://img.harbourwire.example/2025/0304/cranes.jpg",
                                              type: "image/jpeg", length: 48213)])
    }

    @Test func storyWithoutNamespaceReadsTheSame() throws {
        let result = try read("nitf/ferry-no-namespace.xml")
        let item = try #require(result.items.first)
        #expect(item.guid == "nw-88213")
        #expect(item.pubStatus == "withheld")
        #expect(item.urgency == 5)
        #expect(item.publishedAt == "2025-03-05T06:30:00Z")
        // No hl1: head/title is the headline.
        #expect(item.headline == "Ferry link to Skarvholm suspended")
        #expect(item.byline == "North Wire staff")
        #expect(item.agency == "North Wire AS")
        #expect(item.summary == "Gales close the only crossing for a second day.")
        #expect(item.dateline == Dateline(place: "Skarvholm", date: nil))
        #expect(item.body == """
            The ferry to Skarvholm will not sail before Thursday, the operator said.

            Islanders were told to keep two days of supplies.

            Monday cancelled

            Tuesday cancelled
            """)
        #expect(item.embargoUntil == nil)
        #expect(item.categories.isEmpty)
        // The external DTD is never fetched, and its absence is not an error worth reporting.
        #expect(!result.issues.map(\.reason).contains("malformed-xml"))
    }

    @Test func hostileEntitiesNeitherExpandNorLoad() throws {
        let clock = ContinuousClock()
        var result = ReadResult(items: [])
        let elapsed = try clock.measure { result = try read("nitf/hostile-entities.xml") }
        #expect(elapsed < .seconds(2))
        let item = try #require(result.items.first)
        #expect(item.guid == "hostile-1")
        #expect(item.headline == "Quiet day")
        #expect(item.body == "Nothing to see here.")
        #expect(!(item.body ?? "").contains("root:"))
        #expect(result.issues.map(\.reason).contains("undefined-entity"))
    }

    @Test func truncatedStoryIsDroppedWithALineNumber() throws {
        let bytes = try Fixtures.bytes("nitf/portvale-cranes-ns.xml")
        let cut = Array(bytes.prefix(bytes.count / 2))
        let result = try reader.read(cut, context: Fixtures.context())
        #expect(result.items.isEmpty)
        let issue = try #require(result.issues.first(where: { $0.reason == "malformed-xml" }))
        #expect(issue.detail.contains("line "))
        #expect(issue.detail.contains("<nitf>"))
    }

    @Test func mismatchedTagKeepsTheStoryAndReportsTheLine() throws {
        let xml = """
            <nitf><body><body.head><hedline><hl1>Tide tables</hl1></hedline></body.head>
            <body.content><p>High water at <b>six</p><p>Low water at noon.</p></body.content></body></nitf>
            """
        let result = try reader.read(Array(xml.utf8), context: Fixtures.context())
        let issue = try #require(result.issues.first(where: { $0.reason == "malformed-xml" }))
        #expect(issue.detail.hasPrefix("line 2:"))
        // Only </nitf> went unmatched: the story holds everything it was sent, so it is kept.
        #expect(result.issues.contains(where: { $0.detail.contains("<nitf> was never closed") }))
        let item = try #require(result.items.first)
        #expect(item.headline == "Tide tables")
        #expect(item.body?.contains("Low water at noon.") == true)
    }

    @Test func notNITFOrNoRootIsUnreadable() {
        #expect(throws: UnreadableInput.self) { _ = try reader.read(Array("<rss/>".utf8), context: Fixtures.context()) }
        #expect(throws: UnreadableInput(reason: "empty", detail: "the input has no bytes")) {
            _ = try reader.read([], context: Fixtures.context())
        }
        #expect(throws: UnreadableInput(reason: "empty", detail: "a NITF document with no doc-id, headline or text")) {
            _ = try reader.read(Array("<nitf><head/><body><body.content> </body.content></body></nitf>".utf8),
                                context: Fixtures.context())
        }
        do {
            _ = try reader.read(Array("just words".utf8), context: Fixtures.context())
            Issue.record("expected an error")
        } catch {
            #expect(error.reason == "malformed")
        }
    }

    @Test func oversizedStoryIsCutAndSaysSo() throws {
        let small = NITFReader(maxFieldBytes: 1 << 20, maxElements: 5)
        let result = try small.read(try Fixtures.bytes("nitf/portvale-cranes-ns.xml"), context: Fixtures.context())
        #expect(result.items.count == 1)
        #expect(result.issues.map(\.reason).contains("item-too-large"))
    }

    @Test func inlineMarkupStaysInItsSentenceAndBlocksSplit() throws {
        let xml = """
            <nitf><body><body.content>
            <p>The <person>harbour master</person> said <q>no</q>.</p>
            <block>Loose text with <em>emphasis</em> and<br/>a break.<bq><block><p>Quoted.</p></block>
            <credit>A pilot</credit></bq></block>
            <ul><li>First</li><li>Second</li></ul>
            </body.content></body></nitf>
            """
        let item = try #require(try reader.read(Array(xml.utf8), context: Fixtures.context()).items.first)
        #expect(item.body == """
            The harbour master said no.

            Loose text with emphasis and a break.

            Quoted.

            A pilot

            First

            Second
            """)
    }

    @Test func htmlNamedEntitiesFromTheNITFDTDDecodeWithoutLoadingIt() throws {
        let xml = """
            <!DOCTYPE nitf PUBLIC "-//IPTC//DTD NITF 3.6//EN" "http://127.0.0.1:9/nitf-3-6.dtd">
            <nitf><body><body.head><hedline><hl1>Caf&eacute; reopens&nbsp;&mdash; at last</hl1></hedline></body.head>
            <body.content><p>Prices rose 5&nbsp;% &amp; queues formed.</p></body.content></body></nitf>
            """
        let item = try #require(try reader.read(Array(xml.utf8), context: Fixtures.context()).items.first)
        #expect(item.headline == "Café reopens — at last")
        #expect(item.body == "Prices rose 5 % & queues formed.")
    }

    @Test func taglineCreditsLoseOnlyTheirEnclosingParentheses() {
        #expect(NITFStory.credit(" (Reporting by Ana Lusk; editing by Jon Farro) ") == "Reporting by Ana Lusk; editing by Jon Farro")
        #expect(NITFStory.credit("(AP) and (HW)") == "(AP) and (HW)")
        #expect(NITFStory.credit("Compiled by the desk") == "Compiled by the desk")
        #expect(NITFStory.credit("()") == nil)
    }

    @Test func calendarDateKeepsTheLocalDate() {
        #expect(NITFStory.calendarDate("20250304T2330-0500") == "2025-03-04")
        #expect(NITFStory.calendarDate("2025-03-04T23:30:00Z") == "2025-03-04")
        #expect(NITFStory.calendarDate("March") == nil)
    }
}
