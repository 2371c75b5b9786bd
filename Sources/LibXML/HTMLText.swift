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
        let sink = TextSink()
        guard HTMLEventReader.parse(html, into: sink) else { return "" }
        return String(decoding: sink.out, as: UTF8.self)
    }

    /// Collects the text straight off libxml2's parser events (`HTMLEventReader`), the same walk a tree
    /// would get in document order, without building, walking and freeing the tree: that cost more
    /// than the parse itself for the short fragments feeds carry.
    private final class TextSink: HTMLEventSink {
        var out: [UInt8] = []
        /// Open elements whose content is not text: a skipped element, or a `<br>` (void, but the parser
        /// may still put content under it, which the tree walk never read). Zero outside any.
        private var ignoredDepth = 0

        func startElement(_ name: UnsafePointer<xmlChar>) {
            if ignoredDepth > 0 { ignoredDepth += 1; return }
            guard let name = HTMLText.name(name) else { return }
            if skipped.contains(name) {
                ignoredDepth = 1
            } else if name == "br" {
                out.append(0x0A)
                ignoredDepth = 1
            } else if blocks.contains(name) {
                out.append(0x0A)
                out.append(0x0A)
            }
        }

        func endElement(_ name: UnsafePointer<xmlChar>) {
            if ignoredDepth > 0 { ignoredDepth -= 1; return }
            guard let name = HTMLText.name(name), blocks.contains(name) else { return }
            out.append(0x0A)
            out.append(0x0A)
        }

        func text(_ bytes: UnsafePointer<xmlChar>, count: Int) {
            guard ignoredDepth == 0 else { return }
            out.append(contentsOf: UnsafeBufferPointer(start: bytes, count: count))
        }
    }

    /// An element name, or nil when it is longer than any name with a role: names then stay small
    /// strings, with no allocation per element. libxml2's HTML parser lower-cases names itself.
    private static func name(_ pointer: UnsafePointer<xmlChar>) -> String? {
        var length = 0
        while pointer[length] != 0 {
            guard length < 15 else { return nil }
            length += 1
        }
        return String(decoding: UnsafeBufferPointer(start: pointer, count: length), as: UTF8.self)
    }
}
