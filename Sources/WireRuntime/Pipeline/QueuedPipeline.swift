import Foundation
import Dispatch
import Logging
import WireModel

/// The daemon's pipeline: each stage on its own queue, bounded hand-offs, then delivery to the sinks.
///
/// Sources create a ticket per input, submit its items, close the ticket, and are called back when every
/// item is durable (or dropped, or dead-lettered), which is when a file may leave the inbox.
public final class QueuedPipeline: @unchecked Sendable {
    public let progress: PipelineProgress
    private let delivery: SinkDelivery
    private var entry: (@Sendable (Envelope) -> Void)?
    private let inFlight = DispatchGroup()

    /// - Parameters:
    ///   - sinks: the configured sinks in config order; an item without a route decision goes to all.
    ///   - deadLetter: where failed items and unreadable fragments go.
    ///   - encodeDeadLetter: turns a failure into the dead-letter sink's line.
    ///   - progress: where the counters go; the daemon passes one across reloads so totals carry on.
    ///   - spillFolder: where sinks whose policy is `spill` keep their spool files (`NAME.spool`).
    public init(
        stages: [any Stage], sinks: [any Sink], deadLetter: any Sink,
        encodeDeadLetter: @escaping @Sendable (DeadLetterInput) -> SinkRecord,
        capacity: Int = 1024, policies: [String: SinkQueuePolicy] = [:], spillFolder: String? = nil,
        progress: PipelineProgress = PipelineProgress(), logger: Logger
    ) {
        self.progress = progress
        var spools: [String: SinkSpool] = [:]
        for sink in sinks where policies[sink.name] == .spill {
            guard let spillFolder else { continue }
            do {
                spools[sink.name] = try SinkSpool(path: spillFolder + "/" + Self.fileName(for: sink.name) + ".spool")
            } catch {
                logger.error("cannot open the sink's spool; it blocks when full instead",
                             metadata: ["sink": "\(sink.name)", "error": "\(error)"])
            }
        }
        let delivery = SinkDelivery(
            sinks: sinks, deadLetter: deadLetter, encodeDeadLetter: encodeDeadLetter, capacity: capacity,
            spools: spools, progress: progress, logger: logger)
        self.delivery = delivery
        var next: @Sendable (Envelope) -> Void = { delivery.deliver($0) }
        for stage in stages.reversed() {
            let runner = StageRunner(
                stage: stage, capacity: capacity, progress: progress, next: next,
                deadLetter: { delivery.deadLetter($0, ticket: $1) })
            next = { runner.submit($0) }
        }
        entry = next
    }

    /// A ticket for one input; `onSettled` runs once all its items are settled, on a sink's queue:
    /// keep it short and never block in it.
    public func makeTicket(label: String, onSettled: @escaping @Sendable (InputTicket.Outcome) -> Void) -> InputTicket {
        inFlight.enter()
        progress.inputOpened()
        let group = inFlight
        let progress = self.progress
        return InputTicket(label: label) { outcome in
            progress.inputSettled(success: outcome.succeeded)
            onSettled(outcome)
            group.leave()
        }
    }

    /// Submits one item; blocks while the first stage is full.
    public func submit(_ item: Item, ticket: InputTicket) {
        ticket.add(1)
        progress.itemIn(source: item.source.name)
        entry?(Envelope(item: item, ticket: ticket))
    }

    /// Hands an item that was routed earlier (an embargoed one, now released) straight to its sinks.
    public func deliverRouted(_ item: Item, ticket: InputTicket) {
        ticket.add(1)
        progress.itemIn(source: item.source.name)
        delivery.deliver(Envelope(item: item, ticket: ticket))
    }

    /// Writes a dead-letter line for part of an input that never became an item (a reader's issue).
    public func deadLetter(_ input: DeadLetterInput, ticket: InputTicket) {
        ticket.add(1)
        progress.itemIn(source: input.source.name)
        delivery.deadLetter(input, ticket: ticket)
    }

    /// Waits until every ticket made so far has settled, then makes the sinks durable.
    /// Returns false if `timeout` passed first.
    public func drain(timeout: DispatchTime = .distantFuture) -> Bool {
        let finished = inFlight.wait(timeout: timeout) == .success
        delivery.flushAll()
        return finished
    }

    /// A sink name as a file name: anything but letters, digits, '-' and '_' becomes '_'.
    static func fileName(for sinkName: String) -> String {
        String(sinkName.unicodeScalars.map { scalar in
            scalar.isASCII && (CharacterSet.alphanumerics.contains(scalar) || scalar == "-" || scalar == "_") ? Character(scalar) : "_"
        })
    }

    /// Records queued for each sink and not yet durable, by sink name (the metrics' sink backlog).
    public var sinkBacklogs: [String: Int] { delivery.backlogs }

    public func close() {
        delivery.closeAll()
    }
}
