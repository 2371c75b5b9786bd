import Foundation
import GRDB

/// The embedded state database: one SQLite file under `state_dir`, in WAL mode.
///
/// GRDB rather than the raw C API: migrations, WAL setup, statement caching and typed errors for the
/// tables that later issues add (dedupe index, story clusters, feed validators).
public final class SQLiteStateStore: InboxLedger, @unchecked Sendable {
    public let path: String
    /// Shared with the tables other concepts keep in the same file (`EmbargoShelf`, the feed tables).
    let dbQueue: DatabaseQueue

    public init(directory: String) throws {
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        path = (directory as NSString).appendingPathComponent("wirefeed.sqlite")
        var configuration = Configuration()
        configuration.busyMode = .timeout(5)
        configuration.prepareDatabase { db in
            // NORMAL is durable in WAL mode except on power loss mid-checkpoint, the trade every WAL
            // user makes; the sinks, not the ledger, are the source of truth for what was written.
            try db.execute(sql: "PRAGMA synchronous = NORMAL")
        }
        let pool = try DatabaseQueue(path: path, configuration: configuration)
        try pool.writeWithoutTransaction { db in
            _ = try String.fetchOne(db, sql: "PRAGMA journal_mode = WAL")
        }
        dbQueue = pool
        try Self.migrator.migrate(dbQueue)
    }

    private static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1-inbox-files") { db in
            try db.create(table: "inbox_files") { t in
                t.column("source", .text).notNull()
                t.column("name", .text).notNull()
                t.column("content_hash", .text).notNull()
                t.column("size", .integer).notNull()
                t.column("status", .text).notNull()
                t.column("items", .integer)
                t.column("reason", .text)
                t.column("claimed_at", .text).notNull()
                t.column("finished_at", .text)
                t.column("attempts", .integer).notNull().defaults(to: 1)
                t.primaryKey(["source", "name", "content_hash"])
            }
        }
        registerDedupeMigrations(&migrator)
        migrator.registerMigration("v2-feeds") { db in
            // One row per feed source: the validators of its last durable response and what the
            // silence alarm has learnt.
            try db.create(table: "feed_state") { t in
                t.primaryKey("source", .text)
                t.column("url", .text).notNull()
                t.column("etag", .text)
                t.column("last_modified", .text)
                t.column("body_hash", .text)
                t.column("last_new_item_at", .double)
                t.column("usual_gap", .double)
                t.column("gap_count", .integer).notNull().defaults(to: 0)
                t.column("updated_at", .text).notNull()
            }
            // Items already emitted, per feed, with the hash of the version emitted.
            try db.create(table: "feed_seen", options: [.withoutRowID]) { t in
                t.column("source", .text).notNull()
                t.column("item_key", .text).notNull()
                t.column("content_hash", .text).notNull()
                t.column("first_seen", .double).notNull()
                t.column("last_seen", .double).notNull()
                t.primaryKey(["source", "item_key"])
            }
        }
        return migrator
    }

    public func claim(_ file: InboxFileKey, size: Int, at time: String) throws -> InboxClaim {
        try dbQueue.write { db in
            let row = try Row.fetchOne(
                db, sql: "SELECT status FROM inbox_files WHERE source = ? AND name = ? AND content_hash = ?",
                arguments: [file.source, file.name, file.contentHash])
            guard let row else {
                try db.execute(
                    sql: """
                        INSERT INTO inbox_files (source, name, content_hash, size, status, claimed_at)
                        VALUES (?, ?, ?, ?, 'processing', ?)
                        """,
                    arguments: [file.source, file.name, file.contentHash, size, time])
                return .new
            }
            let status = InboxFileStatus(rawValue: row["status"] ?? "") ?? .processing
            // A failed file dropped again is tried again (the reader may have been fixed since);
            // a done one is not: its items are already durable.
            if status == .done { return .alreadyFinished(status) }
            try db.execute(
                sql: """
                    UPDATE inbox_files SET attempts = attempts + 1, claimed_at = ?, status = 'processing'

                    WHERE source = ? AND name = ? AND content_hash = ?
                    """,
                arguments: [time, file.source, file.name, file.contentHash])
            return .resumed
        }
    }

    public func finish(_ file: InboxFileKey, status: InboxFileStatus, items: Int, reason: String?, at time: String) throws {
        try dbQueue.write { db in
            try db.execute(
                sql: """
                    UPDATE inbox_files SET status = ?, items = ?, reason = ?, finished_at = ?
                    WHERE source = ? AND name = ? AND content_hash = ?
                    """,
                arguments: [status.rawValue, items, reason, time, file.source, file.name, file.contentHash])
        }
    }

    /// How many files the ledger holds in each status (for `wirefeed status` and tests).
    public func countByStatus() throws -> [String: Int] {
        try dbQueue.read { db in
            var counts: [String: Int] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT status, COUNT(*) AS n FROM inbox_files GROUP BY status") {
                counts[row["status"] ?? "?"] = row["n"] ?? 0
            }
            return counts
        }
    }
}
