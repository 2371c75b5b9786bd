import LibXML

/// The parts of a parsed HTML page that an article is made of: its metadata (`<meta>`, canonical
/// link, `<title>`) and the element holding the story's text.
struct HTMLArticlePage {
    let document: MarkupNode
    /// `<meta>` values by lower-cased `property` or `name`, first occurrence kept (all for tags).
    private var metas: [String: [String]] = [:]

    /// Subtrees that are page furniture, never the story's container.
    private static let furniture: Set<String> = [
        "nav", "footer", "header", "aside", "form", "script", "style", "noscript", "template",
    ]

    init(document: MarkupNode) {
        self.document = document
        for meta in document.descendants("meta") {
            guard let key = (meta.attribute("property") ?? meta.attribute("name"))?.trimmingWhitespace().lowercased(),
                  let content = meta.attribute("content")?.trimmingWhitespace(), !key.isEmpty, !content.isEmpty
            else { continue }
            metas[key, default: []].append(content)
        }
    }

    func meta(_ key: String) -> String? { metas[key]?.first }
    func metaAll(_ key: String) -> [String] { metas[key] ?? [] }

    /// The `href` of the first `<link>` whose `rel` includes `rel`.
    func link(rel wanted: String) -> String? {
        document.descendants("link").first(where: {
            $0.attribute("rel")?.lowercased().split(separator: " ").contains(Substring(wanted)) == true
        })?.attribute("href")
    }

    var title: String? { document.firstDescendant("title")?.text }
    var baseHref: String? { document.firstDescendant("base")?.attribute("href") }

    /// The story's container: the `<article>` with the most paragraph text, else the element whose
    /// own `<p>` children hold the most text (furniture excluded); nil when the page has no paragraphs.
    var mainContent: MarkupNode? {
        let articles = document.descendants("article")
        if let best = articles.max(by: { paragraphText($0) < paragraphText($1) }) { return best }
        var best: (node: MarkupNode, score: Int)?
        visit(document) { node in
            let score = node.children("p").reduce(0) { $0 + $1.text.count }
            if score > 0, score > (best?.score ?? 0) { best = (node, score) }
        }
        return best?.node
    }

    private func paragraphText(_ node: MarkupNode) -> Int {
        node.descendants("p").reduce(0) { $0 + $1.text.count }
    }

    private func visit(_ node: MarkupNode, _ body: (MarkupNode) -> Void) {
        body(node)
        for child in node.elements where !Self.furniture.contains(child.localName) { visit(child, body) }
    }
}
