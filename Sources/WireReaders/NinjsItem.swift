import LibXML
import WireModel

/// Maps one ninjs object (IPTC's news in JSON, 1.x to 3.x) onto an item.
///
/// HTML bodies are kept as `content_html` and plain ones become `body`, as the feed reader does: when
/// both are given, the HTML wins and `clean` derives the text. Subjects become categories as their
/// codes (`medtop:…`), else URIs, else names, the rule NewsML-G2 follows. Pictures among the
/// associations become enclosures, and their descriptions captions credited to their bylines.
enum NinjsItem {
    static func item(from object: NinjsObject, context: ReadContext) -> Item {
        var item = Item(source: context.source, format: .ninjs, receivedAt: context.receivedAt)
        item.guid = StoryFields.line(object.string("uri") ?? object.string("guid"))
        item.version = StoryFields.line(object.string("version"))
        item.pubStatus = StoryFields.pubStatus(object.string("pubstatus"))
        item.urgency = StoryFields.urgency(object.string("urgency"))
        item.slugline = StoryFields.line(object.string("slugline"))
        item.language = StoryFields.line(object.string("language"))
        let versionCreated = object.string("versioncreated")
        StoryFields.setPublished(object.string("firstcreated") ?? versionCreated, on: &item, context: context)
        StoryFields.setUpdated(versionCreated, on: &item, context: context)
        item.embargoUntil = StoryFields.utc(object.string("embargoed"), context: context)
        fillText(&item, object)
        item.byline = byline(object)
        if let place = located(object) { item.dateline = Dateline(place: place) }
        item.agency = StoryFields.line(object.objects("infosources").first?.string("name")
                                       ?? object.string("copyrightholder"))
        for subject in object.objects("subject") + object.objects("subjects") {
            // `literal` (3.0) is the provider's own identifier: a code, so it outranks the name.
            let code = subject.string("code") ?? subject.string("uri") ?? subject.string("literal")
            StoryFields.appendOnce(StoryFields.line(code ?? subject.string("name")), to: &item.categories)
        }
        fillAssociations(&item, object, context: context)
        return item
    }

    // MARK: - Text

    private static func fillText(_ item: inout Item, _ object: NinjsObject) {
        if let headline = StoryFields.line(object.string("headline")
                                           ?? preferred(object.objects("headlines"), role: "main")?.string("value")) {
            item.headline = headline
            item.headlineSource = "copy"
        }
        item.summary = summary(object)
        let bodies = object.objects("bodies").filter { ["main", nil].contains(role($0)) }
        let html = object.string("body_html") ?? bodies.first(where: isHTML)?.string("value")
        let text = object.string("body_text") ?? bodies.first(where: { !isHTML($0) })?.string("value")
        if let html = html?.trimmingWhitespace(), !html.isEmpty {
            item.contentHTML = html
        } else if let text {
            item.body = StoryFields.text(text)
        }
    }

    private static func summary(_ object: NinjsObject) -> String? {
        if let text = object.string("description_text") {
            return StoryFields.text(text)
        }
        if let html = object.string("description_html") { return plain(html) }
        guard let description = preferred(object.objects("descriptions"), role: "summary"),
              let value = description.string("value")
        else { return nil }
        return isHTML(description) ? plain(value) : StoryFields.text(value)
    }

    private static func byline(_ object: NinjsObject) -> String? {
        // `byline` in 1.x, `by` in 3.0, an array of `bylines` in 2.x.
        if let byline = StoryFields.line(object.string("byline") ?? object.string("by")) { return byline }
        let names = object.objects("bylines").compactMap { StoryFields.line($0.string("byline") ?? $0.string("name")) }
        return names.isEmpty ? nil : names.joined(separator: ", ")
    }

    /// `located` as a string (1.x, 2.x) or an object with a name (some 3.x producers).
    private static func located(_ object: NinjsObject) -> String? {
        StoryFields.line(object.string("located") ?? object.object("located")?.string("name"))
    }

    /// The object whose role is `role` (bare or as a qcode), else the first without a role, else the first.
    private static func preferred(_ objects: [NinjsObject], role wanted: String) -> NinjsObject? {
        objects.first(where: { role($0) == wanted }) ?? objects.first(where: { role($0) == nil }) ?? objects.first
    }

    private static func role(_ object: NinjsObject) -> String? {
        guard let role = object.string("role")?.lowercased() else { return nil }
        return role.split(separator: ":").last.map(String.init) ?? role
    }

    private static func isHTML(_ object: NinjsObject) -> Bool {
        object.string("contenttype")?.lowercased().contains("html") ?? false
    }

    private static func plain(_ html: String) -> String? {
        StoryFields.text(Windows1252.repairC1(HTMLText.text(fromHTML: html)))
    }

    // MARK: - Associations

    private static func fillAssociations(_ item: inout Item, _ object: NinjsObject, context: ReadContext) {
        // A picture, video or audio item is its own media; a text item's renditions are other formats
        // of the same text, not enclosures.
        if let type = object.string("type")?.lowercased(), type != "text",
           let own = enclosure(object, context: context) {
            item.enclosures.append(own)
        }
        for (_, association) in object.namedObjects("associations") {
            let type = association.string("type")?.lowercased()
            guard type == nil || ["picture", "image", "graphic", "photo"].contains(type ?? "") else { continue }
            if let enclosure = enclosure(association, context: context),
               !item.enclosures.contains(where: { $0.url == enclosure.url }) {
                item.enclosures.append(enclosure)
            }
            if let caption = summary(association) {
                let credit = byline(association) ?? StoryFields.line(association.string("creditline")
                                                                     ?? association.string("copyrightholder"))
                item.captions.append(Caption(text: caption, credit: credit))
            }
        }
    }

    /// The rendition named `original`, else the first with an address; the association's own `uri`
    /// is an identifier, not a file, and is not used.
    private static func enclosure(_ association: NinjsObject, context: ReadContext) -> Enclosure? {
        let renditions = association.namedObjects("renditions")
        let chosen = renditions.first(where: { $0.name == "original" && $0.object.string("href") != nil })?.object
            ?? renditions.first(where: { $0.object.string("href") != nil })?.object
        guard let chosen, let href = chosen.string("href"),
              let url = LinkPolicy.resolve(href, base: context.documentURL)
        else { return nil }
        return Enclosure(url: url, type: StoryFields.line(chosen.string("mimetype") ?? chosen.string("contenttype")),
                         length: (chosen.string("size") ?? chosen.string("sizeinbytes")).flatMap { Int($0) })
    }
}
