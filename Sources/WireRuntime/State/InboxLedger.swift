/// What the daemon remembers about inbox files, so that a restart neither loses nor repeats one.
public protocol InboxLedger: Sendable {
    /// Records that `name` (with these bytes) is being processed, and says whether it was seen before.
    func claim(_ file: InboxFileKey, size: Int, at time: String) throws -> InboxClaim

    /// Records the end of a file's processing.
    func finish(_ file: InboxFileKey, status: InboxFileStatus, items: Int, reason: String?, at time: String) throws
}

/// An inbox file is known by its source, its name and a hash of its bytes: the same name with new
/// bytes is a new arrival.
public struct InboxFileKey: Sendable, Hashable {
    public var source: String
    public var name: String
    public var contentHash: String

    public init(source: String, name: String, contentHash: String) {
        self.source = source
        self.name = name
        self.contentHash = contentHash
    }
}

public enum InboxFileStatus: String, Sendable {
    case processing, done, failed
}

public enum InboxClaim: Sendable, Equatable {
    /// Never seen: process it.
    case new
    /// Claimed by an earlier run that stopped before finishing: process it again (the sinks skip lines
    /// they already hold, so nothing is written twice).
    case resumed
    /// Finished earlier (its items are durable) but the file was not moved: move it, do not reprocess.
    case alreadyFinished(InboxFileStatus)
}
