import Dispatch
import Foundation
import Logging

/// The runtime's feed sources: one polling task each over one shared HTTP client.
///
/// Stopping is two steps around the pipeline's drain: `stop()` ends the polls and lets a response
/// already being read finish entering the pipeline; `finish()`, after the drain, lets the commits of
/// the drained responses reach the state database and closes the HTTP client.
public final class FeedPoller: @unchecked Sendable {
    public let health = FeedHealthBoard()
    private let context: FeedPollerContext
    private let sources: [FeedSource]
    private let lock = NSLock()
    private var tasks: [Task<Void, Never>] = []

    public init(
        feeds: [FeedSourceConfig], settings: PollerConfig, node: String, pipeline: QueuedPipeline,
        ledger: any FeedLedger, read: @escaping ReadFunction, leaseTTL: Duration? = nil, logger: Logger
    ) {
        let fetcher = FeedFetcher(
            connectTimeout: settings.connectTimeout, maxPerHost: settings.maxPerHost,
            userAgent: settings.userAgent ?? WireFeedVersion.userAgent)
        // Shared state (PostgreSQL) means other nodes may poll the same feeds: lease them.
        let leases = (ledger as? any FeedLeaseStore).flatMap { store in
            leaseTTL.map { FeedLeaseKeeper(store: store, feeds: feeds.map(\.name), ttl: $0, logger: logger) }
        }
        let context = FeedPollerContext(
            fetcher: fetcher, slots: PollSlots(perHost: settings.maxPerHost, total: settings.maxConcurrent),
            board: health, ledger: ledger, pipeline: pipeline, read: read, seenRetention: settings.seenRetention.inSeconds,
            leases: leases)
        self.context = context
        sources = feeds.map { feed in
            var feedLogger = logger
            feedLogger[metadataKey: "source"] = "\(feed.name)"
            return FeedSource(config: feed, node: node, shared: context, logger: feedLogger)
        }
    }

    public var feedCount: Int { sources.count }

    public func start() {
        lock.withLock {
            guard tasks.isEmpty else { return }
            context.leases?.start()
            tasks = sources.map { source in Task { await source.run() } }
        }
    }

    /// Ends every poll; a response already being read still enters the pipeline. Call from a thread
    /// outside Swift concurrency (it waits for the intake queue).
    public func stop() {
        context.isStopping = true
        let running = lock.withLock { tasks }
        for task in running { task.cancel() }
        context.intake.sync {}
    }

    /// After the pipeline drained: writes the commits of settled responses, closes the HTTP client.
    public func finish() {
        context.intake.sync {}
        context.leases?.stop()
        context.fetcher.shutdown()
    }
}
