import Dispatch
import Foundation

/// One sink's own bounded queue, so that a slow or failing sink does not stall the others.
///
/// Policy: **block**. Up to `capacity` records may wait for one sink (queued or not yet durable); a
/// record beyond that makes `enqueue` wait until one settles. So a sink that is merely slow for a while
/// is absorbed by its lane while the others go on at their own pace; a sink that stays slow longer than
/// its lane holds slows the sources (backpressure), never grows memory, and never loses an item. Its
/// backlog is `backlog`, shown in the metrics.
final class SinkLane: @unchecked Sendable {
    let sink: any Sink
    private let queue: DispatchQueue
    private let slots: DispatchSemaphore
    private let lock = NSLock()
    private var waiting = 0

    init(sink: any Sink, capacity: Int) {
        self.sink = sink
        self.queue = DispatchQueue(label: "wirefeed.sink.\(sink.name)")
        self.slots = DispatchSemaphore(value: max(1, capacity))
    }

    /// Records handed to this lane and not yet durable or failed.
    var backlog: Int { lock.withLock { waiting } }

    /// Queues the record for this sink; blocks only while this sink's lane is full.
    func enqueue(_ record: SinkRecord, onDurable: @escaping @Sendable (SinkOutcome) -> Void) {
        slots.wait()
        lock.withLock { waiting += 1 }
        queue.async { [self] in
            sink.write(record) { [self] outcome in
                lock.withLock { waiting -= 1 }
                slots.signal()
                onDurable(outcome)
            }
        }
    }

    /// Waits for what was queued to reach the sink, then makes it durable.
    func flush() {
        queue.sync {}
        sink.flush()
    }

    func close() {
        queue.sync {}
        sink.close()
    }
}
