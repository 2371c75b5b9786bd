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
    struct Frame {
        var name: XMLElementName
        var explicitBase: String?
        var language: String?
    }

    let context: ReadContext
    let limits: Limits
    let dates = FeedDateParser()
    /// Unowned, not weak: the parser owns this handler and outlives every callback, and a weak
    /// reference would give the parser a side table, sending each of its retains and releases (one
    /// pair per SAX event) down the runtime's slow path.
    unowned var parser: SAXPushParser?

    private(set) var format: InputFormat?
    /// RSS 2.0 feeds sometimes put their elements in a made-up default namespace
    /// (`http://backend.userland.com/rss2`); whatever the root's namespace is counts as RSS's own.
    var rootNamespace: String?
    var stack: [Frame] = []
    var containerDepth: Int?
    var feedTitle: String?
    var feedLanguage: String?
    var channelLink: String?
    /// RSS `<ttl>`: minutes the channel may be cached, when a positive whole number.
    var ttlMinutes: Int?
    /// Atom feed-level author: entries without their own inherit it (RFC 4287 §4.2.1).
    var feedAuthor: String?
    var draft: FeedItemDraft?
    var capture: FeedFieldCapture?

    /// Whole items read so far (`finishItem` appends).
    var items: [Item] = []
    var malformed: (first: XMLParseError, count: Int)?
    var entityErrors: (first: XMLParseError, count: Int)?
    var truncatedFields = 0
    var budgetStop: XMLParseError?
    var itemCapReached = false

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
                open.markup = FeedMarkup.escape(open.text, quotes: false)
                open.hasChildren = true
            }
            open.markup += "<" + name.qualifiedName
            for attribute in attributes {
                open.markup += " \(attribute.name.qualifiedName)=\"\(FeedMarkup.escape(attribute.value, quotes: true))\""
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
            draft = FeedItemDraft(item: item, depth: depth)
            // An `rdf:about` names the item; it is not asserted to be the story's link.
            if item.guid != nil { draft?.guidIsPermaLink = false }
            return
        }
        if draft == nil, containerDepth == nil, format != .atom, isCore(name), name.localName == "channel" {
            containerDepth = depth
            if let language { feedLanguage = feedLanguage ?? language }
            return
        }
        // `draft?.depth`, never `if let open = draft`: binding would copy the whole draft (its item's
        // strings and arrays retained, then released) on every element inside an item.
        if let itemDepth = draft?.depth, depth == itemDepth + 1 {
            takeAttributeFields(name, attributes, explicitBase: explicitBase)
            capture = FeedFieldCapture(name: name, attributes: attributes, depth: depth, explicitBase: explicitBase)
        } else if draft != nil {
            takeAttributeFields(name, attributes, explicitBase: explicitBase)
        } else if let container = containerDepth, depth == container + 1 {
            takeChannelAttributes(name, attributes, explicitBase: explicitBase)
            capture = FeedFieldCapture(name: name, attributes: attributes, depth: depth, explicitBase: explicitBase)
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
        if open.hasChildren { open.markup += FeedMarkup.escape(text, quotes: false) }
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
        if draft?.depth == depth, let open = draft.take() {
            finishItem(open)
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

    func startRoot(_ name: XMLElementName, language: String?) {
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

    func isItem(_ name: XMLElementName) -> Bool {
        format == .atom ? (name.localName == "entry" && isCore(name)) : (name.localName == "item" && isCore(name))
    }

    /// The format's own vocabulary: no namespace or RSS 1.0 / 0.90 for RSS and RDF, Atom's for Atom.
    func isCore(_ name: XMLElementName) -> Bool {
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

    func isAtomNamespace(_ name: XMLElementName) -> Bool {
        name.namespaceURI == FeedNamespace.atom || name.namespaceURI == FeedNamespace.atom03
    }

    /// The base for a relative link: `xml:base` in scope, else (RSS) the channel link, else the
    /// document's URL. Atom prefers the document's URL, as RFC 4287 says, and falls back to the feed's
    /// alternate link only when the document's URL is unknown.
    func base(explicit: String?) -> String? {
        if let explicit { return explicit }
        if format == .atom { return context.documentURL ?? channelLink }
        return channelLink ?? context.documentURL
    }

    func nonEmpty(_ text: String?) -> String? {
        guard let text, !text.isEmpty else { return nil }
        return text
    }
}
