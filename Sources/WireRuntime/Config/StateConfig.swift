/// `{"type": "embedded"|"postgres", "url"?, "lease_ttl"?}`: where the pipeline's state lives. Absent means
/// `.embedded`, the database under `state_dir`; several nodes share one PostgreSQL database instead.
public enum StateConfig: Sendable, Equatable {
    case embedded
    /// `leaseTTL`: how long a node owns a feed without renewing it (renewed at a third of it).
    case postgres(url: String, leaseTTL: Duration = .seconds(30))
}
