import Dispatch
import Foundation
import Testing
import WireModel
@testable import WireRuntime

@Suite struct QueuedPipelineTests {
    final class OutcomeBox: @unchecked Sendable {
        private let lock = NSLock()
        private var value: InputTicket.Outcome?
        func set(_ outcome: InputTicket.Outcome) { lock.withLock { value = outcome } }
        var outcome: InputTicket.Outcome? { lock.withLock { value } }
    }

    @Test func itemsFlowThroughStagesToEverySinkAndTheTicketSettles() throws {
        let all = MemorySink(name: "all"), copy = MemorySink(name: "copy"), dead = MemorySink(name: "dead")
        let upper = ClosureStage(name: "upper") { item in
            var item = item
            item.headline = item.headline?.uppercased()
            return [item]
        }
        let pipeline = QueuedPipeline(
            stages: [upper], sinks: [all, copy], deadLetter: dead, encodeDeadLetter: testDeadLetterEncoder,
            logger: quietLogger)
        let box = OutcomeBox()
        let ticket = pipeline.makeTicket(label: "input") { box.set($0) }
        for n in 0..<50 { pipeline.submit(TestItems.item("story \(n)"), ticket: ticket) }
        #expect(box.outcome == nil, "must not settle before the reader closes the ticket")
        ticket.close()
        #expect(pipeline.drain(timeout: .now() + 10))
        let outcome = try #require(box.outcome)
        #expect(outcome.written == 100)
        #expect(outcome.succeeded)
        #expect(all.ids == (0..<50).map { "story \($0)" }, "one stage queue keeps the input order")
        #expect(copy.ids.count == 50)
        #expect(all.lines.allSatisfy { $0.contains("\"headline\":\"STORY ") && $0.hasSuffix("\n") })
    }

    @Test func dropsFanOutAndFailuresAreAccountedFor() throws {
        let out = MemorySink(name: "out"), dead = MemorySink(name: "dead")
        let stage = ClosureStage(name: "shape") { item in
            switch item.headline {
            case "drop": return []
            case "split": return [TestItems.item("a", id: "a"), TestItems.item("b", id: "b")]
            case "bad": throw StageFailure(stage: "shape", reason: "unusable", detail: "no body")
            default: return [item]
            }
        }
        let pipeline = QueuedPipeline(
            stages: [stage], sinks: [out], deadLetter: dead, encodeDeadLetter: testDeadLetterEncoder,
            logger: quietLogger)
        let box = OutcomeBox()
        let ticket = pipeline.makeTicket(label: "mixed") { box.set($0) }
        for headline in ["keep", "drop", "split", "bad"] { pipeline.submit(TestItems.item(headline), ticket: ticket) }
        ticket.close()
        #expect(pipeline.drain(timeout: .now() + 10))
        let outcome = try #require(box.outcome)
        #expect(outcome.written == 3)
        #expect(outcome.dropped == 1)
        #expect(outcome.deadLettered == 1)
        #expect(out.ids == ["keep", "a", "b"])
        #expect(dead.lines == ["shape\tunusable\tbad\n"])
    }

    @Test func routeDecisionLimitsSinksAndAnEmptyOneDrops() throws {
        let a = MemorySink(name: "a"), b = MemorySink(name: "b"), dead = MemorySink(name: "dead")
        let route = ClosureStage(name: "route") { item in
            var item = item
            item.deliverTo = item.headline == "to-b" ? ["b"] : (item.headline == "nowhere" ? [] : nil)
            return [item]
        }
        let pipeline = QueuedPipeline(
            stages: [route], sinks: [a, b], deadLetter: dead, encodeDeadLetter: testDeadLetterEncoder,
            logger: quietLogger)
        let box = OutcomeBox()
        let ticket = pipeline.makeTicket(label: "routed") { box.set($0) }
        for headline in ["to-b", "nowhere", "everywhere"] { pipeline.submit(TestItems.item(headline), ticket: ticket) }
        ticket.close()
        #expect(pipeline.drain(timeout: .now() + 10))
        #expect(a.ids == ["everywhere"])
        #expect(b.ids == ["to-b", "everywhere"])
        #expect(box.outcome?.dropped == 1)
    }

    @Test func aStalledSinkStopsTheSourceInsteadOfGrowingMemory() throws {
        let slow = MemorySink(name: "slow"), dead = MemorySink(name: "dead")
        let pass = ClosureStage(name: "pass") { [$0] }
        let pipeline = QueuedPipeline(
            stages: [pass], sinks: [slow], deadLetter: dead, encodeDeadLetter: testDeadLetterEncoder, capacity: 4,
            logger: quietLogger)
        slow.hold()
        let submitted = Counter()
        let ticket = pipeline.makeTicket(label: "flood") { _ in }
        DispatchQueue(label: "test.source").async {
            for n in 0..<200 {
                pipeline.submit(TestItems.item("n\(n)"), ticket: ticket)
                submitted.increment()
            }
            ticket.close()
        }
        // The source fills the stage's and the delivery's slots, then blocks.
        #expect(eventually { submitted.value >= 8 })
        usleep(200_000)
        let whileStalled = submitted.value
        #expect(whileStalled <= 12, "accepted \(whileStalled) items with the sink stalled; capacity is 4 per hop")
        slow.release()
        #expect(pipeline.drain(timeout: .now() + 10))
        #expect(slow.ids.count == 200)
    }

    @Test func sinkFailureLeavesTheTicketUnsucceeded() throws {
        let broken = MemorySink(name: "broken"), dead = MemorySink(name: "dead")
        broken.fail(with: "disk full")
        let pipeline = QueuedPipeline(
            stages: [], sinks: [broken], deadLetter: dead, encodeDeadLetter: testDeadLetterEncoder, logger: quietLogger)
        let box = OutcomeBox()
        let ticket = pipeline.makeTicket(label: "x") { box.set($0) }
        pipeline.submit(TestItems.item("a"), ticket: ticket)
        ticket.close()
        #expect(pipeline.drain(timeout: .now() + 10))
        #expect(box.outcome?.succeeded == false)
        #expect(box.outcome?.failures == ["disk full"])
    }

    @Test func emptyInputSettlesAtOnce() {
        let pipeline = QueuedPipeline(
            stages: [], sinks: [MemorySink(name: "a")], deadLetter: MemorySink(name: "d"),
            encodeDeadLetter: testDeadLetterEncoder, logger: quietLogger)
        let box = OutcomeBox()
        pipeline.makeTicket(label: "empty") { box.set($0) }.close()
        #expect(box.outcome == InputTicket.Outcome())
    }
}

final class Counter: @unchecked Sendable {
    private let lock = NSLock()
    private var count = 0
    func increment() { lock.withLock { count += 1 } }
    var value: Int { lock.withLock { count } }
}
