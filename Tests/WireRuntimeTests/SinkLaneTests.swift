import Dispatch
import Foundation
import Testing
import WireModel
@testable import WireRuntime

/// Per-sink isolation: each sink drains its own bounded lane.
@Suite struct SinkLaneTests {
    final class OutcomeBox: @unchecked Sendable {
        private let lock = NSLock()
        private var value: InputTicket.Outcome?
        func set(_ outcome: InputTicket.Outcome) { lock.withLock { value = outcome } }
        var outcome: InputTicket.Outcome? { lock.withLock { value } }
    }

    @Test func aSlowSinkDoesNotHoldUpAFastOne() throws {
        let slow = MemorySink(name: "slow"), fast = MemorySink(name: "fast"), dead = MemorySink(name: "dead")
        slow.hold()
        let pipeline = QueuedPipeline(
            stages: [], sinks: [slow, fast], deadLetter: dead, encodeDeadLetter: testDeadLetterEncoder,
            capacity: 16, logger: quietLogger)
        let box = OutcomeBox()
        let ticket = pipeline.makeTicket(label: "burst") { box.set($0) }
        for n in 0..<10 { pipeline.submit(TestItems.item("story \(n)"), ticket: ticket) }
        ticket.close()
        #expect(eventually { fast.ids.count == 10 }, "the fast sink writes while the slow one is stalled")
        #expect(slow.ids.isEmpty)
        #expect(eventually { pipeline.sinkBacklogs["slow"] == 10 }, "the slow sink's backlog shows")
        #expect(pipeline.sinkBacklogs["fast"] == 0)
        #expect(box.outcome == nil, "the input is not done until every sink it was routed to has it")
        slow.release()
        #expect(pipeline.drain(timeout: .now() + 10))
        #expect(slow.ids == (0..<10).map { "story \($0)" })
        #expect(box.outcome?.written == 20)
        #expect(pipeline.sinkBacklogs["slow"] == 0)
    }

    @Test func aFullLaneBlocksOnlyWhatIsRoutedToIt() throws {
        let slow = MemorySink(name: "slow"), fast = MemorySink(name: "fast"), dead = MemorySink(name: "dead")
        slow.hold()
        let route = RouteStage(config: RouteStageConfig(
            rules: [RouteRule(name: "to-slow", to: ["slow"], when: .field(path: "headline", test: .contains(.string("slow"))))],
            defaultSinks: ["fast"]))
        let pipeline = QueuedPipeline(
            stages: [route], sinks: [slow, fast], deadLetter: dead, encodeDeadLetter: testDeadLetterEncoder,
            capacity: 2, logger: quietLogger)
        let ticket = pipeline.makeTicket(label: "mixed") { _ in }
        pipeline.submit(TestItems.item("slow 1"), ticket: ticket)
        for n in 0..<5 { pipeline.submit(TestItems.item("fast \(n)"), ticket: ticket) }
        #expect(eventually { fast.ids.count == 5 })
        #expect(slow.ids.isEmpty)
        ticket.close()
        slow.release()
        #expect(pipeline.drain(timeout: .now() + 10))
        #expect(slow.ids == ["slow 1"])
    }

    @Test func aFailingSinkFailsOnlyItsOwnWrites() throws {
        let broken = MemorySink(name: "broken"), good = MemorySink(name: "good"), dead = MemorySink(name: "dead")
        broken.fail(with: "disk full")
        let pipeline = QueuedPipeline(
            stages: [], sinks: [broken, good], deadLetter: dead, encodeDeadLetter: testDeadLetterEncoder,
            logger: quietLogger)
        let box = OutcomeBox()
        let ticket = pipeline.makeTicket(label: "input") { box.set($0) }
        for n in 0..<3 { pipeline.submit(TestItems.item("story \(n)"), ticket: ticket) }
        ticket.close()
        #expect(pipeline.drain(timeout: .now() + 10))
        #expect(good.ids.count == 3)
        #expect(box.outcome?.succeeded == false, "an input whose items a sink could not take stays out of done/")
    }

    @Test func aSpillingSinkSpoolsItsBacklogToDiskAndCatchesUpInOrder() throws {
        let folder = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let slow = MemorySink(name: "slow"), fast = MemorySink(name: "fast"), dead = MemorySink(name: "dead")
        slow.hold()
        let pipeline = QueuedPipeline(
            stages: [], sinks: [slow, fast], deadLetter: dead, encodeDeadLetter: testDeadLetterEncoder,
            capacity: 2, policies: ["slow": .spill], spillFolder: folder, logger: quietLogger)
        let box = OutcomeBox()
        let ticket = pipeline.makeTicket(label: "burst") { box.set($0) }
        for n in 0..<10 { pipeline.submit(TestItems.item("story \(n)"), ticket: ticket) }
        ticket.close()
        #expect(eventually { fast.ids.count == 10 }, "a lane two deep does not hold the others back: the rest spill")
        #expect(eventually { pipeline.sinkBacklogs["slow"] == 10 })
        let spool = try FileManager.default.attributesOfItem(atPath: folder + "/slow.spool")[.size] as? Int ?? 0
        #expect(spool > 0, "the overflow is on disk")
        #expect(box.outcome == nil)
        slow.release()
        #expect(pipeline.drain(timeout: .now() + 10))
        #expect(slow.ids == (0..<10).map { "story \($0)" }, "spooled records reach the sink in order")
        #expect(box.outcome?.written == 20)
        #expect(pipeline.sinkBacklogs["slow"] == 0)
    }

    @Test func whenFullIsReadFromTheConfig() throws {
        let config = try ConfigTestSupport.load(#"""
            {"sinks": [{"name": "search", "type": "file", "path": "s.ndjson", "when_full": "spill"},
                       {"name": "console", "type": "stdout"}]}
            """#)
        #expect(config.sinks.map(\.whenFull) == [.spill, .block])
        #expect(ConfigTestSupport.issues(#"{"sinks": [{"name": "a", "type": "stdout", "when_full": "drop"}]}"#)
                == [#"sinks[0].when_full: "drop" is not allowed; expected one of block, spill"#])
    }
}
