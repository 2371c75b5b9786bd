/// One element of a parsed document, with its attributes and content in document order: the small
/// tree that the wire-format readers walk (a NITF story, one NewsML-G2 item, an HTML page).
///
/// Built from SAX events or from libxml2's HTML tree, so that no reader needs a libxml2 pointer. Depth
/// is bounded by whoever builds it (libxml2 refuses XML deeper than 256 levels without HUGE;
/// `HTMLDocumentTree` caps HTML the same way), so the recursive walks here cannot exhaust the stack.
public struct MarkupNode: Sendable, Equatable {
    public indirect enum Content: Sendable, Equatable {
        case element(MarkupNode)
        case text(String)
    }

    public var name: XMLElementName
    public var attributes: [XMLAttribute]
    public var content: [Content]

    public init(name: XMLElementName, attributes: [XMLAttribute] = [], content: [Content] = []) {
        self.name = name
        self.attributes = attributes
        self.content = content
    }

    public var localName: String { name.localName }

    /// The value of the attribute with this local name and no namespace (`xml:lang` is not `lang`).
    public func attribute(_ localName: String) -> String? {
        attributes.first(where: { $0.name.localName == localName && $0.name.namespaceURI == nil })?.value
    }

    /// The child elements, in order.
    public var elements: [MarkupNode] {
        content.compactMap { if case .element(let node) = $0 { return node } else { return nil } }
    }

    public func child(_ localName: String) -> MarkupNode? {
        for case .element(let node) in content where node.localName == localName { return node }
        return nil
    }

    public func children(_ localName: String) -> [MarkupNode] {
        elements.filter { $0.localName == localName }
    }

    /// The first element with this local name below this one, in document order.
    public func firstDescendant(_ localName: String) -> MarkupNode? {
        for case .element(let node) in content {
            if node.localName == localName { return node }
            if let found = node.firstDescendant(localName) { return found }
        }
        return nil
    }

    /// Every element with this local name below this one, in document order (not below a match).
    public func descendants(_ localName: String) -> [MarkupNode] {
        var found: [MarkupNode] = []
        for case .element(let node) in content {
            if node.localName == localName {
                found.append(node)
            } else {
                found += node.descendants(localName)
            }
        }
        return found
    }

    /// All character data below this element, concatenated as written (white space untouched).
    public var text: String {
        var out = ""
        appendText(to: &out)
        return out
    }

    private func appendText(to out: inout String) {
        for part in content {
            switch part {
            case .text(let text): out += text
            case .element(let node): node.appendText(to: &out)
            }
        }
    }

    /// The content serialised back to markup (text escaped), for `content_html`.
    /// - Parameters:
    ///   - skipping: local names of elements left out with everything inside them.
    ///   - attribute: rewrites an attribute's value, or drops it by returning nil.
    public func innerMarkup(skipping: Set<String> = [],
                            attribute rewrite: (XMLElementName, XMLAttribute) -> String? = { $1.value }) -> String {
        var out = ""
        appendInnerMarkup(to: &out, skipping: skipping, rewrite: rewrite)
        return out
    }

    /// Elements that HTML never closes, written as `<br/>` so that both HTML and XML parsers read them.
    private static let voidElements: Set<String> = [
        "br", "hr", "img", "input", "meta", "link", "area", "base", "col", "embed", "source", "track", "wbr",
    ]

    private func appendInnerMarkup(to out: inout String, skipping: Set<String>,
                                   rewrite: (XMLElementName, XMLAttribute) -> String?) {
        for part in content {
            switch part {
            case .text(let text):
                out += Self.escape(text, quotes: false)
            case .element(let node):
                guard !skipping.contains(node.localName) else { continue }
                out += "<" + node.name.qualifiedName
                for attribute in node.attributes {
                    guard let value = rewrite(node.name, attribute) else { continue }
                    out += " \(attribute.name.qualifiedName)=\"\(Self.escape(value, quotes: true))\""
                }
                if node.content.isEmpty, Self.voidElements.contains(node.localName.lowercased()) {
                    out += "/>"
                    continue
                }
                out += ">"
                node.appendInnerMarkup(to: &out, skipping: skipping, rewrite: rewrite)
                out += "</\(node.name.qualifiedName)>"
            }
        }
    }

    /// `&`, `<`, `>` (and `"` inside attribute values) as references.
    public static func escape(_ text: String, quotes: Bool) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"" where quotes: out += "&quot;"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
