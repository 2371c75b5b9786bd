import Foundation
import LibXML
import WireModel
import WireText

/// Fields of items and of the channel, from attributes and from captured text.
extension FeedDocumentHandler {
    // MARK: - Fields carried by attributes (may sit at any depth inside an item)

    func takeAttributeFields(_ name: XMLElementName, _ attributes: [XMLAttribute], explicitBase: String?,
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

    func takeChannelAttributes(_ name: XMLElementName, _ attributes: [XMLAttribute], explicitBase: String?) {
        guard format == .atom, isAtomNamespace(name), name.localName == "link", channelLink == nil else { return }
        let rel = attributes.first(where: { $0.name.localName == "rel" })?.value.trimmingWhitespace() ?? "alternate"
        guard rel == "alternate", let href = attributes.first(where: { $0.name.localName == "href" })?.value
        else { return }
        channelLink = LinkPolicy.resolve(href, base: explicitBase ?? context.documentURL)
    }

    // MARK: - Fields carried by text

    func applyChannelField(_ field: FeedFieldCapture) {
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

    func applyItemField(_ field: FeedFieldCapture) {
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
                if let author = nonEmpty(FeedMarkup.displayName(raw)) { open.authors.append(author) }
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
                open.fallbackTitle = nonEmpty(TextNormalizer.inline(FeedMarkup.htmlToText(raw)))
            } else if local == "category", let category = nonEmpty(TextNormalizer.inline(raw)) {
                open.item.categories.append(category)
            }
        } else if name.namespaceURI == FeedNamespace.dc || name.namespaceURI == FeedNamespace.dcterms {
            switch local {
            case "creator", "author":
                if let author = nonEmpty(FeedMarkup.displayName(raw)) { open.authors.append(author) }
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
                    open.fallbackTitle = nonEmpty(TextNormalizer.inline(FeedMarkup.htmlToText(raw)))
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
    func takeBody(_ field: FeedFieldCapture, into open: inout FeedItemDraft) {
        let markup = field.serializedMarkup.trimmingWhitespace()
        if open.contentHTML == nil, !markup.isEmpty {
            open.contentHTML = HTMLLinkRewriter.rewrite(markup, base: base(explicit: field.explicitBase))
        }
    }

    /// `published_raw` is always kept; `published_at` only when the string parses, with the zone it
    /// was read in recorded when the string named none.
    func setPublished(_ raw: String, rank: Int, on open: inout FeedItemDraft) {
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
    func finishItem(_ open: FeedItemDraft) {
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
}
