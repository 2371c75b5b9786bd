/// The Prometheus series the daemon exports, in one place so `/metrics`, the tests and the README agree.
public enum MetricNames {
    public static let itemsIn = "wirefeed_items_in_total"
    public static let stageItems = "wirefeed_stage_items_total"
    public static let stageErrors = "wirefeed_stage_errors_total"
    public static let stageDuration = "wirefeed_stage_duration_seconds"
    public static let sinkRecords = "wirefeed_sink_records_total"
    public static let sinkErrors = "wirefeed_sink_errors_total"
    public static let sinkWritable = "wirefeed_sink_writable"
    public static let deadLetters = "wirefeed_dead_letters_total"
    public static let itemsDropped = "wirefeed_items_dropped_total"
    public static let inputs = "wirefeed_inputs_total"
    public static let dedupeDecisions = "wirefeed_dedupe_decisions_total"
    public static let queueDepth = "wirefeed_queue_depth"
    public static let itemsInFlight = "wirefeed_items_in_flight"
    public static let sourceLastItem = "wirefeed_source_last_item_timestamp_seconds"
    public static let healthy = "wirefeed_healthy"
    public static let draining = "wirefeed_draining"
    public static let feedConsecutiveErrors = "wirefeed_feed_consecutive_errors"
    public static let feedItemsEmitted = "wirefeed_feed_items_emitted"
    public static let feedSilent = "wirefeed_feed_silent"
    public static let feedLastSuccess = "wirefeed_feed_last_success_timestamp_seconds"
    public static let embargoHeld = "wirefeed_embargo_held_items"
    /// Time a dedupe decision spends in the shared PostgreSQL ledger (lock, catch-up, insert, commit).
    public static let ledgerLatency = "wirefeed_ledger_latency_seconds"
    /// Feeds this node owns (several nodes sharing PostgreSQL).
    public static let leasesHeld = "wirefeed_leases_held"
    /// Feeds this node took over from a node whose lease expired.
    public static let leaseTakeovers = "wirefeed_lease_takeovers_total"
}
