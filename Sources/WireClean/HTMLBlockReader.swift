import LibXML

/// `content_html` → paragraphs with their roles, through libxml2's HTML parser (entities decoded, tags
/// dropped): navigation, aside, footer and form text keeps that role so the cleaner records it as
/// furniture instead of losing it silently, and `<figcaption>` text is a caption.
enum HTMLBlockReader {
    static func blocks(fromHTML html: String) -> [CopyBlock] {
        var out: [CopyBlock] = []
        for block in HTMLBlockText.blocks(fromHTML: html) {
            let role: CopyBlock.Role
            switch block.container {
            case .body: role = .text
            case .figureCaption: role = .figureCaption
            case .navigation: role = .chrome(.navigation)
            case .aside: role = .chrome(.aside)
            case .footer: role = .chrome(.footer)
            case .form: role = .chrome(.form)
            }
            // Two <br> in a row inside one element split it into paragraphs.
            ParagraphSplitter.append(block.text, role: role, to: &out)
        }
        return out
    }
}
