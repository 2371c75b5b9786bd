/// The ISO stamp ("2024-03-12 14:35", as Xinhua-style pages print them) read straight from the line's
/// bytes: splitting the line into `Substring` words, then each word into pieces, cost more than the
/// rest of extracting the story's metadata.
extension PublishedTimeParser {
    /// What `isoStamp(words(text))` gives when the text is ASCII without a carriage return (each byte
    /// is then a character, and the words are the runs between spaces and commas) and holds a word
    /// that is an ISO date; nil otherwise, for the general reading.
    static func isoStampOnBytes(_ text: String) -> Parsed? {
        var copy = text
        return copy.withUTF8 { bytes -> Parsed? in
            guard !bytes.contains(where: { $0 >= 0x80 || $0 == 0x0D }) else { return nil }
            var cursor = 0
            while let date = nextWord(bytes, from: cursor) {
                cursor = date.upperBound
                guard isISODateBytes(bytes, date) else { continue }
                guard let day = isoDay(UnsafeBufferPointer(rebasing: bytes[date])) else { return nil }
                var parsed = Parsed(day: day)
                if let word = nextWord(bytes, from: cursor), let time = clockOnBytes(UnsafeBufferPointer(rebasing: bytes[word])) {
                    parsed.hour = time.hour
                    parsed.minute = time.minute
                    parsed.second = time.second
                }
                return parsed
            }
            return nil
        }
    }

    /// `CalendarDay(iso:)` of a date word: "DDDD-DD-DD" read from its digits (building the word as a
    /// `String` for it cost as much as the rest of the stamp), any other shape the general way.
    static func isoDay(_ word: UnsafeBufferPointer<UInt8>) -> CalendarDay? {
        guard word.count == 10, let fields = CalendarDay.isoFields(word) else {
            return CalendarDay(iso: String(decoding: word, as: UTF8.self))
        }
        return CalendarDay.valid(year: fields.year, month: fields.month, day: fields.day)
    }

    /// The next run of bytes other than spaces and commas at or after `start`.
    static func nextWord(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Range<Int>? {
        var first = start
        while first < bytes.count, bytes[first] == 0x20 || bytes[first] == 0x2C { first += 1 }
        guard first < bytes.count else { return nil }
        var end = first
        while end < bytes.count, bytes[end] != 0x20, bytes[end] != 0x2C { end += 1 }
        return first..<end
    }

    /// `isISODateWord` for ASCII bytes: ten of them, two hyphens, a digit first.
    private static func isISODateBytes(_ bytes: UnsafeBufferPointer<UInt8>, _ word: Range<Int>) -> Bool {
        guard word.count == 10, bytes[word.lowerBound] &- 0x30 < 10 else { return false }
        var hyphens = 0
        for index in word where bytes[index] == 0x2D { hyphens += 1 }
        return hyphens == 2
    }

    /// `clock([word])` for one ASCII word: "14:35", "14:35:20", "6:40pm" (a meridiem only counts glued
    /// to the time, there being no next word to read it from).
    private static func clockOnBytes(_ word: UnsafeBufferPointer<UInt8>) -> (hour: Int, minute: Int, second: Int)? {
        guard let time = timePieces(word) else { return nil }
        var value = (hour: time.hour, minute: time.minute, second: time.second)
        if time.meridiem == 0x70 && time.hour < 12 { value.hour += 12 }
        if time.meridiem == 0x61 && time.hour == 12 { value.hour = 0 }
        return value
    }

    /// The clock time `clock` reads in one ASCII word, before any meridiem is applied: hour and minute
    /// (the first two pieces between colons, valid), the second (the third piece, else 0) and the glued
    /// meridiem's first letter (0 without one); nil when the word is no clock time.
    static func timePieces(_ word: UnsafeBufferPointer<UInt8>) -> (hour: Int, minute: Int, second: Int, meridiem: UInt8)? {
        let (digitsEnd, meridiem) = gluedMeridiem(word)
        // The first three pieces between colons, empty ones left out (as `splitBytes(":")` leaves
        // them), kept on the stack: an array of them cost an allocation per stamp.
        var pieces: (Range<Int>, Range<Int>, Range<Int>) = (0..<0, 0..<0, 0..<0)
        var count = 0
        var start = 0
        for index in 0...digitsEnd where index == digitsEnd || word[index] == 0x3A {
            if start < index {
                switch count {
                case 0: pieces.0 = start..<index
                case 1: pieces.1 = start..<index
                default: pieces.2 = start..<index
                }
                count += 1
            }
            start = index + 1
            if count == 3 { break }
        }
        guard count >= 2, let hour = integer(word, pieces.0), let minute = integer(word, pieces.1), hour < 24, minute < 60 else { return nil }
        return (hour, minute, count > 2 ? integer(word, pieces.2) ?? 0 : 0, meridiem)
    }

    /// `splitMeridiemASCII` on one ASCII word: a word of more than two bytes ending "am"/"pm" (any
    /// case) after a digit gives the end of its digits and the meridiem's first letter, lower case;
    /// any other word gives its whole length and 0.
    static func gluedMeridiem(_ word: UnsafeBufferPointer<UInt8>) -> (digitsEnd: Int, meridiem: UInt8) {
        let count = word.count
        guard count > 2, word[count - 1] | 0x20 == 0x6D, word[count - 2] | 0x20 == 0x61 || word[count - 2] | 0x20 == 0x70,
              word[count - 3] &- 0x30 < 10 else { return (count, 0) }
        return (count - 2, word[count - 2] | 0x20)
    }

    /// `Int(_:)` of ASCII bytes: an optional sign, then decimal digits; nil on anything else or overflow.
    static func integer(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Int? {
        ASCIIInteger.parse(bytes, range)
    }
}
