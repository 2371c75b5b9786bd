/// One line handed to a sink: its item id (for reconciling after a crash) and its bytes, `\n` included.
public struct SinkRecord: Sendable {
    public var id: String
    public var line: [UInt8]

    public init(id: String, line: [UInt8]) {
        self.id = id
        self.line = line
    }
}

/// What became of a record: durable (written and, for files, fsync'd), already there from an earlier
/// run (so not written again), or failed.
public enum SinkOutcome: Sendable, Equatable {
    case durable
    case alreadyPresent
    case failed(String)
}

/// Somewhere lines go: a file, stdout, the dead-letter file.
///
/// `write` may return before the line is durable; `onDurable` is called exactly once per record, from
/// the sink's own queue, when it is (or when it failed). A sink applies backpressure by blocking
/// `write` while too many records wait for durability, so callers must be on a Dispatch queue,
/// never on a Swift-concurrency thread.
public protocol Sink: AnyObject, Sendable {
    /// The sink's name in `pipeline.json`.
    var name: String { get }

    func write(_ record: SinkRecord, onDurable: @escaping @Sendable (SinkOutcome) -> Void)

    /// Makes everything written so far durable and calls its callbacks before returning.
    func flush()

    /// Flushes and releases the sink; later writes fail.
    func close()
}
