import Foundation

/// Counters of what the pipeline has done, for the status line, metrics and (later) the watchdog.
public final class PipelineProgress: @unchecked Sendable {
    public struct Snapshot: Sendable, Equatable {
        public var itemsIn = 0
        public var itemsWritten = 0
        public var itemsDropped = 0
        public var deadLettered = 0
        public var sinkFailures = 0
        public var inputsDone = 0
        public var inputsFailed = 0
        public var stageItems: [String: Int] = [:]
        public var stageFailures: [String: Int] = [:]
        /// Items submitted but not yet settled.
        public var inFlight: Int { itemsIn - itemsWritten - itemsDropped - deadLettered - sinkFailures }
    }

    private let lock = NSLock()
    private var state = Snapshot()

    public init() {}

    public var snapshot: Snapshot { lock.withLock { state } }

    func itemIn() { lock.withLock { state.itemsIn += 1 } }
    func stageDone(_ stage: String) { lock.withLock { state.stageItems[stage, default: 0] += 1 } }
    func stageFailed(_ stage: String) { lock.withLock { state.stageFailures[stage, default: 0] += 1 } }
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
}
