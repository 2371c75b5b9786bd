/// What the daemon remembers about each feed, so that a re-poll and a restart re-emit nothing.
///
/// Written only once a response's items are durable (`commitPoll`): a crash before that polls the
/// same response again, and the sinks skip the lines they already hold.
public protocol FeedLedger: Sendable {
    func feedMemory(source: String) throws -> FeedMemory?
    /// The content hash last emitted for each of `keys` that the feed has emitted before.
    func seenVersions(source: String, keys: [String]) throws -> [String: String]
    /// Records a durable response in one transaction: the feed's memory, every item it held (seen now),
    /// and forgets items not seen since `forgetBefore` (seconds since 1970).
    func commitPoll(source: String, memory: FeedMemory, items: [SeenFeedItem], at time: Double, forgetBefore: Double) throws
    func seenCount(source: String) throws -> Int
}

/// The validators and learnt habits of one feed.
public struct FeedMemory: Sendable, Equatable {
    /// The URL the validators belong to: a feed whose URL changed in the config starts afresh.
    public var url: String
    public var etag: String?
    public var lastModified: String?
    /// Hash of the last body read, so a server that ignores validators still costs no re-read.
    public var bodyHash: String?
    public var lastNewItemAt: Double?
    public var usualGap: Double?
    public var gapCount: Int

    public init(
        url: String, etag: String? = nil, lastModified: String? = nil, bodyHash: String? = nil,
        lastNewItemAt: Double? = nil, usualGap: Double? = nil, gapCount: Int = 0
    ) {
        self.url = url
        self.etag = etag
        self.lastModified = lastModified
        self.bodyHash = bodyHash
        self.lastNewItemAt = lastNewItemAt
        self.usualGap = usualGap
        self.gapCount = gapCount
    }
}

public struct SeenFeedItem: Sendable, Equatable {
    public var key: String
    public var contentHash: String

    public init(key: String, contentHash: String) {
        self.key = key
        self.contentHash = contentHash
    }
}
