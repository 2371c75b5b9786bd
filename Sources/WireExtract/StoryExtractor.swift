import Foundation
import WireGazetteer
import WireModel

/// Fills an item's structured fields from its cleaned copy and the furniture `clean` recorded.
///
/// Every field comes from something the copy says; a field it does not give stays nil or empty.
public struct StoryExtractor: Sendable {
    public var options: ExtractOptions
    let gazetteer: Gazetteer

    public init(options: ExtractOptions = ExtractOptions(), gazetteer: Gazetteer = .shared) {
        self.options = options
        self.gazetteer = gazetteer
    }

    public func extract(_ input: Item) -> Item {
        var item = input
        let body = item.body ?? ""
        // A view of the body's first line, not a copy: the dateline is read from its first bytes.
        var firstParagraph = Self.firstLine(body[...])
        // Parsed once: the dateline is read from whichever of the first two lines holds it.
        var firstDateline = DatelineParser.parse(firstParagraph)
        var datelineOffset = 0
        // An editor's note ("(Corrects name …)") or a short line the cleaner kept may stand above the
        // dateline.
        if firstParagraph.hasPrefix("(") || (firstParagraph.utf8.count <= 80 && firstDateline == nil),
           let rest = body.utf8.firstIndex(of: 0x0A) {
            var next = body.utf8.index(after: rest)
            while next < body.utf8.endIndex, body.utf8[next] == 0x0A { next = body.utf8.index(after: next) }
            let second = Self.firstLine(body[next...])
            if let parsed = DatelineParser.parse(second) {
                datelineOffset = body.utf8.distance(from: body.utf8.startIndex, to: next)
                firstParagraph = second
                firstDateline = parsed
            }
        }
        var agencyEvidence = AgencyEvidence()
        var lookups = RecentLookups(gazetteer)
        if options.byline { readFurniture(&item, &agencyEvidence) }
        var datelineParsed: DatelineParser.Parsed?
        if options.dateline, let parsed = firstDateline {
            datelineParsed = parsed
            if let agency = parsed.agency { agencyEvidence.dateline = agency }
        }
        if options.byline {
            readSignOffs(&item, body: body, &agencyEvidence)
            item.agency = item.agency ?? agencyEvidence.best(&lookups)
        }
        if options.captions { readCaptions(&item, &agencyEvidence) }
        if options.byline, item.agency == nil { item.agency = agencyEvidence.best(&lookups) }
        var anchor: CalendarDay?
        if options.publishedTime { anchor = readPublished(&item, &lookups) }
        if options.headline { readHeadline(&item) }
        // The dateline is read already: its place and agency are no story entities of their own.
        let datelineBytes = datelineParsed?.length ?? 0
        // The story's bytes are gathered once, straight into the buffer the tokens index: the body
        // without its dateline (which ends on a character boundary, so the rest stays valid UTF-8),
        // then the captions and the headline paragraph.
        var storyBytes = Array(body.utf8)
        if datelineBytes > 0 { storyBytes.removeSubrange(datelineOffset..<(datelineOffset + datelineBytes)) }
        let bodyByteCount = storyBytes.count
        appendCaptions(item, to: &storyBytes)
        appendHeadlineParagraph(item, to: &storyBytes)
        let text = TokenText(bytes: storyBytes)
        if options.headline, item.headline == nil { ledeHeadline(&item, text: text, bodyBytes: bodyByteCount) }
        if let parsed = datelineParsed {
            let date = datelineDate(parsed, anchor: anchor, item: item, text: text, ledeOffset: datelineOffset)
            item.dateline = Dateline(place: parsed.place, date: date?.iso)
            if options.publishedTime, item.publishedAt == nil, let date {
                item.publishedAt = date.iso
                item.publishedRaw = item.publishedRaw ?? String(firstParagraph.utf8.prefix(parsed.length)).map(Self.trimmingSpaces)
            }
            anchor = anchor ?? date
        }
        if anchor == nil, let published = item.publishedAt { anchor = CalendarDay(iso: published) }
        if options.byline, let agency = item.agency, datelineParsed?.agency == agency,
           lookups.lookup(agency).allSatisfy({ $0.kind != .agency }), item.furniture.contains(where: { $0.kind == "site-name" && $0.text == agency }) {
            // "(Steppe Business Review)" in the dateline of its own site: the publisher, not an agency.
            item.agency = nil
        }
        if options.wordCount {
            // Words of the body: the story text's tokens before the captions, plus the dateline's.
            let bodyEnd = bodyByteCount
            let storyWords = text.tokens.lazy.filter { $0.isWord && $0.start < bodyEnd }.count
            let datelineWords = firstParagraph.utf8.withContiguousStorageIfAvailable { Self.wordCount($0.prefix(datelineBytes)) }
                ?? Self.wordCount(firstParagraph.utf8.prefix(datelineBytes))
            item.wordCount = storyWords + datelineWords
        }
        // The dates' scan over the tokens finds the quotation marks too.
        var dates: [DateMention] = []
        var quotationMarks: [Int]?
        if options.dates {
            (dates, quotationMarks) = DateExpressionParser(text: text, anchor: anchor).mentionsAndQuotationMarks()
        }
        if options.entities || options.quotes {
            let runs = EntityRecognizer(text: text, gazetteer: gazetteer).recognize()
            var collector = EntityCollector(runs: runs.count)
            if let place = datelineParsed?.place, options.entities { addDatelinePlace(place, to: &collector) }
            let agencyID = item.agency.flatMap { gazetteer.lookup($0).first { $0.kind == .agency }?.id }
            // The agency that filed the story is its source, not one of its entities.
            for run in runs where (agencyID == nil || run.entry?.id != agencyID) && !Self.namesCurrency(run, in: text) {
                collector.add(run, in: text)
            }
            let entities = collector.entities()
            if options.entities { item.entities = entities }
            if options.quotes {
                item.quotes = quotes(text, runs: runs, entities: entities, marks: quotationMarks ?? QuoteExtractor.quotationMarks(text))
            }
        }
        if options.dates {
            if let parsed = datelineParsed, let month = parsed.month, let day = parsed.day, let value = item.dateline?.date {
                let name = DatelineParser.monthNames[month - 1]
                dates.insert(DateMention(text: "\(name) \(day)", value: value), at: 0)
            }
            item.dates = dates
        }
        return item
    }

    /// "U.S. dollars", "Singapore dollar": a country's name inside a currency's is no place mention.
    static func namesCurrency(_ run: NameRun, in text: TokenText) -> Bool {
        guard run.kind == .place else { return false }
        let next = run.range.upperBound
        return text.isWord(next, "dollar") || text.isWord(next, "dollars")
    }

    /// Words in a few bytes of text: runs of letters and digits (for the dateline's words).
    static func wordCount(_ bytes: some Sequence<UInt8>) -> Int {
        var count = 0
        var inWord = false
        for byte in bytes {
            let wordByte = (byte >= 0x30 && byte <= 0x39) || (byte | 0x20 >= 0x61 && byte | 0x20 <= 0x7A) || byte >= 0xC0 || (inWord && byte >= 0x80)
            if wordByte && !inWord { count += 1 }
            inWord = wordByte
        }
        return count
    }

    /// The text without spaces at either end.
    static func trimmingSpaces(_ text: String) -> String {
        let utf8 = text.utf8
        guard let first = utf8.firstIndex(where: { $0 != 0x20 }), let last = utf8.lastIndex(where: { $0 != 0x20 }) else { return "" }
        return String(text[first...last])
    }

    /// The text up to the first line break.
    static func firstLine(_ text: Substring) -> Substring {
        let utf8 = text.utf8
        // On the contiguous bytes when there are some: the generic search on the view is slow.
        let found = utf8.withContiguousStorageIfAvailable { buffer -> Int? in buffer.firstIndex(of: 0x0A) }
        if let found {
            guard let offset = found else { return text }
            return text[..<utf8.index(utf8.startIndex, offsetBy: offset)]
        }
        guard let newline = utf8.firstIndex(of: 0x0A) else { return text }
        return text[..<newline]
    }

    /// A headline from the copy or the feed is read for names too, when it is written in sentence case
    /// (a title-case headline would make every word a name).
    private func appendHeadlineParagraph(_ item: Item, to bytes: inout [UInt8]) {
        guard let headline = item.headline, item.headlineSource != "lede" else { return }
        let counts = Self.capitalisedWords(headline)
        guard counts.words >= 3, counts.capitalised * 10 <= counts.words * 6 else { return }
        bytes.append(0x0A)
        bytes.append(0x0A)
        Self.append(headline, to: &bytes)
    }

    /// A string's UTF-8 appended from its contiguous storage (one copy; appending the `UTF8View`
    /// went byte by byte).
    static func append(_ text: String, to bytes: inout [UInt8]) {
        var copy = text
        copy.withUTF8 { bytes.append(contentsOf: $0) }
    }

    /// Words (split at spaces) and how many start with a capital; on bytes for ASCII text.
    static func capitalisedWords(_ text: String) -> (words: Int, capitalised: Int) {
        var copy = text
        let ascii = copy.withUTF8 { bytes -> (words: Int, capitalised: Int)? in
            guard !bytes.contains(where: { $0 >= 0x80 }) else { return nil }
            var words = 0
            var capitalised = 0
            var previous: UInt8 = 0x20
            for byte in bytes {
                if previous == 0x20, byte != 0x20 {
                    words += 1
                    if byte >= 0x41 && byte <= 0x5A { capitalised += 1 }
                }
                previous = byte
            }
            return (words, capitalised)
        }
        if let ascii { return ascii }
        let words = text.split(separator: " ")
        return (words.count, words.filter { $0.first?.isUppercase ?? false }.count)
    }

    /// Captions are read for entities and dates too; they are the story's photos.
    private func appendCaptions(_ item: Item, to bytes: inout [UInt8]) {
        for caption in item.captions {
            bytes.append(0x0A)
            bytes.append(0x0A)
            Self.append(caption.text, to: &bytes)
        }
    }

    private func addDatelinePlace(_ place: String, to collector: inout EntityCollector) {
        // The part before the first comma ("PENICHE, Portugal" → "PENICHE"), found on bytes.
        let city = place.utf8.firstIndex(of: 0x2C).map { Self.trimmingSpaces(String(place[..<$0])) } ?? Self.trimmingSpaces(place)
        let entry = gazetteer.lookup(city).first { $0.kind.isPlace }
        let surface = entry == nil ? BylineParser.titleCased(city) : city
        collector.add(kind: .place, surface: surface, entry: entry)
    }

    /// The quotes between the quotation marks (`marks`, the tokens the quotes walk instead of every
    /// token); a quote needs a pair: a story without one skips indexing its speakers.
    private func quotes(_ text: TokenText, runs: [NameRun], entities: Entities, marks: [Int]) -> [Quote] {
        guard marks.count >= 2 else { return [] }
        let mentions = PersonMentions(entities.people)
        var people: [(offset: Int, name: String, end: Int)] = []
        text.withSpans { spans in
            for run in runs where run.kind == .person {
                guard let person = mentions.person(spans.surface(run.range)) else { continue }
                if people.isEmpty { people.reserveCapacity(runs.count) }
                people.append((spans.tokens[run.range.lowerBound].start, entities.people[person].name, spans.tokens[run.range.upperBound - 1].end))
            }
        }
        return QuoteExtractor(text: text, people: people, marks: marks).quotes()
    }
}
