/// The four outcomes of DESIGN §3's `dedupe.status`.
public enum DedupeStatus: String, Sendable, Equatable, CaseIterable {
    case unique
    /// The same text again (normalised body hash), or an older version of a guid arriving late.
    case duplicate
    /// The same story lightly edited, re-timed or re-headlined.
    case nearDuplicate = "near_duplicate"
    /// A newer version of a guid, a correction, or a kill/withhold notice of it.
    case update
}

/// What dedupe says about one item.
public struct DedupeDecision: Sendable, Equatable {
    public var status: DedupeStatus
    /// The earlier item this one repeats, updates or kills.
    public var matchedSequence: UInt32?
    /// Estimated Jaccard similarity of the word shingles (near duplicates; 1 for exact copies).
    public var similarity: Double?
    /// The record the item was stored under.
    public var record: DedupeRecord

    public init(status: DedupeStatus, matchedSequence: UInt32?, similarity: Double?, record: DedupeRecord) {
        self.status = status
        self.matchedSequence = matchedSequence
        self.similarity = similarity
        self.record = record
    }
}
