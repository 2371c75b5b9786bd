import Foundation

/// How one feed is doing, for logs, `wirefeed status` and (later) the metrics endpoint.
public struct FeedHealth: Sendable, Equatable {
    public var name: String
    public var url: String
    public var lastPollAt: String?
    /// The last poll that reached the server and was handled (200 or 304).
    public var lastSuccessAt: String?
    /// `200`, `304`, `503`, or the error (`timed out: …`).
    public var lastStatus: String?
    /// Errors in a row; reset by a success, not raised while the network is down.
    public var consecutiveErrors = 0
    /// Items this feed has sent into the pipeline since the daemon started (new or updated).
    public var itemsEmitted = 0
    /// Items remembered as seen for this feed.
    public var itemsSeen = 0
    public var nextPollAt: String?
    /// When a poll last brought a new or updated item.
    public var lastNewItemAt: String?
    /// The feed's usual time between new items, in seconds, once known.
    public var usualGapSeconds: Double?
    /// Quiet for longer than `silence_factor` times its usual gap.
    public var silent = false
    /// The last failure was blamed on the network rather than the feed.
    public var networkDown = false

    public init(name: String, url: String) {
        self.name = name
        self.url = url
    }
}

/// Every feed's health, readable from any thread.
public final class FeedHealthBoard: @unchecked Sendable {
    private let lock = NSLock()
    private var feeds: [String: FeedHealth] = [:]

    public init() {}

    /// All feeds, by name.
    public var snapshot: [FeedHealth] {
        lock.withLock { feeds.values.sorted { $0.name < $1.name } }
    }

    public func health(of name: String) -> FeedHealth? { lock.withLock { feeds[name] } }

    func update(_ name: String, url: String, _ change: (inout FeedHealth) -> Void) {
        lock.withLock {
            var health = feeds[name] ?? FeedHealth(name: name, url: url)
            change(&health)
            feeds[name] = health
        }
    }
}
