import LibXML
import WireText

/// `content_html` → paragraphs, through libxml2's HTML parser (entities decoded, tags dropped).
///
/// Block elements end a paragraph, `<br>` breaks a line and two in a row a paragraph; scripts, styles
/// and templates are dropped unseen, while navigation, aside, footer and form text is kept with that
/// role so the cleaner can record it as furniture instead of losing it silently.
enum HTMLBlockReader {
    private static let skipped: Set<String> = ["script", "style", "noscript", "template", "head", "title", "svg", "iframe"]
    private static let blocks: Set<String> = [
        "p", "div", "section", "article", "header", "footer", "aside", "blockquote", "pre", "figure",
        "figcaption", "ul", "ol", "li", "dl", "dt", "dd", "table", "tr", "caption", "h1", "h2", "h3", "h4",
        "h5", "h6", "hr", "address", "main", "nav", "form", "details", "summary", "body", "html", "label", "button",
        "legend", "option",
    ]
    private static let chrome: [String: FurnitureKind] = [
        "nav": .navigation, "aside": .aside, "footer": .footer, "form": .form,
    ]

    static func blocks(fromHTML html: String) -> [CopyBlock] {
        let parsed = HTMLDocumentTree.parse(html)
        var walker = Walker()
        walker.walk(parsed.document.content, role: .text)
        walker.flush()
        return walker.blocks
    }

    private struct Walker {
        var blocks: [CopyBlock] = []
        var buffer = ""
        var bufferRole = CopyBlock.Role.text

        mutating func walk(_ content: [MarkupNode.Content], role: CopyBlock.Role) {
            for part in content {
                switch part {
                case .text(let text):
                    if buffer.isEmpty { bufferRole = role }
                    buffer += text
                case .element(let node):
                    element(node, role: role)
                }
            }
        }

        private mutating func element(_ node: MarkupNode, role: CopyBlock.Role) {
            let name = node.localName.lowercased()
            if HTMLBlockReader.skipped.contains(name) { return }
            if name == "br" { buffer += "\n"; return }
            if name == "td" || name == "th" { buffer += " " }
            var inner = role
            if case .text = role {
                if let kind = HTMLBlockReader.chrome[name] { inner = .chrome(kind) }
                if name == "figcaption" { inner = .figureCaption }
            }
            let isBlock = HTMLBlockReader.blocks.contains(name)
            if isBlock { flush() }
            walk(node.content, role: inner)
            if isBlock { flush() }
        }

        /// Ends the paragraph being collected; a blank line inside it (two `<br>`) splits it.
        mutating func flush() {
            guard !buffer.isEmpty else { return }
            for paragraph in TextNormalizer.splitParagraphs(buffer) {
                blocks.append(CopyBlock(paragraph, role: bufferRole))
            }
            buffer = ""
        }
    }
}
