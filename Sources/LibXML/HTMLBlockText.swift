import CLibXML2

/// An HTML fragment or page as paragraphs of text, each with the kind of element it sits in, walked
/// straight off libxml2's tree: what `clean` needs, without copying the page into `MarkupNode`s first
/// (that copy cost more than all of cleaning).
///
/// Block elements end a paragraph; `<br>` is a line break (the caller folds white space, and two in
/// a row make a blank line); table cells are separated by a space. Scripts, styles and templates are
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

    /// What the walk does with an element, decided from its name.
    private struct ElementRole {
        var skipped = false
        var block = false
        var lineBreak = false
        var cell = false
        var container: Container?
    }

    /// An element name of at most 16 bytes packed into two integers: roles are found without making
    /// a `String` per element (that allocation was most of the walk).
    private struct NameKey: Hashable {
        var low: UInt64
        var high: UInt64

        init?(_ bytes: some Collection<UInt8>) {
            guard bytes.count <= 16 else { return nil }
            low = 0
            high = 0
            for (offset, byte) in bytes.enumerated() {
                if offset < 8 { low |= UInt64(byte) << (8 * offset) } else { high |= UInt64(byte) << (8 * (offset - 8)) }
            }
        }

        /// The name at a C string, or nil when it is longer than any name with a role.
        init?(_ name: UnsafePointer<xmlChar>) {
            var low: UInt64 = 0
            var high: UInt64 = 0
            var offset = 0
            while name[offset] != 0 {
                guard offset < 16 else { return nil }
                let byte = UInt64(name[offset])
                if offset < 8 { low |= byte << (8 * offset) } else { high |= byte << (8 * (offset - 8)) }
                offset += 1
            }
            self.low = low
            self.high = high
        }
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

    /// Every name with a role; a name not here is an inline element.
    private static let roles: [NameKey: ElementRole] = {
        var roles: [NameKey: ElementRole] = [:]
        func update(_ name: String, _ change: (inout ElementRole) -> Void) {
            guard let key = NameKey(Array(name.utf8)) else { return }
            change(&roles[key, default: ElementRole()])
        }
        for name in skipped { update(name) { $0.skipped = true } }
        for name in blocks { update(name) { $0.block = true } }
        for (name, kind) in containers { update(name) { $0.container = kind } }
        update("br") { $0.lineBreak = true }
        update("td") { $0.cell = true }
        update("th") { $0.cell = true }
        return roles
    }()

    private static func role(_ node: xmlNodePtr) -> ElementRole? {
        guard let name = node.pointee.name, let key = NameKey(name) else { return nil }
        return roles[key]
    }

    public static func blocks(fromHTML html: String) -> [Block] {
        HTMLDocumentReader.withDocument(html) { doc in
            var walker = Walker()
            walker.walk(doc.pointee.children)
            walker.flush()
            return walker.out
        } ?? []
    }

    private struct Walker {
        var out: [Block] = []
        /// The paragraph so far, as UTF-8: one `String` per paragraph, not one per text node.
        var buffer: [UInt8] = []
        var bufferContainer = Container.body

        /// Depth-first with an explicit stack: nesting depth comes from the input.
        mutating func walk(_ first: xmlNodePtr?) {
            var stack: [(node: xmlNodePtr, container: Container, leaving: Bool)] = []
            var last = first
            while let node = last, let next = node.pointee.next { last = next }
            // Pushed last to first, so that the first comes off the stack first.
            var sibling = last
            while let node = sibling { stack.append((node, .body, false)); sibling = node.pointee.prev }
            while let (node, container, leaving) = stack.popLast() {
                if leaving {
                    if HTMLBlockText.role(node)?.block == true { flush() }
                    continue
                }
                switch node.pointee.type {
                case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
                    guard let content = node.pointee.content else { continue }
                    if buffer.isEmpty { bufferContainer = container }
                    append(content)
                case XML_ELEMENT_NODE:
                    let role = HTMLBlockText.role(node)
                    if role?.skipped == true { continue }
                    if buffer.isEmpty { bufferContainer = container }
                    if role?.lineBreak == true { buffer.append(0x0A); continue }
                    if role?.cell == true { buffer.append(0x20) }
                    var inner = container
                    if container == .body, let kind = role?.container { inner = kind }
                    if role?.block == true { flush() }
                    stack.append((node, inner, true))
                    var child = node.pointee.last
                    while let c = child { stack.append((c, inner, false)); child = c.pointee.prev }
                default:
                    continue
                }
            }
        }

        private mutating func append(_ content: UnsafePointer<xmlChar>) {
            var index = 0
            while content[index] != 0 {
                buffer.append(content[index])
                index += 1
            }
        }

        mutating func flush() {
            guard !buffer.isEmpty else { return }
            out.append(Block(text: String(decoding: buffer, as: UTF8.self), container: bufferContainer))
            buffer.removeAll(keepingCapacity: true)
        }
    }
}
