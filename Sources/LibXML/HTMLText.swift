import CLibXML2

/// Text out of an HTML fragment through libxml2's HTML parser: entities decoded, tags dropped, script
/// and style skipped. Block elements become blank lines and `<br>` a line break, so the caller can
/// split paragraphs; the caller also normalises white space.
public enum HTMLText {
    /// Elements whose content is never text a reader sees.
    private static let skipped: Set<String> = ["script", "style", "noscript", "template", "head", "title"]
    /// Elements that start and end a paragraph.
    private static let blocks: Set<String> = [
        "p", "div", "section", "article", "header", "footer", "aside", "blockquote", "pre", "figure",
        "figcaption", "ul", "ol", "li", "dl", "dt", "dd", "table", "tr", "h1", "h2", "h3", "h4", "h5", "h6",
        "hr", "address", "main", "nav",
    ]

    public static func text(fromHTML html: String) -> String {
        HTMLDocumentReader.withDocument(html, text(of:)) ?? ""
    }

    private static func text(of doc: htmlDocPtr) -> String {
        var out = ""
        // An explicit stack rather than recursion: nesting depth comes from the input.
        var stack: [(node: xmlNodePtr, leaving: Bool)] = []
        var child = doc.pointee.children
        var roots: [xmlNodePtr] = []
        while let node = child {
            roots.append(node)
            child = node.pointee.next
        }
        for node in roots.reversed() { stack.append((node, false)) }
        while let (node, leaving) = stack.popLast() {
            let name = node.pointee.name.map { String(cString: $0) }?.lowercased() ?? ""
            if leaving {
                if blocks.contains(name) { out += "\n\n" }
                continue
            }
            switch node.pointee.type {
            case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
                if let content = node.pointee.content { out += String(cString: content) }
            case XML_ELEMENT_NODE:
                if skipped.contains(name) { continue }
                if name == "br" { out += "\n"; continue }
                if blocks.contains(name) { out += "\n\n" }
                stack.append((node, true))
                var children: [xmlNodePtr] = []
                var next = node.pointee.children
                while let c = next {
                    children.append(c)
                    next = c.pointee.next
                }
                for c in children.reversed() { stack.append((c, false)) }
            default:
                continue
            }
        }
        return out
    }
}
