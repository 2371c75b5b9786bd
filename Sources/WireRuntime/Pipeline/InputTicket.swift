import WireModel

import Foundation

/// Tracks one input (a file, a feed response) through the pipeline until every item it produced is
/// durable in its sinks, dropped, or dead-lettered; then calls `onSettled` once.
///
/// The count is in units of outstanding work: each item in flight is one unit, an item fanned out to K
/// sinks becomes K units. The reader's own unit (`open`) keeps the ticket from settling while items are
/// still being submitted.
public final class InputTicket: @unchecked Sendable {
    public struct Outcome: Sendable, Equatable {
        public var written = 0
        public var alreadyPresent = 0
        public var dropped = 0
        public var deadLettered = 0
        /// Sink failures: the input is not finished and must be tried again.
        public var failures: [String] = []
        public var succeeded: Bool { failures.isEmpty }
    }

    public let label: String
    private let lock = NSLock()
    private var pending = 1
    private var outcome = Outcome()
    private var settled = false
    private let onSettled: @Sendable (Outcome) -> Void

    public init(label: String, onSettled: @escaping @Sendable (Outcome) -> Void) {
        self.label = label
        self.onSettled = onSettled
    }

    /// `n` more units are in flight (items submitted, fan-out to several sinks or outputs).
    public func add(_ n: Int) { update { $0.pending += n } }

    /// The reader has submitted everything; the ticket may now settle.
    public func close() { update { $0.pending -= 1 } }

    public func written(_ sinkOutcome: SinkOutcome) {
        update {
            switch sinkOutcome {
            case .durable: $0.outcome.written += 1
            case .alreadyPresent: $0.outcome.alreadyPresent += 1
            case .failed(let reason): $0.outcome.failures.append(reason)
            }
            $0.pending -= 1
        }
    }

    public func dropped() { update { $0.outcome.dropped += 1; $0.pending -= 1 } }

    public func deadLettered(_ sinkOutcome: SinkOutcome) {
        update {
            if case .failed(let reason) = sinkOutcome { $0.outcome.failures.append("dead-letter: \(reason)") }
            $0.outcome.deadLettered += 1
            $0.pending -= 1
        }
    }

    private struct State {
        var pending: Int
        var outcome: Outcome
    }

    private func update(_ change: (inout State) -> Void) {
        lock.lock()
        var state = State(pending: pending, outcome: outcome)
        change(&state)
        pending = state.pending
        outcome = state.outcome
        let fire = pending == 0 && !settled
        if fire { settled = true }
        let result = outcome
        lock.unlock()
        if fire { onSettled(result) }
    }
}

/// An item in flight with the ticket of the input it came from.
public struct Envelope: Sendable {
    public var item: Item
    public let ticket: InputTicket

    public init(item: Item, ticket: InputTicket) {
        self.item = item
        self.ticket = ticket
    }
}
