import Foundation

/// Reads "Published : April 13, 2024 - 21:10" and "Published - May 28, 2024 04:32 pm IST" lines.
struct PublishedTimeParser {
    struct Parsed: Equatable {
        var day: CalendarDay
        var hour: Int?
        var minute: Int?
        var second = 0
        /// The IANA zone the line names, when it names one.
        var zone: String?
    }

    /// Zone abbreviations wire pages print, with the IANA zone they stand for.
    static let zoneAbbreviations: [String: String] = [
        "KST": "Asia/Seoul", "JST": "Asia/Tokyo", "IST": "Asia/Kolkata", "HKT": "Asia/Hong_Kong",
        "SGT": "Asia/Singapore", "GMT": "UTC", "UTC": "UTC", "BST": "Europe/London", "CET": "Europe/Paris",
        "CEST": "Europe/Paris", "EST": "America/New_York", "EDT": "America/New_York", "PST": "America/Los_Angeles",
        "PDT": "America/Los_Angeles", "MSK": "Europe/Moscow", "AEST": "Australia/Sydney", "PHT": "Asia/Manila",
        "MST": "America/Phoenix", "MDT": "America/Denver", "CDT": "America/Chicago", "CST": "America/Chicago",
        "ET": "America/New_York", "PT": "America/Los_Angeles", "WIB": "Asia/Jakarta", "ICT": "Asia/Bangkok",
        "WITA": "Asia/Makassar", "WIT": "Asia/Jayapura", "SAST": "Africa/Johannesburg", "EAT": "Africa/Nairobi",
        "WAT": "Africa/Lagos", "GST": "Asia/Dubai", "PKT": "Asia/Karachi", "NZST": "Pacific/Auckland",
    ]

    /// The text after the label, or nil when the line is not a publication line.
    static func stripLabel(_ line: String, label: String) -> String? {
        if let asciiLabelled = hasASCIILabel(line, label: label) {
            guard asciiLabelled else { return nil }
            // The label's bytes are its characters: the rest starts right after them.
            return line[line.utf8.index(line.utf8.startIndex, offsetBy: label.utf8.count)...].trimming(" :-–—\u{00A0}")
        }
        guard line.lowercased().hasPrefix(label) else { return nil }
        return String(line.dropFirst(label.count)).trimming(" :-–—\u{00A0}")
    }

    /// `line.lowercased().hasPrefix(label)` for a lower-case ASCII label, decided on the line's first
    /// bytes when they and the byte after them are ASCII (then each is a character, lower-cased by one
    /// bit, and the label ends on a character boundary; a carriage return could join the next byte, so
    /// it is left to the general test); nil when the bytes cannot decide (lower-casing the whole line
    /// cost more than the rest of reading the stamp).
    static func hasASCIILabel(_ line: String, label: String) -> Bool? {
        var copy = line
        var pattern = label
        return copy.withUTF8 { bytes -> Bool? in
            pattern.withUTF8 { pattern -> Bool? in
                for (offset, expected) in pattern.enumerated() {
                    guard offset < bytes.count else { return false }
                    let byte = bytes[offset]
                    guard byte < 0x80, byte != 0x0D else { return nil }
                    if (byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte) != expected { return false }
                }
                guard pattern.count == bytes.count || bytes[pattern.count] < 0x80 else { return nil }
                return true
            }
        }
    }

    static func parse(_ text: String) -> Parsed? {
        if let iso = isoStampOnBytes(text) { return iso }
        if let monthFirst = monthStampOnBytes(text) { return monthFirst }
        return parseWords(text)
    }

    /// `parse` by words, for every shape of stamp (`isoStampOnBytes` reads the common one faster).
    static func parseWords(_ text: String) -> Parsed? {
        var words = Self.words(text)
        if let iso = isoStamp(words) { return iso }
        // Whatever labels the line ("KYODO NEWS -") stands before the month.
        guard let monthAt = words.firstIndex(where: { Self.mayBeMonth($0) && ExtractionLexicon.months[Self.monthKey($0)] != nil }) else { return nil }
        // "4:37 PM MST, June 16, 2024": a time before the date.
        var leading: (hour: Int, minute: Int, second: Int, zone: String?)?
        if monthAt > 0 { leading = clock(Array(words[..<monthAt])) }
        // "14 October 2024 11:15": the day before its month.
        if monthAt > 0, let day = Int(words[monthAt - 1]), (1...31).contains(day), monthAt + 1 < words.count {
            words.swapAt(monthAt - 1, monthAt)
            words = Array(words[(monthAt - 1)...])
        } else {
            words = Array(words[monthAt...])
        }
        // A second stamp on the same line ("… Updated : …") is not this one's.
        if let next = words.dropFirst().firstIndex(where: { Self.mayStartWithU($0) && $0.lowercased().hasPrefix("updated") || $0 == "|" }) { words = Array(words[..<next]) }
        guard words.count >= 3, let month = ExtractionLexicon.months[Self.monthKey(words[0])],
              let dayNumber = Int(words[1]), let year = Int(words[2]),
              let day = CalendarDay.valid(year: year, month: month, day: dayNumber) else { return nil }
        var parsed = Parsed(day: day)
        if let leading {
            parsed.hour = leading.hour
            parsed.minute = leading.minute
            parsed.zone = leading.zone
        }
        for (offset, word) in words.dropFirst(3).enumerated() {
            if let zone = zone(word) { parsed.zone = zone; continue }
            let (digits, glued) = splitMeridiem(word)
            // Without a colon there is no clock time (and no split to make).
            guard digits.utf8.contains(0x3A) else { continue }
            let pieces = digits.splitBytes(":")
            if pieces.count == 2, let hour = Int(pieces[0]), let minute = Int(pieces[1]), hour < 24, minute < 60 {
                parsed.hour = hour
                parsed.minute = minute
                let next = glued ?? words.dropFirst(3 + offset + 1).first?.lowercased()
                if next == "pm" && hour < 12 { parsed.hour = hour + 12 }
                if next == "am" && hour == 12 { parsed.hour = 0 }
            }
        }
        return parsed
    }

    /// The words of a stamp, split at spaces, commas and no-break spaces; on bytes when the line has
    /// no no-break space (the `Character` split cost more than the rest of the parse).
    static func words(_ text: String) -> [Substring] {
        var copy = text
        // The no-break space's second byte, searched on the contiguous bytes (the view's search is slow).
        guard copy.withUTF8({ $0.contains(0xA0) }) else { return text[...].splitBytes(" ,") }
        return text.split(whereSeparator: { $0 == " " || $0 == "," || $0 == "\u{00A0}" })
    }

    /// False when the word's first byte is an ASCII letter other than U, so its lower-cased form
    /// cannot start with "updated" (lower-casing a whole word per word cost more than the test).
    static func mayStartWithU(_ word: Substring) -> Bool {
        guard let first = word.utf8.first else { return false }
        return first >= 0x80 || first | 0x20 == 0x75
    }

    /// False when an ASCII word cannot be a month's name or short form (`ExtractionLexicon.months`):
    /// its letters, full stops left out, are not three to nine, or the first is no month's initial.
    /// Other words may be one. Decided on bytes, so that only likely words build a `monthKey`.
    static func mayBeMonth(_ word: Substring) -> Bool {
        var length = 0
        var initial: UInt8 = 0
        for byte in word.utf8 {
            if byte >= 0x80 { return true }
            if byte == 0x2E { continue }
            if length == 0 { initial = byte | 0x20 }
            length += 1
        }
        guard length >= 3, length <= 9 else { return false }
        switch initial {
        case UInt8(ascii: "a"), UInt8(ascii: "d"), UInt8(ascii: "f"), UInt8(ascii: "j"), UInt8(ascii: "m"),
             UInt8(ascii: "n"), UInt8(ascii: "o"), UInt8(ascii: "s"):
            return true
        default:
            return false
        }
    }

    /// "Sept." → "sept": a word as `ExtractionLexicon.months` spells it; on bytes for ASCII words.
    static func monthKey(_ word: Substring) -> String {
        let ascii = word.utf8.withContiguousStorageIfAvailable { bytes -> String? in
            guard bytes.count <= 15, !bytes.contains(where: { $0 >= 0x80 }) else { return nil }
            // Written straight into the string: at most 15 bytes, a small string, no allocation.
            return String(unsafeUninitializedCapacity: bytes.count) { out in
                var count = 0
                for byte in bytes where byte != 0x2E {
                    out[count] = byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte
                    count += 1
                }
                return count
            }
        }
        if let ascii, let key = ascii { return key }
        return String(word.lowercased().filter { $0 != "." })
    }

    /// "2024-03-12 14:35:20": an ISO date with its time, as Xinhua pages print them.
    private static func isoStamp(_ words: [Substring]) -> Parsed? {
        guard let dateAt = words.firstIndex(where: isISODateWord),
              let day = CalendarDay(iso: String(words[dateAt])) else { return nil }
        var parsed = Parsed(day: day)
        if dateAt + 1 < words.count, let time = clock([words[dateAt + 1]]) {
            parsed.hour = time.hour
            parsed.minute = time.minute
            parsed.second = time.second
        }
        return parsed
    }

    /// Ten characters, two of them hyphens, the first a number ("2024-03-12"); on bytes when the word is
    /// ASCII without a carriage return, where each byte is a character (filtering `Character`s cost
    /// more than the rest of reading the stamp).
    static func isISODateWord(_ word: Substring) -> Bool {
        let utf8 = word.utf8
        guard utf8.count >= 10 else { return false }
        var hyphens = 0
        var ascii = true
        for byte in utf8 {
            if byte >= 0x80 || byte == 0x0D { ascii = false; break }
            if byte == 0x2D { hyphens += 1 }
        }
        if ascii, let first = utf8.first { return utf8.count == 10 && hyphens == 2 && first &- 0x30 < 10 }
        return word.count == 10 && word.filter({ $0 == "-" }).count == 2 && word.first?.isNumber == true
    }

    /// A clock time among words: "4:37 PM MST", "14:35:20".
    private static func clock(_ words: [Substring]) -> (hour: Int, minute: Int, second: Int, zone: String?)? {
        var result: (hour: Int, minute: Int, second: Int, zone: String?)?
        for (offset, word) in words.enumerated() {
            let (digits, glued) = splitMeridiem(word)
            let pieces = digits.utf8.contains(0x3A) ? digits.splitBytes(":") : []
            if pieces.count >= 2, let hour = Int(pieces[0]), let minute = Int(pieces[1]), hour < 24, minute < 60 {
                var value = (hour: hour, minute: minute, second: pieces.count > 2 ? Int(pieces[2]) ?? 0 : 0, zone: String?.none)
                let next = glued ?? (offset + 1 < words.count ? words[offset + 1].lowercased() : "")
                if next == "pm" && hour < 12 { value.hour += 12 }
                if next == "am" && hour == 12 { value.hour = 0 }
                result = value
            } else if let zone = zone(word), result != nil {
                result?.zone = zone
            }
        }
        return result
    }

    /// `zoneAbbreviations[String(word)]`; an ASCII word is looked up only when it is two to four
    /// capitals, as every abbreviation is (other text is looked up: a Kelvin sign compares equal to K).
    static func zone(_ word: Substring) -> String? {
        let utf8 = word.utf8
        if utf8.allSatisfy({ $0 < 0x80 }), !(2...4).contains(utf8.count) || !utf8.allSatisfy({ $0 &- 0x41 < 26 }) { return nil }
        return zoneAbbreviations[String(word)]
    }

    /// "6:40pm" → ("6:40", "pm"): a meridiem written against the time; other words come back whole.
    static func splitMeridiem(_ word: Substring) -> (time: Substring, meridiem: String?) {
        if let ascii = splitMeridiemASCII(word) { return ascii }
        let lower = word.lowercased()
        guard word.count > 2, lower.hasSuffix("am") || lower.hasSuffix("pm"),
              word.dropLast(2).last?.isNumber == true else { return (word, nil) }
        return (word.dropLast(2), String(lower.suffix(2)))
    }

    /// The zones the stamps and the agencies' home countries name, made once: making a `TimeZone`
    /// per story cost more than the rest of reading its stamp.
    static let knownZones: [String: TimeZone] = {
        var zones: [String: TimeZone] = [:]
        for identifier in Set(zoneAbbreviations.values).union(StoryExtractor.homeZones.values).union(["UTC"]) {
            zones[identifier] = TimeZone(identifier: identifier)
        }
        return zones
    }()

    /// `TimeZone(identifier:)`, from `knownZones` when it is one of them.
    static func timeZone(_ identifier: String) -> TimeZone? {
        knownZones[identifier] ?? TimeZone(identifier: identifier)
    }

    /// `splitMeridiem` for an ASCII word without a carriage return, where each byte is a character and
    /// case maps by one bit; nil for other words.
    private static func splitMeridiemASCII(_ word: Substring) -> (time: Substring, meridiem: String?)? {
        let utf8 = word.utf8
        guard utf8.allSatisfy({ $0 < 0x80 && $0 != 0x0D }) else { return nil }
        guard utf8.count > 2 else { return (word, nil) }
        let last = utf8.index(before: utf8.endIndex)
        let second = utf8.index(before: last)
        let first = utf8[second] | 0x20
        guard utf8[last] | 0x20 == 0x6D, first == 0x61 || first == 0x70,
              utf8[utf8.index(before: second)] &- 0x30 < 10 else { return (word, nil) }
        return (word[..<second], first == 0x61 ? "am" : "pm")
    }

    /// The zone's offset from UTC at an instant (seconds since 1970), nil for an unknown zone. UTC's is
    /// always 0: asking Foundation for it cost more than the rest of writing the stamp.
    private static func offset(_ zone: String, at instant: Int) -> Int? {
        if zone == "UTC", utcIsKnown { return 0 }
        return timeZone(zone)?.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(instant)))
    }

    /// Whether Foundation knows the zone "UTC" (it always should): `timeZone("UTC")` is then not nil.
    static let utcIsKnown = timeZone("UTC") != nil

    /// The UTC instant of a local time in an IANA zone, as "2024-04-13T12:10:00Z".
    static func utcTimestamp(_ parsed: Parsed, zone: String) -> String? {
        guard let hour = parsed.hour, let minute = parsed.minute else { return nil }
        let local = parsed.day.dayNumber * 86_400 + hour * 3_600 + minute * 60 + parsed.second
        guard let offset = offset(zone, at: local) else { return nil }
        let utc = local - offset
        let day = CalendarDay(dayNumber: utc >= 0 ? utc / 86_400 : (utc - 86_399) / 86_400)
        let seconds = utc - day.dayNumber * 86_400
        guard (0...9999).contains(day.year) else {
            return "\(day.iso)T\(CalendarDay.pad(seconds / 3_600, 2)):\(CalendarDay.pad(seconds % 3_600 / 60, 2)):\(CalendarDay.pad(seconds % 60, 2))Z"
        }
        // Written into the string's storage: interpolating six parts cost more than the zone arithmetic.
        return String(unsafeUninitializedCapacity: 20) { out in
            CalendarDay.write(day.year, width: 4, into: out, at: 0)
            out[4] = 0x2D
            CalendarDay.write(day.month, width: 2, into: out, at: 5)
            out[7] = 0x2D
            CalendarDay.write(day.day, width: 2, into: out, at: 8)
            out[10] = UInt8(ascii: "T")
            CalendarDay.write(seconds / 3_600, width: 2, into: out, at: 11)
            out[13] = 0x3A
            CalendarDay.write(seconds % 3_600 / 60, width: 2, into: out, at: 14)
            out[16] = 0x3A
            CalendarDay.write(seconds % 60, width: 2, into: out, at: 17)
            out[19] = UInt8(ascii: "Z")
            return 20
        }
    }
}
