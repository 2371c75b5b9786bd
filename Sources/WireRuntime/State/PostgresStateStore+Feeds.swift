import Foundation
import PostgresNIO

extension PostgresStateStore: FeedLedger {
    public func feedMemory(source: String) throws -> FeedMemory? {
        let rows = try feedLane.query("""
            SELECT url, etag, last_modified, body_hash, last_new_item_at, usual_gap, gap_count
            FROM feed_state WHERE source = \(source)
            """)
        guard let row = rows.first else { return nil }
        let (url, etag, lastModified, bodyHash, lastNew, gap, gapCount) =
            try row.decode((String, String?, String?, String?, Double?, Double?, Int64).self)
        return FeedMemory(
            url: url, etag: etag, lastModified: lastModified, bodyHash: bodyHash, lastNewItemAt: lastNew, usualGap: gap,
            gapCount: Int(gapCount))
    }

    public func seenVersions(source: String, keys: [String]) throws -> [String: String] {
        guard !keys.isEmpty else { return [:] }
        var versions: [String: String] = [:]
        for row in try feedLane.query(
            "SELECT item_key, content_hash FROM feed_seen WHERE source = \(source) AND item_key = ANY(\(keys))")
        {
            let (key, hash) = try row.decode((String, String).self)
            versions[key] = hash
        }
        return versions
    }

    public func commitPoll(source: String, memory: FeedMemory, items: [SeenFeedItem], at time: Double, forgetBefore: Double) throws {
        try feedLane.transaction {
            try fenceFeedCommit(source: source)
            try feedLane.query("""
                INSERT INTO feed_state (source, url, etag, last_modified, body_hash, last_new_item_at, usual_gap, gap_count, updated_at)
                VALUES (\(source), \(memory.url), \(memory.etag), \(memory.lastModified), \(memory.bodyHash),
                    \(memory.lastNewItemAt), \(memory.usualGap), \(Int64(memory.gapCount)), \(Timestamp.now()))
                ON CONFLICT (source) DO UPDATE SET url = excluded.url, etag = excluded.etag,
                    last_modified = excluded.last_modified, body_hash = excluded.body_hash,
                    last_new_item_at = excluded.last_new_item_at, usual_gap = excluded.usual_gap,
                    gap_count = excluded.gap_count, updated_at = excluded.updated_at
                """)
            if !items.isEmpty {
                // One statement for the whole response: arrays unnested server-side.
                try feedLane.query("""
                    INSERT INTO feed_seen (source, item_key, content_hash, first_seen, last_seen)
                    SELECT \(source), k, h, \(time), \(time) FROM unnest(\(items.map(\.key))::text[], \(items.map(\.contentHash))::text[]) AS t(k, h)
                    ON CONFLICT (source, item_key) DO UPDATE SET content_hash = excluded.content_hash, last_seen = excluded.last_seen
                    """)
            }
            try feedLane.query("DELETE FROM feed_seen WHERE source = \(source) AND last_seen < \(forgetBefore)")
        }
    }

    public func seenCount(source: String) throws -> Int {
        var count = 0
        for row in try feedLane.query("SELECT COUNT(*) FROM feed_seen WHERE source = \(source)") {
            count = Int(try row.decode(Int64.self))
        }
        return count
    }
}
