import Foundation

/// Dates as feeds write them: RFC 822 with its real-world variants, and RFC 3339 / ISO 8601.
///
/// Written by hand rather than with `DateFormatter` patterns because the variants are many (two-digit
/// years, missing seconds or weekday, full names, `GMT+hh:mm`, asctime, 12-hour clocks) and because the
/// rules are ours: a zone abbreviation we do not know for sure (IST is India, Ireland or Israel) makes the
/// date unparsed rather than silently UTC; a named zone is taken literally (PST in July is −08:00);
/// impossible values (hour 24, 31 February, minute 61) are rejected, never rolled over.
public struct FeedDateParser: Sendable {
    public struct ParsedDate: Sendable, Equatable {
        /// The instant in UTC, `YYYY-MM-DDTHH:MM:SSZ` (fractional seconds truncated).
        public var utc: String
        /// Set when the string gave no zone: the IANA zone it was read in (the source's, else `UTC`).
        public var timeZoneAssumed: String?

        public init(utc: String, timeZoneAssumed: String? = nil) {
            self.utc = utc
            self.timeZoneAssumed = timeZoneAssumed
        }
    }

    public init() {}

    /// - Parameter zone: IANA name used when the string has no zone; `UTC` when nil. Either way the
    ///   result's `timeZoneAssumed` says so.
    public func parse(_ raw: String, assumingTimeZone zone: String? = nil) -> ParsedDate? {
        let text = Self.trimmed(raw)
        guard !text.isEmpty, text.utf8.count <= 200 else { return nil }
        let bytes = Array(text.utf8)
        let fields: Fields?
        if bytes.count >= 4, bytes.prefix(4).allSatisfy(Self.isDigit) {
            fields = Self.parseISO(bytes)
        } else {
            fields = Self.parseRFC822(text)
        }
        guard let fields, fields.isValid else { return nil }
        let local = fields.localSeconds
        let utcSeconds: Int
        var assumed: String?
        if let offset = fields.offset {
            utcSeconds = local - offset
        } else {
            let name = zone ?? "UTC"
            guard let timeZone = TimeZone(identifier: name) else { return nil }
            // The zone's offset depends on the instant; one correction step settles it except inside a
            // DST gap, where either answer is a reasonable reading.
            let guess = local - timeZone.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(local)))
            utcSeconds = local - timeZone.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(guess)))
            assumed = name
        }
        guard let utc = Self.format(utcSeconds) else { return nil }
        return ParsedDate(utc: utc, timeZoneAssumed: assumed)
    }

    /// White space and newlines trimmed as Foundation trims them. Callers mostly pass values trimmed
    /// already: when both ends are visible ASCII there is nothing to trim, and the string comes back
    /// without the trip through NSString that Foundation's trim takes on Linux.
    static func trimmed(_ raw: String) -> String {
        if let first = raw.utf8.first, let last = raw.utf8.last, (0x21...0x7E).contains(first), (0x21...0x7E).contains(last) {
            return raw
        }
        return raw.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    // MARK: - Fields

    struct Fields {
        var year: Int?
        var month: Int?
        var day: Int?
        var hour = 0
        var minute = 0
        var second = 0
        var meridiem: String?
        /// Seconds east of UTC; nil when the string names no zone.
        var offset: Int?

        var isValid: Bool {
            guard let year, let month, let day, (1...9999).contains(year), (1...12).contains(month),
                  day >= 1, day <= FeedDateParser.daysIn(month: month, year: year),
                  (0...59).contains(minute), (0...60).contains(second)
            else { return false }
            if meridiem != nil { return (1...12).contains(hour) }
            return (0...23).contains(hour)
        }

        var localSeconds: Int {
            var h = hour
            if meridiem == "pm", h < 12 { h += 12 }
            if meridiem == "am", h == 12 { h = 0 }
            let days = FeedDateParser.daysFromCivil(year: year ?? 1970, month: month ?? 1, day: day ?? 1)
            // A leap second (:60) is read as :59 so that the output stays a valid RFC 3339 time.
            return days * 86_400 + h * 3600 + minute * 60 + min(second, 59)
        }
    }

    // MARK: - ISO 8601 / RFC 3339 (also `2016/6/29 15:07:41` and the basic `20231031T120000Z`)

    static func parseISO(_ b: [UInt8]) -> Fields? {
        var i = 0
        func peek() -> UInt8? { i < b.count ? b[i] : nil }
        func number(_ minDigits: Int, _ maxDigits: Int) -> Int? {
            var value = 0, count = 0
            while count < maxDigits, let c = peek(), isDigit(c) {
                value = value * 10 + Int(c - 48)
                count += 1
                i += 1
            }
            return count >= minDigits ? value : nil
        }
        var f = Fields()
        // A bare run of digits is a year or a basic date; longer runs (Unix timestamps) are rejected.
        let run = b.prefix(while: isDigit).count
        if run == 8 {
            f.year = number(4, 4); f.month = number(2, 2); f.day = number(2, 2)
        } else if run == 4 {
            f.year = number(4, 4)
            if let sep = peek(), sep == UInt8(ascii: "-") || sep == UInt8(ascii: "/") {
                i += 1
                // Up to three digits: an old Google bug wrote `2003-012-31`.
                guard let month = number(1, 3) else { return nil }
                f.month = month
                if peek() == sep {
                    i += 1
                    guard let day = number(1, 2) else { return nil }
                    f.day = day
                } else {
                    f.day = 1
                }
            } else {
                f.month = 1; f.day = 1
            }
        } else {
            return nil
        }
        guard i < b.count else { return f }
        // Time: `T`, `t` or a space, then hh:mm[:ss][.fraction] or basic hhmmss.
        if let c = peek(), c == UInt8(ascii: "T") || c == UInt8(ascii: "t") || c == UInt8(ascii: " ") {
            i += 1
            while peek() == UInt8(ascii: " ") { i += 1 }
            guard let hour = number(1, 2) else { return nil }
            f.hour = hour
            if peek() == UInt8(ascii: ":") {
                i += 1
                guard let minute = number(2, 2) else { return nil }
                f.minute = minute
                if peek() == UInt8(ascii: ":") {
                    i += 1
                    guard let second = number(2, 2) else { return nil }
                    f.second = second
                }
            } else if let minute = number(2, 2) {
                f.minute = minute
                if let second = number(2, 2) { f.second = second }
            } else {
                return nil
            }
            if let c = peek(), c == UInt8(ascii: ".") || c == UInt8(ascii: ",") {
                i += 1
                guard number(1, 12) != nil else { return nil }
                while let d = peek(), isDigit(d) { i += 1 }
            }
        } else {
            return nil
        }
        while peek() == UInt8(ascii: " ") { i += 1 }
        guard i < b.count else { return f }
        let zone = String(decoding: b[i...], as: UTF8.self)
        guard let offset = parseZone(zone) else { return nil }
        f.offset = offset
        return f
    }

    // MARK: - RFC 822 family, asctime, JavaScript `Date.toString`, Perforce

    static func parseRFC822(_ text: String) -> Fields? {
        // Drop a trailing comment such as `(Coordinated Universal Time)`; commas are only separators.
        var cleaned = text
        if let open = cleaned.firstIndex(of: "(") { cleaned = String(cleaned[..<open]) }
        let tokens = cleaned.lowercased().split(whereSeparator: { $0 == " " || $0 == "," || $0 == "\t" })
        var f = Fields()
        var sawTime = false
        for token in tokens {
            let t = String(token)
            guard let first = t.first else { continue }
            if first.isNumber, t.utf8.contains(UInt8(ascii: ":")) {
                guard !sawTime, parseClock(t, into: &f) else { return nil }
                sawTime = true
            } else if first.isNumber, t.utf8.contains(UInt8(ascii: "/")) {
                // Perforce: `2006/09/15`.
                let parts = t.split(separator: "/").map { Int($0) }
                guard parts.count == 3, let y = parts[0], let m = parts[1], let d = parts[2], f.year == nil
                else { return nil }
                f.year = y; f.month = m; f.day = d
            } else if t.allSatisfy(\.isNumber) {
                guard let value = Int(t) else { return nil }
                switch t.count {
                case 1, 2:
                    if f.day == nil {
                        f.day = value
                    } else if f.year == nil {
                        // RFC 2822 §4.3: 00–49 are 20xx, 50–99 are 19xx.
                        f.year = value < 50 ? 2000 + value : 1900 + value
                    } else {
                        return nil
                    }
                case 4:
                    guard f.year == nil else { return nil }
                    f.year = value
                default:
                    return nil
                }
            } else if let month = months[t] {
                guard f.month == nil else { return nil }
                f.month = month
            } else if weekdays.contains(t) {
                continue
            } else if t == "am" || t == "pm" {
                f.meridiem = t
            } else if let offset = parseZone(t) {
                guard f.offset == nil else { return nil }
                f.offset = offset
            } else {
                // An unknown word: a localised name, or a zone we cannot place. Never guess.
                return nil
            }
        }
        return f
    }

    private static func parseClock(_ token: String, into f: inout Fields) -> Bool {
        let parts = token.split(separator: ":", omittingEmptySubsequences: false)
        guard (2...3).contains(parts.count),
              parts.allSatisfy({ !$0.isEmpty && $0.count <= 2 && $0.allSatisfy(\.isNumber) }),
              let hour = Int(parts[0]), let minute = Int(parts[1])
        else { return false }
        f.hour = hour
        f.minute = minute
        if parts.count == 3 {
            guard let second = Int(parts[2]) else { return false }
            f.second = second
        }
        return true
    }

    /// Seconds east of UTC for `Z`, a known abbreviation, `±hh`, `±hhmm`, `±hh:mm`, `GMT±hh:mm`, `Etc/GMT`.
    static func parseZone(_ raw: String) -> Int? {
        let zone = raw.lowercased()
        if let hours = namedZones[zone] { return Int(hours * 3600) }
        for prefix in ["gmt", "utc", "ut"] where zone.hasPrefix(prefix) {
            let rest = zone.dropFirst(prefix.count)
            if let sign = rest.first, sign == "+" || sign == "-" { return parseZone(String(rest)) }
        }
        guard let sign = zone.first, sign == "+" || sign == "-" else { return nil }
        let digits = zone.dropFirst().filter { $0 != ":" }
        guard digits.allSatisfy(\.isNumber), [2, 4].contains(digits.count),
              zone.dropFirst().filter({ $0 == ":" }).count <= 1
        else { return nil }
        let minuteDigits = digits.dropFirst(2)
        guard let hours = Int(digits.prefix(2)), let minutes = Int(minuteDigits.isEmpty ? "0" : minuteDigits),
              hours <= 14, minutes < 60
        else { return nil }
        let seconds = hours * 3600 + minutes * 60
        return sign == "-" ? -seconds : seconds
    }

    /// Abbreviations with one accepted meaning in news copy, in hours east of UTC. Deliberately absent:
    /// IST (India/Ireland/Israel), AST (Atlantic/Arabia), SST, and others that would be a guess.
    static let namedZones: [String: Double] = [
        "z": 0, "ut": 0, "utc": 0, "gmt": 0, "etc/gmt": 0, "etc/utc": 0,
        "est": -5, "edt": -4, "cst": -6, "cdt": -5, "mst": -7, "mdt": -6, "pst": -8, "pdt": -7,
        "et": -5, "ct": -6, "mt": -7, "pt": -8, "akst": -9, "akdt": -8, "hst": -10,
        "wet": 0, "west": 1, "bst": 1, "cet": 1, "cest": 2, "met": 1, "mest": 2, "eet": 2, "eest": 3,
        "msk": 3, "jst": 9, "kst": 9, "hkt": 8, "sgt": 8, "aest": 10, "aedt": 11, "nzst": 12, "nzdt": 13,
    ]

    static let months: [String: Int] = {
        let names = ["january", "february", "march", "april", "may", "june", "july", "august", "september",
                     "october", "november", "december"]
        var table: [String: Int] = ["sept": 9]
        for (index, name) in names.enumerated() {
            table[name] = index + 1
            table[String(name.prefix(3))] = index + 1
        }
        return table
    }()

    static let weekdays: Set<String> = [
        "mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun",
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
    ]

    // MARK: - Calendar arithmetic (proleptic Gregorian, no Foundation needed)

    static func isDigit(_ c: UInt8) -> Bool { c >= 48 && c <= 57 }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// Days since 1970-01-01 (Howard Hinnant's `days_from_civil`).
    static func daysFromCivil(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let doy = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    /// `YYYY-MM-DDTHH:MM:SSZ` for seconds since the epoch; nil outside years 1–9999.
    static func format(_ seconds: Int) -> String? {
        let days = seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
        let rem = seconds - days * 86_400
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let day = doy - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        let year = yoe + era * 400 + (month <= 2 ? 1 : 0)
        guard (1...9999).contains(year) else { return nil }
        func pad(_ v: Int, _ width: Int) -> String {
            let s = String(v)
            return String(repeating: "0", count: max(0, width - s.count)) + s
        }
        return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))T\(pad(rem / 3600, 2)):\(pad(rem % 3600 / 60, 2)):"
            + "\(pad(rem % 60, 2))Z"
    }
}
