public enum SourceConfig: Sendable, Equatable {
    case inbox(InboxSourceConfig)
    case feed(FeedSourceConfig)

    public var name: String {
        switch self {
        case .inbox(let c): c.name
        case .feed(let c): c.name
        }
    }
}

/// `{"type": "inbox", "name", "path", "done", "failed", "time_zone"?, "max_file_size"?}`.
public struct InboxSourceConfig: Sendable, Equatable {
    public var name: String
    public var path: String
    public var done: String
    public var failed: String
    public var timeZone: String?
    /// Files larger than this go to `failed/` unread (default 64 MiB).
    public var maxFileBytes: Int

    public init(
        name: String, path: String, done: String, failed: String, timeZone: String? = nil,
        maxFileBytes: Int = 64 << 20
    ) {
        self.name = name
        self.path = path
        self.done = done
        self.failed = failed
        self.timeZone = timeZone
        self.maxFileBytes = maxFileBytes
    }
}

/// `{"type": "feed", "name", "url", "interval", "timeout"?, "headers"?, "time_zone"?}`.
public struct FeedSourceConfig: Sendable, Equatable {
    public var name: String
    public var url: String
    public var interval: Duration
    public var timeout: Duration
    public var headers: [String: String]
    public var timeZone: String?

    public init(
        name: String, url: String, interval: Duration = .seconds(300), timeout: Duration = .seconds(30),
        headers: [String: String] = [:], timeZone: String? = nil
    ) {
        self.name = name
        self.url = url
        self.interval = interval
        self.timeout = timeout
        self.headers = headers
        self.timeZone = timeZone
    }
}
