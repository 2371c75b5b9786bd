/// The month-first stamp ("May 2, 2024 - 09:45", "Jul 4, 2024, 04:20 PM", "May 28, 2024 04:32 pm IST")
/// read straight from the line's bytes: the general reading splits the line into an array of words,
/// builds a month key `String` and hashes it, splits each time at its colons into another array and
/// lower-cases the word after it, which cost more than the rest of the story's metadata.
extension PublishedTimeParser {
    /// What `parseWords(text)` gives when the text is ASCII without a carriage return (each byte is a
    /// character, the words are the runs between spaces and commas) and holds no ISO date word (`parse`
    /// reads those first): the first month word, a clock time before it ("4:37 PM MST, June 16, 2024"),
    /// a day before it ("14 October 2024"), whatever labels the line before that ("KYODO NEWS - Jul 9");
    /// `.none` when this reading cannot decide: other text, or a time piece after the date with a sign
    /// or too long.
    static func monthStampOnBytes(_ text: String) -> Parsed?? {
        var copy = text
        return copy.withUTF8 { bytes -> Parsed?? in
            guard !bytes.contains(where: { $0 >= 0x80 || $0 == 0x0D }) else { return .none }
            // Each word's bounds: a word and its separator take two bytes at least.
            return withUnsafeTemporaryAllocation(of: Range<Int>.self, capacity: bytes.count / 2 + 1) { words -> Parsed?? in
                var count = 0
                var cursor = 0
                while let word = nextWord(bytes, from: cursor) {
                    words[count] = word
                    count += 1
                    cursor = word.upperBound
                }
                return stampOnWords(bytes, UnsafeBufferPointer(rebasing: words[0..<count]))
            }
        }
    }

    /// `monthStampOnBytes` on the line's words (ranges of `bytes`).
    private static func stampOnWords(_ bytes: UnsafeBufferPointer<UInt8>, _ words: UnsafeBufferPointer<Range<Int>>) -> Parsed?? {
        func word(_ index: Int) -> UnsafeBufferPointer<UInt8> { UnsafeBufferPointer(rebasing: bytes[words[index]]) }
        guard let monthAt = words.indices.first(where: { anyMonthNumber(word($0)) != nil }) else { return .some(nil) }
        let leading = monthAt > 0 ? leadingClock(bytes, UnsafeBufferPointer(rebasing: words[0..<monthAt])) : nil
        // "14 October 2024 11:15": the day before its month; the date's words are then month, day, the rest.
        var swapped = false
        if monthAt > 0, let day = ASCIIInteger.parse(bytes, words[monthAt - 1]), (1...31).contains(day), monthAt + 1 < words.count {
            swapped = true
        }
        let start = swapped ? monthAt - 1 : monthAt
        func position(_ index: Int) -> Int { swapped && index < 2 ? monthAt - index : start + index }
        // A second stamp on the same line ("… Updated : …") is not this one's.
        var length = words.count - start
        for index in 1..<max(1, length) where isUpdatedOrBar(word(position(index))) {
            length = index
            break
        }
        guard length >= 3 else { return .some(nil) }
        guard let month = anyMonthNumber(word(position(0))) else { return .none }
        guard let dayNumber = ASCIIInteger.parse(bytes, words[position(1)]), let year = ASCIIInteger.parse(bytes, words[position(2)]),
              let day = CalendarDay.valid(year: year, month: month, day: dayNumber) else { return .some(nil) }
        var parsed = Parsed(day: day)
        if let leading {
            parsed.hour = leading.hour
            parsed.minute = leading.minute
            parsed.zone = leading.zone
        }
        for index in 3..<length {
            let next = index + 1 < length ? word(position(index + 1)) : nil
            guard readTimeOrZone(word(position(index)), next: next, into: &parsed) else { return .none }
        }
        return .some(parsed)
    }

    /// `clock(words)` for the ASCII words before the month: the last clock time among them, its meridiem
    /// glued or the next word, and a zone abbreviation after it.
    private static func leadingClock(_ bytes: UnsafeBufferPointer<UInt8>, _ words: UnsafeBufferPointer<Range<Int>>) -> (hour: Int, minute: Int, zone: String?)? {
        var result: (hour: Int, minute: Int, zone: String?)?
        for index in words.indices {
            let word = UnsafeBufferPointer(rebasing: bytes[words[index]])
            if let time = timePieces(word) {
                var meridiem = time.meridiem
                if meridiem == 0, index + 1 < words.count { meridiem = spelledMeridiem(UnsafeBufferPointer(rebasing: bytes[words[index + 1]])) }
                var value = (hour: time.hour, minute: time.minute, zone: String?.none)
                if meridiem == 0x70 && time.hour < 12 { value.hour += 12 }
                if meridiem == 0x61 && time.hour == 12 { value.hour = 0 }
                result = value
            } else if result != nil, let zone = zoneOnBytes(word) {
                result?.zone = zone
            }
        }
        return result
    }

    /// "pm" or "am" in any case as a word of its own: the meridiem's first letter, lower case; else 0.
    private static func spelledMeridiem(_ word: UnsafeBufferPointer<UInt8>) -> UInt8 {
        guard word.count == 2, word[1] | 0x20 == 0x6D else { return 0 }
        let first = word[0] | 0x20
        return first == 0x70 || first == 0x61 ? first : 0
    }

    /// `zone(word)` for an ASCII word: two to four capitals looked up, any other word no zone.
    private static func zoneOnBytes(_ word: UnsafeBufferPointer<UInt8>) -> String? {
        guard (2...4).contains(word.count), word.allSatisfy({ $0 &- 0x41 < 26 }) else { return nil }
        return zoneAbbreviations[String(decoding: word, as: UTF8.self)]
    }

    /// `ExtractionLexicon.months[monthKey(word)]` for an ASCII word: `monthNumber`, and "september"
    /// (the one key too long to pack).
    static func anyMonthNumber(_ word: UnsafeBufferPointer<UInt8>) -> Int? {
        if let month = monthNumber(word) { return month }
        var length = 0
        for byte in word where byte != 0x2E {
            let folded = byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte
            guard length < 9, folded == september[length] else { return nil }
            length += 1
        }
        return length == 9 ? 9 : nil
    }

    private static let september: [UInt8] = Array("september".utf8)

    /// One word after the date: a zone abbreviation sets the zone, a clock time ("09:45", "6:40pm",
    /// with "pm"/"am" glued or as the next word) sets the time, other words are passed over. False
    /// when a time piece carries a sign or is too long, which the general reading is left to read.
    private static func readTimeOrZone(_ word: UnsafeBufferPointer<UInt8>, next: UnsafeBufferPointer<UInt8>?, into parsed: inout Parsed) -> Bool {
        if let zone = zoneOnBytes(word) {
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
