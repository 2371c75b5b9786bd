import Foundation
import Testing
import WireDedupe

/// Decisions of the engine on the project's own dedupe fixtures (Fixtures/dedupe).
@Suite struct DedupeEngineTests {
    static func fixture(_ name: String) throws -> String {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Fixtures/dedupe/\(name)")
        return try String(contentsOf: url, encoding: .utf8)
    }

    static func input(_ text: String, guid: String? = nil, version: String? = nil, withdrawn: Bool = false, at time: Int64 = 1000) -> DedupeInput {
        DedupeInput(
            fingerprint: TextFingerprint(text: text), guidHash: DedupeInput.guidHash(source: "wires", guid: guid),
            version: DedupeInput.versionNumber(version), isWithdrawal: withdrawn, eventTime: time)
    }

    @Test func exactCopyUnderANewGuidIsADuplicateOfTheFirst() throws {
        var engine = DedupeEngine(window: 72 * 3600, maxItems: nil)
        let story = try Self.fixture("bridge-original.txt")
        let first = engine.decide(Self.input(story, guid: "a"))
        _ = engine.decide(Self.input(try Self.fixture("ferry-unrelated.txt"), guid: "b"))
        let again = engine.decide(Self.input(story.uppercased(), guid: "c"))
        #expect(first.status == .unique)
        #expect(again.status == .duplicate)
        #expect(again.matchedSequence == first.record.sequence)
        #expect(again.similarity == 1)
    }

    @Test func editedRewriteWithNewGuidIsANearDuplicate() throws {
        var engine = DedupeEngine(window: 72 * 3600, maxItems: nil)
        let first = engine.decide(Self.input(try Self.fixture("bridge-original.txt"), guid: "a"))
        let update = engine.decide(Self.input(try Self.fixture("bridge-update2.txt"), guid: "a-update-2", at: 2000))
        #expect(update.status == .nearDuplicate)
        #expect(update.matchedSequence == first.record.sequence)
        let similarity = try #require(update.similarity)
        #expect(similarity > 0.5 && similarity < 1)
    }

    @Test func anotherAgencysStoryOfTheSameEventAndAnUnrelatedStoryStayUnique() throws {
        var engine = DedupeEngine(window: 72 * 3600, maxItems: nil)
        _ = engine.decide(Self.input(try Self.fixture("bridge-original.txt")))
        #expect(engine.decide(Self.input(try Self.fixture("bridge-rewrite-other-agency.txt"))).status == .unique)
        #expect(engine.decide(Self.input(try Self.fixture("ferry-unrelated.txt"))).status == .unique)
    }

    @Test func higherVersionOfAGuidIsAnUpdateAndALateOlderOneADuplicate() throws {
        var engine = DedupeEngine(window: 72 * 3600, maxItems: nil)
        let v1 = engine.decide(Self.input(try Self.fixture("bridge-original.txt"), guid: "g", version: "1"))
        let v2 = engine.decide(Self.input(try Self.fixture("bridge-update2.txt"), guid: "g", version: "2", at: 2000))
        #expect(v2.status == .update)
        #expect(v2.matchedSequence == v1.record.sequence)
        let late = engine.decide(Self.input(try Self.fixture("bridge-original.txt"), guid: "g", version: "1", at: 1000))
        #expect(late.status == .duplicate)
        #expect(late.matchedSequence == v2.record.sequence, "the late copy repeats what v2 superseded")
        let v3 = engine.decide(Self.input("A short corrected third take", guid: "g", version: "v3", at: 3000))
        #expect(v3.status == .update)
        #expect(v3.matchedSequence == v2.record.sequence)
    }

    @Test func sameGuidFromAnotherSourceIsNotAVersion() throws {
        var engine = DedupeEngine(window: nil, maxItems: nil)
        let text = try Self.fixture("ferry-unrelated.txt")
        _ = engine.decide(DedupeInput(fingerprint: TextFingerprint(text: "First story of source one, long enough"), guidHash: DedupeInput.guidHash(source: "one", guid: "1"), eventTime: 0))
        let other = engine.decide(DedupeInput(fingerprint: TextFingerprint(text: text), guidHash: DedupeInput.guidHash(source: "two", guid: "1"), eventTime: 0))
        #expect(other.status == .unique)
    }

    @Test func killNoticeIsAnUpdateOfTheItemItKillsAndNeverATextualCopy() throws {
        var engine = DedupeEngine(window: 72 * 3600, maxItems: nil)
        let story = engine.decide(Self.input(try Self.fixture("bridge-original.txt"), guid: "k"))
        let kill = try Self.fixture("kill-notice.txt")
        let notice = engine.decide(Self.input(kill, guid: "k", withdrawn: true, at: 1500))
        #expect(notice.status == .update)
        #expect(notice.matchedSequence == story.record.sequence)
        // The same boilerplate killing another story is not a duplicate of the first kill.
        let otherKill = engine.decide(Self.input(kill, guid: "unknown", withdrawn: true, at: 1600))
        #expect(otherKill.status == .unique)
        #expect(DedupeInput.isWithdrawal(pubStatus: "stat:canceled") && DedupeInput.isWithdrawal(pubStatus: "withheld"))
        #expect(!DedupeInput.isWithdrawal(pubStatus: "usable"))
    }

    @Test func itemsOutsideTheWindowAreForgotten() throws {
        var engine = DedupeEngine(window: 3600, maxItems: nil)
        let story = try Self.fixture("bridge-original.txt")
        _ = engine.decide(Self.input(story, at: 0))
        _ = engine.decide(Self.input(try Self.fixture("ferry-unrelated.txt"), at: 7200))
        #expect(engine.index.count == 1)
        #expect(engine.decide(Self.input(story, at: 7300)).status == .unique)
    }

    @Test func undatedItemsArrivingTodayDoNotPushAnArchivesStoriesOutOfTheWindow() throws {
        var engine = DedupeEngine(window: 3600, maxItems: nil)
        let story = try Self.fixture("bridge-original.txt")
        _ = engine.decide(Self.input(story, at: 1_000_000))
        let today = DedupeInput(fingerprint: TextFingerprint(text: try Self.fixture("ferry-unrelated.txt")), eventTime: 9_000_000, timeIsReceived: true)
        _ = engine.decide(today)
        let undatedCopy = DedupeInput(fingerprint: TextFingerprint(text: story), eventTime: 9_000_100, timeIsReceived: true)
        #expect(engine.decide(undatedCopy).status == .duplicate)
        #expect(engine.index.count == 3)
    }

    @Test func maxItemsEvictsTheOldestFirst() throws {
        var engine = DedupeEngine(window: nil, maxItems: 2)
        let texts = try ["bridge-original.txt", "ferry-unrelated.txt", "bridge-rewrite-other-agency.txt"].map(Self.fixture)
        for text in texts { _ = engine.decide(Self.input(text)) }
        #expect(engine.index.count == 2)
        #expect(engine.decide(Self.input(texts[0])).status == .unique, "the oldest was evicted")
        #expect(engine.decide(Self.input(texts[2])).status == .duplicate)
    }

    @Test func restoredRecordsAnswerAsBefore() throws {
        var engine = DedupeEngine(window: nil, maxItems: nil)
        var records: [DedupeRecord] = []
        for name in ["bridge-original.txt", "ferry-unrelated.txt"] {
            records.append(engine.decide(Self.input(try Self.fixture(name), guid: name)).record)
        }
        var restored = DedupeEngine(window: nil, maxItems: nil)
        for record in records { restored.restore(record) }
        let near = restored.decide(Self.input(try Self.fixture("bridge-update2.txt")))
        #expect(near.status == .nearDuplicate)
        #expect(near.matchedSequence == records[0].sequence)
        #expect(near.record.sequence == records[1].sequence + 1)
    }
}
