import Foundation
import Logging
import Metrics
import NIOCore
import NIOPosix
import PostgresNIO

/// The state shared by several nodes: one PostgreSQL database (`"state": {"type": "postgres"}`).
///
/// Implements the same protocols as `SQLiteStateStore`. Inbox files are recorded per node (each node
/// has its own inbox); feed memory and the dedupe ledger are shared, so any node continues any feed and
/// recognises any node's stories.
public final class PostgresStateStore: InboxLedger, @unchecked Sendable {
    public let node: String
    let logger: Logger
    private let group: MultiThreadedEventLoopGroup
    /// One connection each, so that a dedupe transaction never queues an inbox claim or a feed commit.
    let dedupeLane: PostgresLane
    let feedLane: PostgresLane
    let inboxLane: PostgresLane
    let leaseLane: PostgresLane
    /// The epochs of the feed leases this node holds (see `PostgresStateStore+Leases`).
    let leaseEpochs = LeaseEpochs()

    /// Time each shared dedupe decision spends in the database (lock, catch-up, insert, commit).
    let ledgerLatency = Metrics.Timer(label: MetricNames.ledgerLatency)

    public struct Unavailable: TransientStateError, CustomStringConvertible {
        public var description: String
    }

    /// Connects and applies the migrations this build knows and the database lacks.
    public init(url: String, node: String, logger: Logger = Logger(label: "wirefeed.postgres")) throws {
        let configuration = try PostgresEndpoint.configuration(url: url)
        self.node = node
        self.logger = logger
        group = MultiThreadedEventLoopGroup(numberOfThreads: 1)
        let loop = group.next()
        dedupeLane = PostgresLane(configuration: configuration, eventLoop: loop, id: 1, logger: logger)
        feedLane = PostgresLane(configuration: configuration, eventLoop: loop, id: 2, logger: logger)
        inboxLane = PostgresLane(configuration: configuration, eventLoop: loop, id: 3, logger: logger)
        leaseLane = PostgresLane(configuration: configuration, eventLoop: loop, id: 4, logger: logger)
        do {
            try migrate()
        } catch {
            close()
            throw Unavailable(description: "cannot open the PostgreSQL state at \(Self.redacted(url)): \(String(reflecting: error))")
        }
    }

    deinit { close() }

    /// Whether the last call of every lane reached the database.
    public var isReachable: Bool { lanes.allSatisfy(\.reachable) }

    private var lanes: [PostgresLane] { [dedupeLane, feedLane, inboxLane, leaseLane] }

    /// Feed commits are fenced once a lease keeper runs (the daemon always runs one with feeds); a store
    /// used without one (the store tests) commits unfenced.
    var leasesInUse: Bool { leaseEpochs.everSet }

    /// Answers whether the database takes a query now (for `/health`).
    public func ping() -> Bool { (try? inboxLane.query("SELECT 1")) != nil }

    public func close() {
        for lane in lanes { lane.close() }
        try? group.syncShutdownGracefully()
    }

    private func migrate() throws {
        try inboxLane.transaction {
            try inboxLane.query("SELECT pg_advisory_xact_lock(\(PostgresSchema.migrationLock))")
            try inboxLane.query("CREATE TABLE IF NOT EXISTS schema_migrations (version bigint PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())")
            var applied = 0
            for row in try inboxLane.query("SELECT COALESCE(MAX(version), 0) FROM schema_migrations") {
                applied = Int(try row.decode(Int64.self))
            }
            for (offset, statements) in PostgresSchema.migrations.enumerated() where offset + 1 > applied {
                for sql in statements { try inboxLane.query(PostgresQuery(unsafeSQL: sql)) }
                try inboxLane.query("INSERT INTO schema_migrations (version) VALUES (\(Int64(offset + 1)))")
            }
        }
    }

    /// The URL without its password, for messages.
    static func redacted(_ url: String) -> String {
        guard var parts = URLComponents(string: url), parts.password != nil else { return url }
        parts.password = "***"
        return parts.string ?? url
    }

    // MARK: InboxLedger

    public func claim(_ file: InboxFileKey, size: Int, at time: String) throws -> InboxClaim {
        try inboxLane.transaction {
            let rows = try inboxLane.query("""
                SELECT status FROM inbox_files WHERE node = \(node) AND source = \(file.source) AND name = \(file.name)
                AND content_hash = \(file.contentHash) FOR UPDATE
                """)
            guard let row = rows.first else {
                try inboxLane.query("""
                    INSERT INTO inbox_files (node, source, name, content_hash, size, status, claimed_at)
                    VALUES (\(node), \(file.source), \(file.name), \(file.contentHash), \(Int64(size)), 'processing', \(time))
                    """)
                return .new
            }
            let status = InboxFileStatus(rawValue: try row.decode(String.self)) ?? .processing
            // As in the embedded store: a failed file dropped again is retried, a done one is not.
            if status == .done { return .alreadyFinished(status) }
            try inboxLane.query("""
                UPDATE inbox_files SET attempts = attempts + 1, claimed_at = \(time), status = 'processing'
                WHERE node = \(node) AND source = \(file.source) AND name = \(file.name) AND content_hash = \(file.contentHash)
                """)
            return .resumed
        }
    }

    public func finish(_ file: InboxFileKey, status: InboxFileStatus, items: Int, reason: String?, at time: String) throws {
        try inboxLane.query("""
            UPDATE inbox_files SET status = \(status.rawValue), items = \(Int64(items)), reason = \(reason), finished_at = \(time)
            WHERE node = \(node) AND source = \(file.source) AND name = \(file.name) AND content_hash = \(file.contentHash)
            """)
    }

    /// How many of this node's files the ledger holds in each status.
    public func countByStatus() throws -> [String: Int] {
        var counts: [String: Int] = [:]
        for row in try inboxLane.query("SELECT status, COUNT(*) FROM inbox_files WHERE node = \(node) GROUP BY status") {
            let (status, count) = try row.decode((String, Int64).self)
            counts[status] = Int(count)
        }
        return counts
    }
}
