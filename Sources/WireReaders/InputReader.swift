import WireModel

/// The one entry point the runtime calls: sniffs what the bytes are and hands them to that format's reader.
public struct InputReader: Sendable {
    private let sniffer = FormatSniffer()
    private let readers: [InputFormat: any Reader]
    /// Larger inputs are refused whole (`too-large`) rather than read into memory-hungry readers.
    public var maxInputBytes = 64 << 20

    /// Readers for every format: feeds (RSS, RDF, Atom), plain text, NITF, NewsML-G2, ninjs and HTML pages.
    public init() {
        let feeds = FeedReader()
        self.init(readers: [
            .rss: feeds, .rdf: feeds, .atom: feeds, .text: PlainTextReader(),
            .nitf: NITFReader(), .newsml: NewsMLG2Reader(), .ninjs: NinjsReader(), .html: HTMLArticleReader(),
        ])
    }

    /// A custom set, for tests and for limits other than the defaults.
    public init(readers: [InputFormat: any Reader]) {
        self.readers = readers
    }

    /// The format the content says it is, or why it is unreadable.
    public func sniff(_ bytes: [UInt8]) -> FormatSniffer.Verdict {
        sniffer.sniff(bytes)
    }

    public func read(_ bytes: [UInt8], context: ReadContext) throws(UnreadableInput) -> ReadResult {
        guard bytes.count <= maxInputBytes else {
            throw UnreadableInput(reason: "too-large", detail: "\(bytes.count) bytes; the limit is \(maxInputBytes)")
        }
        switch sniffer.sniff(bytes) {
        case .empty:
            throw UnreadableInput(reason: "empty", detail: "the input has no content")
        case .binary(let why):
            throw UnreadableInput(reason: "binary", detail: "not text: \(why)")
        case .unknownXML(let root):
            throw UnreadableInput(
                reason: "unknown-format",
                detail: root.isEmpty ? "markup with no root element" : "XML root <\(root)> is not a known format")
        case .format(let format):
            guard let reader = readers[format] else {
                throw UnreadableInput(reason: "unsupported-format",
                                      detail: "looks like \(format.rawValue), which has no reader yet")
            }
            return try reader.read(bytes, context: context)
        }
    }
}
