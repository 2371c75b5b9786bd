import Foundation
import WireGazetteer

/// Reads the dateline that opens wire copy: "SEOUL, Oct. 9 (Yonhap) --", "TOKYO (Kyodo) -",
/// "WASHINGTON (AP) —", "New Delhi, May 28 (PTI) The …", or a bare "TOKYO - ".
struct DatelineParser {
    struct Parsed: Equatable {
        var place: String
        var month: Int?
        var day: Int?
        var year: Int?
        /// The text in parentheses, when it names the agency.
        var agency: String?
        /// How many UTF-8 bytes of the paragraph the dateline takes, separator included.
        var length: Int
    }

    static let maxHeadBytes = 80
    /// How datelines write months, for the dateline's own date mention.
    static let monthNames = ["Jan.", "Feb.", "March", "April", "May", "June", "July", "Aug.", "Sept.", "Oct.", "Nov.", "Dec."]

    static func parse(_ paragraph: some StringProtocol) -> Parsed? {
        // Copied from the contiguous UTF-8 when there is one: `prefix` on the view copies byte by byte.
        let bytes = paragraph.utf8.withContiguousStorageIfAvailable { Array($0.prefix(160)) } ?? Array(paragraph.utf8.prefix(160))
        guard let first = bytes.first, first >= 0x41, first <= 0x5A else { return nil }
        if let open = bytes.firstIndex(of: UInt8(ascii: "(")), open <= maxHeadBytes,
           let close = bytes[open...].firstIndex(of: UInt8(ascii: ")")), close - open <= 40 {
            let head = trimmedHead(bytes[..<open])
            let inside = String(decoding: bytes[(open + 1)..<close], as: UTF8.self)
            guard var parsed = parseHead(head), isAgencyLike(inside) else { return nil }
            parsed.agency = inside
            parsed.length = skipSeparator(bytes, from: close + 1)
            return parsed
        }
        // "TOKYO - …": a capitals-only place and a dash.
        guard let dash = findDash(bytes), dash <= 40 else { return nil }
        var head = trimmedHead(bytes[..<dash])
        // "TOKYO, June 7 Kyodo -": the agency signs inside the head, without parentheses.
        var agency: String?
        if let lastSpace = head.lastIndex(of: " ") {
            let last = String(head[head.index(after: lastSpace)...])
            if Gazetteer.shared.lookup(last).contains(where: { $0.kind == .agency }) {
                agency = last
                head = String(head[..<lastSpace])
            }
        }
        guard !head.isEmpty, var parsed = parseHead(head),
              parsed.place.unicodeScalars.allSatisfy({ !($0.properties.isLowercase) }) else { return nil }
        parsed.length = skipSeparator(bytes, from: dash)
        parsed.agency = agency
        return parsed
    }

    /// "FRANKFURT, March 5" → place FRANKFURT, March 5; "PENICHE, Portugal" → the whole place.
    private static func parseHead(_ head: String) -> Parsed? {
        var copy = head
        return copy.withUTF8 { parseHead(head, bytes: $0) }
    }

    /// `parseHead` on the head's bytes: its parts are ranges, and the place the bytes up to the last
    /// part kept (parts are joined by ", " exactly as they were split).
    private static func parseHead(_ head: String, bytes: UnsafeBufferPointer<UInt8>) -> Parsed? {
        var spaces = 0, fullStop = false, comma = false
        for byte in bytes {
            if byte == 0x20 { spaces += 1 } else if byte == 0x2E { fullStop = true } else if byte == 0x2C { comma = true }
        }
        guard !bytes.isEmpty, spaces < 8, !fullStop || comma else { return nil }
        let parts = CommaParts(bytes)
        var kept = parts.count
        var parsed = Parsed(place: head, length: 0)
        if parts.count >= 2, let date = monthDay(UnsafeBufferPointer(rebasing: bytes[parts.fromEnd(1)])) {
            kept -= 1
            parsed.month = date.month
            parsed.day = date.day
        } else if parts.count >= 3, let year = ASCIIInteger.parse(bytes, parts.fromEnd(1)),
                  (1900...2100).contains(year), let date = monthDay(UnsafeBufferPointer(rebasing: bytes[parts.fromEnd(2)])) {
            kept -= 2
            parsed.month = date.month
            parsed.day = date.day
            parsed.year = year
        }
        if kept < parts.count { parsed.place = String(decoding: bytes[..<parts.fromEnd(parts.count - kept + 1).upperBound], as: UTF8.self) }
        // A place is capitalised words; a sentence before a parenthesis is not a dateline.
        guard isCapitalisedWords(parsed.place, atMost: 5) else { return nil }
        return parsed
    }

    /// One to `limit` words (split at spaces), each starting with an upper-case letter; on bytes when
    /// the text is ASCII.
    private static func isCapitalisedWords(_ text: String, atMost limit: Int) -> Bool {
        guard text.isASCIIBytes else {
            let words = text.split(separator: " ")
            return !words.isEmpty && words.count <= limit && words.allSatisfy({ $0.first.map { $0.isUppercase } ?? false })
        }
        var words = 0
        var previous: UInt8 = 0x20
        for byte in text.utf8 {
            if previous == 0x20, byte != 0x20 {
                words += 1
                guard byte >= 0x41 && byte <= 0x5A, words <= limit else { return false }
            }
            previous = byte
        }
        return words > 0
    }

    /// The head's text without spaces or commas at either end.
    private static func trimmedHead(_ bytes: ArraySlice<UInt8>) -> String {
        var slice = bytes
        while let first = slice.first, first == 0x20 || first == 0x2C { slice = slice.dropFirst() }
        while let last = slice.last, last == 0x20 || last == 0x2C { slice = slice.dropLast() }
        return String(decoding: slice, as: UTF8.self)
    }

    /// "FRANKFURT, March 5" → the ranges of "FRANKFURT" and "March 5": split at ", ". Only the last
    /// three parts are ever read (a date and a year at most follow the place), so only they are kept,
    /// on the stack: an array of all of them cost an allocation per dateline.
    private struct CommaParts {
        private(set) var count = 0
        /// The last three parts, the last first.
        private var last: (Range<Int>, Range<Int>, Range<Int>) = (0..<0, 0..<0, 0..<0)

        init(_ bytes: UnsafeBufferPointer<UInt8>) {
            var start = 0
            var index = 0
            while index < bytes.count {
                if bytes[index] == 0x2C, index + 1 < bytes.count, bytes[index + 1] == 0x20 {
                    append(start..<index)
                    index += 2
                    start = index
                    continue
                }
                index += 1
            }
            append(start..<bytes.count)
        }

        private mutating func append(_ part: Range<Int>) {
            last = (part, last.0, last.1)
            count += 1
        }

        /// The part `offset` places from the end (1 is the last), for an offset of 1 to 3 within `count`.
        func fromEnd(_ offset: Int) -> Range<Int> {
            switch offset {
            case 1: return last.0
            case 2: return last.1
            default: return last.2
            }
        }
    }

    /// `monthDay` of a part's bytes: ASCII read in place (the month's key built without an array,
    /// the day's digits read as `Int(_:)` reads them); other text through the `String` version.
    static func monthDay(_ bytes: UnsafeBufferPointer<UInt8>) -> (month: Int, day: Int)? {
        guard !bytes.contains(where: { $0 >= 0x80 }) else { return monthDay(String(decoding: bytes, as: UTF8.self)) }
        // The two words kept in locals (an array per dateline cost more than reading it).
        var words = (0..<0, 0..<0)
        var count = 0
        var index = 0
        while index < bytes.count {
            guard bytes[index] != 0x20 else { index += 1; continue }
            let start = index
            while index < bytes.count, bytes[index] != 0x20 { index += 1 }
            count += 1
            if count == 1 { words.0 = start..<index } else if count == 2 { words.1 = start..<index } else { return nil }
        }
        guard count == 2, let day = dayNumber(bytes[words.1]) else { return nil }
        // The month's key compared on bytes (building it as a `String` and hashing it cost more).
        guard let number = PublishedTimeParser.anyMonthNumber(UnsafeBufferPointer(rebasing: bytes[words.0])) else { return nil }
        return (number, day)
    }

    /// A day of the month 1–31 written as `Int(_:)` accepts it (an optional "+", then digits).
    private static func dayNumber(_ bytes: Slice<UnsafeBufferPointer<UInt8>>) -> Int? {
        var digits = bytes[...]
        if digits.first == 0x2B { digits = digits.dropFirst() }
        guard !digits.isEmpty else { return nil }
        var value = 0
        for byte in digits {
            guard byte >= 0x30 && byte <= 0x39 else { return nil }
            value = min(value * 10 + Int(byte - 0x30), 1000)
        }
        return (1...31).contains(value) ? value : nil
    }

    static func monthDay(_ text: String) -> (month: Int, day: Int)? {
        if text.isASCIIBytes {
            // ASCII: the words and the month's key from the bytes, without splitting `Character`s.
            // Two words between spaces: the month (full stops dropped, lower case) and the day.
            var key: [UInt8] = []
            var dayBytes: [UInt8] = []
            var words = 0
            var previous: UInt8 = 0x20
            for byte in text.utf8 {
                if byte != 0x20 {
                    if previous == 0x20 { words += 1 }
                    if words == 1, byte != 0x2E { key.append(byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte) }
                    if words == 2 { dayBytes.append(byte) }
                }
                previous = byte
            }
            guard words == 2, let month = ExtractionLexicon.months[String(decoding: key, as: UTF8.self)],
                  let day = Int(String(decoding: dayBytes, as: UTF8.self)), (1...31).contains(day) else { return nil }
            return (month, day)
        }
        let words = text.split(separator: " ")
        guard words.count == 2, let month = ExtractionLexicon.months[words[0].lowercased().filter { $0 != "." }],
              let day = Int(words[1]), (1...31).contains(day) else { return nil }
        return (month, day)
    }

    private static func isAgencyLike(_ inside: String) -> Bool {
        // Known agencies in any case ("dpa"); unknown ones capitalised and short.
        if Gazetteer.shared.lookup(inside).contains(where: { $0.kind == .agency }) { return true }
        if let ascii = isShortCapitalisedASCII(inside) { return ascii }
        guard let first = inside.first, first.isUppercase, inside.count <= 30 else { return false }
        return inside.split(separator: " ").count <= 3 && !inside.contains(where: \.isNumber)
    }

    /// The unknown-agency test on ASCII bytes (capital first, at most 30 characters, three words, no
    /// digit), where characters are bytes (a line holds no CR LF pair); nil for other text.
    private static func isShortCapitalisedASCII(_ inside: String) -> Bool? {
        var copy = inside
        return copy.withUTF8 { bytes -> Bool? in
            guard !bytes.contains(where: { $0 >= 0x80 }) else { return nil }
            guard let first = bytes.first, first >= 0x41, first <= 0x5A, bytes.count <= 30 else { return false }
            var words = 0
            var previous: UInt8 = 0x20
            for byte in bytes {
                if byte >= 0x30 && byte <= 0x39 { return false }
                if previous == 0x20, byte != 0x20 { words += 1 }
                previous = byte
            }
            return words <= 3
        }
    }

    private static func findDash(_ bytes: [UInt8]) -> Int? {
        for index in bytes.indices where index + 2 < bytes.count {
            if bytes[index] == 0x20 && bytes[index + 1] == 0x2D && (bytes[index + 2] == 0x20 || bytes[index + 2] == 0x2D) { return index }
            if bytes[index] == 0x20 && bytes[index + 1] == 0xE2 && index + 3 < bytes.count && bytes[index + 2] == 0x80
                && (bytes[index + 3] == 0x94 || bytes[index + 3] == 0x93) { return index }
        }
        return nil
    }

    private static func skipSeparator(_ bytes: [UInt8], from start: Int) -> Int {
        var index = start
        while index < bytes.count {
            let byte = bytes[index]
            if byte == 0x20 || byte == 0x2D { index += 1; continue }
            if byte == 0xE2, index + 2 < bytes.count, bytes[index + 1] == 0x80, bytes[index + 2] == 0x93 || bytes[index + 2] == 0x94 {
                index += 3
                continue
            }
            break
        }
        return index
    }
}
