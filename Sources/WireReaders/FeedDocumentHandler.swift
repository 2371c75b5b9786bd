import Foundation
import LibXML
import WireModel
import WireText

/// Turns the SAX events of one RSS 0.9x/2.0, RSS 1.0 (RDF) or Atom 1.0 document into items.
///
/// Items are emitted only when their end tag is seen, so a document that breaks part-way yields exactly
/// its whole items. Every field element's text is captured (with its descendants serialised as markup,
/// for "naked" HTML in `description` and Atom `xhtml` content), capped at `maxFieldBytes`.
final class FeedDocumentHandler: SAXEventHandler {
    struct Limits {
        var maxItems: Int
        var maxFieldBytes: Int
    }

    /// One open element: its name, the `xml:base` in scope (nil when none was given) and `xml:lang`.
    private struct Frame {
        var name: XMLElementName
        var explicitBase: String?
        var language: String?
    }

    /// The text of one field element, gathered until its end tag.
    private struct Capture {
        let name: XMLElementName
        let attributes: [XMLAttribute]
        let depth: Int
        let explicitBase: String?
        /// Character data of the element and its descendants, entities decoded.
        var text = ""
        /// The same content with child elements serialised back to markup and text escaped. Built only
        /// once a child element appears (most fields have none, and escaping every field would cost
        /// more than parsing it); `serializedMarkup` covers the childless case.
        var markup = ""
        var hasChildren = false
        var bytes = 0
        var truncated = false
        /// Text of direct children by local name (Atom `author/name`), first occurrence only.
        var childText: [String: String] = [:]
        var currentChild: String?
        var currentChildText = ""

        var serializedMarkup: String { hasChildren ? markup : FeedDocumentHandler.escape(text, quotes: false) }
    }

    /// An item being read; the fields that need the whole item to decide on live here until its end tag.
    private struct Draft {
        var item: Item
        var depth: Int
        var descriptionText: String?
        var descriptionHTML: String?
        var contentHTML: String?
        var contentText: String?
        var guidIsPermaLink = true
        var authors: [String] = []
        /// `dc:title` / `media:title`, used only when the item has no title of its own.
        var fallbackTitle: String?
        /// Rank of the element `published_raw` came from, so that `pubDate`/`published` outrank
        /// `dc:date`/`issued` whatever their order.
        var publishedRank = 0
    }

    private let context: ReadContext
    private let limits: Limits
    private let dates = FeedDateParser()
    weak var parser: SAXPushParser?

    private(set) var format: InputFormat?
    /// RSS 2.0 feeds sometimes put their elements in a made-up default namespace
    /// (`http://backend.userland.com/rss2`); whatever the root's namespace is counts as RSS's own.
    private var rootNamespace: String?
    private var stack: [Frame] = []
    private var containerDepth: Int?
    private var feedTitle: String?
    private var feedLanguage: String?
    private var channelLink: String?
    /// RSS `<ttl>`: minutes the channel may be cached, when a positive whole number.
    private var ttlMinutes: Int?
    /// Atom feed-level author: entries without their own inherit it (RFC 4287 §4.2.1).
    private var feedAuthor: String?
    private var draft: Draft?
    private var capture: Capture?

    private(set) var items: [Item] = []
    private var malformed: (first: XMLParseError, count: Int)?
    private var entityErrors: (first: XMLParseError, count: Int)?
    private var truncatedFields = 0
    private var budgetStop: XMLParseError?
    private var itemCapReached = false

    init(context: ReadContext, limits: Limits) {
        self.context = context
        self.limits = limits
    }

    // MARK: - SAX events

    func startElement(_ name: XMLElementName, attributes: [XMLAttribute]) {
        let parent = stack.last
        var explicitBase = parent?.explicitBase
        var language = parent?.language
        for attribute in attributes where attribute.name.namespaceURI == FeedNamespace.xml {
            if attribute.name.localName == "base" {
                let against = explicitBase ?? context.documentURL
                if let resolved = LinkPolicy.resolve(attribute.value, base: against) { explicitBase = resolved }
            } else if attribute.name.localName == "lang" {
                let lang = attribute.value.trimmingWhitespace()
                language = lang.isEmpty ? nil : lang
            }
        }
        stack.append(Frame(name: name, explicitBase: explicitBase, language: language))
        let depth = stack.count

        // The open capture is moved out (`take`) and put back, so that appending to its strings does
        // not copy them: a copy left behind would make every append copy the whole field.
        if var open = capture.take() {
            if !open.hasChildren {
                open.markup = Self.escape(open.text, quotes: false)
                open.hasChildren = true
            }
            open.markup += "<" + name.qualifiedName
            for attribute in attributes {
                open.markup += " \(attribute.name.qualifiedName)=\"\(Self.escape(attribute.value, quotes: true))\""
            }
            open.markup += ">"
            if depth == open.depth + 1 {
                open.currentChild = name.localName
                open.currentChildText = ""
            }
            capture = open
            // Nested elements only add enclosures (`media:group/media:content`); an Atom `source`'s own
            // links and categories describe another feed and must not bleed into the entry.
            if draft != nil { takeAttributeFields(name, attributes, explicitBase: explicitBase, nested: true) }
            return
        }

        if depth == 1 {
            startRoot(name, language: language)
            return
        }
        if draft == nil, isItem(name) {
            // The cap is reached when one more item starts, not when the last allowed one ends: a feed
            // of exactly `maxItems` items is whole.
            if items.count >= limits.maxItems {
                itemCapReached = true
                parser?.stop()
                return
            }
            var item = Item(source: context.source, format: format ?? .rss, receivedAt: context.receivedAt)
            // RSS 1.0 names each item by its `rdf:about` URI; that is the id the source gave it.
            if let about = attributes.first(where: {
                $0.name.localName == "about" && $0.name.namespaceURI == FeedNamespace.rdf
            }) {
                let id = about.value.trimmingWhitespace()
                if !id.isEmpty { item.guid = id }
            }
            draft = Draft(item: item, depth: depth)
            // An `rdf:about` names the item; it is not asserted to be the story's link.
            if item.guid != nil { draft?.guidIsPermaLink = false }
            return
        }
        if draft == nil, containerDepth == nil, format != .atom, isCore(name), name.localName == "channel" {
            containerDepth = depth
            if let language { feedLanguage = feedLanguage ?? language }
            return
        }
        if let open = draft, depth == open.depth + 1 {
            takeAttributeFields(name, attributes, explicitBase: explicitBase)
            capture = Capture(name: name, attributes: attributes, depth: depth, explicitBase: explicitBase)
        } else if draft != nil {
            takeAttributeFields(name, attributes, explicitBase: explicitBase)
        } else if let container = containerDepth, depth == container + 1 {
            takeChannelAttributes(name, attributes, explicitBase: explicitBase)
            capture = Capture(name: name, attributes: attributes, depth: depth, explicitBase: explicitBase)
        }
    }

    func text(_ text: String) {
        guard var open = capture.take() else { return }
        let size = text.utf8.count
        if open.bytes + size > limits.maxFieldBytes {
            if !open.truncated { truncatedFields += 1 }
            open.truncated = true
            capture = open
            return
        }
        open.bytes += size
        let text = Windows1252.repairC1(text)
        open.text += text
        if open.hasChildren { open.markup += Self.escape(text, quotes: false) }
        if open.currentChild != nil { open.currentChildText += text }
        capture = open
    }

    func endElement(_ name: XMLElementName) {
        let depth = stack.count
        defer { if !stack.isEmpty { stack.removeLast() } }
        if var open = capture.take() {
            if depth > open.depth {
                open.markup += "</\(name.qualifiedName)>"
                if depth == open.depth + 1, let child = open.currentChild {
                    if open.childText[child] == nil { open.childText[child] = open.currentChildText }
                    open.currentChild = nil
                }
                capture = open
                return
            }
            if draft != nil { applyItemField(open) } else { applyChannelField(open) }
            return
        }
        if let open = draft, depth == open.depth {
            finishItem(open)
            draft = nil
        } else if depth == containerDepth, format != .atom {
            containerDepth = nil
        }
    }

    func parseError(_ error: XMLParseError) {
        switch error.limit {
        case "text-truncated":
            truncatedFields += 1
        case "text-budget", "time-limit":
            budgetStop = error
        case .some:
            if malformed == nil { malformed = (error, 0) }
            malformed?.count += 1
        case nil:
            // 26/27: undeclared entity (every document-declared one, since declarations are ignored);
            // 89: entity reference loop.
            if [26, 27, 89].contains(error.code) {
                if entityErrors == nil { entityErrors = (error, 0) }
                entityErrors?.count += 1
            } else {
                if malformed == nil { malformed = (error, 0) }
                malformed?.count += 1
            }
        }
    }

    // MARK: - Result

    func result(extraIssues: [ReadIssue]) -> ReadResult {
        var issues = extraIssues
        if let malformed {
            var detail = "line \(malformed.first.line): \(malformed.first.message)"
            if malformed.count > 1 { detail += " (and \(malformed.count - 1) more errors)" }
            if draft != nil { detail += "; the item open at the break was dropped" }
            issues.append(ReadIssue(reason: "malformed-xml", detail: detail))
        } else if draft != nil {
            issues.append(ReadIssue(reason: "malformed-xml", detail: "the document ended inside an item, which was dropped"))
        }
        if let entityErrors {
            issues.append(ReadIssue(
                reason: "undefined-entity",
                detail: "line \(entityErrors.first.line): \(entityErrors.first.message) "
                    + "(\(entityErrors.count) references; declared entities are never expanded)"))
        }
        if truncatedFields > 0 {
            issues.append(ReadIssue(reason: "field-truncated",
                                    detail: "\(truncatedFields) fields longer than \(limits.maxFieldBytes) bytes were cut"))
        }
        if let stop = budgetStop {
            issues.append(ReadIssue(reason: stop.limit == "time-limit" ? "too-slow" : "too-large",
                                    detail: "line \(stop.line): \(stop.message)"))
        }
        if itemCapReached {
            issues.append(ReadIssue(reason: "too-many-items",
                                    detail: "stopped after \(limits.maxItems) items; the rest of the document was not read"))
        }
        let feed = (feedTitle != nil || feedLanguage != nil) ? FeedInfo(title: feedTitle, language: feedLanguage) : nil
        let finished = items.map { item -> Item in
            var item = item
            item.feed = feed
            if item.byline == nil, format == .atom { item.byline = feedAuthor }
            return item
        }
        return ReadResult(items: finished, issues: issues, ttl: ttlMinutes.map { .seconds(Int64($0) * 60) })
    }

    var sawRoot: Bool { format != nil }

    // MARK: - Structure

    private func startRoot(_ name: XMLElementName, language: String?) {
        rootNamespace = name.namespaceURI
        switch (name.localName, name.namespaceURI) {
        case ("rss", _):
            format = .rss
        case ("RDF", FeedNamespace.rdf):
            format = .rdf
        case ("feed", FeedNamespace.atom?), ("feed", FeedNamespace.atom03?):
            format = .atom
            containerDepth = 1
            feedLanguage = language
        default:
            // Sniffing let it through (a `<feed>` without the Atom namespace, say): read it as RSS-like.
            format = name.localName.lowercased() == "feed" ? .atom : .rss
            if format == .atom { containerDepth = 1 }
        }
    }

    private func isItem(_ name: XMLElementName) -> Bool {
        format == .atom ? (name.localName == "entry" && isCore(name)) : (name.localName == "item" && isCore(name))
    }

    /// The format's own vocabulary: no namespace or RSS 1.0 / 0.90 for RSS and RDF, Atom's for Atom.
    private func isCore(_ name: XMLElementName) -> Bool {
        switch format {
        case .atom:
            return name.namespaceURI == FeedNamespace.atom || name.namespaceURI == FeedNamespace.atom03
                || name.namespaceURI == nil
        default:
            return name.namespaceURI == nil || name.namespaceURI == FeedNamespace.rss10
                || name.namespaceURI == FeedNamespace.rss090
                || (format == .rss && name.namespaceURI == rootNamespace)
        }
    }

    private func isAtomNamespace(_ name: XMLElementName) -> Bool {
        name.namespaceURI == FeedNamespace.atom || name.namespaceURI == FeedNamespace.atom03
    }

    /// The base for a relative link: `xml:base` in scope, else (RSS) the channel link, else the
    /// document's URL. Atom prefers the document's URL, as RFC 4287 says, and falls back to the feed's
    /// alternate link only when the document's URL is unknown.
    private func base(explicit: String?) -> String? {
        if let explicit { return explicit }
        if format == .atom { return context.documentURL ?? channelLink }
        return channelLink ?? context.documentURL
    }

    // MARK: - Fields carried by attributes (may sit at any depth inside an item)

    private func takeAttributeFields(_ name: XMLElementName, _ attributes: [XMLAttribute], explicitBase: String?,
                                     nested: Bool = false) {
        // Moved out and put back, like the capture, so the item's arrays are not copied per field.
        guard var open = draft.take() else { return }
        func attribute(_ local: String) -> String? {
            attributes.first(where: { $0.name.localName == local && $0.name.namespaceURI == nil })?.value
        }
        let local = name.localName
        if (local == "enclosure" && isCore(name) && format != .atom)
            || (local == "content" && FeedNamespace.media.contains(name.namespaceURI ?? "")) {
            if let raw = attribute("url"), let url = LinkPolicy.resolve(raw, base: base(explicit: explicitBase)) {
                let length = attribute(local == "enclosure" ? "length" : "fileSize")
                    .flatMap { Int($0.trimmingWhitespace()) }
                let type = attribute("type").map { $0.trimmingWhitespace() }.flatMap { $0.isEmpty ? nil : $0 }
                    ?? attribute("medium")
                if !open.item.enclosures.contains(where: { $0.url == url }) {
                    open.item.enclosures.append(Enclosure(url: url, type: type, length: length))
                }
            }
        } else if !nested, format == .atom, isAtomNamespace(name), local == "link" {
            let rel = attribute("rel")?.trimmingWhitespace() ?? "alternate"
            if let raw = attribute("href"), let url = LinkPolicy.resolve(raw, base: base(explicit: explicitBase)) {
                if rel == "alternate", open.item.url == nil {
                    open.item.url = url
                } else if rel == "enclosure" {
                    let length = attribute("length").flatMap { Int($0.trimmingWhitespace()) }
                    open.item.enclosures.append(Enclosure(url: url, type: attribute("type"), length: length))
                }
            }
        } else if !nested, format == .atom, isAtomNamespace(name), local == "category" {
            if let term = (attribute("term") ?? attribute("label"))?.trimmingWhitespace(), !term.isEmpty {
                open.item.categories.append(term)
            }
        }
        draft = open
    }

    private func takeChannelAttributes(_ name: XMLElementName, _ attributes: [XMLAttribute], explicitBase: String?) {
        guard format == .atom, isAtomNamespace(name), name.localName == "link", channelLink == nil else { return }
        let rel = attributes.first(where: { $0.name.localName == "rel" })?.value.trimmingWhitespace() ?? "alternate"
        guard rel == "alternate", let href = attributes.first(where: { $0.name.localName == "href" })?.value
        else { return }
        channelLink = LinkPolicy.resolve(href, base: explicitBase ?? context.documentURL)
    }

    // MARK: - Fields carried by text

    private func applyChannelField(_ field: Capture) {
        let name = field.name
        switch (name.localName, isCore(name), name.namespaceURI) {
        case ("title", true, _):
            if feedTitle == nil { feedTitle = nonEmpty(textConstruct(field)) }
        case ("link", true, _) where format != .atom:
            if channelLink == nil {
                channelLink = LinkPolicy.resolve(field.text, base: field.explicitBase ?? context.documentURL)
            }
        case ("author", true, _) where format == .atom:
            if feedAuthor == nil, let name = field.childText["name"] {
                feedAuthor = nonEmpty(TextNormalizer.inline(name))
            }
        case ("language", true, _), ("language", _, FeedNamespace.dc?):
            if feedLanguage == nil { feedLanguage = nonEmpty(field.text.trimmingWhitespace()) }
        case ("ttl", true, _) where format == .rss:
            // Minutes; junk, zero, negative or absurd (over a year) values say nothing.
            if ttlMinutes == nil, let minutes = Int(field.text.trimmingWhitespace()), (1...525_600).contains(minutes) {
                ttlMinutes = minutes
            }
        default:
            break
        }
    }

    private func applyItemField(_ field: Capture) {
        // Moved out and put back, like the capture, so the item's arrays are not copied per field.
        guard var open = draft.take() else { return }
        let name = field.name
        let local = name.localName
        let raw = field.text.trimmingWhitespace()
        if isCore(name) {
            switch local {
            case "title":
                if open.item.headline == nil, let title = nonEmpty(textConstruct(field)) {
                    open.item.headline = title
                    open.item.headlineSource = "feed"
                }
            case "link" where format != .atom:
                if open.item.url == nil {
                    open.item.url = LinkPolicy.resolve(raw, base: base(explicit: field.explicitBase))
                }
            case "guid" where format != .atom, "id" where format == .atom:
                if open.item.guid == nil, !raw.isEmpty {
                    open.item.guid = raw
                    let permaLink = field.attributes.first(where: { $0.name.localName == "isPermaLink" })?.value
                    open.guidIsPermaLink = permaLink?.trimmingWhitespace().lowercased() != "false"
                }
            case "pubDate", "published":
                setPublished(raw, rank: 2, on: &open)
            case "issued":
                setPublished(raw, rank: 1, on: &open)
            case "updated", "modified":
                if open.item.updatedAt == nil {
                    open.item.updatedAt = dates.parse(raw, assumingTimeZone: context.timeZone)?.utc
                }
            case "author" where format == .atom:
                if let author = nonEmpty((field.childText["name"] ?? raw).trimmingWhitespace()) {
                    open.authors.append(TextNormalizer.inline(author))
                }
            case "author":
                if let author = nonEmpty(Self.displayName(raw)) { open.authors.append(author) }
            case "category" where format != .atom:
                if let category = nonEmpty(TextNormalizer.inline(raw)) { open.item.categories.append(category) }
            case "description" where format != .atom, "summary" where format == .atom:
                if open.descriptionText == nil {
                    readTextConstruct(field, text: &open.descriptionText, html: &open.descriptionHTML)
                }
            case "body" where format != .atom:
                takeBody(field, into: &open)
            case "fullitem" where format != .atom:
                // An early RSS extension for the full story, escaped HTML like `description`.
                if open.contentHTML == nil, open.contentText == nil {
                    readTextConstruct(field, text: &open.contentText, html: &open.contentHTML)
                }
            case "content" where format == .atom:
                if open.contentHTML == nil, open.contentText == nil,
                   field.attributes.first(where: { $0.name.localName == "src" }) == nil {
                    readTextConstruct(field, text: &open.contentText, html: &open.contentHTML)
                }
            default:
                break
            }
        } else if name.namespaceURI == FeedNamespace.content, local == "encoded" {
            if open.contentHTML == nil, !raw.isEmpty {
                open.contentHTML = HTMLLinkRewriter.rewrite(field.hasChildren ? field.serializedMarkup : field.text,
                                                            base: base(explicit: field.explicitBase))
            }
        } else if name.namespaceURI == FeedNamespace.xhtml, local == "body", format != .atom {
            takeBody(field, into: &open)
        } else if FeedNamespace.media.contains(name.namespaceURI ?? "") {
            if local == "title", open.fallbackTitle == nil {
                open.fallbackTitle = nonEmpty(TextNormalizer.inline(Self.htmlToText(raw)))
            } else if local == "category", let category = nonEmpty(TextNormalizer.inline(raw)) {
                open.item.categories.append(category)
            }
        } else if name.namespaceURI == FeedNamespace.dc || name.namespaceURI == FeedNamespace.dcterms {
            switch local {
            case "creator", "author":
                if let author = nonEmpty(Self.displayName(raw)) { open.authors.append(author) }
            case "description":
                if open.descriptionText == nil {
                    readTextConstruct(field, text: &open.descriptionText, html: &open.descriptionHTML)
                }
            case "subject":
                if let category = nonEmpty(TextNormalizer.inline(raw)) { open.item.categories.append(category) }
            case "date", "issued", "created":
                setPublished(raw, rank: 1, on: &open)
            case "title":
                if open.fallbackTitle == nil {
                    open.fallbackTitle = nonEmpty(TextNormalizer.inline(Self.htmlToText(raw)))
                }
            case "modified":
                if open.item.updatedAt == nil {
                    open.item.updatedAt = dates.parse(raw, assumingTimeZone: context.timeZone)?.utc
                }
            default:
                break
            }
        }
        draft = open
    }

    /// `xhtml:body` (or a bare `<body>`) holding the story as markup: its content as given, links resolved.
    private func takeBody(_ field: Capture, into open: inout Draft) {
        let markup = field.serializedMarkup.trimmingWhitespace()
        if open.contentHTML == nil, !markup.isEmpty {
            open.contentHTML = HTMLLinkRewriter.rewrite(markup, base: base(explicit: field.explicitBase))
        }
    }

    /// `published_raw` is always kept; `published_at` only when the string parses, with the zone it
    /// was read in recorded when the string named none.
    private func setPublished(_ raw: String, rank: Int, on open: inout Draft) {
        guard rank > open.publishedRank, !raw.isEmpty else { return }
        open.publishedRank = rank
        open.item.publishedRaw = raw
        let parsed = dates.parse(raw, assumingTimeZone: context.timeZone)
        open.item.publishedAt = parsed?.utc
        open.item.timeZoneAssumed = parsed?.timeZoneAssumed
    }

    /// Summary and body policy, decided once the whole item is known:
    /// - `summary` is always plain text (the description or Atom summary, markup removed);
    /// - `content_html` is `content:encoded` / Atom HTML content as given, else the description when it
    ///   carries markup (so `clean` always has the richest HTML to turn into `body`);
    /// - when no HTML exists at all, the plain text (Atom text content, else the description) becomes
    ///   `body` directly, normalised, so every item reaches `clean` with either `body` or `content_html`.
    private func finishItem(_ open: Draft) {
        var item = open.item
        if item.headline == nil, let title = open.fallbackTitle {
            item.headline = title
            item.headlineSource = "feed"
        }
        // A permalink guid (RSS, isPermaLink absent or true) or an Atom id that is an http(s) URL is the
        // story's link when the item gives no link of its own.
        if item.url == nil, open.guidIsPermaLink, let guid = item.guid,
           guid.lowercased().hasPrefix("http://") || guid.lowercased().hasPrefix("https://") {
            item.url = LinkPolicy.resolve(guid, base: nil)
        }
        if !open.authors.isEmpty { item.byline = open.authors.joined(separator: ", ") }
        if let summary = open.descriptionText { item.summary = nonEmpty(summary) }
        if let html = open.contentHTML {
            item.contentHTML = html
        } else if let text = open.contentText {
            item.body = nonEmpty(text)
        } else if let html = open.descriptionHTML {
            item.contentHTML = html
        } else if let text = open.descriptionText {
            item.body = nonEmpty(text)
        }
        items.append(item)
    }

    // MARK: - Text constructs

    /// A title-like field as one line of plain text. Atom says whether it is text, html or xhtml; RSS
    /// does not, and in practice RSS titles carry entities and tags, so RSS titles are read as HTML
    /// whenever they contain `<` or `&`.
    private func textConstruct(_ field: Capture) -> String {
        switch constructType(field) {
        case .text:
            return TextNormalizer.inline(field.text)
        case .html:
            return TextNormalizer.inline(Self.htmlToText(field.text))
        case .xhtml:
            return TextNormalizer.inline(Self.plainText(fromHTML: field.serializedMarkup))
        case .base64:
            let decoded = Self.base64Text(field.text)
            return TextNormalizer.inline(Self.declaresHTML(field) ? Self.plainText(fromHTML: decoded) : decoded)
        }
    }

    /// A description-like field: plain paragraphs into `text`, and the markup as given into `html`
    /// when there is markup.
    private func readTextConstruct(_ field: Capture, text: inout String?, html: inout String?) {
        readTextConstructAsGiven(field, text: &text, html: &html)
        // Links inside the markup resolved against the field's base, unsafe ones dropped.
        if let markup = html { html = HTMLLinkRewriter.rewrite(markup, base: base(explicit: field.explicitBase)) }
    }

    private func readTextConstructAsGiven(_ field: Capture, text: inout String?, html: inout String?) {
        switch constructType(field) {
        case .text:
            text = TextNormalizer.paragraphs(field.text)
        case .html:
            let source = field.text.trimmingWhitespace()
            if Self.containsTags(source) {
                html = source
                text = TextNormalizer.paragraphs(Self.plainText(fromHTML: source))
            } else {
                // Entities alone (`caf&amp;eacute;` escaped twice) do not make it HTML worth keeping:
                // decode them and keep the text.
                text = TextNormalizer.paragraphs(Self.htmlToText(source))
            }
        case .xhtml:
            html = field.serializedMarkup.trimmingWhitespace()
            text = TextNormalizer.paragraphs(Self.plainText(fromHTML: field.serializedMarkup))
        case .base64:
            let decoded = Self.base64Text(field.text)
            if Self.declaresHTML(field) {
                html = decoded
                text = TextNormalizer.paragraphs(Self.plainText(fromHTML: decoded))
            } else {
                text = TextNormalizer.paragraphs(decoded)
            }
        }
    }

    private enum ConstructType { case text, html, xhtml, base64 }

    private func constructType(_ field: Capture) -> ConstructType {
        if format == .atom {
            let type = field.attributes.first(where: { $0.name.localName == "type" && $0.name.namespaceURI == nil })?
                .value.trimmingWhitespace().lowercased() ?? "text"
            let mode = field.attributes.first(where: { $0.name.localName == "mode" })?.value.lowercased()
            if mode == "base64" { return .base64 }
            switch type {
            case "xhtml", "application/xhtml+xml": return .xhtml
            case "html", "text/html": return .html
            case "text", "text/plain": return mode == "escaped" ? .html : (field.hasChildren ? .xhtml : .text)
            default:
                // RFC 4287 §3.1.1.3: any other media type that is not XML or text is base64-encoded.
                if type.hasSuffix("+xml") || type.hasSuffix("/xml") || type.hasPrefix("text/") {
                    return field.hasChildren ? .xhtml : .text
                }
                return .base64
            }
        }
        // RSS: markup that was not escaped arrived as child elements ("naked" HTML).
        return field.hasChildren ? .xhtml : .html
    }

    /// Atom 0.3 `mode="base64"` content says in `type` what it decodes to.
    private static func declaresHTML(_ field: Capture) -> Bool {
        field.attributes.first(where: { $0.name.localName == "type" && $0.name.namespaceURI == nil })?
            .value.lowercased().contains("html") ?? false
    }

    /// Base64 content decoded as UTF-8 text; the text itself when it does not decode.
    private static func base64Text(_ encoded: String) -> String {
        guard let data = Data(base64Encoded: encoded, options: .ignoreUnknownCharacters),
              let text = String(data: data, encoding: .utf8)
        else { return encoded }
        return text
    }

    private static func htmlToText(_ source: String) -> String {
        containsMarkup(source) ? Self.plainText(fromHTML: source) : source
    }

    /// Whether libxml2's HTML parser is needed: a tag, comment or entity reference is present.
    /// Whether the text holds a tag, comment or declaration: `<` followed by a letter, `/` or `!`
    /// ("a < b" does not count).
    static func containsTags(_ text: String) -> Bool {
        var previousWasOpen = false
        for c in text.unicodeScalars {
            if previousWasOpen, c.properties.isAlphabetic || c == "/" || c == "!" { return true }
            previousWasOpen = c == "<"
        }
        return false
    }

    static func containsMarkup(_ text: String) -> Bool {
        // Bytes, not `String.contains(String)`: with Foundation imported that overload bridges to NSString
        // and cost more per field than parsing it.
        text.utf8.contains(where: { $0 == UInt8(ascii: "<") || $0 == UInt8(ascii: "&") })
    }

    /// RSS `author` is an e-mail address, often `jane@example.com (Jane Doe)` or `Jane Doe (jane@example.com)`:
    /// the name when one is given, the text as it is otherwise.
    static func displayName(_ raw: String) -> String {
        let text = TextNormalizer.inline(raw)
        guard text.hasSuffix(")"), let open = text.lastIndex(of: "(") else { return text }
        let outside = String(text[..<open]).trimmingWhitespace()
        let inside = String(text[text.index(after: open)..<text.index(before: text.endIndex)]).trimmingWhitespace()
        if outside.contains("@"), !inside.isEmpty, !inside.contains("@") { return inside }
        if inside.contains("@"), !outside.isEmpty, !outside.contains("@") { return outside }
        return text
    }

    /// HTML to text, with C1 controls from `&#146;`-style references mapped the Windows-1252 way.
    private static func plainText(fromHTML html: String) -> String {
        Windows1252.repairC1(HTMLText.text(fromHTML: html))
    }

    private func nonEmpty(_ text: String?) -> String? {
        guard let text, !text.isEmpty else { return nil }
        return text
    }

    static func escape(_ text: String, quotes: Bool) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for c in text.unicodeScalars {
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"" where quotes: out += "&quot;"
            default: out.unicodeScalars.append(c)
            }
        }
        return out
    }
}
