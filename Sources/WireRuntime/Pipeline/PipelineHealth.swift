/// Whether the pipeline is doing its job, judged from a progress snapshot: the watchdog pings systemd
/// only while this holds, so a wedged daemon is restarted instead of sitting there looking alive.
///
/// Healthy means every hop (stage, delivery queue, sink) is idle or has moved an item within
/// `stallLimit`, and no sink's last write or fsync failed. An idle pipeline is healthy: a quiet wire
/// is not a fault.
public struct PipelineHealth: Sendable, Equatable, CustomStringConvertible {
    public enum Problem: Sendable, Equatable, CustomStringConvertible {
        /// `items` wait at `hop`, and nothing has gone through it for `seconds`.
        case stalled(hop: String, items: Int, seconds: Int)
        /// The sink's last write or fsync failed.
        case sinkFailing(sink: String, reason: String)

        public var description: String {
            switch self {
            case .stalled(let hop, let items, let seconds):
                return "\(hop) stalled: \(items) item(s) waiting, none through for \(seconds)s"
            case .sinkFailing(let sink, let reason):
                return "sink \(sink) cannot write: \(reason)"
            }
        }
    }

    public var problems: [Problem]

    public var isHealthy: Bool { problems.isEmpty }

    public var description: String {
        isHealthy ? "healthy" : "unhealthy: " + problems.map(\.description).joined(separator: "; ")
    }

    public init(problems: [Problem]) {
        self.problems = problems
    }

    /// Judges `snapshot` as of `now` (monotonic nanoseconds; defaults to when it was taken).
    public static func evaluate(
        _ snapshot: PipelineProgress.Snapshot, stallLimit: Duration, now: UInt64? = nil
    ) -> PipelineHealth {
        let now = now ?? snapshot.takenAt
        let limit = UInt64(max(0, stallLimit.components.seconds)) * 1_000_000_000
            + UInt64(max(0, stallLimit.components.attoseconds) / 1_000_000_000)
        var problems: [Problem] = []
        for (hop, activity) in snapshot.hops.sorted(by: { $0.key < $1.key }) where activity.pending > 0 {
            let quiet = now > activity.lastProgress ? now - activity.lastProgress : 0
            if quiet > limit {
                problems.append(.stalled(hop: hop, items: activity.pending, seconds: Int(quiet / 1_000_000_000)))
            }
        }
        for (sink, reason) in snapshot.failingSinks.sorted(by: { $0.key < $1.key }) {
            problems.append(.sinkFailing(sink: sink, reason: reason))
        }
        return PipelineHealth(problems: problems)
    }
}
