/// Feed ownership among several nodes sharing one state database: at most one node polls a feed at a
/// time, and a dead node's feeds move to the others.
public protocol FeedLeaseStore: AnyObject, Sendable {
    /// One round of lease keeping for this node, in one transaction: announces the node as alive,
    /// renews the leases it holds, gives back held feeds above its fair share (only those in `idle`,
    /// never a feed mid-poll), and claims due feeds (never owned, or whose lease expired) up to its share.
    /// Later feed commits are fenced by the epochs this round holds.
    func refreshLeases(feeds: [String], ttl: Duration, idle: Set<String>) throws -> LeaseRound

    /// Gives back every lease this node holds (a clean stop), so others need not wait for the TTL.
    func releaseLeases() throws
}

/// What one round of lease keeping left this node with.
public struct LeaseRound: Sendable, Equatable {
    /// Every feed this node owns now.
    public var held: Set<String>
    /// Feeds claimed this round whose earlier owner's lease had expired (a takeover).
    public var takenOver: [String]

    public init(held: Set<String>, takenOver: [String]) {
        self.held = held
        self.takenOver = takenOver
    }
}

/// A feed commit refused because this node no longer holds the feed's lease (another node took it).
public struct LeaseLost: Error, CustomStringConvertible {
    public var source: String
    public var description: String { "the lease on feed \(source) is no longer this node's: commit refused" }
}
