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

/// `{"type": "feed", "name", "url", "interval", "timeout"?, "headers"?, "time_zone"?, …}`: one polled feed.
/// The schedule keys bound what the server may ask for (cache hints, Retry-After) and the error backoff.
public struct FeedSourceConfig: Sendable, Equatable {
    public var name: String
    public var url: String
    public var interval: Duration
    /// The whole poll: connection, redirects and body.
    public var timeout: Duration
    public var headers: [String: String]
    public var timeZone: String?
    public var minInterval: Duration
    /// The cap of the backoff and of cache hints; a failing feed is still polled this often.
    public var maxInterval: Duration
    /// Random spread of each delay, in percent of it.
    public var jitterPercent: Int
    public var maxBodyBytes: Int
    public var maxRedirects: Int
    /// 0 turns the silence alarm off.
    public var silenceFactor: Int

    public init(
        name: String, url: String, interval: Duration = .seconds(300), timeout: Duration = .seconds(30),
        headers: [String: String] = [:], timeZone: String? = nil, minInterval: Duration = .seconds(60),
        maxInterval: Duration = .seconds(6 * 3600), jitterPercent: Int = 10, maxBodyBytes: Int = 16 << 20,
        maxRedirects: Int = 5, silenceFactor: Int = 4
    ) {
        self.name = name
        self.url = url
        self.interval = interval
        self.timeout = timeout
        self.headers = headers
        self.timeZone = timeZone
        self.minInterval = minInterval
        self.maxInterval = maxInterval
        self.jitterPercent = jitterPercent
        self.maxBodyBytes = maxBodyBytes
        self.maxRedirects = maxRedirects
        self.silenceFactor = silenceFactor
    }
}

/// The top-level `poller` object: what every feed source shares (one HTTP client, host limits).
public struct PollerConfig: Sendable, Equatable {
    public var connectTimeout: Duration
    public var maxPerHost: Int
    public var maxConcurrent: Int
    /// nil means `WireFeedVersion.userAgent`.
    public var userAgent: String?
    public var seenRetention: Duration

    public init(
        connectTimeout: Duration = .seconds(10), maxPerHost: Int = 2, maxConcurrent: Int = 64,
        userAgent: String? = nil, seenRetention: Duration = .seconds(30 * 86_400)
    ) {
        self.connectTimeout = connectTimeout
        self.maxPerHost = maxPerHost
        self.maxConcurrent = maxConcurrent
        self.userAgent = userAgent
        self.seenRetention = seenRetention
    }
}
