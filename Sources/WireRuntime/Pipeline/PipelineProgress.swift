import Foundation

/// Counters of what the pipeline has done, for the status line, metrics and the watchdog's health check.
public final class PipelineProgress: @unchecked Sendable {
    /// Work waiting at one hop (a stage, the delivery queue, a sink) and when it last moved.
    public struct HopActivity: Sendable, Equatable {
        /// Items handed to the hop and not yet through it.
        public var pending = 0
        /// Monotonic nanoseconds of the last item through, or of the moment the hop stopped being idle.
        public var lastProgress: UInt64 = 0
    }

    public struct Snapshot: Sendable, Equatable {
        /// Monotonic nanoseconds when the snapshot was taken.
        public var takenAt: UInt64 = 0
        public var itemsIn = 0
        public var itemsWritten = 0
        public var itemsDropped = 0
        public var deadLettered = 0
        public var sinkFailures = 0
        public var inputsOpened = 0
        public var inputsDone = 0
        public var inputsFailed = 0
        public var stageItems: [String: Int] = [:]
        public var stageFailures: [String: Int] = [:]
        /// Keyed `stage <name>`, `delivery`, `sink <name>`.
        public var hops: [String: HopActivity] = [:]
        /// Each sink's reason for its last failed write or fsync, absent once a write succeeds again.
        public var failingSinks: [String: String] = [:]
        /// Items submitted per source name.
        public var sourceItems: [String: Int] = [:]
        /// Wall-clock seconds since 1970 of each source's last item.
        public var sourceLastItem: [String: Double] = [:]
        /// Records acknowledged per sink (the dead-letter sink included, by its name).
        public var sinkWritten: [String: Int] = [:]
        /// Records a sink failed to write, per sink.
        public var sinkFailed: [String: Int] = [:]
        /// Dedupe decisions per `dedupe.status` (unique, duplicate, near_duplicate, update).
        public var dedupeDecisions: [String: Int] = [:]
        /// Items submitted but not yet settled.
        public var inFlight: Int { itemsIn - itemsWritten - itemsDropped - deadLettered - sinkFailures }
        /// Inputs (files) read whose items are not all settled yet.
        public var inputsInFlight: Int { inputsOpened - inputsDone - inputsFailed }
    }

    private let lock = NSLock()
    private var state = Snapshot()

    public init() {}

    public var snapshot: Snapshot {
        let now = MonotonicClock.nanoseconds()
        return lock.withLock {
            var copy = state
            copy.takenAt = now
            return copy
        }
    }

    func itemIn(source: String) {
        let now = Date().timeIntervalSince1970
        lock.withLock {
            state.itemsIn += 1
            state.sourceItems[source, default: 0] += 1
            state.sourceLastItem[source] = now
        }
    }

    /// The dedupe stage decided `status` for one item.
    func dedupeDecided(_ status: String) { lock.withLock { state.dedupeDecisions[status, default: 0] += 1 } }
    func inputOpened() { lock.withLock { state.inputsOpened += 1 } }
    func inputSettled(success: Bool) {
        lock.withLock { if success { state.inputsDone += 1 } else { state.inputsFailed += 1 } }
    }

    func itemSettled(written: Bool = false, dropped: Bool = false, deadLettered: Bool = false, failed: Bool = false) {
        lock.withLock {
            if written { state.itemsWritten += 1 }
            if dropped { state.itemsDropped += 1 }
            if deadLettered { state.deadLettered += 1 }
            if failed { state.sinkFailures += 1 }
        }
    }

    /// An item is handed to `hop`; an idle hop's stall clock starts now.
    func hopEntered(_ hop: String) {
        let now = MonotonicClock.nanoseconds()
        lock.withLock {
            var activity = state.hops[hop, default: HopActivity()]
            if activity.pending == 0 { activity.lastProgress = now }
            activity.pending += 1
            state.hops[hop] = activity
        }
    }

    /// An item is through `hop`.
    func hopLeft(_ hop: String) {
        let now = MonotonicClock.nanoseconds()
        lock.withLock { Self.leave(hop, at: now, in: &state) }
    }

    /// An item is through stage `stage` (hop `hop`); one lock for both counters.
    func stageDone(_ stage: String, hop: String) {
        let now = MonotonicClock.nanoseconds()
        lock.withLock {
            state.stageItems[stage, default: 0] += 1
            Self.leave(hop, at: now, in: &state)
        }
    }

    /// An item failed in stage `stage` (hop `hop`) and goes to the dead-letter sink.
    func stageFailed(_ stage: String, hop: String) {
        let now = MonotonicClock.nanoseconds()
        lock.withLock {
            state.stageFailures[stage, default: 0] += 1
            Self.leave(hop, at: now, in: &state)
        }
    }

    /// A sink answered for one record (hop `hop`): remembers whether it can write.
    func sinkAnswered(_ sink: String, hop: String, outcome: SinkOutcome, deadLetter: Bool = false) {
        let now = MonotonicClock.nanoseconds()
        lock.withLock {
            Self.leave(hop, at: now, in: &state)
            if case .failed(let reason) = outcome {
                state.failingSinks[sink] = reason
                state.sinkFailed[sink, default: 0] += 1
            } else {
                state.failingSinks[sink] = nil
                state.sinkWritten[sink, default: 0] += 1
            }
            if deadLetter {
                state.deadLettered += 1
            } else if case .failed = outcome {
                state.sinkFailures += 1
            } else {
                state.itemsWritten += 1
            }
        }
    }

    private static func leave(_ hop: String, at now: UInt64, in state: inout Snapshot) {
        var activity = state.hops[hop, default: HopActivity()]
        activity.pending = max(0, activity.pending - 1)
        activity.lastProgress = now
        state.hops[hop] = activity
    }
}
