import GRDB

extension SQLiteStateStore: FeedLedger {
    public func feedMemory(source: String) throws -> FeedMemory? {
        try dbQueue.read { db in
            guard let row = try Row.fetchOne(db, sql: "SELECT * FROM feed_state WHERE source = ?", arguments: [source])
            else { return nil }
            return FeedMemory(
                url: row["url"] ?? "", etag: row["etag"], lastModified: row["last_modified"], bodyHash: row["body_hash"],
                lastNewItemAt: row["last_new_item_at"], usualGap: row["usual_gap"], gapCount: row["gap_count"] ?? 0)
        }
    }

    public func seenVersions(source: String, keys: [String]) throws -> [String: String] {
        guard !keys.isEmpty else { return [:] }
        return try dbQueue.read { db in
            var versions: [String: String] = [:]
            // SQLite's default limit on bound variables is well above a feed's item count, but chunk anyway.
            for start in stride(from: 0, to: keys.count, by: 500) {
                let chunk = Array(keys[start..<min(start + 500, keys.count)])
                let marks = Array(repeating: "?", count: chunk.count).joined(separator: ",")
                let rows = try Row.fetchAll(
                    db, sql: "SELECT item_key, content_hash FROM feed_seen WHERE source = ? AND item_key IN (\(marks))",
                    arguments: StatementArguments([source] + chunk))
                for row in rows {
                    if let key: String = row["item_key"], let hash: String = row["content_hash"] { versions[key] = hash }
                }
            }
            return versions
        }
    }

    public func commitPoll(source: String, memory: FeedMemory, items: [SeenFeedItem], at time: Double, forgetBefore: Double) throws {
        try dbQueue.write { db in
            try db.execute(
                sql: """
                    INSERT INTO feed_state (source, url, etag, last_modified, body_hash, last_new_item_at, usual_gap, gap_count, updated_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                    ON CONFLICT(source) DO UPDATE SET url = excluded.url, etag = excluded.etag,
                        last_modified = excluded.last_modified, body_hash = excluded.body_hash,
                        last_new_item_at = excluded.last_new_item_at, usual_gap = excluded.usual_gap,
                        gap_count = excluded.gap_count, updated_at = excluded.updated_at
                    """,
                arguments: [source, memory.url, memory.etag, memory.lastModified, memory.bodyHash, memory.lastNewItemAt,
                            memory.usualGap, memory.gapCount, Timestamp.now()])
            let upsert = try db.cachedStatement(sql: """
                INSERT INTO feed_seen (source, item_key, content_hash, first_seen, last_seen) VALUES (?, ?, ?, ?, ?)
                ON CONFLICT(source, item_key) DO UPDATE SET content_hash = excluded.content_hash, last_seen = excluded.last_seen
                """)
            for item in items {
                try upsert.execute(arguments: [source, item.key, item.contentHash, time, time])
            }
            // Every item still in the feed was just marked seen, so only departed items are this old.
            try db.execute(sql: "DELETE FROM feed_seen WHERE source = ? AND last_seen < ?", arguments: [source, forgetBefore])
        }
    }

    public func seenCount(source: String) throws -> Int {
        try dbQueue.read { db in
            try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM feed_seen WHERE source = ?", arguments: [source]) ?? 0
        }
    }
}
