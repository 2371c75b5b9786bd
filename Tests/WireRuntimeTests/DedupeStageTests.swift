import Foundation
import Testing
import WireModel
@testable import WireRuntime

/// The dedupe stage on items built from Fixtures/dedupe, through the embedded pipeline and the real
/// state stores (SQLite, and PostgreSQL when the tests have a server).
@Suite struct DedupeStageTests {
    static func story(_ name: String, id: String, guid: String? = nil, version: String? = nil,
                      pubStatus: String? = nil, published: String = "2025-03-03T09:00:00Z", headline: String = "Bridge") throws -> Item {
        let path = ConfigTestSupport.repositoryRoot + "/Fixtures/dedupe/" + name
        var item = Item(id: id, source: ItemSource(type: "inbox", name: "wires"), format: .text, receivedAt: published)
        item.body = try String(contentsOfFile: path, encoding: .utf8)
        item.guid = guid
        item.version = version
        item.pubStatus = pubStatus
        item.publishedAt = published
        item.headline = headline
        return item
    }

    static func run(_ stage: DedupeStage, _ item: Item) throws -> DedupeInfo {
        let result = EmbeddedPipeline(stages: [stage]).run(item)
        #expect(result.deadLetters.isEmpty)
        #expect(result.emitted.count == 1, "dedupe marks, it never drops")
        return try #require(result.emitted.first?.dedupe)
    }

    static func makeStage(_ store: (any DedupeStateStore)? = nil, window: Duration = .seconds(72 * 3600)) -> DedupeStage {
        DedupeStage(config: DedupeStageConfig(window: window), store: store)
    }

    @Test func everyStatusOnOneDesk() throws {
        let stage = Self.makeStage()
        let original = try Self.run(stage, try Self.story("bridge-original.txt", id: "orig", guid: "tp-1", version: "1"))
        #expect(original.status == "unique")
        #expect(original.storyID == "orig")
        #expect(original.hash?.count == 16)

        var resend = try Self.story("bridge-original.txt", id: "resend", guid: "tp-1-resend", headline: "URGENT-Bridge")
        resend.body = resend.body?.uppercased().replacingOccurrences(of: "\n\n", with: "\n")
        let exact = try Self.run(stage, resend)
        #expect(exact.status == "duplicate")
        #expect(exact.duplicateOf == "orig")
        #expect(exact.storyID == "orig")

        let near = try Self.run(stage, try Self.story(
            "bridge-update2.txt", id: "upd2", guid: "tp-1-upd2", published: "2025-03-03T11:30:00Z",
            headline: "UPDATE 2-Kestrelmouth shuts bridge to lorries"))
        #expect(near.status == "near_duplicate")
        #expect(near.duplicateOf == "orig")
        #expect((near.similarity ?? 0) > 0.5)

        let version2 = try Self.run(stage, try Self.story(
            "bridge-update2.txt", id: "v2", guid: "tp-1", version: "2", published: "2025-03-03T12:00:00Z"))
        #expect(version2.status == "update")
        #expect(version2.duplicateOf == "orig")

        let late = try Self.run(stage, try Self.story("bridge-original.txt", id: "late-v1", guid: "tp-1", version: "1"))
        #expect(late.status == "duplicate")
        #expect(late.duplicateOf == "v2")

        let kill = try Self.run(stage, try Self.story(
            "kill-notice.txt", id: "kill", guid: "tp-1", pubStatus: "canceled", published: "2025-03-03T13:00:00Z"))
        #expect(kill.status == "update")
        #expect(kill.duplicateOf == "v2")

        #expect(near.storyID == "orig" && version2.storyID == "orig" && kill.storyID == "orig", "copies and updates stay in the story")
        let rewrite = try Self.run(stage, try Self.story("bridge-rewrite-other-agency.txt", id: "northline", guid: "nl-9"))
        #expect(rewrite.status == "unique", "another agency's own story of the event is not a textual duplicate")
        #expect(rewrite.storyID == "orig", "but it is the same story")
        let festival = try Self.run(stage, try Self.story("kestrelmouth-festival.txt", id: "festival", guid: "tp-3"))
        #expect(festival.status == "unique")
        #expect(festival.storyID == "festival", "same city, another event")
        let unrelated = try Self.run(stage, try Self.story("ferry-unrelated.txt", id: "ferry", guid: "tp-2"))
        #expect(unrelated.status == "unique")
        #expect(unrelated.duplicateOf == nil)
    }

    @Test(arguments: StateStoreKind.available)
    func aDuplicateIsRecognisedAfterTheStateIsReopened(_ kind: StateStoreKind) throws {
        let location = try TestStateLocation(kind)
        defer { location.remove() }
        do {
            let stage = Self.makeStage(try location.open())
            #expect(try Self.run(stage, try Self.story("bridge-original.txt", id: "orig", guid: "a")).status == "unique")
            #expect(try Self.run(stage, try Self.story("ferry-unrelated.txt", id: "ferry", guid: "b")).status == "unique")
        }
        let restarted = Self.makeStage(try location.open())
        let exact = try Self.run(restarted, try Self.story("bridge-original.txt", id: "again", guid: "c"))
        #expect(exact.status == "duplicate")
        #expect(exact.duplicateOf == "orig")
        let near = try Self.run(restarted, try Self.story("bridge-update2.txt", id: "upd", guid: "d"))
        #expect(near.status == "near_duplicate")
        #expect(near.duplicateOf == "orig")
        let version = try Self.run(restarted, try Self.story("ferry-unrelated.txt", id: "ferry-2", guid: "b", version: "2"))
        #expect(version.status == "update")
        #expect(version.duplicateOf == "ferry")
        let rewrite = try Self.run(restarted, try Self.story("bridge-rewrite-other-agency.txt", id: "northline", guid: "n"))
        #expect(rewrite.status == "unique")
        #expect(rewrite.storyID == "orig", "the story index came back with the state")
    }

    @Test(arguments: StateStoreKind.available)
    func anItemDeliveredAgainAfterACrashKeepsItsFirstDecision(_ kind: StateStoreKind) throws {
        let location = try TestStateLocation(kind)
        defer { location.remove() }
        let original = try Self.story("bridge-original.txt", id: "orig", guid: "a")
        let copy = try Self.story("bridge-original.txt", id: "copy", guid: "b")
        do {
            let stage = Self.makeStage(try location.open())
            _ = try Self.run(stage, original)
            _ = try Self.run(stage, copy)
            // The process dies here: decisions are committed, the sink may not have written them.
        }
        let restarted = Self.makeStage(try location.open())
        let replayed = try Self.run(restarted, original)
        #expect(replayed.status == "unique", "the same id again is the same item, not a duplicate of itself")
        #expect(try Self.run(restarted, copy).duplicateOf == "orig")
    }

    @Test func itemsWithoutTextAreNotDuplicatesOfEachOther() throws {
        let stage = Self.makeStage()
        var first = Item(id: "e1", source: ItemSource(type: "inbox", name: "wires"), format: .text, receivedAt: "2025-03-03T09:00:00Z")
        var second = first
        second.id = "e2"
        first.body = nil
        #expect(try Self.run(stage, first).status == "unique")
        #expect(try Self.run(stage, second).status == "unique")
    }

    @Test func withoutACleanStageContentMarkupStandsInForTheBody() throws {
        let stage = Self.makeStage()
        var first = try Self.story("bridge-original.txt", id: "html-1")
        first.contentHTML = "<p class=\"lead\">" + (first.body ?? "").replacingOccurrences(of: "\n\n", with: "</p><p>") + "</p>"
        first.body = nil
        first.summary = "A teaser every item of this feed shares."
        var second = first
        second.id = "html-2"
        second.contentHTML = try Self.story("ferry-unrelated.txt", id: "x").body
        #expect(try Self.run(stage, first).status == "unique")
        #expect(try Self.run(stage, second).status == "unique", "the shared summary is not the story")
        #expect(DedupeStage.withoutTags("<p>Port <b>closed</b></p>") == " Port  closed  ")
    }

    @Test func theFactoryBuildsDedupeFromItsConfig() throws {
        let stages = try StageFactory.make([.dedupe(DedupeStageConfig(window: .seconds(3600), maxItems: 10))])
        #expect(stages.map(\.name) == ["dedupe"])
        #expect(StageFactory.unavailable(in: [.dedupe(DedupeStageConfig())]).isEmpty)
    }

    @Test func rfc3339TimesWithOffsetsAndFractions() {
        #expect(RFC3339Seconds.parse("1970-01-02T00:00:00Z") == 86400)
        #expect(RFC3339Seconds.parse("2024-04-13T21:10:03+09:00") == RFC3339Seconds.parse("2024-04-13T12:10:03Z"))
        #expect(RFC3339Seconds.parse("2024-04-13T12:10:03.250Z") == RFC3339Seconds.parse("2024-04-13T12:10:03Z"))
        #expect(RFC3339Seconds.parse("13 April 2024") == nil)
    }
}
