import Dispatch
import Foundation
import Logging
import Metrics

/// Keeps this node's feed leases when several nodes share the state: a round every tenth of the TTL
/// (renewing well within the third the lease needs, and finding a dead node's expired leases soon after
/// they lapse), on its own queue so that a slow database never holds up a poll.
///
/// A feed polls only while its lease is held and fresh: `beginPoll` says so and marks the feed busy, so
/// that a round never gives back a feed mid-poll; a lease not renewed for a whole TTL counts as lost
/// even before the database says so.
final class FeedLeaseKeeper: @unchecked Sendable {
    private let store: any FeedLeaseStore
    private let feeds: [String]
    private let ttl: Duration
    private let logger: Logger
    private let queue = DispatchQueue(label: "wirefeed.feeds.leases")
    private var timer: (any DispatchSourceTimer)?
    private let lock = NSLock()
    private var held: Set<String> = []
    private var busy: Set<String> = []
    /// Held feeds a running round may give back: none of them starts a poll until the round ends, or
    /// a poll could begin on a feed the round is handing to another node (its commit would be refused
    /// and its items polled again there).
    private var settling: Set<String> = []
    /// Feeds held since the last poll began: their memory must be read again (another node wrote it).
    private var fresh: Set<String> = []
    /// Monotonic nanoseconds until which the last successful round's leases hold.
    private var validUntil: UInt64 = 0
    private let heldGauge = Gauge(label: MetricNames.leasesHeld)
    private let takeovers = Counter(label: MetricNames.leaseTakeovers)

    enum Permission: Equatable {
        case notHeld
        /// `fresh`: newly owned since this feed last polled here; read its memory again first.
        case held(fresh: Bool)
    }

    init(store: any FeedLeaseStore, feeds: [String], ttl: Duration, logger: Logger) {
        self.store = store
        self.feeds = feeds
        self.ttl = ttl
        self.logger = logger
    }

    /// How long a feed without its lease waits before asking again.
    var checkInterval: Double { max(0.05, ttl.inSeconds / 10) }

    /// A lease row lives one check interval less than the TTL: a dead node's feeds, found by the first
    /// round after its leases lapse, are then taken over within one TTL of its last renewal.
    private var leaseLifetime: Duration { ttl - .nanoseconds(Int64(checkInterval * 1e9)) }

    func start() {
        let source = DispatchSource.makeTimerSource(queue: queue)
        source.schedule(deadline: .now(), repeating: checkInterval)
        source.setEventHandler { [weak self] in self?.round() }
        timer = source
        source.resume()
    }

    /// Stops renewing and gives every lease back, so other nodes take the feeds at once.
    func stop() {
        timer?.cancel()
        queue.sync {}
        lock.withLock { held = [] }
        do {
            try store.releaseLeases()
        } catch {
            logger.warning("could not give back the feed leases; they expire by themselves", metadata: ["error": "\(error)"])
        }
    }

    func beginPoll(_ feed: String) -> Permission {
        lock.withLock {
            guard held.contains(feed), !settling.contains(feed), MonotonicClock.nanoseconds() < validUntil else {
                return .notHeld
            }
            busy.insert(feed)
            return .held(fresh: fresh.remove(feed) != nil)
        }
    }

    func endPoll(_ feed: String) {
        lock.withLock { _ = busy.remove(feed) }
    }

    private func round() {
        let started = MonotonicClock.nanoseconds()
        let idle = lock.withLock {
            let idle = Set(feeds).subtracting(busy)
            settling = idle.intersection(held)
            return idle
        }
        defer { lock.withLock { settling = [] } }
        do {
            let result = try store.refreshLeases(feeds: feeds, ttl: leaseLifetime, idle: idle)
            lock.withLock {
                fresh.formUnion(result.held.subtracting(held))
                fresh.formIntersection(result.held)
                held = result.held
                validUntil = started + UInt64(leaseLifetime.inSeconds * 1e9)
            }
            heldGauge.record(result.held.count)
            if !result.takenOver.isEmpty {
                takeovers.increment(by: result.takenOver.count)
                logger.info("took over feeds whose owner's lease expired", metadata: ["feeds": "\(result.takenOver)"])
            }
        } catch {
            logger.warning("cannot renew the feed leases", metadata: ["error": "\(error)"])
        }
    }
}
