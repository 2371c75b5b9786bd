/// The PostgreSQL state tables, as numbered migrations the daemon applies at start.
///
/// Applied under an advisory lock, so that several nodes starting at once migrate once. A migration is
/// never edited once released; a change is a new one.
enum PostgresSchema {
    /// Advisory lock keys (one namespace per purpose).
    static let migrationLock: Int64 = 0x5749_5245_0001
    static let dedupeLock: Int64 = 0x5749_5245_0002

    /// Each migration is a list of statements (the extended protocol takes one statement per query).
    static let migrations: [[String]] = [
        // 1: inbox files (per node: upstream delivery gives each node its own inbox), feed memory and
        // seen items, and the shared dedupe ledger.
        [
            """
            CREATE TABLE inbox_files (
                node text NOT NULL, source text NOT NULL, name text NOT NULL, content_hash text NOT NULL,
                size bigint NOT NULL, status text NOT NULL, items bigint, reason text,
                claimed_at text NOT NULL, finished_at text, attempts bigint NOT NULL DEFAULT 1,
                PRIMARY KEY (node, source, name, content_hash))
            """,
            """
            CREATE TABLE feed_state (
                source text PRIMARY KEY, url text NOT NULL, etag text, last_modified text, body_hash text,
                last_new_item_at double precision, usual_gap double precision, gap_count bigint NOT NULL DEFAULT 0,
                updated_at text NOT NULL)
            """,
            """
            CREATE TABLE feed_seen (
                source text NOT NULL, item_key text NOT NULL, content_hash text NOT NULL,
                first_seen double precision NOT NULL, last_seen double precision NOT NULL,
                PRIMARY KEY (source, item_key))
            """,
            """
            CREATE TABLE dedupe_items (
                seq bigint PRIMARY KEY, item_id text NOT NULL UNIQUE, node text NOT NULL,
                body_hash bigint NOT NULL, guid_hash bigint NOT NULL, version bigint NOT NULL,
                event_time bigint NOT NULL, membership bigint NOT NULL, signature bytea,
                status text NOT NULL, duplicate_of text, similarity double precision,
                story_id text NOT NULL, story_seq bigint NOT NULL, salient_terms bytea,
                decided_at timestamptz NOT NULL DEFAULT now())
            """,
            """
            CREATE INDEX dedupe_items_body_hash ON dedupe_items (body_hash)
            """,
            // Feed ownership: the epoch grows with every claim and fences the owner's commits.
            """
            CREATE TABLE feed_leases (
                source text PRIMARY KEY, owner text, epoch bigint NOT NULL DEFAULT 0,
                expires_at timestamptz NOT NULL DEFAULT '-infinity')
            """,
            """
            CREATE TABLE wire_nodes (node text PRIMARY KEY, expires_at timestamptz NOT NULL)
            """,
        ],
    ]
}
