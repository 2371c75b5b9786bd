import Dispatch
import Logging

/// Writes lines to standard output (or another descriptor it does not own), whole lines only, the
/// records that arrive together in one `write(2)`. A line counts as durable once written: a pipe or
/// terminal has nothing to fsync and nothing to read back, so there is no skipping of ids here.
///
/// Same threading contract as `NDJSONFileSink`: state on its own serial queue, `write` blocks while
/// `capacity` records wait for their callbacks, callbacks run in order on the sink's queue and must
/// not call back into the same sink.
///
/// Several `StdoutSink`s on one descriptor keep their own lines whole only while each batch fits in
/// one atomic pipe write (PIPE_BUF, 4 KiB); configure one stdout sink per process.
public final class StdoutSink: Sink, @unchecked Sendable {
    public let name: String
    public let fileDescriptor: Int32
    public let capacity: Int

    private let logger: Logger
    private let queue: DispatchQueue
    /// One slot per record handed over and not yet called back.
    private let slots: DispatchSemaphore

    // Everything below is touched only on `queue`.
    private var pending: [PendingRecord] = []
    private var isBatchScheduled = false
    private var isClosed = false
    /// A failed write left part of a line out there; the next batch starts with `\n` so that its
    /// first line is not glued to that fragment.
    private var endsInTornLine = false
    private var lastLoggedFailure: String?
    private var totals = SinkStatistics()

    private struct PendingRecord {
        var record: SinkRecord
        var onDurable: @Sendable (SinkOutcome) -> Void
    }

    /// - Parameter fileDescriptor: 1 for standard output; tests pass a pipe. The sink never closes it.
    public init(name: String = "stdout", fileDescriptor: Int32 = 1, capacity: Int = 4096, logger: Logger) {
        self.name = name
        self.fileDescriptor = fileDescriptor
        self.capacity = max(1, capacity)
        var logger = logger
        logger[metadataKey: "sink"] = "\(name)"
        self.logger = logger
        queue = DispatchQueue(label: "wirefeed.sink.\(name)")
        slots = DispatchSemaphore(value: self.capacity)
    }

    public func write(_ record: SinkRecord, onDurable: @escaping @Sendable (SinkOutcome) -> Void) {
        slots.wait()
        queue.async { self.accept(PendingRecord(record: record, onDurable: onDurable)) }
    }

    /// Writes everything handed over so far and runs its callbacks before returning.
    /// Must not be called from the sink's own queue (from one of its callbacks).
    public func flush() {
        dispatchPrecondition(condition: .notOnQueue(queue))
        queue.sync { writePending() }
    }

    /// Flushes; records written afterwards fail. The descriptor stays open (it is not the sink's).
    public func close() {
        dispatchPrecondition(condition: .notOnQueue(queue))
        queue.sync {
            writePending()
            isClosed = true
        }
    }

    /// Totals since the sink was made. Not from the sink's own queue.
    public var statistics: SinkStatistics {
        queue.sync { totals }
    }

    // MARK: On the queue

    private func accept(_ pendingRecord: PendingRecord) {
        guard !isClosed else {
            call(pendingRecord.onDurable, .failed("sink \(name) is closed"))
            return
        }
        pending.append(pendingRecord)
        guard !isBatchScheduled else { return }
        isBatchScheduled = true
        queue.async {
            self.isBatchScheduled = false
            self.writePending()
        }
    }

    private func call(_ onDurable: @Sendable (SinkOutcome) -> Void, _ outcome: SinkOutcome) {
        if case .failed = outcome { totals.recordsFailed += 1 }
        onDurable(outcome)
        slots.signal()
    }

    private func writePending() {
        guard !pending.isEmpty else { return }
        let batch = pending
        pending.removeAll(keepingCapacity: true)
        var bytes: [UInt8] = endsInTornLine ? [UInt8(ascii: "\n")] : []
        var outcomes: [SinkOutcome] = []
        outcomes.reserveCapacity(batch.count)
        for item in batch {
            let line = item.record.line
            if line.last != UInt8(ascii: "\n") {
                outcomes.append(.failed("line does not end with \\n"))
            } else if line.dropLast().contains(UInt8(ascii: "\n")) {
                outcomes.append(.failed("line contains a raw \\n"))
            } else {
                bytes.append(contentsOf: line)
                outcomes.append(.durable)
            }
        }
        if !bytes.isEmpty {
            let (written, error) = POSIXIO.writeFully(fileDescriptor, bytes)
            if let error {
                let failure = POSIXIO.Failure(operation: "write", path: "fd \(fileDescriptor)", code: error)
                endsInTornLine = written > 0 && bytes[written - 1] != UInt8(ascii: "\n")
                report(failure)
                // Which lines got out before the error is known, but a reader cannot be sure of
                // the last one; failing the whole batch lets the caller retry all of it.
                outcomes = outcomes.map { outcome in
                    if case .failed = outcome { return outcome }
                    return .failed(failure.description)
                }
            } else {
                endsInTornLine = false
                lastLoggedFailure = nil
                totals.bytesWritten += bytes.count
                totals.linesWritten += outcomes.count { $0 == .durable }
            }
        }
        for (item, outcome) in zip(batch, outcomes) { call(item.onDurable, outcome) }
    }

    private func report(_ failure: POSIXIO.Failure) {
        let reason = failure.description
        if reason != lastLoggedFailure {
            logger.error("stdout sink failed", metadata: ["reason": "\(reason)"])
            lastLoggedFailure = reason
        } else {
            logger.debug("stdout sink failed again", metadata: ["reason": "\(reason)"])
        }
    }
}
