import LibXML
import WireModel

/// One HTML article page, one item: the page's own metadata (Open Graph and article meta tags, JSON-LD,
/// the canonical link, `<time>`) and its main text's markup, found through libxml2's HTML parser.
///
/// The main text is kept as markup in `content_html` (scripts and styles dropped, links resolved,
/// event-handler attributes removed) and `body` is left to `clean`, as for feed items with HTML
/// content; furniture inside the article stays for `clean` to remove and record. `language` is left
/// to `enrich`: a page's `lang` attribute is a site template's default as often as the story's.
public struct HTMLArticleReader: Reader {
    public var format: InputFormat { .html }

    /// Elements kept from one page; a larger page is cut and says so.
    public var maxElements: Int

    public init(maxElements: Int = 200_000) {
        self.maxElements = maxElements
    }

    public func read(_ bytes: [UInt8], context: ReadContext) throws(UnreadableInput) -> ReadResult {
        guard !bytes.isEmpty else { throw UnreadableInput(reason: "empty", detail: "the input has no bytes") }
        var issues: [ReadIssue] = []
        let text = decode(bytes, context: context, issues: &issues)
        let parsed = HTMLDocumentTree.parse(text, limits: .init(maxElements: maxElements))
        if parsed.truncated {
            issues.append(ReadIssue(
                reason: "item-too-large",
                detail: "the page has more than \(maxElements) elements or is nested too deep; the rest was left out"))
        }
        let page = HTMLArticlePage(document: parsed.document)
        let base = LinkPolicy.resolve(page.baseHref ?? "", base: context.documentURL) ?? context.documentURL
        var item = Item(source: context.source, format: .html, receivedAt: context.receivedAt)
        let main = page.mainContent
        fillMetadata(&item, page: page, main: main, base: base, context: context)
        if let main {
            let markup = main.innerMarkup(skipping: ["script", "style", "noscript", "template"]) { _, attribute in
                Self.rewrite(attribute, base: base)
            }.trimmingWhitespace()
            if !markup.isEmpty { item.contentHTML = markup }
        }
        guard item.headline != nil || item.contentHTML != nil else {
            throw UnreadableInput(reason: "empty", detail: "an HTML page with neither a title nor article text")
        }
        return ReadResult(items: [item], issues: issues)
    }

    /// Each field from the page's own meta tags first, then its JSON-LD article, then its markup.
    private func fillMetadata(_ item: inout Item, page: HTMLArticlePage, main: MarkupNode?, base: String?,
                              context: ReadContext) {
        let linked = HTMLLinkedData(document: page.document)
        let heading = main?.firstDescendant("h1") ?? page.document.firstDescendant("h1")
        item.headline = StoryFields.line(page.meta("og:title")) ?? StoryFields.line(linked?.headline)
            ?? StoryFields.line(heading?.text) ?? StoryFields.line(page.title)
        if item.headline != nil { item.headlineSource = "copy" }
        if let link = page.link(rel: "canonical") ?? page.meta("og:url") {
            item.url = LinkPolicy.resolve(link, base: base)
        }
        let time = (main?.firstDescendant("time") ?? page.document.firstDescendant("time"))?.attribute("datetime")
        StoryFields.setPublished(page.meta("article:published_time") ?? linked?.datePublished ?? time,
                                 on: &item, context: context)
        StoryFields.setUpdated(page.meta("article:modified_time") ?? linked?.dateModified, on: &item, context: context)
        // article:author is often a profile URL; only a name is a byline.
        let author = page.meta("author") ?? page.meta("article:author").flatMap { $0.contains("://") ? nil : $0 }
        let linkedAuthors = linked?.authors.compactMap { StoryFields.line($0) } ?? []
        item.byline = StoryFields.line(author) ?? (linkedAuthors.isEmpty ? nil : linkedAuthors.joined(separator: ", "))
        item.summary = StoryFields.line(page.meta("description") ?? page.meta("og:description") ?? linked?.description)
        item.publisher = StoryFields.line(page.meta("og:site_name") ?? linked?.publisher)
        for category in page.metaAll("article:section") + page.metaAll("article:tag") {
            StoryFields.appendOnce(StoryFields.line(category), to: &item.categories)
        }
        if let image = page.meta("og:image"), let url = LinkPolicy.resolve(image, base: base) {
            item.enclosures.append(Enclosure(url: url, type: StoryFields.line(page.meta("og:image:type"))))
        }
    }

    /// Links made absolute (unsafe ones dropped) and event handlers removed, so `content_html` is safe
    /// to render and its links work out of context.
    private static func rewrite(_ attribute: XMLAttribute, base: String?) -> String? {
        let name = attribute.name.localName.lowercased()
        if name.hasPrefix("on") { return nil }
        guard ["href", "src", "cite", "poster"].contains(name) else { return attribute.value }
        return LinkPolicy.resolve(attribute.value, base: base)
    }

    /// The page's text by the charset ladder: byte-order mark, transport charset, `<meta charset>`, strict
    /// UTF-8, Windows-1252.
    private func decode(_ bytes: [UInt8], context: ReadContext, issues: inout [ReadIssue]) -> String {
        let decoded = CharsetResolver.utf8(bytes, httpCharset: context.declaredCharset, markup: .html)
        issues += decoded.issues
        return String(decoding: decoded.bytes, as: UTF8.self)
    }
}
