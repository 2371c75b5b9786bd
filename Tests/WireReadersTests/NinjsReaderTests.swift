import Foundation
import Testing
import WireModel
@testable import WireReaders

@Suite struct NinjsReaderTests {
    let reader = NinjsReader()

    private func read(_ path: String) throws -> ReadResult {
        try reader.read(try Fixtures.bytes(path), context: Fixtures.context())
    }

    private func reason(_ text: String) -> String? {
        do {
            _ = try reader.read(Array(text.utf8), context: Fixtures.context())
            return nil
        } catch {
            return error.reason
        }
    }

    @Test func version1ObjectFillsEveryField() throws {
        let result = try read("ninjs/v1-single.json")
        #expect(result.issues.isEmpty)
        let item = try #require(result.items.first)
        #expect(result.items.count == 1)
        #expect(item.format == .ninjs)
        #expect(item.guid == "http://harbourwire.example/ninjs/hw-0131")
        // ninjs's uri is an identifier, not the story's page.
        #expect(item.url == nil)
        #expect(item.version == "2")
        #expect(item.pubStatus == "usable")
        #expect(item.urgency == 4)
        #expect(item.language == "en")
        #expect(item.slugline == "PORTVALE-TUGS")
        #expect(item.publishedRaw == "2025-03-04T12:55:00Z")
        #expect(item.publishedAt == "2025-03-04T12:55:00Z")
        #expect(item.updatedAt == "2025-03-04T13:20:00Z")
        #expect(item.embargoUntil == "2025-03-04T17:00:00Z")
        #expect(item.headline == "Tug crews join Portvale dispute")
        #expect(item.headlineSource == "copy")
        #expect(item.summary == "Tug crews voted to back the crane drivers.")
        #expect(item.body == "Tug crews at Portvale voted on Tuesday to back the crane drivers.\n\nThe vote passed 41 to 3.")
        #expect(item.contentHTML == nil)
        #expect(item.byline == "Tobias Renn")
        #expect(item.agency == "Harbour Wire")
        #expect(item.dateline == Dateline(place: "Portvale"))
        #expect(item.categories == ["medtop:09000000", "Portvale harbour"])
        #expect(item.captions.isEmpty)
        #expect(item.enclosures.isEmpty)
    }

    @Test func version2ArraysAndAnAssociatedPicture() throws {
        let result = try read("ninjs/v2-bodies-picture.json")
        let item = try #require(result.items.first)
        #expect(item.guid == "urn:northwire.example:2025:nw-6004")
        #expect(item.version == "5")
        #expect(item.urgency == 6)
        #expect(item.headline == "Gales ground Skarvholm flights as well as ferries")
        #expect(item.summary == "Both links to the island are closed.")
        // HTML and plain bodies both given: the HTML is kept, `clean` makes the text.
        #expect(item.contentHTML == "<p>Flights to Skarvholm were grounded.</p><p>Ferries stay in port.</p>")
        #expect(item.body == nil)
        #expect(item.byline == "Eli Brand, Sunniva Holt")
        #expect(item.agency == "North Wire")
        #expect(item.categories == ["http://cv.iptc.org/newscodes/mediatopic/20000438", "medtop:17000000"])
        #expect(item.publishedAt == "2025-03-05T06:00:00Z")
        #expect(item.updatedAt == "2025-03-05T09:45:00Z")
        #expect(item.enclosures == [Enclosure(url: "https://img.northwire.example/2231.jpg", type: "image/jpeg",
                                              length: 204_800)])
        #expect(item.captions == [Caption(text: "An empty apron at Skarvholm airfield.", credit: "Per Vik")])
    }

    @Test func version3CamelCaseKeys() throws {
        let result = try read("ninjs/v3-camel-case.json")
        #expect(result.issues.isEmpty)
        let item = try #require(result.items.first)
        #expect(item.guid == "urn:harbourwire.example:2025:hw-0140")
        #expect(item.version == "3")
        #expect(item.pubStatus == "canceled")
        #expect(item.urgency == 1)
        #expect(item.publishedAt == "2025-03-06T06:00:00Z")
        #expect(item.updatedAt == "2025-03-06T08:15:00Z")
        #expect(item.agency == "Harbour Wire")
        #expect(item.byline == "Mirela Osk")
        #expect(item.slugline == "PORTVALE-FIRE")
        #expect(item.dateline == Dateline(place: "Portvale"))
        #expect(item.headline == "Warehouse fire at Portvale docks")
        #expect(item.body == "A warehouse burned at the docks overnight.\n\nNo one was hurt.")
        #expect(item.categories == ["http://cv.iptc.org/newscodes/mediatopic/20000139", "HW-DOCKS"])
        #expect(item.enclosures == [Enclosure(url: "https://img.harbourwire.example/77.jpg", type: "image/jpeg",
                                              length: 301_000)])
        #expect(item.captions == [Caption(text: "Smoke over the west quay.", credit: "Ana Lusk")])
    }

    @Test func arrayOfObjectsIsSeveralItems() throws {
        let v1 = String(decoding: try Fixtures.bytes("ninjs/v1-single.json"), as: UTF8.self)
        let v2 = String(decoding: try Fixtures.bytes("ninjs/v2-bodies-picture.json"), as: UTF8.self)
        let bytes = Array("[\n\(v1), \(v2), 42]".utf8)
        #expect(FormatSniffer().sniff(bytes) == .format(.ninjs))
        let result = try InputReader().read(bytes, context: Fixtures.context())
        #expect(result.items.map(\.version) == ["2", "5"])
        #expect(result.issues.map(\.reason) == ["unsupported-item"])
    }

    @Test func aPictureItemIsItsOwnEnclosure() throws {
        let json = """
            {"uri": "urn:p:1", "type": "picture", "headline": "Quay at dusk",
             "renditions": {"preview": {"href": "https://img.example/p1-small.jpg", "mimetype": "image/jpeg"},
                            "original": {"href": "https://img.example/p1.jpg", "mimetype": "image/jpeg", "size": 900}}}
            """
        let item = try #require(try reader.read(Array(json.utf8), context: Fixtures.context()).items.first)
        #expect(item.enclosures == [Enclosure(url: "https://img.example/p1.jpg", type: "image/jpeg", length: 900)])
    }

    @Test func invalidJSONIsMalformed() {
        #expect(reason("{\"uri\": \"x\", ") == "malformed")
        #expect(reason("{\"headline\": \"a\"} trailing") == "malformed")
        #expect(reason("\"just a string\"") == "malformed")
    }

    @Test func deeplyNestedJSONIsRefusedNotCrashed() {
        let depth = 100_000
        let json = "{\"uri\": \"u\", \"x\": " + String(repeating: "[", count: depth) + String(repeating: "]", count: depth) + "}"
        #expect(reason(json) == "malformed")
    }

    @Test func jsonThatIsNotNinjsIsUnknownFormat() {
        #expect(reason("{\"name\": \"config\", \"port\": 80}") == "unknown-format")
    }

    @Test func fieldCapsAndItemCapsHold() throws {
        let small = NinjsReader(maxItems: 1, maxFieldBytes: 8)
        let json = "[{\"uri\": \"a\", \"headline\": \"Émile est là, vraiment\"}, {\"uri\": \"b\"}]"
        let result = try small.read(Array(json.utf8), context: Fixtures.context())
        #expect(result.items.map(\.guid) == ["a"])
        #expect(result.items.first?.headline == "Émile e")
        #expect(Set(result.issues.map(\.reason)) == ["too-many-items", "field-truncated"])
    }

    @Test func byteOrderMarkAndNumbersAsStrings() throws {
        let json = "{\"uri\": \"u\", \"version\": 7, \"urgency\": \"12\", \"pubstatus\": \"canceled\"}"
        let result = try reader.read([0xEF, 0xBB, 0xBF] + Array(json.utf8), context: Fixtures.context())
        let item = try #require(result.items.first)
        #expect(item.version == "7")
        #expect(item.urgency == nil)
        #expect(item.pubStatus == "canceled")
    }
}
