/// `pipeline.json`, decoded and checked. Paths are absolute (resolved against the config file's folder).
///
/// Built by `ConfigLoader`, which reports every error with its JSON path; the shapes below are what the
/// rest of the daemon reads.
public struct PipelineConfig: Sendable, Equatable {
    /// The config file this came from, absolute; nil when built in code (tests, `process` defaults).
    public var path: String?
    public var stateDir: String
    /// This node's name (scale-out); defaults to the host name.
    public var node: String?
    public var sources: [SourceConfig]
    public var stages: [StageConfig]
    public var sinks: [SinkConfig]
    public var deadLetter: SinkConfig?
    public var http: HTTPConfig?

    public init(
        path: String? = nil, stateDir: String, node: String? = nil, sources: [SourceConfig] = [],
        stages: [StageConfig] = [], sinks: [SinkConfig] = [], deadLetter: SinkConfig? = nil,
        http: HTTPConfig? = nil
    ) {
        self.path = path
        self.stateDir = stateDir
        self.node = node
        self.sources = sources
        self.stages = stages
        self.sinks = sinks
        self.deadLetter = deadLetter
        self.http = http
    }
}

public struct HTTPConfig: Sendable, Equatable {
    /// `host:port`; the shipped config binds to loopback.
    public var listen: String
    public init(listen: String) { self.listen = listen }
}
