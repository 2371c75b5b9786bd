import Foundation
import Testing
import WireModel
@testable import WireRuntime

/// `PreparingStage`: `process --threads` prepares each item of an in-order segment's first stage on the
/// parallel threads and hands that very preparation to the in-order step; `dedupe` decides alike either way.
@Suite struct PreparingStageTests {
    /// Prepares an item as its id and headline; in-order processing records whether it was given the
    /// item's own preparation or prepared the item itself.
    final class RecordingStage: PreparingStage, @unchecked Sendable {
        let name = "recording"
        private let lock = NSLock()
        private(set) var prepareCalls = 0

        func prepare(_ item: Item) -> any Sendable {
            lock.withLock { prepareCalls += 1 }
            return "\(item.id)|\(item.headline ?? "")"
        }

        func process(_ item: Item) throws -> [Item] {
            var item = item
            item.summary = "unprepared"
            return [item]
        }

        func process(_ item: Item, prepared: any Sendable) throws -> [Item] {
            var item = item
            item.summary = prepared as? String == "\(item.id)|\(item.headline ?? "")" ? "own preparation" : "wrong preparation"
            return [item]
        }
    }

    static func items(_ count: Int) -> [[Item]] {
        (0..<count).map { index in
            var item = Item(id: "i\(index)", source: ItemSource(type: "inbox", name: "wires"), format: .text, receivedAt: "fixed")
            item.headline = "Headline \(index)"
            return [item]
        }
    }

    @Test func theInOrderStepGetsEachItemsOwnPreparationOnSeveralThreads() throws {
        let stage = RecordingStage()
        let segment = try #require(StageSegment.split([stage]).first)
        #expect(!segment.concurrent)
        let results = segment.run(Self.items(40), threads: 2)
        #expect(stage.prepareCalls == 40, "every item prepared once")
        #expect(results.map { $0.emitted.map(\.id) } == (0..<40).map { ["i\($0)"] }, "input order kept")
        #expect(results.allSatisfy { $0.emitted.first?.summary == "own preparation" })
    }

    @Test func oneThreadLeavesPreparationToTheStage() throws {
        let stage = RecordingStage()
        let segment = try #require(StageSegment.split([stage]).first)
        let results = segment.run(Self.items(5), threads: 1)
        #expect(stage.prepareCalls == 0)
        #expect(results.allSatisfy { $0.emitted.first?.summary == "unprepared" })
    }

    /// The fixtures twice over, each item through one stage as prepared on another thread and through
    /// another stage as the daemon sends it: the same statuses, matches, similarities and story ids.
    @Test func dedupeDecidesAlikePreparedOrNot() throws {
        let names = try FileManager.default.contentsOfDirectory(atPath: ConfigTestSupport.repositoryRoot + "/Fixtures/dedupe")
            .filter { $0.hasSuffix(".txt") }.sorted()
        let prepared = DedupeStageTests.makeStage()
        let plain = DedupeStageTests.makeStage()
        var statuses: Set<String> = []
        for round in 0..<2 {
            for (index, name) in names.enumerated() {
                let item = try DedupeStageTests.story(name, id: "\(round)-\(index)", guid: round == 0 ? "g\(index)" : nil)
                let preparation = prepared.prepare(item)
                let viaPreparation = try #require(try prepared.process(item, prepared: preparation).first?.dedupe)
                let direct = try #require(try plain.process(item).first?.dedupe)
                #expect(viaPreparation == direct, "\(name), round \(round)")
                statuses.insert(direct.status)
            }
        }
        #expect(statuses.isSuperset(of: ["unique", "duplicate"]))
    }
}
