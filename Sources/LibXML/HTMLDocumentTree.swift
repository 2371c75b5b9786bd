import CLibXML2

/// A whole HTML page as a `MarkupNode` tree, through libxml2's forgiving HTML parser: the page's
/// structure for readers that must choose among its parts (the article reader), where `HTMLText`
/// only flattens a fragment.
///
/// Comments and processing instructions are dropped; element names come back lower-cased, as libxml2
/// gives them. The tree is bounded: elements past `maxElements`, or nested deeper than `maxDepth`, are
/// left out, and `Parsed.truncated` says so.
public enum HTMLDocumentTree {
    public struct Limits: Sendable {
        public var maxElements: Int
        public var maxDepth: Int

        public init(maxElements: Int = 200_000, maxDepth: Int = 256) {
            self.maxElements = maxElements
            self.maxDepth = maxDepth
        }
    }

    public struct Parsed: Sendable {
        /// A synthetic `#document` element holding the page's top-level nodes.
        public var document: MarkupNode
        public var truncated: Bool
    }

    public static func parse(_ html: String, limits: Limits = Limits()) -> Parsed {
        var parsed = Parsed(document: MarkupNode(name: XMLElementName(localName: "#document")), truncated: false)
        HTMLDocumentReader.withDocument(html) { doc in
            var builder = Builder(limits: limits)
            parsed.document.content = builder.contents(of: doc.pointee.children, depth: 1)
            parsed.truncated = builder.truncated
        }
        return parsed
    }

    /// Copies libxml2's node list into Swift values, counting elements against the limits.
    private struct Builder {
        let limits: Limits
        var elements = 0
        var truncated = false

        mutating func contents(of first: xmlNodePtr?, depth: Int) -> [MarkupNode.Content] {
            var out: [MarkupNode.Content] = []
            var next = first
            while let node = next {
                next = node.pointee.next
                switch node.pointee.type {
                case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
                    if let content = node.pointee.content { out.append(.text(String(cString: content))) }
                case XML_ELEMENT_NODE:
                    guard depth <= limits.maxDepth, elements < limits.maxElements else {
                        truncated = true
                        continue
                    }
                    elements += 1
                    let name = node.pointee.name.map { String(cString: $0) } ?? ""
                    var element = MarkupNode(name: XMLElementName(localName: name), attributes: attributes(of: node))
                    element.content = contents(of: node.pointee.children, depth: depth + 1)
                    out.append(.element(element))
                default:
                    continue
                }
            }
            return out
        }

        private func attributes(of node: xmlNodePtr) -> [XMLAttribute] {
            var out: [XMLAttribute] = []
            var next = node.pointee.properties
            while let attribute = next {
                next = attribute.pointee.next
                guard let name = attribute.pointee.name else { continue }
                var value = ""
                var child = attribute.pointee.children
                while let part = child {
                    if let content = part.pointee.content { value += String(cString: content) }
                    child = part.pointee.next
                }
                out.append(XMLAttribute(name: XMLElementName(localName: String(cString: name)), value: value))
            }
            return out
        }
    }
}
