/// `{"type": "embedded"|"postgres", "url"?}`: where the pipeline's state lives. Absent means
/// `.embedded`, the database under `state_dir`; several nodes share one PostgreSQL database instead.
public enum StateConfig: Sendable, Equatable {
    case embedded
    case postgres(url: String)
}
