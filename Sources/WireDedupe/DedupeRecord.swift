/// What the index keeps of one decided item; also what the state store persists to rebuild it.
public struct DedupeRecord: Sendable, Equatable {
    /// Which lookup tables the item is reachable through.
    public struct Membership: OptionSet, Sendable, Equatable {
        public let rawValue: UInt8
        public init(rawValue: UInt8) { self.rawValue = rawValue }
        /// First item with its body hash: exact copies point here.
        public static let exact = Membership(rawValue: 1)
        /// Its signature is in the LSH bands: near copies find it.
        public static let near = Membership(rawValue: 2)
        /// Latest version of its guid: updates and late versions find it.
        public static let guid = Membership(rawValue: 4)
    }

    public var sequence: UInt32
    public var bodyHash: UInt64
    /// Hash of (source, guid); 0 when the item has no guid.
    public var guidHash: UInt64
    /// The source's version as a number, or -1.
    public var version: Int32
    /// Seconds since 1970 of `published_at`, else `received_at`.
    public var eventTime: Int64
    /// The item had no `published_at`: `eventTime` is when it arrived, which does not move the
    /// window's clock once published times are known (an archive replayed today would otherwise
    /// push every story of its own dates out of the window).
    public var timeIsReceived: Bool
    public var signature: MinHashSignature?
    public var membership: Membership
    /// Sequence of the first item of the item's story (its own when it starts one).
    public var storySequence: UInt32
    /// The item's salient names (`SalientTerms`) as the story index keeps them.
    public var salientTerms: [UInt32]

    public init(
        sequence: UInt32, bodyHash: UInt64, guidHash: UInt64, version: Int32, eventTime: Int64,
        signature: MinHashSignature?, membership: Membership, storySequence: UInt32? = nil, salientTerms: [UInt32] = [],
        timeIsReceived: Bool = false
    ) {
        self.sequence = sequence
        self.bodyHash = bodyHash
        self.guidHash = guidHash
        self.version = version
        self.eventTime = eventTime
        self.signature = signature
        self.membership = membership
        self.storySequence = storySequence ?? sequence
        self.salientTerms = salientTerms
        self.timeIsReceived = timeIsReceived
    }
}
