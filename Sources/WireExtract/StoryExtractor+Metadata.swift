import Foundation
import WireGazetteer
import WireModel

/// Byline, publisher, credits, related lists, captions, headline and publication time.
extension StoryExtractor {
    func readFurniture(_ item: inout Item, _ evidence: inout AgencyEvidence) {
        for piece in item.furniture {
            switch piece.kind {
            case "byline":
                guard let parsed = BylineParser.parse(piece.text) ?? BylineParser.parse("By " + BylineParser.droppingLabel(piece.text)) else { continue }
                if item.byline == nil, !parsed.people.isEmpty { item.byline = parsed.people.joined(separator: ", ") }
                if let agency = parsed.agency { evidence.byline = evidence.byline ?? agency.shortName ?? agency.name }
            case "site-name":
                if item.publisher == nil { item.publisher = piece.text }
            case "credit", "credits":
                let parts = piece.text.trimming("() ").splitBytes(";")
                    .map { $0.trimming(" ") }.filter { !$0.isEmpty }
                item.credits.append(contentsOf: parts)
                if evidence.credit == nil { evidence.credit = agencyNamed(in: piece.text) }
            case "related":
                guard options.related else { continue }
                var headline = piece.text
                if let bar = Self.range(of: "| ", in: headline), headline.distance(from: headline.startIndex, to: bar.lowerBound) < 20 {
                    headline = String(headline[bar.upperBound...])
                }
                item.related.append(RelatedLink(headline: headline.trimming(" ")))
            case "sign-off":
                if evidence.signOff == nil { evidence.signOff = agencyNamed(in: piece.text) }
            default:
                continue
            }
        }
    }

    /// A trailing "(Yonhap)" left in the copy when no `clean` ran.
    func readSignOffs(_ item: inout Item, body: String, _ evidence: inout AgencyEvidence) {
        guard evidence.signOff == nil, body.hasSuffix(")"), let inside = Self.signOffText(body) else { return }
        if let entry = gazetteer.lookup(inside).first(where: { $0.kind == .agency }) {
            evidence.signOff = entry.shortName ?? entry.name
        }
    }

    /// The text between the body's last "(" and its final ")" (the caller has checked that it ends with
    /// one), nil without a "(". Searched backwards on the bytes: a "(" between two ASCII bytes is a
    /// `Character` of its own, so it is the one `lastIndex(of: "(")` finds (walking every `Character`
    /// of the body cost more than the rest of reading the sign-off); a "(" next to other bytes, which
    /// a combining mark could join, is left to that general search.
    static func signOffText(_ body: String) -> String? {
        var copy = body
        let found = copy.withUTF8 { bytes -> String?? in
            var index = bytes.count - 2 // the last byte is the final ")"
            while index >= 0 {
                if bytes[index] == 0x28 {
                    guard index == 0 || bytes[index - 1] < 0x80, bytes[index + 1] < 0x80 else { return .none }
                    return .some(String(decoding: UnsafeBufferPointer(rebasing: bytes[(index + 1)..<(bytes.count - 1)]), as: UTF8.self))
                }
                index -= 1
            }
            return .some(nil)
        }
        guard let found else { return signOffTextByCharacters(body) }
        return found
    }

    /// `signOffText` by `Character`s, the general form.
    static func signOffTextByCharacters(_ body: String) -> String? {
        guard let open = body.lastIndex(of: "(") else { return nil }
        return String(body[body.index(after: open)..<body.index(before: body.endIndex)])
    }

    func readCaptions(_ item: inout Item, _ evidence: inout AgencyEvidence) {
        if item.captions.isEmpty {
            for piece in item.furniture where piece.kind == "caption" {
                let parsed = CaptionParser.parse(piece.text)
                item.captions.append(Caption(text: parsed.text, credit: parsed.credit))
            }
        }
        // A photo credit names the story's agency only when no staff reporter signs the story.
        guard item.byline == nil else { return }
        for caption in item.captions {
            guard let credit = caption.credit, evidence.caption == nil else { continue }
            // The distributor signs last ("KCNA/Kyodo"); a photographer follows the agency ("Xinhua/Liu").
            let parts = CaptionParser.creditParts(credit)
            if let agency = parts.reversed().lazy.compactMap({ BylineParser.agency($0) }).first {
                evidence.caption = agency.shortName ?? agency.name
            }
        }
    }

    /// The headline from the item or the copy; never invented (the lede fallback is `ledeHeadline`).
    func readHeadline(_ item: inout Item) {
        // A headline the reader guessed from the first line loses to one `clean` recorded, and is no
        // headline at all when `clean` found that line to be furniture (a site name, a stray line).
        let recorded = item.furniture.first { $0.kind == "headline" }
        if let headline = item.headline, !item.furniture.contains(where: { $0.kind != "headline" && $0.text == headline }),
           recorded == nil || item.headlineSource == "feed" {
            if item.headlineSource == nil { item.headlineSource = "copy" }
            return
        }
        item.headline = recorded?.text
        item.headlineSource = recorded == nil ? nil : "copy"
    }

    /// Copy without a headline gets its lede's first sentence, marked `headline_source: "lede"`.
    func ledeHeadline(_ item: inout Item, text: TokenText, bodyBytes: Int) {
        guard let first = text.tokens.indices.first, text.tokens[first].start < bodyBytes else { return }
        var end = first + 1
        while end < text.tokens.count, !text.tokens[end].flags.contains(.sentenceStart), !text.tokens[end - 1].flags.contains(.paragraphEnd) {
            end += 1
        }
        let sentence = text.string(first..<end)
        guard !sentence.isEmpty else { return }
        item.headline = sentence
        item.headlineSource = "lede"
    }

    /// "Published : …" and "Updated : …" lines; returns the local day as the relative-date anchor.
    func readPublished(_ item: inout Item, _ lookups: inout RecentLookups) -> CalendarDay? {
        var anchor: CalendarDay?
        // A reader's byline that is only an agency ("Yonhap") names no person.
        if let byline = item.byline, let agency = BylineParser.agency(byline) {
            item.byline = nil
            if item.agency == nil { item.agency = agency.shortName ?? agency.name }
        }
        let readerStamp = item.publishedRaw == nil ? item.publishedAt : nil
        for piece in item.furniture where piece.kind == "published" || piece.kind == "updated" {
            let label = piece.kind
            let rest = PublishedTimeParser.stripLabel(piece.text, label: label) ?? piece.text
            guard let parsed = PublishedTimeParser.parse(rest) else { continue }
            let zone = parsed.zone ?? assumedZone(item, &lookups)
            let stamp = PublishedTimeParser.utcTimestamp(parsed, zone: zone) ?? parsed.day.iso
            if label == "published" {
                if item.publishedAt == nil || item.publishedRaw == nil {
                    item.publishedAt = stamp
                    item.publishedRaw = piece.text
                    if parsed.zone == nil, parsed.hour != nil { item.timeZoneAssumed = zone }
                }
                anchor = parsed.day // the local day, which "on Saturday" counts from
            } else if label == "updated", item.updatedAt == nil {
                item.updatedAt = stamp
            }
            // "Published : … Updated : …" on one line carries both stamps.
            if label == "published", item.updatedAt == nil, let updated = Self.rangeIgnoringCase(of: "updated", in: piece.text),
               let parsedUpdate = PublishedTimeParser.parse(String(piece.text[updated.upperBound...])) {
                item.updatedAt = PublishedTimeParser.utcTimestamp(parsedUpdate, zone: parsedUpdate.zone ?? zone) ?? parsedUpdate.day.iso
            }
        }
        // Pages that print only "Updated …" publish at that time as far as the copy says.
        if item.publishedAt == nil, let updated = item.updatedAt, let piece = item.furniture.first(where: { $0.kind == "updated" }) {
            item.publishedAt = updated
            item.publishedRaw = piece.text
            anchor = PublishedTimeParser.parse(PublishedTimeParser.stripLabel(piece.text, label: "updated") ?? piece.text)?.day
        }
        if anchor == nil, let published = item.publishedAt {
            anchor = localDay(published, zone: readerStamp != nil ? assumedZone(item, &lookups) : "UTC")
        }
        return anchor
    }

    /// The local day of a UTC timestamp in a zone: a 23:30Z Seoul story is dated the next day.
    func localDay(_ stamp: String, zone: String) -> CalendarDay? {
        guard let day = CalendarDay(iso: stamp) else { return nil }
        let utf8 = Array(stamp.utf8)
        guard utf8.count >= 16, stamp.hasSuffix("Z"), let hour = Int(String(decoding: utf8[11..<13], as: UTF8.self)),
              let minute = Int(String(decoding: utf8[14..<16], as: UTF8.self)), let timeZone = PublishedTimeParser.timeZone(zone) else { return day }
        let utc = day.dayNumber * 86_400 + hour * 3_600 + minute * 60
        let local = utc + timeZone.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(utc)))
        return CalendarDay(dayNumber: local >= 0 ? local / 86_400 : (local - 86_399) / 86_400)
    }

    /// The zone of the place the publishing site is named after (it prints the times), else of the
    /// agency's home country, else the configured default, else UTC.
    func assumedZone(_ item: Item, _ lookups: inout RecentLookups) -> String {
        let homes = Self.homeZones
        // A site named after its city or country ("The Seoul Ledger") publishes in that zone.
        if let publisher = item.publisher {
            let words = publisher.splitBytes(" ")
            for word in words where word.first?.isUppercase ?? false {
                if let code = gazetteer.lookup(String(word)).first(where: { $0.kind.isPlace && !$0.isDemonym })?.countryCode,
                   let zone = homes[code] {
                    return zone
                }
            }
        }
        if let agency = item.agency, let code = lookups.lookup(agency).first(where: { $0.kind == .agency })?.countryCode,
           let zone = homes[code] {
            return zone
        }
        return options.defaultTimeZone ?? "UTC"
    }

    /// Each home country's zone, built once (a dictionary literal per story cost more than the rest).
    static let homeZones = [
        "KR": "Asia/Seoul", "KP": "Asia/Pyongyang", "JP": "Asia/Tokyo", "CN": "Asia/Shanghai",
        "IN": "Asia/Kolkata", "TW": "Asia/Taipei", "VN": "Asia/Ho_Chi_Minh", "ID": "Asia/Jakarta",
        "SG": "Asia/Singapore", "HK": "Asia/Hong_Kong", "PH": "Asia/Manila", "TH": "Asia/Bangkok",
        "MY": "Asia/Kuala_Lumpur", "GB": "Europe/London", "FR": "Europe/Paris", "DE": "Europe/Berlin",
        "RU": "Europe/Moscow", "TR": "Europe/Istanbul", "AU": "Australia/Sydney", "NZ": "Pacific/Auckland",
    ]

    /// The dateline's day: its own year, else the publication year, else the year in which the lede's
    /// weekday falls on that day (latest up to the year received), else the year received.
    func datelineDate(_ parsed: DatelineParser.Parsed, anchor: CalendarDay?, item: Item, text: TokenText, ledeOffset: Int) -> CalendarDay? {
        guard let month = parsed.month, let day = parsed.day else { return nil }
        if let year = parsed.year ?? anchor?.year { return CalendarDay.valid(year: year, month: month, day: day) }
        guard let received = CalendarDay(iso: item.receivedAt) else { return nil }
        // The lede's first weekday (the story text starts right after the dateline).
        let ledeStart = text.tokens.firstIndex { $0.start >= ledeOffset } ?? text.tokens.count
        let ledeEnd = text.tokens[ledeStart...].firstIndex { $0.flags.contains(.paragraphEnd) }.map { $0 + 1 } ?? text.tokens.count
        let weekday = (ledeStart..<ledeEnd).lazy.compactMap { text.tokens[$0].isCapitalised && text.has($0, .weekday) ? Int(text.numbers[$0]) : nil }.first
        if let weekday {
            // The lede's day is the dateline's, or (overnight copy) the day before it.
            for daysBefore in 0...1 {
                for year in stride(from: received.year, through: received.year - 6, by: -1) {
                    if let candidate = CalendarDay.valid(year: year, month: month, day: day),
                       candidate.adding(days: -daysBefore).weekday == weekday, candidate <= received.adding(days: 1) {
                        return candidate
                    }
                }
            }
        }
        return CalendarDay.valid(year: received.year, month: month, day: day)
    }

    /// `text.range(of: needle, options: .caseInsensitive)` for a lower-case ASCII needle; ASCII text is
    /// searched on its bytes (Foundation's search cost more than the rest of reading the stamp).
    static func rangeIgnoringCase(of needle: String, in text: String) -> Range<String.Index>? {
        // On the text's own contiguous bytes (no array copies of the text or the needle).
        var copy = text
        var pattern = needle
        let found = copy.withUTF8 { bytes -> Int?? in
            pattern.withUTF8 { pattern in Self.firstOffsetIgnoringCase(of: pattern, in: bytes) }
        }
        guard let found else { return text.range(of: needle, options: .caseInsensitive) }
        guard let start = found else { return nil }
        let lower = text.utf8.index(text.utf8.startIndex, offsetBy: start)
        return lower..<text.utf8.index(lower, offsetBy: needle.utf8.count)
    }

    /// Where a lower-case ASCII needle first stands in the bytes, capitals folded; `.none` when a byte
    /// is not ASCII (the text then goes to Foundation). The ASCII test ORs every byte together, a loop
    /// without a branch that the compiler vectorises; the search then stops at its first match, and
    /// only bytes that fold to the needle's initial start a comparison (one pass doing both cost more).
    private static func firstOffsetIgnoringCase(of pattern: UnsafeBufferPointer<UInt8>, in bytes: UnsafeBufferPointer<UInt8>) -> Int?? {
        var union: UInt8 = 0
        for byte in bytes { union |= byte }
        guard union < 0x80 else { return .none }
        guard let head = pattern.first, bytes.count >= pattern.count else { return .some(nil) }
        for start in 0...(bytes.count - pattern.count) {
            let byte = bytes[start]
            guard (byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte) == head else { continue }
            var matched = true
            for offset in 1..<pattern.count {
                let next = bytes[start + offset]
                if (next >= 0x41 && next <= 0x5A ? next | 0x20 : next) != pattern[offset] { matched = false; break }
            }
            if matched { return .some(start) }
        }
        return .some(nil)
    }

    /// `text.range(of: needle)`, searched on bytes when the text is ASCII.
    static func range(of needle: String, in text: String) -> Range<String.Index>? {
        guard text.isASCIIBytes else { return text.range(of: needle) }
        guard let offset = BylineParser.firstOffset(of: Array(needle.utf8), in: Array(text.utf8)) else { return nil }
        let lower = text.utf8.index(text.utf8.startIndex, offsetBy: offset)
        return lower..<text.utf8.index(lower, offsetBy: needle.utf8.count)
    }

    func agencyNamed(in text: String) -> String? {
        let stripped = text.trimming("() .")
        if let entry = BylineParser.agency(stripped) { return entry.shortName ?? entry.name }
        if let found = BylineParser.agencyInSpansASCII(stripped, gazetteer: gazetteer) { return found.map { $0.shortName ?? $0.name } }
        return agencyNamedInSpans(stripped)
    }

    /// The span search of `agencyNamed` by words, for text `BylineParser.agencyInSpansASCII` leaves.
    func agencyNamedInSpans(_ stripped: String) -> String? {
        // Spans of up to four words that start with a capitalised word some name starts with.
        let words = stripped.splitBytes(" ")
        for start in words.indices where words[start].first?.isUppercase ?? false {
            guard gazetteer.mayStartName(wordHash: NameNormalizer.wordHash(words[start].utf8))
                    || Gazetteer.isShortCapitalForm(words[start]) else { continue }
            for length in stride(from: min(4, words.count - start), through: 1, by: -1) {
                let span = words[start..<(start + length)].joinedBySpaces(in: stripped)
                // The whole text was looked up above.
                if words.count == 1, span == stripped { continue }
                if let entry = BylineParser.agency(span) {
                    return entry.shortName ?? entry.name
                }
            }
        }
        return nil
    }
}

/// Where the copy names its agency, strongest first.
struct AgencyEvidence {
    var dateline: String?
    var byline: String?
    var signOff: String?
    var credit: String?
    var caption: String?

    func best(_ lookups: inout RecentLookups) -> String? {
        if let dateline {
            if let entry = lookups.lookup(dateline).first(where: { $0.kind == .agency }) { return entry.shortName ?? entry.name }
            return dateline
        }
        return byline ?? signOff ?? credit ?? caption
    }
}
