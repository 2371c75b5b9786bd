import WireDedupe

/// Where the dedupe stage keeps its decisions, so that a restart recognises what came before.
///
/// Every decided item is one row: the record the index is rebuilt from, and the decision written on
/// the item (so that an item delivered again after a crash gets the same decision, not "duplicate of
/// itself").
public protocol DedupeStateStore: AnyObject, Sendable {
    /// Every stored record, in sequence order.
    func loadDedupeRecords() throws -> [DedupeRecord]
    func dedupeEntry(itemID: String) throws -> DedupeEntry?
    func dedupeEntry(sequence: UInt32) throws -> DedupeEntry?
    /// Stores one decision; rows below `forgetBelow` (evicted from the index) may be deleted with it.
    func saveDedupe(_ entry: DedupeEntry, record: DedupeRecord, forgetBelow: UInt32?) throws
    /// Runs one decision alone among every writer of the state, in one transaction with what `body`
    /// saves: `body` first gets the records other writers (other nodes) stored from sequence `next` on,
    /// to add to its index before deciding. A store with one writer has nothing to catch up.
    func decideAlone<T>(catchingUpFrom next: UInt32, _ body: ([DedupeRecord]) throws -> T) throws -> T
}

/// A state error that passes by itself (the database unreachable): the caller waits and tries again
/// rather than letting an item past the ledger.
public protocol TransientStateError: Error {}

extension DedupeStateStore {
    public func decideAlone<T>(catchingUpFrom next: UInt32, _ body: ([DedupeRecord]) throws -> T) throws -> T {
        try body([])
    }
}

/// One item's decision as stored and as written on the item.
public struct DedupeEntry: Sendable, Equatable {
    public var sequence: UInt32
    public var itemID: String
    public var status: DedupeStatus
    public var duplicateOf: String?
    public var similarity: Double?
    public var storyID: String
    /// Sequence of the story's first item (its own when the item starts a story).
    public var storySequence: UInt32

    public init(
        sequence: UInt32, itemID: String, status: DedupeStatus, duplicateOf: String?, similarity: Double?, storyID: String,
        storySequence: UInt32
    ) {
        self.sequence = sequence
        self.itemID = itemID
        self.status = status
        self.duplicateOf = duplicateOf
        self.similarity = similarity
        self.storyID = storyID
        self.storySequence = storySequence
    }
}
