/// A civil date without a time zone, with the day arithmetic relative dates need.
struct CalendarDay: Sendable, Equatable, Comparable {
    var year: Int
    var month: Int
    var day: Int

    init(year: Int, month: Int, day: Int) {
        self.year = year
        self.month = month
        self.day = day
    }

    /// nil when the day does not exist (February 30).
    static func valid(year: Int, month: Int, day: Int) -> CalendarDay? {
        guard (1...12).contains(month), day >= 1, day <= daysIn(month: month, year: year) else { return nil }
        return CalendarDay(year: year, month: month, day: day)
    }

    /// "2024-04-13"-style, the first ten characters of an ISO 8601 timestamp.
    init?(iso: String) {
        if let day = Self.fromDigits(iso) {
            self = day
            return
        }
        let parts = iso.prefix(10).split(separator: "-")
        guard parts.count == 3, let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2]),
              let valid = Self.valid(year: year, month: month, day: day) else { return nil }
        self = valid
    }

    /// "YYYY-MM-DD…" read on its bytes, the form nearly every stamp has (splitting `Character`s cost
    /// more than the rest of extracting the dateline); nil when the text is any other shape, for
    /// the general reading. The byte after the day must be ASCII, so that it is no combining mark
    /// that `prefix(10)` would have kept with the day's last digit.
    private static func fromDigits(_ iso: String) -> CalendarDay? {
        iso.utf8.withContiguousStorageIfAvailable { bytes -> CalendarDay? in
            guard bytes.count == 10 || (bytes.count > 10 && bytes[10] < 0x80), let fields = isoFields(bytes) else { return nil }
            return valid(year: fields.year, month: fields.month, day: fields.day)
        } ?? nil
    }

    /// Year, month and day of "DDDD-DD-DD" in the first ten bytes, or nil for any other shape; not yet
    /// checked as a calendar day. The three fields in locals, not in an array (two arrays a call cost more
    /// than the reading).
    static func isoFields(_ bytes: UnsafeBufferPointer<UInt8>) -> (year: Int, month: Int, day: Int)? {
        guard bytes.count >= 10, bytes[4] == 0x2D, bytes[7] == 0x2D else { return nil }
        var fields = (year: 0, month: 0, day: 0)
        for index in 0..<10 where index != 4 && index != 7 {
            let digit = bytes[index] &- 0x30
            guard digit <= 9 else { return nil }
            if index < 4 {
                fields.year = fields.year * 10 + Int(digit)
            } else if index < 7 {
                fields.month = fields.month * 10 + Int(digit)
            } else {
                fields.day = fields.day * 10 + Int(digit)
            }
        }
        return fields
    }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// Days since 1970-01-01 (Howard Hinnant's civil-from-days inverse).
    var dayNumber: Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let monthIndex = month > 2 ? month - 3 : month + 9
        let dayOfYear = (153 * monthIndex + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    init(dayNumber: Int) {
        let z = dayNumber + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthIndex = (5 * dayOfYear + 2) / 153
        day = dayOfYear - (153 * monthIndex + 2) / 5 + 1
        month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
        year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
    }

    /// Monday 1 … Sunday 7.
    var weekday: Int {
        let remainder = (dayNumber + 3) % 7 // 1970-01-01 was a Thursday
        return (remainder < 0 ? remainder + 7 : remainder) + 1
    }

    func adding(days: Int) -> CalendarDay { CalendarDay(dayNumber: dayNumber + days) }

    var iso: String {
        guard let text = digits(withDay: true) else { return "\(Self.pad(year, 4))-\(Self.pad(month, 2))-\(Self.pad(day, 2))" }
        return text
    }

    var isoMonth: String {
        guard let text = digits(withDay: false) else { return "\(Self.pad(year, 4))-\(Self.pad(month, 2))" }
        return text
    }

    /// "YYYY-MM[-DD]" written straight into a small string when every field fits its width (the case
    /// of every real date): string interpolation, or an array to decode, cost more than resolving the date.
    private func digits(withDay: Bool) -> String? {
        guard (0...9999).contains(year), (0...99).contains(month), (0...99).contains(day) else { return nil }
        return String(unsafeUninitializedCapacity: withDay ? 10 : 7) { out in
            Self.write(year, width: 4, into: out, at: 0)
            out[4] = 0x2D
            Self.write(month, width: 2, into: out, at: 5)
            guard withDay else { return 7 }
            out[7] = 0x2D
            Self.write(day, width: 2, into: out, at: 8)
            return 10
        }
    }

    /// A non-negative number that fits `width` digits, zero-padded, at `offset`.
    @inline(__always) static func write(_ value: Int, width: Int, into out: UnsafeMutableBufferPointer<UInt8>, at offset: Int) {
        var rest = value
        for position in stride(from: offset + width - 1, through: offset, by: -1) {
            out[position] = UInt8(truncatingIfNeeded: 0x30 + rest % 10)
            rest /= 10
        }
    }

    static func pad(_ value: Int, _ width: Int) -> String {
        let digits = String(value)
        return digits.count >= width ? digits : String(repeating: "0", count: width - digits.count) + digits
    }

    static func < (lhs: CalendarDay, rhs: CalendarDay) -> Bool { lhs.dayNumber < rhs.dayNumber }
}
