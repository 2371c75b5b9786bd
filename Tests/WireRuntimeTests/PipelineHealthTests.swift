import Dispatch
import Foundation
import Testing
import WireModel
@testable import WireRuntime

/// The watchdog's health check: stages and sinks that move or are idle are healthy; a hop holding items
/// past the stall limit, or a sink whose last write failed, is not.
@Suite struct PipelineHealthTests {
    static let limit = Duration.seconds(60)
    static let pastLimit: UInt64 = 61_000_000_000

    func makePipeline(stages: [any Stage] = [], sink: MemorySink) -> QueuedPipeline {
        QueuedPipeline(
            stages: stages, sinks: [sink], deadLetter: MemorySink(name: "dead"),
            encodeDeadLetter: testDeadLetterEncoder, logger: quietLogger)
    }

    @Test func anIdlePipelineIsHealthyHoweverLongItWaits() {
        let pipeline = makePipeline(sink: MemorySink(name: "out"))
        let ticket = pipeline.makeTicket(label: "one") { _ in }
        pipeline.submit(TestItems.item("story"), ticket: ticket)
        ticket.close()
        #expect(pipeline.drain(timeout: .now() + 10))
        let snapshot = pipeline.progress.snapshot
        #expect(snapshot.hops["sink out"]?.pending == 0)
        let health = PipelineHealth.evaluate(snapshot, stallLimit: Self.limit, now: snapshot.takenAt + 3_600_000_000_000)
        #expect(health.isHealthy, "\(health)")
    }

    @Test func aSinkThatStopsAnsweringIsAStallOnceTheLimitPasses() throws {
        let sink = MemorySink(name: "out")
        sink.hold()
        let pipeline = makePipeline(sink: sink)
        let ticket = pipeline.makeTicket(label: "one") { _ in }
        pipeline.submit(TestItems.item("story"), ticket: ticket)
        ticket.close()
        #expect(eventually { pipeline.progress.snapshot.hops["sink out"]?.pending == 1 })
        let snapshot = pipeline.progress.snapshot

        #expect(PipelineHealth.evaluate(snapshot, stallLimit: Self.limit).isHealthy, "within the limit it is only busy")
        let late = PipelineHealth.evaluate(snapshot, stallLimit: Self.limit, now: snapshot.takenAt + Self.pastLimit)
        #expect(late.problems.contains { if case .stalled(hop: "sink out", items: 1, _) = $0 { true } else { false } })
        #expect(late.description.hasPrefix("unhealthy: "))

        sink.release()
        #expect(pipeline.drain(timeout: .now() + 10))
        let after = pipeline.progress.snapshot
        #expect(PipelineHealth.evaluate(after, stallLimit: Self.limit, now: after.takenAt + Self.pastLimit).isHealthy)
    }

    @Test func aWedgedStageIsNamed() {
        let gate = DispatchSemaphore(value: 0)
        let wedged = ClosureStage(name: "enrich") { item in
            gate.wait()
            return [item]
        }
        let pipeline = makePipeline(stages: [wedged], sink: MemorySink(name: "out"))
        let ticket = pipeline.makeTicket(label: "two") { _ in }
        pipeline.submit(TestItems.item("first"), ticket: ticket)
        pipeline.submit(TestItems.item("second"), ticket: ticket)
        ticket.close()
        let snapshot = pipeline.progress.snapshot
        let health = PipelineHealth.evaluate(snapshot, stallLimit: Self.limit, now: snapshot.takenAt + Self.pastLimit)
        #expect(health.problems.map(\.description) == ["stage enrich stalled: 2 item(s) waiting, none through for 61s"])
        gate.signal()
        gate.signal()
        #expect(pipeline.drain(timeout: .now() + 10))
    }

    @Test func anItemThroughRestartsTheStallClock() {
        let sink = MemorySink(name: "out")
        let pipeline = makePipeline(sink: sink)
        let ticket = pipeline.makeTicket(label: "many") { _ in }
        sink.hold()
        for n in 0..<3 { pipeline.submit(TestItems.item("story \(n)"), ticket: ticket) }
        // Each sink has its own lane: all three wait at the held sink's hop, not one at it and two upstream.
        #expect(eventually { pipeline.progress.snapshot.hops["sink out"]?.pending == 3 })
        let stuck = pipeline.progress.snapshot
        sink.release()
        #expect(eventually { pipeline.progress.snapshot.hops["sink out"]?.pending == 0 })
        // An item went through after the first snapshot: the stall clock restarted.
        let moved = pipeline.progress.snapshot
        #expect(moved.hops["sink out"].map { $0.lastProgress > stuck.takenAt } == true)
        ticket.close()
        #expect(pipeline.drain(timeout: .now() + 10))
    }

    @Test func aSinkWhoseLastWriteFailedIsUnhealthyUntilAWriteSucceeds() {
        let sink = MemorySink(name: "out")
        sink.fail(with: "write out.ndjson: No space left on device (errno 28)")
        let pipeline = makePipeline(sink: sink)
        let first = pipeline.makeTicket(label: "full") { _ in }
        pipeline.submit(TestItems.item("story"), ticket: first)
        first.close()
        #expect(pipeline.drain(timeout: .now() + 10))
        let failing = PipelineHealth.evaluate(pipeline.progress.snapshot, stallLimit: Self.limit)
        #expect(failing.problems == [.sinkFailing(sink: "out", reason: "write out.ndjson: No space left on device (errno 28)")])

        sink.fail(with: nil)
        let retry = pipeline.makeTicket(label: "retry") { _ in }
        pipeline.submit(TestItems.item("story"), ticket: retry)
        retry.close()
        #expect(pipeline.drain(timeout: .now() + 10))
        #expect(PipelineHealth.evaluate(pipeline.progress.snapshot, stallLimit: Self.limit).isHealthy)
    }
}
