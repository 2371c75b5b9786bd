import Foundation
import GRDB
import WireDedupe

/// The dedupe stage's table: one row per decided item still inside the window.
extension SQLiteStateStore: DedupeStateStore {
    static func registerDedupeMigrations(_ migrator: inout DatabaseMigrator) {
        migrator.registerMigration("v2-dedupe-items") { db in
            try db.create(table: "dedupe_items") { t in
                t.primaryKey("seq", .integer)
                t.column("item_id", .text).notNull().unique()
                t.column("body_hash", .integer).notNull()
                t.column("guid_hash", .integer).notNull()
                t.column("version", .integer).notNull()
                t.column("event_time", .integer).notNull()
                t.column("membership", .integer).notNull()
                t.column("signature", .blob)
                t.column("status", .text).notNull()
                t.column("duplicate_of", .text)
                t.column("similarity", .double)
                t.column("story_id", .text).notNull()
                t.column("story_seq", .integer).notNull()
                t.column("salient_terms", .blob)
            }
        }
    }

    public func loadDedupeRecords() throws -> [DedupeRecord] {
        try dbQueue.read { db in
            let rows = try Row.fetchCursor(
                db, sql: """
                    SELECT seq, body_hash, guid_hash, version, event_time, membership, signature, story_seq, salient_terms
                    FROM dedupe_items ORDER BY seq
                    """)
            var records: [DedupeRecord] = []
            while let row = try rows.next() {
                let bytes: [UInt8]? = (row["signature"] as Data?).map { Array($0) }
                records.append(DedupeRecord(
                    sequence: UInt32(truncatingIfNeeded: row["seq"] as Int64),
                    bodyHash: UInt64(bitPattern: row["body_hash"]), guidHash: UInt64(bitPattern: row["guid_hash"]),
                    version: Int32(clamping: row["version"] as Int64), eventTime: row["event_time"],
                    signature: bytes.flatMap { MinHashSignature(storedBytes: $0) },
                    membership: DedupeRecordColumns.membership(row["membership"]),
                    storySequence: UInt32(truncatingIfNeeded: row["story_seq"] as Int64),
                    salientTerms: DedupeRecordColumns.terms((row["salient_terms"] as Data?) ?? Data()),
                    timeIsReceived: DedupeRecordColumns.timeIsReceived(row["membership"])))
            }
            return records
        }
    }

    // One statement per lookup or save, which SQLite runs atomically by itself: `unsafeRead` and
    // `writeWithoutTransaction` spare each item the BEGIN / COMMIT (and the read-only pragmas) that
    // GRDB's `read` and `write` wrap around it, SQL that is parsed again every time.

    public func dedupeEntry(itemID: String) throws -> DedupeEntry? {
        try dbQueue.unsafeRead { db in
            // Cached statements: one lookup or insert per item, so preparing the SQL each time showed in profiles.
            try Row.fetchOne(db.cachedStatement(sql: Self.entryByItemID), arguments: [itemID]).flatMap(Self.entry)
        }
    }

    public func dedupeEntry(sequence: UInt32) throws -> DedupeEntry? {
        try dbQueue.unsafeRead { db in
            try Row.fetchOne(db.cachedStatement(sql: Self.entryBySequence), arguments: [Int64(sequence)]).flatMap(Self.entry)
        }
    }

    private static let entryColumns = "SELECT seq, item_id, status, duplicate_of, similarity, story_id, story_seq FROM dedupe_items"
    private static let entryByItemID = "\(entryColumns) WHERE item_id = ?"
    private static let entryBySequence = "\(entryColumns) WHERE seq = ?"
    private static let insertEntry = """
        INSERT OR REPLACE INTO dedupe_items (seq, item_id, body_hash, guid_hash, version, event_time,
            membership, signature, status, duplicate_of, similarity, story_id, story_seq, salient_terms)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
        """

    private static func entry(_ row: Row) -> DedupeEntry? {
        guard let status = DedupeStatus(rawValue: row["status"] ?? "") else { return nil }
        return DedupeEntry(
            sequence: UInt32(truncatingIfNeeded: row["seq"] as Int64), itemID: row["item_id"], status: status,
            duplicateOf: row["duplicate_of"], similarity: row["similarity"], storyID: row["story_id"],
            storySequence: UInt32(truncatingIfNeeded: row["story_seq"] as Int64))
    }

    public func saveDedupe(_ entry: DedupeEntry, record: DedupeRecord, forgetBelow: UInt32?) throws {
        guard let forgetBelow else {
            try dbQueue.writeWithoutTransaction { db in try Self.insert(entry, record, db) }
            return
        }
        // Two statements: one transaction, so the old rows never go without the new one.
        try dbQueue.write { db in
            try db.execute(sql: "DELETE FROM dedupe_items WHERE seq < ?", arguments: [Int64(forgetBelow)])
            try Self.insert(entry, record, db)
        }
    }

    private static func insert(_ entry: DedupeEntry, _ record: DedupeRecord, _ db: Database) throws {
        try db.cachedStatement(sql: Self.insertEntry).execute(
            arguments: [
                Int64(record.sequence), entry.itemID, Int64(bitPattern: record.bodyHash), Int64(bitPattern: record.guidHash),
                Int64(record.version), record.eventTime,
                DedupeRecordColumns.membership(of: record),
                record.signature.map { Data($0.bins) }, entry.status.rawValue, entry.duplicateOf, entry.similarity,
                entry.storyID, Int64(entry.storySequence), DedupeRecordColumns.blob(record.salientTerms),
            ])
    }
}
