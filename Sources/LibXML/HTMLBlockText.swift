import CLibXML2

/// An HTML fragment or page as paragraphs of text, each with the kind of element it sits in, walked
/// straight off libxml2's tree: what `clean` needs, without copying the page into `MarkupNode`s first
/// (that copy cost more than all of cleaning).
///
/// Block elements end a paragraph; `<br>` is a line break (the caller folds white space, and two in a
/// row make a blank line); table cells are separated by a space. Scripts, styles and templates are
/// skipped. The text is returned as libxml2 decoded it (entities resolved), not yet normalised.
public enum HTMLBlockText {
    /// The kind of element a paragraph sits in; the outermost one that has a kind wins.
    public enum Container: Sendable, Equatable {
        case body, figureCaption, navigation, aside, footer, form
    }

    public struct Block: Sendable, Equatable {
        public var text: String
        public var container: Container
    }

    private static let skipped: Set<String> = ["script", "style", "noscript", "template", "head", "title", "svg", "iframe"]
    private static let blocks: Set<String> = [
        "p", "div", "section", "article", "header", "footer", "aside", "blockquote", "pre", "figure",
        "figcaption", "ul", "ol", "li", "dl", "dt", "dd", "table", "tr", "caption", "h1", "h2", "h3", "h4",
        "h5", "h6", "hr", "address", "main", "nav", "form", "details", "summary", "body", "html", "label", "button",
        "legend", "option",
    ]
    private static let containers: [String: Container] = [
        "nav": .navigation, "aside": .aside, "footer": .footer, "form": .form, "figcaption": .figureCaption,
    ]

    public static func blocks(fromHTML html: String) -> [Block] {
        var bytes = Array(html.utf8)
        guard !bytes.isEmpty else { return [] }
        LibXML.initialize()
        let options = HTML_PARSE_RECOVER.rawValue | HTML_PARSE_NONET.rawValue | HTML_PARSE_NOERROR.rawValue
            | HTML_PARSE_NOWARNING.rawValue | HTML_PARSE_COMPACT.rawValue
        let count = Int32(clamping: bytes.count)
        let doc = bytes.withUnsafeMutableBufferPointer { buffer -> htmlDocPtr? in
            guard let base = buffer.baseAddress else { return nil }
            return base.withMemoryRebound(to: CChar.self, capacity: buffer.count) { chars in
                // Swift strings are UTF-8, whatever the page's <meta charset> claims.
                htmlReadMemory(chars, count, nil, "UTF-8", Int32(bitPattern: options))
            }
        }
        guard let doc else { return [] }
        defer { xmlFreeDoc(doc) }
        var walker = Walker()
        walker.walk(doc.pointee.children)
        walker.flush()
        return walker.out
    }

    private struct Walker {
        var out: [Block] = []
        var buffer = ""
        var bufferContainer = Container.body

        /// Depth-first with an explicit stack: nesting depth comes from the input.
        mutating func walk(_ first: xmlNodePtr?) {
            var stack: [(node: xmlNodePtr, container: Container, leaving: Bool)] = []
            var roots: [xmlNodePtr] = []
            var next = first
            while let node = next { roots.append(node); next = node.pointee.next }
            for node in roots.reversed() { stack.append((node, .body, false)) }
            while let (node, container, leaving) = stack.popLast() {
                let name = node.pointee.type == XML_ELEMENT_NODE ? node.pointee.name.map { String(cString: $0) } ?? "" : ""
                if leaving {
                    if HTMLBlockText.blocks.contains(name) { flush() }
                    continue
                }
                switch node.pointee.type {
                case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
                    guard let content = node.pointee.content else { continue }
                    if buffer.isEmpty { bufferContainer = container }
                    buffer += String(cString: content)
                case XML_ELEMENT_NODE:
                    if HTMLBlockText.skipped.contains(name) { continue }
                    if buffer.isEmpty { bufferContainer = container }
                    if name == "br" { buffer += "\n"; continue }
                    if name == "td" || name == "th" { buffer += " " }
                    var inner = container
                    if container == .body, let kind = HTMLBlockText.containers[name] { inner = kind }
                    if HTMLBlockText.blocks.contains(name) { flush() }
                    stack.append((node, inner, true))
                    var children: [xmlNodePtr] = []
                    var child = node.pointee.children
                    while let c = child { children.append(c); child = c.pointee.next }
                    for c in children.reversed() { stack.append((c, inner, false)) }
                default:
                    continue
                }
            }
        }

        mutating func flush() {
            guard !buffer.isEmpty else { return }
            out.append(Block(text: buffer, container: bufferContainer))
            buffer = ""
        }
    }
}
