import WireModel

/// What a reader is told about the input besides its bytes.
public struct ReadContext: Sendable {
    /// The item's `source` field (type, configured name, path or URL).
    public var source: ItemSource
    /// When the input arrived, RFC 3339 UTC; copied to every item's `received_at`.
    public var receivedAt: String
    /// The document's own URL, the base for relative links when the copy gives none.
    public var documentURL: String?
    /// The charset from an HTTP `Content-Type`, which outranks the document's own declaration.
    public var declaredCharset: String?
    /// The source's configured zone (IANA name), used when a date in the copy gives none.
    public var timeZone: String?

    public init(
        source: ItemSource, receivedAt: String, documentURL: String? = nil,
        declaredCharset: String? = nil, timeZone: String? = nil
    ) {
        self.source = source
        self.receivedAt = receivedAt
        self.documentURL = documentURL
        self.declaredCharset = declaredCharset
        self.timeZone = timeZone
    }
}

/// The items a reader got out of one input, and what went wrong part-way.
///
/// A feed that breaks after three good items yields those three and one issue; the runtime writes
/// each issue as a dead-letter line, so nothing is lost silently.
public struct ReadResult: Sendable {
    public var items: [Item]
    public var issues: [ReadIssue]
    /// How long the document says it may be cached before it is fetched again (RSS `<ttl>`, given in
    /// minutes); nil when it says nothing usable. Feed-level: it belongs to no item and is not written out.
    public var ttl: Duration?

    public init(items: [Item], issues: [ReadIssue] = [], ttl: Duration? = nil) {
        self.items = items
        self.issues = issues
        self.ttl = ttl
    }
}

/// A recoverable problem inside an input: the input as a whole was still read.
public struct ReadIssue: Sendable, Equatable {
    /// Short, stable reason (`malformed-xml`, `item-too-large`, …).
    public var reason: String
    /// Human-readable detail, with a line number where the parser gives one.
    public var detail: String

    public init(reason: String, detail: String) {
        self.reason = reason
        self.detail = detail
    }
}

/// An input that cannot be read at all: it goes to `failed/` with this reason beside it.
public struct UnreadableInput: Error, Sendable, Equatable, CustomStringConvertible {
    /// Short, stable reason (`empty`, `binary`, `unknown-format`, `encoding`, `too-large`, `malformed`).
    public var reason: String
    public var detail: String

    public init(reason: String, detail: String) {
        self.reason = reason
        self.detail = detail
    }

    public var description: String { "\(reason): \(detail)" }
}

/// Turns the bytes of one input in one format into items.
public protocol Reader: Sendable {
    /// The format this reader handles; also the items' `format` unless the document says otherwise.
    var format: InputFormat { get }

    /// Reads a whole input. Throws `UnreadableInput` when nothing usable can be read; a document that
    /// breaks part-way returns the whole items before the break and an issue for the rest.
    func read(_ bytes: [UInt8], context: ReadContext) throws(UnreadableInput) -> ReadResult
}
