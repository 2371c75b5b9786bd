/// `pipeline.json`, decoded and checked. Paths are absolute (resolved against the config file's folder).
///
/// Built by `ConfigLoader`, which reports every error with its JSON path; the shapes below are what the
/// rest of the daemon reads.
public struct PipelineConfig: Sendable, Equatable {
    /// The config file this came from, absolute; nil when built in code (tests, `process` defaults).
    public var path: String?
    /// Folder of the embedded state database; `state_dir`, default `var/state` beside the config.
    public var stateDir: String
    /// This node's name (scale-out); nil means the host name.
    public var node: String?
    public var state: StateConfig
    public var sources: [SourceConfig]
    public var stages: [StageConfig]
    public var sinks: [SinkConfig]
    public var deadLetter: SinkConfig?
    public var http: HTTPConfig?
    /// Shared feed-poller settings (the `poller` key, defaults when absent).
    public var poller: PollerConfig

    public init(
        path: String? = nil, stateDir: String, node: String? = nil, state: StateConfig = .embedded, sources: [SourceConfig] = [],
        stages: [StageConfig] = [], sinks: [SinkConfig] = [], deadLetter: SinkConfig? = nil,
        http: HTTPConfig? = nil, poller: PollerConfig = PollerConfig()
    ) {
        self.path = path
        self.stateDir = stateDir
        self.node = node
        self.state = state
        self.sources = sources
        self.stages = stages
        self.sinks = sinks
        self.deadLetter = deadLetter
        self.http = http
        self.poller = poller
    }
}

public struct HTTPConfig: Sendable, Equatable {
    /// `host:port`; the shipped config binds to loopback.
    public var listen: String
    public init(listen: String) { self.listen = listen }
}
