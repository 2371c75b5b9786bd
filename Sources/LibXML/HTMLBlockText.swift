import CLibXML2

/// An HTML fragment or page as paragraphs of text, each with the kind of element it sits in, read
/// straight off libxml2's parser events (`HTMLEventReader`): what `clean` needs, without building the
/// page's tree at all (copying it into `MarkupNode`s cost more than all of cleaning; libxml2's own
/// tree still cost a third of the parse).
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
    private struct NameKey: Hashable, Comparable {
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

        static func < (a: NameKey, b: NameKey) -> Bool { (a.low, a.high) < (b.low, b.high) }

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

    /// `roles` as parallel arrays sorted by key: a binary search over a few dozen integers costs less
    /// than hashing the key for the dictionary, and the walk looks up every element.
    private static let roleTable: (keys: [NameKey], roles: [ElementRole]) = {
        let sorted = roles.sorted { $0.key < $1.key }
        return (sorted.map(\.key), sorted.map(\.value))
    }()

    private static func role(_ name: UnsafePointer<xmlChar>) -> ElementRole? {
        guard let key = NameKey(name) else { return nil }
        let table = roleTable
        var low = 0
        var high = table.keys.count
        while low < high {
            let middle = (low + high) / 2
            if table.keys[middle] < key { low = middle + 1 } else { high = middle }
        }
        return low < table.keys.count && table.keys[low] == key ? table.roles[low] : nil
    }

    public static func blocks(fromHTML html: String) -> [Block] {
        let walker = Walker()
        guard HTMLEventReader.parse(html, into: walker) else { return [] }
        walker.state.flush()
        return walker.state.out
    }

    /// Builds the paragraphs from the parser's events, in one pass and without a tree.
    private final class Walker: HTMLEventSink {
        /// All mutable state in one value: one exclusivity check per event instead of one per field.
        var state = WalkState()

        func startElement(_ name: UnsafePointer<xmlChar>) {
            if state.skippedDepth > 0 {
                state.skippedDepth += 1
                return
            }
            state.start(HTMLBlockText.role(name))
        }

        func endElement(_ name: UnsafePointer<xmlChar>) {
            state.end()
        }

        func text(_ bytes: UnsafePointer<xmlChar>, count: Int) {
            state.text(UnsafeBufferPointer(start: bytes, count: count))
        }
    }

    private struct WalkState {
        var out: [Block] = []
        /// The paragraph so far, as UTF-8: one `String` per paragraph, not one per text run.
        var buffer: [UInt8] = []
        var bufferContainer = Container.body
        /// Each open element (skipped ones excepted), innermost last: its container, and whether it
        /// is a block (its end closes the paragraph).
        var open: [(container: Container, block: Bool)] = []
        /// Open elements inside a skipped one (script, style, …), counting it: nothing there is text.
        var skippedDepth = 0

        mutating func start(_ role: ElementRole?) {
            if role?.skipped == true {
                skippedDepth = 1
                return
            }
            let container = open.last?.container ?? .body
            if buffer.isEmpty { bufferContainer = container }
            if role?.lineBreak == true { buffer.append(0x0A) }
            if role?.cell == true { buffer.append(0x20) }
            var inner = container
            if container == .body, let kind = role?.container { inner = kind }
            let block = role?.block == true
            if block { flush() }
            open.append((inner, block))
        }

        mutating func end() {
            if skippedDepth > 0 {
                skippedDepth -= 1
                return
            }
            if open.popLast()?.block == true { flush() }
        }

        mutating func text(_ bytes: UnsafeBufferPointer<UInt8>) {
            guard skippedDepth == 0 else { return }
            if buffer.isEmpty { bufferContainer = open.last?.container ?? .body }
            buffer.append(contentsOf: bytes)
        }

        mutating func flush() {
            guard !buffer.isEmpty else { return }
            out.append(Block(text: String(decoding: buffer, as: UTF8.self), container: bufferContainer))
            buffer.removeAll(keepingCapacity: true)
        }
    }
}
