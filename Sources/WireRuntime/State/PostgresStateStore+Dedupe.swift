import Foundation
import NIOCore
import PostgresNIO
import WireDedupe

/// The shared dedupe ledger: every node's decisions in one table, numbered in one sequence.
///
/// Each node keeps the in-memory index (`DedupeEngine`, story clusters) exactly as a single node does;
/// a decision takes a transaction-scoped advisory lock, adds the rows other nodes committed since this
/// node's last sequence, decides, inserts and commits. Decisions are therefore serial across nodes: two
/// nodes given one story at once decide one after the other, and the second sees the first's row.
extension PostgresStateStore: DedupeStateStore {
    public func loadDedupeRecords() throws -> [DedupeRecord] {
        try transient { try records(from: 0) }
    }

    public func dedupeEntry(itemID: String) throws -> DedupeEntry? {
        try dedupeLane.query("\(unescaped: Self.entryColumns) WHERE item_id = \(itemID)").first.flatMap(Self.entry)
    }

    public func dedupeEntry(sequence: UInt32) throws -> DedupeEntry? {
        try dedupeLane.query("\(unescaped: Self.entryColumns) WHERE seq = \(Int64(sequence))").first.flatMap(Self.entry)
    }

    public func saveDedupe(_ entry: DedupeEntry, record: DedupeRecord, forgetBelow: UInt32?) throws {
        try dedupeLane.transaction {
            if let forgetBelow {
                try dedupeLane.query("DELETE FROM dedupe_items WHERE seq < \(Int64(forgetBelow))")
            }
            let signature = record.signature.map { Data($0.bins) }
            // The item id is unique: an item decided again after a crash keeps its first row.
            try dedupeLane.query("""
                INSERT INTO dedupe_items (seq, item_id, node, body_hash, guid_hash, version, event_time, membership,
                    signature, status, duplicate_of, similarity, story_id, story_seq, salient_terms)
                VALUES (\(Int64(record.sequence)), \(entry.itemID), \(node), \(Int64(bitPattern: record.bodyHash)),
                    \(Int64(bitPattern: record.guidHash)), \(Int64(record.version)), \(record.eventTime),
                    \(DedupeRecordColumns.membership(of: record)), \(signature), \(entry.status.rawValue), \(entry.duplicateOf),
                    \(entry.similarity), \(entry.storyID), \(Int64(entry.storySequence)),
                    \(DedupeRecordColumns.blob(record.salientTerms)))
                """)
        }
    }

    public func decideAlone<T>(catchingUpFrom next: UInt32, _ body: ([DedupeRecord]) throws -> T) throws -> T {
        let started = DispatchTime.now().uptimeNanoseconds
        defer { ledgerLatency.recordNanoseconds(DispatchTime.now().uptimeNanoseconds - started) }
        return try transient {
            try dedupeLane.transaction {
                try dedupeLane.query("SELECT pg_advisory_xact_lock(\(PostgresSchema.dedupeLock))")
                return try body(try records(from: next))
            }
        }
    }

    /// Runs `body`, turning a failure to reach the database into `Unavailable`, which the dedupe stage
    /// waits out; an answer from the server (a constraint) stays an error.
    func transient<T>(_ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error as PSQLError where error.code == .server && !Self.isOutage(error) {
            throw error
        } catch let error as PSQLError {
            throw Unavailable(description: "the PostgreSQL state is unreachable: \(error.code)")
        } catch let error as IOError {
            throw Unavailable(description: "the PostgreSQL state is unreachable: \(error)")
        } catch let error as ChannelError {
            throw Unavailable(description: "the PostgreSQL state is unreachable: \(error)")
        }
    }

    /// A server error that is an outage, not an answer: classes 08 (connection exception) and 57
    /// (operator intervention: shutdown, terminated backend).
    static func isOutage(_ error: PSQLError) -> Bool {
        guard let state = error.serverInfo?[.sqlState] else { return false }
        return state.hasPrefix("08") || state.hasPrefix("57")
    }

    private func records(from next: UInt32) throws -> [DedupeRecord] {
        let rows = try dedupeLane.query("""
            SELECT seq, body_hash, guid_hash, version, event_time, membership, signature, story_seq, salient_terms
            FROM dedupe_items WHERE seq >= \(Int64(next)) ORDER BY seq
            """)
        return try rows.map { row in
            let (seq, body, guid, version, time, membership, signature, story, terms) =
                try row.decode((Int64, Int64, Int64, Int64, Int64, Int64, Data?, Int64, Data?).self)
            return DedupeRecord(
                sequence: UInt32(truncatingIfNeeded: seq), bodyHash: UInt64(bitPattern: body),
                guidHash: UInt64(bitPattern: guid), version: Int32(clamping: version), eventTime: time,
                signature: signature.flatMap { MinHashSignature(storedBytes: [UInt8]($0)) },
                membership: DedupeRecordColumns.membership(membership), storySequence: UInt32(truncatingIfNeeded: story),
                salientTerms: DedupeRecordColumns.terms(terms ?? Data()),
                timeIsReceived: DedupeRecordColumns.timeIsReceived(membership))
        }
    }

    private static let entryColumns = "SELECT seq, item_id, status, duplicate_of, similarity, story_id, story_seq FROM dedupe_items"

    private static func entry(_ row: PostgresRow) -> DedupeEntry? {
        guard let (seq, itemID, status, duplicateOf, similarity, storyID, storySeq) =
            try? row.decode((Int64, String, String, String?, Double?, String, Int64).self),
            let status = DedupeStatus(rawValue: status)
        else { return nil }
        return DedupeEntry(
            sequence: UInt32(truncatingIfNeeded: seq), itemID: itemID, status: status, duplicateOf: duplicateOf,
            similarity: similarity, storyID: storyID, storySequence: UInt32(truncatingIfNeeded: storySeq))
    }
}
