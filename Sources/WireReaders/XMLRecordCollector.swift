import LibXML

/// Builds a small `MarkupNode` tree for each "record" element of an XML document (a NITF root, a
/// NewsML-G2 `newsItem`) from the SAX push parser's events, and keeps a record only once its end tag
/// is seen: a document that breaks part-way yields exactly its whole records.
///
/// Everything outside records is only tracked for `xml:lang`, so a `newsMessage` of many items never
/// holds more than one item's tree at a time besides the finished ones.
final class XMLRecordCollector: SAXEventHandler {
    struct Limits {
        /// Records kept before the parse stops (and says so).
        var maxRecords: Int
        /// Elements inside one record; later ones (and their text) are left out and reported.
        var maxElementsPerRecord: Int
        /// Nesting kept inside one record: libxml2's push parser does not bound depth, and the tree is
        /// walked recursively. Deeper elements are flattened: their text joins the deepest kept element.
        var maxDepth = 256
        /// Bytes of text per run between two tags, enforced by the parser.
        var maxFieldBytes: Int
    }

    struct Record {
        var node: MarkupNode
        /// `xml:lang` on the record or the nearest ancestor that has one.
        var language: String?
    }

    struct Collected {
        var root: XMLElementName?
        var records: [Record]
        var issues: [ReadIssue]
    }

    private static let xmlNamespace = "http://www.w3.org/XML/1998/namespace"

    private let limits: Limits
    private let isRecord: (XMLElementName, Int) -> Bool
    /// Unowned, not weak: the parser owns this collector and outlives every callback, and a weak
    /// reference would send each of the parser's retains and releases down the runtime's slow path.
    unowned var parser: SAXPushParser?

    private(set) var root: XMLElementName?
    private(set) var records: [Record] = []
    /// `xml:lang` in scope for every open element, outermost first.
    private var languages: [String?] = []
    /// The record being built: its open elements, outermost first.
    private var open: [MarkupNode] = []
    private var openLanguage: String?
    private var openElements = 0
    /// Depth of the first element left out of an oversized record, until its end tag.
    private var skippingFrom: Int?
    private var oversizedRecords = 0
    /// Elements currently open below `maxDepth`, whose structure is not kept.
    private var flattened = 0
    private var openWasFlattened = false
    private var flattenedRecords = 0
    private var recordCapReached = false
    /// Depth of the open record's element (1 for the root).
    private var openDepth = 0
    /// The name of a record kept although its end tag never came.
    private var keptUnclosed: String?
    private var tally = XMLIssueTally()

    /// - Parameter isRecord: whether an element (at a depth, 1 for the root) outside any record starts one.
    init(limits: Limits, isRecord: @escaping (XMLElementName, Int) -> Bool) {
        self.limits = limits
        self.isRecord = isRecord
    }

    /// Prepares the bytes (BOM, charsets, bare ampersands) exactly as the feed reader does, then parses
    /// them with the hardened push parser.
    static func collect(_ bytes: [UInt8], context: ReadContext, limits: Limits, documentName: String,
                        isRecord: @escaping (XMLElementName, Int) -> Bool) -> Collected {
        let prepared = FeedBytesPreparer.prepare(bytes, httpCharset: context.declaredCharset)
        let collector = XMLRecordCollector(limits: limits, isRecord: isRecord)
        let parser = SAXPushParser(
            handler: collector,
            limits: .init(maxTextBytes: limits.maxFieldBytes),
            documentName: context.documentURL ?? context.source.path ?? documentName,
            ignoreDeclaredEncoding: prepared.transcoded)
        collector.parser = parser
        parser.parse(prepared.bytes)
        collector.keepRecordMissingOnlyItsEndTag(documentBytes: prepared.bytes)
        return Collected(root: collector.root, records: collector.records,
                         issues: prepared.issues + collector.issues())
    }

    // MARK: - SAX events

    func startElement(_ name: XMLElementName, attributes: [XMLAttribute]) {
        let declared = attributes.first(where: {
            $0.name.localName == "lang" && $0.name.namespaceURI == Self.xmlNamespace
        }).map { $0.value.trimmingWhitespace() }
        let language = declared.map { $0.isEmpty ? nil : $0 } ?? languages.last ?? nil
        languages.append(language)
        if root == nil { root = name }
        let depth = languages.count
        if !open.isEmpty {
            guard skippingFrom == nil else { return }
            guard open.count < limits.maxDepth else {
                if !openWasFlattened { flattenedRecords += 1 }
                openWasFlattened = true
                flattened += 1
                return
            }
            guard openElements < limits.maxElementsPerRecord else {
                skippingFrom = depth
                oversizedRecords += 1
                return
            }
            openElements += 1
            open.append(MarkupNode(name: name, attributes: attributes))
            return
        }
        if isRecord(name, depth) {
            // Capped when one record more starts: a message of exactly `maxRecords` items is whole.
            if records.count >= limits.maxRecords {
                recordCapReached = true
                parser?.stop()
                return
            }
            open = [MarkupNode(name: name, attributes: attributes)]
            openDepth = depth
            openLanguage = language
            openElements = 1
            openWasFlattened = false
        }
    }

    func text(_ text: String) {
        guard !open.isEmpty, skippingFrom == nil else { return }
        open[open.count - 1].content.append(.text(Windows1252.repairC1(text)))
    }

    func endElement(_ name: XMLElementName) {
        let depth = languages.count
        defer { if !languages.isEmpty { languages.removeLast() } }
        guard !open.isEmpty else { return }
        if let from = skippingFrom {
            if depth == from { skippingFrom = nil }
            return
        }
        if flattened > 0 {
            flattened -= 1
            return
        }
        let node = open.removeLast()
        guard open.isEmpty else {
            open[open.count - 1].content.append(.element(node))
            return
        }
        records.append(Record(node: node, language: openLanguage))
    }

    func parseError(_ error: XMLParseError) {
        tally.record(error)
    }

    // MARK: - Result

    /// libxml2 in RECOVER mode closes the innermost element at a mismatched end tag, so one stray tag
    /// inside a root record (a NITF story, a bare newsItem) leaves its own end tag unmatched although
    /// the whole document was read. Such a record is kept (and the issue says so) when the bytes do end
    /// with its end tag; otherwise the document was cut off and the record is dropped, however little is
    /// missing: a truncated kill notice must not pass for a whole item.
    private func keepRecordMissingOnlyItsEndTag(documentBytes bytes: [UInt8]) {
        guard open.count == 1, openDepth == 1, skippingFrom == nil, flattened == 0, !recordCapReached,
              let last = bytes.lastIndex(where: { $0 > 0x20 }),
              Self.endsWith(bytes[...last], endTag: "</\(open[0].name.qualifiedName)>"),
              let node = open.popLast()
        else { return }
        records.append(Record(node: node, language: openLanguage))
        keptUnclosed = node.name.qualifiedName
    }

    private static func endsWith(_ bytes: ArraySlice<UInt8>, endTag: String) -> Bool {
        let tag = Array(endTag.utf8)
        return bytes.count >= tag.count && bytes.suffix(tag.count).elementsEqual(tag)
    }

    private func issues() -> [ReadIssue] {
        var issues = tally.issues(openItem: open.first?.name.qualifiedName, maxFieldBytes: limits.maxFieldBytes)
        if let keptUnclosed {
            issues.append(ReadIssue(
                reason: "malformed-xml",
                detail: "<\(keptUnclosed)> was never closed; it was kept with everything inside it"))
        }
        if oversizedRecords > 0 {
            issues.append(ReadIssue(
                reason: "item-too-large",
                detail: "\(oversizedRecords) items had more than \(limits.maxElementsPerRecord) elements; "
                    + "the rest was left out"))
        }
        if flattenedRecords > 0 {
            issues.append(ReadIssue(
                reason: "item-too-large",
                detail: "\(flattenedRecords) items nested deeper than \(limits.maxDepth) levels; the deeper markup was "
                    + "flattened into its text"))
        }
        if recordCapReached {
            issues.append(ReadIssue(
                reason: "too-many-items",
                detail: "stopped after \(limits.maxRecords) items; the rest of the document was not read"))
        }
        return issues
    }
}
