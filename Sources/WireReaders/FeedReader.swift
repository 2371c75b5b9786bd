import LibXML
import WireModel

/// RSS 0.9x/2.0, RSS 1.0 (RDF) and Atom 1.0 through libxml2's SAX2 push parser.
///
/// The document's root decides the items' `format` (`rss`, `rdf`, `atom`), whatever `format` says.
/// A document that breaks part-way returns its whole items and a `malformed-xml` issue; one that never
/// reaches a root element is unreadable.
public struct FeedReader: Reader {
    public var format: InputFormat { .rss }

    /// Items read from one document before the reader stops (and says so in an issue).
    public var maxItems: Int
    /// Bytes of text kept per field (`description`, `content:encoded`, …).
    public var maxFieldBytes: Int

    public init(maxItems: Int = 10_000, maxFieldBytes: Int = 1 << 20) {
        self.maxItems = maxItems
        self.maxFieldBytes = maxFieldBytes
    }

    public func read(_ bytes: [UInt8], context: ReadContext) throws(UnreadableInput) -> ReadResult {
        guard !bytes.isEmpty else { throw UnreadableInput(reason: "empty", detail: "the input has no bytes") }
        let prepared = FeedBytesPreparer.prepare(bytes, httpCharset: context.declaredCharset)
        let handler = FeedDocumentHandler(context: context,
                                          limits: .init(maxItems: maxItems, maxFieldBytes: maxFieldBytes))
        let parser = SAXPushParser(
            handler: handler,
            limits: .init(maxTextBytes: maxFieldBytes),
            documentName: context.documentURL ?? context.source.path ?? "feed.xml",
            ignoreDeclaredEncoding: prepared.transcoded)
        handler.parser = parser
        parser.parse(prepared.bytes)
        let result = handler.result(extraIssues: prepared.issues)
        guard handler.sawRoot else {
            let detail = result.issues.first(where: { $0.reason == "malformed-xml" })?.detail ?? "no root element"
            throw UnreadableInput(reason: "malformed", detail: detail)
        }
        return result
    }
}
