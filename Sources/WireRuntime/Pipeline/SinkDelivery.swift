import Dispatch
import Logging
import WireModel

/// The last hop: encodes each item once and hands it to the lane of every sink the route chose; each
/// sink drains its own bounded lane (`SinkLane`), so one slow sink does not hold up the others.
final class SinkDelivery: @unchecked Sendable {
    private let lanesByName: [String: SinkLane]
    private let allSinkNames: [String]
    private let deadLetterSink: any Sink
    private let encodeDeadLetter: @Sendable (DeadLetterInput) -> SinkRecord
    private let queue = DispatchQueue(label: "wirefeed.delivery")
    private let slots: DispatchSemaphore
    private let progress: PipelineProgress
    private let logger: Logger

    init(
        sinks: [any Sink], deadLetter: any Sink, encodeDeadLetter: @escaping @Sendable (DeadLetterInput) -> SinkRecord,
        capacity: Int, spools: [String: SinkSpool] = [:], progress: PipelineProgress, logger: Logger
    ) {
        var byName: [String: SinkLane] = [:]
        for sink in sinks { byName[sink.name] = SinkLane(sink: sink, capacity: capacity, spool: spools[sink.name]) }
        self.lanesByName = byName
        self.allSinkNames = sinks.map(\.name)
        self.deadLetterSink = deadLetter
        self.encodeDeadLetter = encodeDeadLetter
        self.slots = DispatchSemaphore(value: capacity)
        self.progress = progress
        self.logger = logger
    }

    func deliver(_ envelope: Envelope) {
        progress.hopEntered(Self.deliveryHop)
        slots.wait()
        queue.async { [self] in
            defer {
                progress.hopLeft(Self.deliveryHop)
                slots.signal()
            }
            write(envelope)
        }
    }

    static let deliveryHop = "delivery"

    /// The progress hop of one sink: records handed to it and not yet answered (written and fsync'd).
    static func sinkHop(_ name: String) -> String { "sink \(name)" }

    private func write(_ envelope: Envelope) {
        let ticket = envelope.ticket
        let targets = envelope.item.deliverTo ?? allSinkNames
        guard !targets.isEmpty else {
            progress.itemSettled(dropped: true)
            ticket.dropped()
            return
        }
        let record = SinkRecord(id: envelope.item.id, line: envelope.item.ndjsonLine())
        ticket.add(targets.count - 1)
        let progress = self.progress
        for name in targets {
            guard let lane = lanesByName[name] else {
                logger.error("item routed to a sink that does not exist", metadata: ["sink": "\(name)"])
                ticket.written(.failed("no sink named \(name)"))
                continue
            }
            let hop = Self.sinkHop(name)
            progress.hopEntered(hop)
            lane.enqueue(record) { outcome in
                progress.sinkAnswered(name, hop: hop, outcome: outcome)
                ticket.written(outcome)
            }
        }
    }

    func deadLetter(_ input: DeadLetterInput, ticket: InputTicket) {
        logger.warning(
            "dead-lettered",
            metadata: ["stage": "\(input.failure.stage)", "reason": "\(input.failure.reason)",
                       "detail": "\(input.failure.detail)", "source": "\(input.source.name)",
                       "item": "\(input.item?.id ?? "none")"])
        let record = encodeDeadLetter(input)
        let progress = self.progress
        let name = deadLetterSink.name
        let hop = Self.sinkHop(name)
        progress.hopEntered(hop)
        deadLetterSink.write(record) { outcome in
            progress.sinkAnswered(name, hop: hop, outcome: outcome, deadLetter: true)
            ticket.deadLettered(outcome)
        }
    }

    /// Records waiting for each sink, by sink name.
    var backlogs: [String: Int] {
        lanesByName.mapValues(\.backlog)
    }

    func flushAll() {
        queue.sync {}
        for name in allSinkNames { lanesByName[name]?.flush() }
        deadLetterSink.flush()
    }

    func closeAll() {
        queue.sync {}
        for name in allSinkNames { lanesByName[name]?.close() }
        deadLetterSink.close()
    }
}
