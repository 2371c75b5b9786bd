import Dispatch
import Foundation

/// `(0..<count).map(work)` on up to `threads` threads, results in index order.
///
/// Workers take the next index from a shared counter, so a slow element (a large feed) never holds up
/// the others. `work` must be safe to call concurrently; each index is run exactly once.
enum ParallelMap {
    static func map<Value: Sendable>(_ count: Int, threads: Int, _ work: @Sendable (Int) -> Value) -> [Value] {
        guard threads > 1, count > 1 else { return (0..<count).map(work) }
        let slots = Slots<Value>(count: count)
        DispatchQueue.concurrentPerform(iterations: min(threads, count)) { _ in
            while let index = slots.claim() {
                slots.store(work(index), at: index)
            }
        }
        return slots.values()
    }

    /// The results being filled in and the next index to hand out, behind one lock (held only to claim
    /// or store, never while working).
    private final class Slots<Value: Sendable>: @unchecked Sendable {
        private let lock = NSLock()
        private var results: [Value?]
        private var next = 0

        init(count: Int) {
            results = Array(repeating: nil, count: count)
        }

        func claim() -> Int? {
            lock.withLock {
                guard next < results.count else { return nil }
                defer { next += 1 }
                return next
            }
        }

        func store(_ value: Value, at index: Int) {
            lock.withLock { results[index] = value }
        }

        /// Every slot, once every worker has returned (each index was claimed and stored exactly once).
        func values() -> [Value] {
            lock.withLock { results.compactMap { $0 } }
        }
    }
}
