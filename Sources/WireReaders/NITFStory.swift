import LibXML
import WireModel

/// Maps a NITF 3.x document onto an item: a whole `<nitf>` read by `NITFReader`, or the NITF inside a
/// NewsML-G2 item's `inlineXML` (where the G2 metadata is applied first and NITF only fills the gaps).
///
/// Every setter fills a field only when it is still empty, so the caller's values win. Elements are
/// matched by local name, which reads NITF with and without its 2006 namespace alike.
///
/// The body is kept as text (`body`), not markup: NITF's body is already structured into paragraphs,
/// so there is nothing for `clean` to do that this cannot do exactly.
enum NITFStory {
    static func fill(_ item: inout Item, from nitf: MarkupNode, context: ReadContext) {
        // Subjects describe the story first; docdata's classifiers and keywords follow them.
        if let head = nitf.child("head") { appendSubjects(&item, head) }
        if let docdata = nitf.firstDescendant("docdata") { fillDocdata(&item, docdata, context: context) }
        // body.head before head: hl1 is the headline, head/title more often a filing label.
        if let bodyHead = nitf.firstDescendant("body.head") { fillBodyHead(&item, bodyHead) }
        if let head = nitf.child("head") { fillHead(&item, head, context: context) }
        if let content = nitf.firstDescendant("body.content") { fillBodyContent(&item, content, context: context) }
        for tagline in nitf.firstDescendant("body.end")?.children("tagline") ?? [] {
            StoryFields.appendOnce(credit(tagline.text), to: &item.credits)
        }
        // The distributor (body.head) names the agency; the copyright holder only when it is absent,
        // since a story's rights may belong to a photo agency or a client paper.
        if item.agency == nil {
            item.agency = StoryFields.line(nitf.firstDescendant("doc.copyright")?.attribute("holder"))
        }
    }

    // MARK: - head

    private static func fillDocdata(_ item: inout Item, _ docdata: MarkupNode, context: ReadContext) {
        if item.guid == nil { item.guid = StoryFields.line(docdata.child("doc-id")?.attribute("id-string")) }
        if item.pubStatus == nil { item.pubStatus = StoryFields.pubStatus(docdata.attribute("management-status")) }
        if item.urgency == nil { item.urgency = StoryFields.urgency(docdata.child("urgency")?.attribute("ed-urg")) }
        if let key = docdata.child("du-key") {
            if item.slugline == nil { item.slugline = StoryFields.line(key.attribute("key")) }
            if item.version == nil { item.version = StoryFields.line(key.attribute("version")) }
        }
        StoryFields.setPublished(docdata.child("date.issue").flatMap(normOrText), on: &item, context: context)
        if item.embargoUntil == nil {
            item.embargoUntil = StoryFields.utc(docdata.child("date.release").flatMap(normOrText), context: context)
        }
        for classifier in docdata.child("identified-content")?.children("classifier") ?? [] {
            StoryFields.appendOnce(StoryFields.line(classifier.attribute("value") ?? classifier.text),
                                   to: &item.categories)
        }
        for keyword in docdata.child("key-list")?.children("keyword") ?? [] {
            StoryFields.appendOnce(StoryFields.line(keyword.attribute("key")), to: &item.categories)
        }
    }

    /// IPTC subject reference numbers, written as the `subj:` qcodes NewsML-G2 uses for them; a
    /// subject without a number by its name.
    private static func appendSubjects(_ item: inout Item, _ head: MarkupNode) {
        for subject in head.child("tobject")?.children("tobject.subject") ?? [] {
            guard let refnum = StoryFields.line(subject.attribute("tobject.subject.refnum")) else {
                let name = subject.attribute("tobject.subject.matter") ?? subject.attribute("tobject.subject.type")
                StoryFields.appendOnce(StoryFields.line(name), to: &item.categories)
                continue
            }
            let authority = StoryFields.line(subject.attribute("tobject.subject.ipr"))?.lowercased() ?? "iptc"
            StoryFields.appendOnce((authority == "iptc" ? "subj" : authority) + ":" + refnum, to: &item.categories)
        }
    }

    private static func fillHead(_ item: inout Item, _ head: MarkupNode, context: ReadContext) {
        if let pubdata = head.child("pubdata") {
            if item.publisher == nil { item.publisher = StoryFields.line(pubdata.attribute("name")) }
            StoryFields.setPublished(pubdata.attribute("date.publication"), on: &item, context: context)
        }
        if item.headline == nil, let title = StoryFields.line(head.child("title")?.text) {
            item.headline = title
            item.headlineSource = "copy"
        }
    }

    // MARK: - body.head

    private static func fillBodyHead(_ item: inout Item, _ bodyHead: MarkupNode) {
        if let hedline = bodyHead.child("hedline") {
            if item.headline == nil, let hl1 = StoryFields.line(hedline.child("hl1")?.text) {
                item.headline = hl1
                item.headlineSource = "copy"
            }
            if item.summary == nil, bodyHead.child("abstract") == nil {
                item.summary = StoryFields.line(hedline.child("hl2")?.text)
            }
        }
        if item.summary == nil, let abstract = bodyHead.child("abstract") {
            item.summary = StoryFields.paragraphs(paragraphs(in: abstract))
        }
        if item.byline == nil { item.byline = byline(bodyHead.children("byline")) }
        if item.agency == nil { item.agency = StoryFields.line(bodyHead.child("distributor")?.text) }
        if let dateline = bodyHead.child("dateline") { fillDateline(&item, dateline) }
    }

    /// The people named in the bylines when they are marked up, else the bylines' text.
    private static func byline(_ bylines: [MarkupNode]) -> String? {
        let people = bylines.flatMap { $0.descendants("person") }.compactMap { StoryFields.line($0.text) }
        if !people.isEmpty { return people.joined(separator: ", ") }
        let texts = bylines.compactMap { StoryFields.line($0.text) }
        return texts.isEmpty ? nil : texts.joined(separator: "; ")
    }

    private static func fillDateline(_ item: inout Item, _ dateline: MarkupNode) {
        var value = item.dateline ?? Dateline()
        if value.place == nil {
            let location = dateline.firstDescendant("location")
            value.place = StoryFields.line(location?.firstDescendant("city")?.text) ?? StoryFields.line(location?.text)
        }
        if value.date == nil, let norm = dateline.firstDescendant("story.date")?.attribute("norm") {
            value.date = calendarDate(norm)
        }
        if value.place != nil || value.date != nil { item.dateline = value }
    }

    /// A tagline such as "(Editing by Jon Farro)" as a credit, without its enclosing parentheses.
    static func credit(_ tagline: String) -> String? {
        guard var text = StoryFields.line(tagline) else { return nil }
        let inner = text.dropFirst().dropLast()
        if text.hasPrefix("("), text.hasSuffix(")"), !inner.contains(where: { $0 == "(" || $0 == ")" }) {
            text = String(inner)
        }
        return StoryFields.line(text)
    }

    /// `YYYY-MM-DD` from the start of a NITF `norm` date (`20250304T0900-0500` or `2025-03-04…`): the
    /// dateline's date as written locally, not converted to UTC.
    static func calendarDate(_ norm: String) -> String? {
        let digits = norm.trimmingWhitespace().prefix(10).filter(\.isNumber)
        guard digits.count >= 8 else { return nil }
        let d = Array(digits.prefix(8))
        return "\(String(d[0..<4]))-\(String(d[4..<6]))-\(String(d[6..<8]))"
    }

    // MARK: - body.content

    private static func fillBodyContent(_ item: inout Item, _ content: MarkupNode, context: ReadContext) {
        if item.body == nil, item.contentHTML == nil { item.body = StoryFields.paragraphs(paragraphs(in: content)) }
        for media in content.descendants("media") {
            if let caption = StoryFields.line(media.child("media-caption")?.text) {
                let credit = StoryFields.line(media.child("media-producer")?.text)
                item.captions.append(Caption(text: caption, credit: credit))
            }
            for reference in media.children("media-reference") {
                guard let source = reference.attribute("source"),
                      let url = LinkPolicy.resolve(source, base: context.documentURL),
                      !item.enclosures.contains(where: { $0.url == url })
                else { continue }
                let length = reference.attribute("data-size").flatMap { Int($0.trimmingWhitespace()) }
                item.enclosures.append(Enclosure(url: url, type: StoryFields.line(reference.attribute("mime-type")),
                                                 length: length))
            }
        }
    }

    /// Elements whose text is one paragraph of the story.
    private static let paragraphElements: Set<String> = ["p", "hl2", "pre", "li", "dt", "dd", "credit"]
    /// Elements that hold paragraphs rather than text; anything else inside a paragraph run (`em`,
    /// `person`, `chron`, `a`, …) is inline and stays in its sentence.
    private static let containerElements: Set<String> = [
        "block", "bq", "fn", "note", "ul", "ol", "dl", "table", "tbody", "thead", "tfoot", "nitf-table",
        "body.content", "abstract",
    ]

    /// The story's paragraphs in order: paragraph elements whole, table rows with their cells spaced,
    /// loose text and inline elements in containers as one paragraph per run; media left out (their
    /// captions go to `captions`).
    static func paragraphs(in container: MarkupNode) -> [String] {
        var out: [String] = []
        var run = ""
        func endRun() {
            if !run.isEmpty { out.append(run) }
            run = ""
        }
        for part in container.content {
            switch part {
            case .text(let text):
                run += text
            case .element(let node) where paragraphElements.contains(node.localName):
                endRun()
                out.append(node.text)
            case .element(let node) where node.localName == "tr":
                endRun()
                out.append(node.elements.map(\.text).joined(separator: " "))
            case .element(let node) where node.localName == "media":
                endRun()
            case .element(let node) where containerElements.contains(node.localName):
                endRun()
                out += paragraphs(in: node)
            case .element(let node):
                run += node.localName == "br" ? " " : node.text
            }
        }
        endRun()
        return out
    }

    private static func normOrText(_ node: MarkupNode) -> String? {
        node.attribute("norm") ?? StoryFields.line(node.text)
    }
}
