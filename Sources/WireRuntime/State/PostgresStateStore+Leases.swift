import Foundation
import PostgresNIO

/// Leased feed ownership: a row per feed with owner, epoch and expiry, and a row per live node.
///
/// Claims use `FOR UPDATE SKIP LOCKED`, so nodes claiming at once never wait on or take each other's
/// rows; each claim bumps the epoch, and `commitPoll` checks it, so a paused old owner cannot commit.
extension PostgresStateStore: FeedLeaseStore {
    public func refreshLeases(feeds: [String], ttl: Duration, idle: Set<String>) throws -> LeaseRound {
        let seconds = ttl.inSeconds
        return try leaseLane.transaction {
            try leaseLane.query("""
                INSERT INTO wire_nodes (node, expires_at) VALUES (\(node), now() + \(seconds) * interval '1 second')
                ON CONFLICT (node) DO UPDATE SET expires_at = excluded.expires_at
                """)
            try leaseLane.query("INSERT INTO feed_leases (source) SELECT unnest(\(feeds)::text[]) ON CONFLICT DO NOTHING")
            var held = try epochs(try leaseLane.query("""
                UPDATE feed_leases SET expires_at = now() + \(seconds) * interval '1 second'
                WHERE owner = \(node) AND expires_at > now() AND source = ANY(\(feeds)) RETURNING source, epoch
                """))
            let share = try fairShare(of: feeds.count)
            if held.count > share {
                let shed = Array(held.keys.filter { idle.contains($0) }.sorted().prefix(held.count - share))
                try leaseLane.query("""
                    UPDATE feed_leases SET owner = NULL, expires_at = '-infinity' WHERE owner = \(node) AND source = ANY(\(shed))
                    """)
                for source in shed { held[source] = nil }
            }
            var takenOver: [String] = []
            if held.count < share {
                for row in try leaseLane.query("""
                    WITH due AS (
                        SELECT source, owner FROM feed_leases
                        WHERE source = ANY(\(feeds)) AND (owner IS NULL OR expires_at <= now())
                        ORDER BY expires_at, source LIMIT \(Int64(share - held.count)) FOR UPDATE SKIP LOCKED)
                    UPDATE feed_leases f SET owner = \(node), epoch = f.epoch + 1,
                        expires_at = now() + \(seconds) * interval '1 second'
                    FROM due WHERE f.source = due.source RETURNING f.source, f.epoch, due.owner
                    """)
                {
                    let (source, epoch, previous) = try row.decode((String, Int64, String?).self)
                    held[source] = epoch
                    if let previous, previous != node { takenOver.append(source) }
                }
            }
            leaseEpochs.set(held)
            return LeaseRound(held: Set(held.keys), takenOver: takenOver.sorted())
        }
    }

    public func releaseLeases() throws {
        leaseEpochs.set([:])
        try leaseLane.query("UPDATE feed_leases SET owner = NULL, expires_at = '-infinity' WHERE owner = \(node)")
        try leaseLane.query("DELETE FROM wire_nodes WHERE node = \(node)")
    }

    /// The feeds each live node should own: all of them divided among the nodes alive now, rounded up.
    private func fairShare(of feeds: Int) throws -> Int {
        var live: Int64 = 1
        for row in try leaseLane.query("SELECT COUNT(*) FROM wire_nodes WHERE expires_at > now()") {
            live = max(1, try row.decode(Int64.self))
        }
        return (feeds + Int(live) - 1) / Int(live)
    }

    private func epochs(_ rows: PostgresQueryResult) throws -> [String: Int64] {
        var held: [String: Int64] = [:]
        for row in rows {
            let (source, epoch) = try row.decode((String, Int64).self)
            held[source] = epoch
        }
        return held
    }

    /// Inside a feed commit's transaction: refuses it unless this node still holds the feed's lease at
    /// the epoch it claimed (the row stays locked until the commit, so no claim can slip in between).
    func fenceFeedCommit(source: String) throws {
        guard leasesInUse else { return }
        guard let epoch = leaseEpochs.epoch(of: source) else { throw LeaseLost(source: source) }
        let rows = try feedLane.query("""
            SELECT 1 FROM feed_leases WHERE source = \(source) AND owner = \(node) AND epoch = \(epoch)
            AND expires_at > now() FOR UPDATE
            """)
        if rows.isEmpty { throw LeaseLost(source: source) }
    }
}

/// The epoch of each lease this node holds, for fencing feed commits (set by the lease keeper's queue,
/// read on the feed intake queue).
final class LeaseEpochs: @unchecked Sendable {
    private let lock = NSLock()
    private var epochs: [String: Int64] = [:]
    private(set) var everSet = false

    func set(_ held: [String: Int64]) {
        lock.withLock {
            epochs = held
            everSet = true
        }
    }

    func epoch(of source: String) -> Int64? { lock.withLock { epochs[source] } }
}
