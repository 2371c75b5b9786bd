import Dispatch
import Metrics
import WireModel

/// One stage on its own serial queue behind a bounded hand-off.
///
/// `submit` blocks while `capacity` items wait for this stage, so a slow stage or sink slows the one
/// before it, and in the end the source, instead of growing memory. Callers are Dispatch queues
/// (sources, the previous stage), never Swift-concurrency threads.
final class StageRunner: @unchecked Sendable {
    private let stage: any Stage
    private let queue: DispatchQueue
    private let slots: DispatchSemaphore
    private let next: @Sendable (Envelope) -> Void
    private let deadLetter: @Sendable (DeadLetterInput, InputTicket) -> Void
    private let progress: PipelineProgress
    /// This stage's key in the progress hops, for the watchdog's stall check.
    private let hop: String
    /// Time per item in this stage (a Prometheus histogram once metrics are bootstrapped).
    private let latency: Metrics.Timer
    /// Only the dedupe stage decides `dedupe.status`; its outputs are counted per status.
    private let countsDedupe: Bool

    init(
        stage: any Stage, capacity: Int, progress: PipelineProgress,
        next: @escaping @Sendable (Envelope) -> Void,
        deadLetter: @escaping @Sendable (DeadLetterInput, InputTicket) -> Void
    ) {
        self.stage = stage
        self.queue = DispatchQueue(label: "wirefeed.stage.\(stage.name)")
        self.slots = DispatchSemaphore(value: capacity)
        self.next = next
        self.deadLetter = deadLetter
        self.progress = progress
        self.hop = "stage \(stage.name)"
        self.latency = Metrics.Timer(label: MetricNames.stageDuration, dimensions: [("stage", stage.name)])
        self.countsDedupe = stage is DedupeStage
    }

    func submit(_ envelope: Envelope) {
        // Counted before the wait: an item blocked behind a wedged stage is stuck there too.
        progress.hopEntered(hop)
        slots.wait()
        queue.async { [self] in
            defer { slots.signal() }
            run(envelope)
        }
    }

    private func run(_ envelope: Envelope) {
        let started = MonotonicClock.nanoseconds()
        let result = StageStep.apply(stage, to: envelope.item)
        latency.recordNanoseconds(Int64(clamping: MonotonicClock.nanoseconds() &- started))
        switch result {
        case .success(let outputs):
            progress.stageDone(stage.name, hop: hop)
            if countsDedupe {
                for output in outputs { progress.dedupeDecided(output.dedupe?.status ?? "none") }
            }
            if outputs.isEmpty {
                envelope.ticket.dropped()
                return
            }
            envelope.ticket.add(outputs.count - 1)
            for output in outputs { next(Envelope(item: output, ticket: envelope.ticket)) }
        case .failure(let failure):
            progress.stageFailed(stage.name, hop: hop)
            let input = DeadLetterInput(failure: failure, source: envelope.item.source, item: envelope.item)
            deadLetter(input, envelope.ticket)
        }
    }
}
