/// What a sink's own bounded queue does when it is full (`when_full` in `pipeline.json`).
public enum SinkQueuePolicy: String, Sendable, Equatable, CaseIterable {
    /// Wait for room: a sink slower than its queue slows the sources (backpressure), never memory.
    case block
    /// Append further records to a spool file under `state_dir/spool/` and feed them to the sink, in
    /// order, as it catches up: a slow sink costs disk instead of the other sinks' pace. The spool is a
    /// buffer, not a promise: inputs still leave the inbox only once the sink has their items, so a
    /// restart simply discards it.
    case spill
}
