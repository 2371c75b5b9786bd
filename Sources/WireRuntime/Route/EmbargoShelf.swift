import Foundation
import GRDB
import WireModel

/// Items under embargo, held in the state database until `embargo_until` passes, then released to the
/// sinks the route chose for them. Durable across restarts: an item on the shelf counts as settled for
/// its input (the inbox file may move to `done/`), and it leaves the shelf only once its sinks have it.
public final class EmbargoShelf: @unchecked Sendable {
    /// One held item: what the route decided and when it may go.
    public struct Held: Sendable, Equatable {
        public var item: Item
        public var releaseAt: Date
    }

    public struct Failure: Error, CustomStringConvertible {
        public var description: String
    }

    private let dbQueue: DatabaseQueue

    public init(store: SQLiteStateStore) throws {
        dbQueue = store.dbQueue
        try dbQueue.write { db in
            // Its own table, created here rather than in the store's migrations so the route concept stays
            // in one place; the schema is append-only like a migration.
            try db.execute(sql: """
                CREATE TABLE IF NOT EXISTS embargoed_items (
                    id TEXT PRIMARY KEY NOT NULL,
                    release_at REAL NOT NULL,
                    deliver_to TEXT,
                    item TEXT NOT NULL
                )
                """)
            try db.execute(sql: "CREATE INDEX IF NOT EXISTS embargoed_items_release ON embargoed_items (release_at)")
        }
    }

    /// The instant an item's `embargo_until` names, when it is a timestamp this reader understands.
    public static func releaseTime(of item: Item) -> Date? {
        guard let text = item.embargoUntil?.trimmingCharacters(in: .whitespaces), !text.isEmpty else { return nil }
        let plain = ISO8601DateFormatter()
        if let date = plain.date(from: text) { return date }
        let fractional = ISO8601DateFormatter()
        fractional.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return fractional.date(from: text)
    }

    /// Puts the routed item on the shelf (again, if it is there already: the same id is one item).
    public func hold(_ item: Item, until releaseAt: Date) throws {
        let deliverTo = try item.deliverTo.map { String(decoding: try JSONEncoder().encode($0), as: UTF8.self) }
        let line = String(decoding: item.ndjsonLine(), as: UTF8.self)
        try dbQueue.write { db in
            try db.execute(
                sql: "INSERT OR REPLACE INTO embargoed_items (id, release_at, deliver_to, item) VALUES (?, ?, ?, ?)",
                arguments: [item.id, releaseAt.timeIntervalSince1970, deliverTo, line])
        }
    }

    /// Items whose embargo has passed at `now`, earliest first.
    public func due(at now: Date, limit: Int = 256) throws -> [Held] {
        let rows = try dbQueue.read { db in
            try Row.fetchAll(
                db, sql: "SELECT release_at, deliver_to, item FROM embargoed_items WHERE release_at <= ? ORDER BY release_at LIMIT ?",
                arguments: [now.timeIntervalSince1970, limit])
        }
        return try rows.map(Self.held)
    }

    /// Takes an item off the shelf once its sinks have it.
    public func remove(id: String) throws {
        try dbQueue.write { db in try db.execute(sql: "DELETE FROM embargoed_items WHERE id = ?", arguments: [id]) }
    }

    /// Items held now (the metrics' held count).
    public func count() throws -> Int {
        try dbQueue.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM embargoed_items") ?? 0 }
    }

    private static func held(_ row: Row) throws -> Held {
        let line: String = row["item"]
        let decoder = JSONDecoder()
        var item: Item
        do {
            item = try decoder.decode(Item.self, from: Data(line.utf8))
            if let targets: String = row["deliver_to"] {
                item.deliverTo = try decoder.decode([String].self, from: Data(targets.utf8))
            }
        } catch {
            throw Failure(description: "an embargoed item no longer decodes: \(error)")
        }
        return Held(item: item, releaseAt: Date(timeIntervalSince1970: row["release_at"]))
    }
}
