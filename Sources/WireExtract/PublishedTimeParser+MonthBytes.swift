/// The month-first stamp ("May 2, 2024 - 09:45", "Jul 4, 2024, 04:20 PM", "May 28, 2024 04:32 pm IST")
/// read straight from the line's bytes: the general reading splits the line into an array of words,
/// builds a month key `String` and hashes it, splits each time at its colons into another array and
/// lower-cases the word after it, which cost more than the rest of the story's metadata.
extension PublishedTimeParser {
    /// What `parseWords(text)` gives when the text is ASCII without a carriage return (each byte is a
    /// character, the words are the runs between spaces and commas), holds no ISO date word (`parse`
    /// reads those first) and its first word is a month; `.none` when this reading cannot decide: other
    /// text, another first word, a number or time piece with a sign, or a word too long to be an `Int`.
    static func monthStampOnBytes(_ text: String) -> Parsed?? {
        var copy = text
        return copy.withUTF8 { bytes -> Parsed?? in
            guard !bytes.contains(where: { $0 >= 0x80 || $0 == 0x0D }) else { return .none }
            // Each word's start and end: a word and its separator take two bytes at least.
            return withUnsafeTemporaryAllocation(of: Int.self, capacity: bytes.count + 2) { bounds -> Parsed?? in
                var count = 0
                var cursor = 0
                while let word = nextWord(bytes, from: cursor) {
                    // A second stamp on the same line ("… Updated : …") is not this one's.
                    if count > 0, isUpdatedOrBar(UnsafeBufferPointer(rebasing: bytes[word])) { break }
                    bounds[2 * count] = word.lowerBound
                    bounds[2 * count + 1] = word.upperBound
                    count += 1
                    cursor = word.upperBound
                }
                func word(_ index: Int) -> UnsafeBufferPointer<UInt8> {
                    UnsafeBufferPointer(rebasing: bytes[bounds[2 * index]..<bounds[2 * index + 1]])
                }
                guard count > 0, let month = monthNumber(word(0)) else { return .none }
                guard count >= 3 else { return .some(nil) }
                guard let dayNumber = unsignedInteger(word(1)), let year = unsignedInteger(word(2)) else { return .none }
                guard let day = CalendarDay.valid(year: year, month: month, day: dayNumber) else { return .some(nil) }
                var parsed = Parsed(day: day)
                for index in 3..<count {
                    let next = index + 1 < count ? word(index + 1) : nil
                    guard readTimeOrZone(word(index), next: next, into: &parsed) else { return .none }
                }
                return .some(parsed)
            }
        }
    }

    /// One word after the date: a zone abbreviation sets the zone, a clock time ("09:45", "6:40pm",
    /// with "pm"/"am" glued or as the next word) sets the time, other words are passed over. False
    /// when a time piece carries a sign or is too long, which the general reading is left to read.
    private static func readTimeOrZone(_ word: UnsafeBufferPointer<UInt8>, next: UnsafeBufferPointer<UInt8>?, into parsed: inout Parsed) -> Bool {
        if (2...4).contains(word.count), word.allSatisfy({ $0 &- 0x41 < 26 }),
           let zone = zoneAbbreviations[String(decoding: word, as: UTF8.self)] {
            parsed.zone = zone
            return true
        }
        let glued = gluedMeridiem(word)
        let digitsEnd = glued.digitsEnd
        var meridiem = glued.meridiem
        let digits = UnsafeBufferPointer(rebasing: word[0..<digitsEnd])
        guard digits.contains(0x3A) else { return true }
        // Exactly two pieces between colons, empty ones left out (as `splitBytes(":")` leaves them).
        var pieces: (Range<Int>, Range<Int>) = (0..<0, 0..<0)
        var pieceCount = 0
        var start = 0
        for index in 0...digits.count where index == digits.count || digits[index] == 0x3A {
            if start < index {
                if pieceCount == 0 { pieces.0 = start..<index } else if pieceCount == 1 { pieces.1 = start..<index }
                pieceCount += 1
            }
            start = index + 1
        }
        guard pieceCount == 2 else { return true }
        let hourText = UnsafeBufferPointer(rebasing: digits[pieces.0])
        let minuteText = UnsafeBufferPointer(rebasing: digits[pieces.1])
        guard isPlainNumberOrNot(hourText), isPlainNumberOrNot(minuteText) else { return false }
        guard let hour = unsignedInteger(hourText), let minute = unsignedInteger(minuteText), hour < 24, minute < 60 else { return true }
        parsed.hour = hour
        parsed.minute = minute
        if meridiem == 0, let next, next.count == 2, next[1] | 0x20 == 0x6D {
            meridiem = next[0] | 0x20
        }
        if meridiem == 0x70 && hour < 12 { parsed.hour = hour + 12 }
        if meridiem == 0x61 && hour == 12 { parsed.hour = 0 }
        return true
    }

    /// False for a piece `Int(_:)` reads differently from `unsignedInteger`: one with a sign, or
    /// all digits and too many of them to be sure of the value.
    private static func isPlainNumberOrNot(_ piece: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let first = piece.first, first != 0x2B, first != 0x2D else { return false }
        return piece.count <= 18 || !piece.allSatisfy { $0 &- 0x30 < 10 }
    }

    /// `Int(_:)` of a word of one to eighteen decimal digits (no overflow possible); nil for any other
    /// word, which may still be an `Int` to the general reading.
    private static func unsignedInteger(_ word: UnsafeBufferPointer<UInt8>) -> Int? {
        guard !word.isEmpty, word.count <= 18 else { return nil }
        var value = 0
        for byte in word {
            let digit = byte &- 0x30
            guard digit < 10 else { return nil }
            value = value * 10 + Int(digit)
        }
        return value
    }

    /// "|", or a word that lower-cased starts with "updated": where a second stamp starts.
    private static func isUpdatedOrBar(_ word: UnsafeBufferPointer<UInt8>) -> Bool {
        if word.count == 1 { return word[0] == 0x7C }
        guard word.count >= 7 else { return false }
        for (offset, expected) in "updated".utf8.enumerated() where word[offset] | 0x20 != expected || word[offset] < 0x41 {
            return false
        }
        return true
    }

    /// The month an ASCII word names (`ExtractionLexicon.months[monthKey(word)]`), compared on bytes:
    /// capitals folded, full stops left out, the key packed into one integer. Nil also for a key of
    /// more than eight bytes ("september"), which the general reading looks up.
    private static func monthNumber(_ word: UnsafeBufferPointer<UInt8>) -> Int? {
        var packed: UInt64 = 0
        var length: UInt64 = 0
        for byte in word where byte != 0x2E {
            // A zero byte would pack like a shorter key.
            guard length < 8, byte != 0 else { return nil }
            packed |= UInt64(byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte) << (8 * length)
            length += 1
        }
        // Two dozen integer comparisons: less than hashing the key.
        for entry in monthsByPackedKey where entry.key == packed { return entry.month }
        return nil
    }

    /// `ExtractionLexicon.months` keys of up to eight bytes, each packed into an integer (first byte lowest).
    static let monthsByPackedKey: [(key: UInt64, month: Int)] = ExtractionLexicon.months.compactMap { name, month in
        guard name.utf8.count <= 8 else { return nil }
        var packed: UInt64 = 0
        for (offset, byte) in name.utf8.enumerated() { packed |= UInt64(byte) << (8 * UInt64(offset)) }
        return (packed, month)
    }
}
