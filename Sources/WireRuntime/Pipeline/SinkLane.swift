import Dispatch
import Foundation

/// One sink's own bounded queue, so that a slow or failing sink does not stall the others.
///
/// Up to `capacity` records may wait for one sink in memory (queued or not yet durable). What happens
/// to the next one is the sink's `when_full` policy (`SinkQueuePolicy`):
/// - **block**: `enqueue` waits until a record settles. A sink that is slow for a while is absorbed by its
///   lane while the others go on; one that stays slow slows the sources, never grows memory.
/// - **spill**: the record goes to the sink's spool file and reaches the sink, in order, as it catches up.
/// Either way a record is settled (and its input may leave the inbox) only once the sink has it durably.
/// `backlog` counts every record waiting for the sink, spooled ones included, for the metrics.
final class SinkLane: @unchecked Sendable {
    let sink: any Sink
    private let queue: DispatchQueue
    private let slots: DispatchSemaphore
    private let lock = NSLock()
    private var waiting = 0
    /// Present for a `spill` lane; touched only under `lock`.
    private let spool: SinkSpool?

    init(sink: any Sink, capacity: Int, spool: SinkSpool? = nil) {
        self.sink = sink
        self.queue = DispatchQueue(label: "wirefeed.sink.\(sink.name)")
        self.slots = DispatchSemaphore(value: max(1, capacity))
        self.spool = spool
    }

    /// Records handed to this lane and not yet durable or failed.
    var backlog: Int { lock.withLock { waiting } }

    /// Records waiting in the spool file (0 for a `block` lane).
    var spooled: Int { lock.withLock { spool?.count ?? 0 } }

    /// Queues the record for this sink; a `block` lane waits while it is full, a `spill` lane never does.
    func enqueue(_ record: SinkRecord, onDurable: @escaping @Sendable (SinkOutcome) -> Void) {
        if let spool {
            // Once anything is spooled, later records queue behind it so the sink sees them in order.
            let spilled: Bool? = lock.withLock {
                waiting += 1
                if spool.isEmpty, slots.wait(timeout: .now()) == .success { return false }
                do {
                    try spool.append(record, onDurable: onDurable)
                    return true
                } catch {
                    return nil
                }
            }
            switch spilled {
            case false?: submit(record, onDurable: onDurable)
            case true?: return
            case nil:
                // The spool cannot be written (disk full): fall back to waiting for room.
                slots.wait()
                submit(record, onDurable: onDurable)
            }
            return
        }
        slots.wait()
        lock.withLock { waiting += 1 }
        submit(record, onDurable: onDurable)
    }

    /// Hands a record that holds a slot to the sink.
    private func submit(_ record: SinkRecord, onDurable: @escaping @Sendable (SinkOutcome) -> Void) {
        queue.async { [self] in
            sink.write(record) { [self] outcome in
                settled()
                onDurable(outcome)
            }
        }
    }

    /// A record left the lane: its slot goes to the oldest spooled record, else back to the pool.
    private func settled() {
        lock.withLock { waiting -= 1 }
        while let next = lock.withLock({ spool?.popFirst() }) {
            switch next.record {
            case .success(let record):
                submit(record, onDurable: next.onDurable)
                return
            case .failure(let error):
                lock.withLock { waiting -= 1 }
                next.onDurable(.failed("the spooled line could not be read back: \(error)"))
            }
        }
        slots.signal()
    }

    /// Waits for what was queued, spooled records included, to reach the sink, then makes it durable.
    func flush() {
        repeat {
            queue.sync {}
            sink.flush()
        } while !lock.withLock({ spool?.isEmpty ?? true })
        queue.sync {}
        sink.flush()
    }

    func close() {
        flush()
        sink.close()
    }
}
