import Foundation
import Testing
@testable import WireModel

@Suite struct ItemNDJSONTests {
    static func sample() -> Item {
        var item = Item(
            id: "abc123", source: ItemSource(type: "inbox", name: "wires", path: "/var/inbox/a.txt"),
            format: .text, receivedAt: "2024-04-13T12:10:03Z")
        item.headline = "Harbour cranes idle as dockers strike"
        item.headlineSource = "copy"
        item.body = "First paragraph \"quoted\".\n\nSecond paragraph."
        item.categories = ["business", "labour"]
        item.feed = FeedInfo(title: "Harbour Wire", language: "en")
        item.captions = [Caption(text: "Cranes at dawn.", credit: "Harbour Wire")]
        item.furniture = [Furniture(kind: "share-widget", text: "Link copied")]
        item.entities = Entities(people: [Entity(name: "Ana Ruiz", id: "p1", mentions: ["Ana Ruiz", "Ruiz"])])
        item.dedupe = DedupeInfo(hash: "h", status: "near_duplicate", duplicateOf: "x", similarity: 0.93, storyID: "s")
        item.urgency = 3
        item.routes = ["all"]
        return item
    }

    @Test func lineIsOneTerminatedJSONObjectThatDecodesBackEqual() throws {
        let item = Self.sample()
        let line = item.ndjsonLine()
        #expect(line.last == 0x0A)
        #expect(line.dropLast().contains(0x0A) == false, "a raw newline inside the line would split it")
        let decoded = try JSONDecoder().decode(Item.self, from: Data(line))
        #expect(decoded == item)
    }

    @Test func contractFieldNamesAreWrittenInOrder() throws {
        let text = String(decoding: Self.sample().ndjsonLine(), as: UTF8.self)
        let keys = ["\"id\":", "\"source\":", "\"format\":", "\"received_at\":", "\"published_at\":",
                    "\"headline\":", "\"body\":", "\"word_count\":", "\"dedupe\":", "\"routes\":"]
        var last = text.startIndex
        for key in keys {
            let range = try #require(text.range(of: key, range: last..<text.endIndex), "missing \(key)")
            last = range.upperBound
        }
        #expect(text.contains(#""duplicate_of":"x""#))
        #expect(text.contains(#""story_id":"s""#))
        #expect(text.contains(#""published_at":null"#))
    }

    @Test func contentHTMLIsOmittedWhenAbsent() {
        var item = Self.sample()
        #expect(!String(decoding: item.ndjsonLine(), as: UTF8.self).contains("content_html"))
        item.contentHTML = "<p>x</p>"
        #expect(String(decoding: item.ndjsonLine(), as: UTF8.self).contains(#""content_html":"<p>x</p>""#))
    }
}
