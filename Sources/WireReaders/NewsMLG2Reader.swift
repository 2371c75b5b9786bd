import LibXML
import WireModel

/// IPTC NewsML-G2: a `newsMessage` of several items or a bare item, each `newsItem` one item, through
/// libxml2's SAX2 push parser with the feed reader's hardening.
///
/// Kill and withhold notices are items like any other, with `pub_status` `canceled` or `withheld`
/// (and usually no text), so that `dedupe` can act on the guid they name. Package, concept, knowledge
/// and planning items carry no story: each is reported as an `unsupported-item` issue, not an error.
public struct NewsMLG2Reader: Reader {
    public var format: InputFormat { .newsml }

    public static let namespace = "http://iptc.org/std/nar/2006-10-01/"
    /// The G2 item kinds; only `newsItem` holds a story.
    static let itemKinds: Set<String> = ["newsItem", "packageItem", "conceptItem", "knowledgeItem", "planningItem"]

    public var maxItems: Int
    public var maxFieldBytes: Int
    /// Elements read per item; an item with more is cut and says so.
    public var maxElementsPerItem: Int

    public init(maxItems: Int = 10_000, maxFieldBytes: Int = 1 << 20, maxElementsPerItem: Int = 100_000) {
        self.maxItems = maxItems
        self.maxFieldBytes = maxFieldBytes
        self.maxElementsPerItem = maxElementsPerItem
    }

    public func read(_ bytes: [UInt8], context: ReadContext) throws(UnreadableInput) -> ReadResult {
        guard !bytes.isEmpty else { throw UnreadableInput(reason: "empty", detail: "the input has no bytes") }
        let collected = XMLRecordCollector.collect(
            bytes, context: context,
            limits: .init(maxRecords: maxItems, maxElementsPerRecord: maxElementsPerItem, maxFieldBytes: maxFieldBytes),
            documentName: "message.xml",
            isRecord: { name, _ in
                Self.itemKinds.contains(name.localName)
                    && (name.namespaceURI == Self.namespace || name.namespaceURI == nil)
            })
        guard let root = collected.root else {
            let detail = collected.issues.first(where: { $0.reason == "malformed-xml" })?.detail ?? "no root element"
            throw UnreadableInput(reason: "malformed", detail: detail)
        }
        guard root.localName == "newsMessage" || Self.itemKinds.contains(root.localName) else {
            throw UnreadableInput(reason: "unknown-format",
                                  detail: "XML root <\(root.qualifiedName)> is not a NewsML-G2 message or item")
        }
        var items: [Item] = []
        var skipped: [ReadIssue] = []
        for record in collected.records {
            guard record.node.localName == "newsItem" else {
                let guid = record.node.attribute("guid").map { " \($0)" } ?? ""
                skipped.append(ReadIssue(reason: "unsupported-item",
                                         detail: "<\(record.node.localName)>\(guid) skipped: it holds no story"))
                continue
            }
            items.append(NewsMLG2Item.item(from: record.node, language: record.language, context: context))
        }
        return ReadResult(items: items, issues: skipped + collected.issues)
    }
}
