/// Running totals of one sink since it was made, for `/metrics` and logs.
public struct SinkStatistics: Sendable, Equatable {
    /// Lines appended (and, for a file, covered by a successful fsync or awaiting one).
    public var linesWritten = 0
    public var bytesWritten = 0
    /// Records acknowledged `.alreadyPresent` instead of being written.
    public var recordsSkipped = 0
    /// Records that got `.failed`.
    public var recordsFailed = 0
    public var fsyncs = 0
    public var rotations = 0

    public init() {}
}
