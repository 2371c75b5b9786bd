import LibXML
import WireModel

/// NITF 3.x news stories (with or without the 2006 NITF namespace), one item per document, through
/// libxml2's SAX2 push parser with the same hardening as the feed reader.
///
/// A document cut off before `</nitf>` is not a whole story: it yields no item and a `malformed-xml`
/// issue, as a feed's unfinished item does. One that never reaches a root element is unreadable.
public struct NITFReader: Reader {
    public var format: InputFormat { .nitf }

    /// Bytes of text kept per run of text between two tags.
    public var maxFieldBytes: Int
    /// Elements read from one story; a story with more is cut and says so.
    public var maxElements: Int

    public init(maxFieldBytes: Int = 1 << 20, maxElements: Int = 100_000) {
        self.maxFieldBytes = maxFieldBytes
        self.maxElements = maxElements
    }

    public func read(_ bytes: [UInt8], context: ReadContext) throws(UnreadableInput) -> ReadResult {
        guard !bytes.isEmpty else { throw UnreadableInput(reason: "empty", detail: "the input has no bytes") }
        let collected = XMLRecordCollector.collect(
            bytes, context: context,
            limits: .init(maxRecords: 1, maxElementsPerRecord: maxElements, maxFieldBytes: maxFieldBytes),
            documentName: "story.nitf", isRecord: { name, depth in depth == 1 && name.localName == "nitf" })
        guard let root = collected.root else {
            let detail = collected.issues.first(where: { $0.reason == "malformed-xml" })?.detail ?? "no root element"
            throw UnreadableInput(reason: "malformed", detail: detail)
        }
        guard root.localName == "nitf" else {
            throw UnreadableInput(reason: "unknown-format", detail: "XML root <\(root.qualifiedName)> is not NITF")
        }
        let items = collected.records.map { record -> Item in
            var item = Item(source: context.source, format: .nitf, receivedAt: context.receivedAt)
            NITFStory.fill(&item, from: record.node, context: context)
            if item.language == nil { item.language = record.language }
            return item
        }
        if let item = items.first, item.guid == nil, item.headline == nil, item.body == nil, item.captions.isEmpty {
            throw UnreadableInput(reason: "empty", detail: "a NITF document with no doc-id, headline or text")
        }
        // One root, so one record at most: reaching that "cap" is the normal end, not a truncation.
        return ReadResult(items: items, issues: collected.issues.filter { $0.reason != "too-many-items" })
    }
}
