import LibXML
import WireModel

/// Maps one NewsML-G2 `newsItem` onto an item: identity and status from its attributes and
/// `itemMeta`, the story's metadata from `contentMeta`, and its text from `contentSet` (inline NITF
/// through `NITFStory`, inline XHTML as `content_html`, inline text as `body`, remote content as
/// enclosures).
///
/// Subjects become categories as their qcodes (`medtop:20000430`), a URI when there is no qcode, and a
/// name only when there is neither: codes are stable across languages and vocabulary versions, so
/// routing rules written against them keep working.
enum NewsMLG2Item {
    static func item(from node: MarkupNode, language: String?, context: ReadContext) -> Item {
        var item = Item(source: context.source, format: .newsml, receivedAt: context.receivedAt)
        item.guid = StoryFields.line(node.attribute("guid"))
        item.version = StoryFields.line(node.attribute("version"))
        if let meta = node.child("itemMeta") { fillItemMeta(&item, meta, context: context) }
        let contentMeta = node.child("contentMeta")
        if let contentMeta { fillContentMeta(&item, contentMeta) }
        if let contentSet = node.child("contentSet") { fillContent(&item, contentSet, context: context) }
        // Provider, then info source, then inline NITF's distributor; the copyright holder last.
        if item.agency == nil {
            item.agency = name(of: node.child("rightsInfo")?.child("copyrightHolder"))
        }
        if item.dateline?.place == nil, let text = StoryFields.line(contentMeta?.child("dateline")?.text) {
            // "PORTVALE, March 4": the place is what precedes the first comma; no comma, no guess.
            if let comma = text.firstIndex(of: ","), let place = StoryFields.line(String(text[..<comma])) {
                item.dateline = Dateline(place: place, date: item.dateline?.date)
            }
        }
        if item.language == nil { item.language = language }
        return item
    }

    // MARK: - itemMeta

    private static func fillItemMeta(_ item: inout Item, _ meta: MarkupNode, context: ReadContext) {
        if let status = meta.child("pubStatus") {
            item.pubStatus = StoryFields.pubStatus(status.attribute("qcode") ?? status.attribute("uri"))
        }
        let firstCreated = meta.child("firstCreated")?.text
        let versionCreated = meta.child("versionCreated")?.text
        // published_at is the first publication; a later version's time is updated_at.
        StoryFields.setPublished(firstCreated ?? versionCreated, on: &item, context: context)
        StoryFields.setUpdated(versionCreated, on: &item, context: context)
        item.embargoUntil = StoryFields.utc(meta.child("embargoed")?.text, context: context)
        item.agency = name(of: meta.child("provider"))
    }

    // MARK: - contentMeta

    private static func fillContentMeta(_ item: inout Item, _ meta: MarkupNode) {
        item.urgency = StoryFields.urgency(meta.child("urgency")?.text)
        item.slugline = StoryFields.line(meta.child("slugline")?.text)
        if let headline = preferred(meta.children("headline"), role: "main") {
            item.headline = StoryFields.line(headline.text)
            if item.headline != nil { item.headlineSource = "copy" }
        }
        if let description = preferred(meta.children("description"), role: "summary") {
            item.summary = StoryFields.text(description.text)
        }
        let bylines = meta.children("by").compactMap { StoryFields.line($0.text) }
        let creators = meta.children("creator").compactMap { name(of: $0) }
        item.byline = bylines.isEmpty ? (creators.isEmpty ? nil : creators.joined(separator: ", "))
            : bylines.joined(separator: ", ")
        if let place = name(of: meta.child("located")) { item.dateline = Dateline(place: place) }
        if item.agency == nil { item.agency = name(of: meta.child("infoSource")) }
        if let tag = StoryFields.line(meta.child("language")?.attribute("tag")) { item.language = tag }
        for subject in meta.children("subject") {
            StoryFields.appendOnce(StoryFields.line(subject.attribute("qcode") ?? subject.attribute("uri"))
                                   ?? name(of: subject), to: &item.categories)
        }
        for keyword in meta.children("keyword") {
            StoryFields.appendOnce(StoryFields.line(keyword.text), to: &item.categories)
        }
    }

    /// The element whose `role` ends in `:main` (or `:summary`), else the first without a role, else the first.
    private static func preferred(_ nodes: [MarkupNode], role: String) -> MarkupNode? {
        nodes.first(where: { $0.attribute("role")?.hasSuffix(":" + role) == true })
            ?? nodes.first(where: { $0.attribute("role") == nil })
            ?? nodes.first
    }

    /// A G2 flex property's display name: its `name` child, else its `literal` attribute.
    private static func name(of node: MarkupNode?) -> String? {
        guard let node else { return nil }
        return StoryFields.line(node.child("name")?.text) ?? StoryFields.line(node.attribute("literal"))
    }

    // MARK: - contentSet

    private static func fillContent(_ item: inout Item, _ contentSet: MarkupNode, context: ReadContext) {
        for content in contentSet.elements {
            switch content.localName {
            case "inlineXML":
                fillInlineXML(&item, content, context: context)
            case "inlineData":
                guard item.body == nil, item.contentHTML == nil else { continue }
                if content.attribute("contenttype")?.lowercased().contains("html") == true {
                    let html = content.text.trimmingWhitespace()
                    item.contentHTML = html.isEmpty ? nil : html
                } else {
                    item.body = StoryFields.text(content.text)
                }
            case "remoteContent":
                appendEnclosure(&item, content, context: context)
            default:
                continue
            }
        }
    }

    private static func fillInlineXML(_ item: inout Item, _ inline: MarkupNode, context: ReadContext) {
        let type = inline.attribute("contenttype")?.lowercased() ?? ""
        if type.contains("nitf") || inline.firstDescendant("body.content") != nil {
            NITFStory.fill(&item, from: inline.firstDescendant("nitf") ?? inline, context: context)
            return
        }
        guard item.body == nil, item.contentHTML == nil else { return }
        // XHTML: the page's body when it is a whole document, else the fragment itself.
        let body = inline.firstDescendant("body") ?? inline
        let markup = body.innerMarkup(skipping: ["script", "style"]).trimmingWhitespace()
        if !markup.isEmpty { item.contentHTML = markup }
        if item.headline == nil, let title = StoryFields.line(inline.firstDescendant("title")?.text) {
            item.headline = title
            item.headlineSource = "copy"
        }
    }

    private static func appendEnclosure(_ item: inout Item, _ content: MarkupNode, context: ReadContext) {
        guard let href = content.attribute("href"),
              let url = LinkPolicy.resolve(href, base: context.documentURL),
              !item.enclosures.contains(where: { $0.url == url })
        else { return }
        let length = content.attribute("size").flatMap { Int($0.trimmingWhitespace()) }
        item.enclosures.append(Enclosure(url: url, type: StoryFields.line(content.attribute("contenttype")),
                                         length: length))
    }
}
