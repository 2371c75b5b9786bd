import Foundation

/// Reads "Published : April 13, 2024 - 21:10" and "Published - May 28, 2024 04:32 pm IST" lines.
struct PublishedTimeParser {
    struct Parsed: Equatable {
        var day: CalendarDay
        var hour: Int?
        var minute: Int?
        /// The IANA zone the line names, when it names one.
        var zone: String?
    }

    /// Zone abbreviations wire pages print, with the IANA zone they stand for.
    static let zoneAbbreviations: [String: String] = [
        "KST": "Asia/Seoul", "JST": "Asia/Tokyo", "IST": "Asia/Kolkata", "HKT": "Asia/Hong_Kong",
        "SGT": "Asia/Singapore", "GMT": "UTC", "UTC": "UTC", "BST": "Europe/London", "CET": "Europe/Paris",
        "CEST": "Europe/Paris", "EST": "America/New_York", "EDT": "America/New_York", "PST": "America/Los_Angeles",
        "PDT": "America/Los_Angeles", "MSK": "Europe/Moscow", "AEST": "Australia/Sydney", "PHT": "Asia/Manila",
    ]

    /// The text after the label, or nil when the line is not a publication line.
    static func stripLabel(_ line: String, label: String) -> String? {
        guard line.lowercased().hasPrefix(label) else { return nil }
        return String(line.dropFirst(label.count)).trimmingCharacters(in: CharacterSet(charactersIn: " :-–—\u{00A0}"))
    }

    static func parse(_ text: String) -> Parsed? {
        var words = text.replacingOccurrences(of: ",", with: " ").split(whereSeparator: { $0 == " " || $0 == "\u{00A0}" })
        // Whatever labels the line ("KYODO NEWS -") stands before the month.
        guard let monthAt = words.firstIndex(where: { ExtractionLexicon.months[$0.lowercased().replacingOccurrences(of: ".", with: "")] != nil }) else { return nil }
        words = Array(words[monthAt...])
        // A second stamp on the same line ("… Updated : …") is not this one's.
        if let next = words.dropFirst().firstIndex(where: { $0.lowercased().hasPrefix("updated") || $0 == "|" }) { words = Array(words[..<next]) }
        guard words.count >= 3, let month = ExtractionLexicon.months[words[0].lowercased().replacingOccurrences(of: ".", with: "")],
              let dayNumber = Int(words[1]), let year = Int(words[2]),
              let day = CalendarDay.valid(year: year, month: month, day: dayNumber) else { return nil }
        var parsed = Parsed(day: day)
        for (offset, word) in words.dropFirst(3).enumerated() {
            if let zone = zoneAbbreviations[String(word)] { parsed.zone = zone; continue }
            let pieces = word.split(separator: ":")
            if pieces.count == 2, let hour = Int(pieces[0]), let minute = Int(pieces[1]), hour < 24, minute < 60 {
                parsed.hour = hour
                parsed.minute = minute
                let next = words.dropFirst(3 + offset + 1).first?.lowercased()
                if next == "pm" && hour < 12 { parsed.hour = hour + 12 }
                if next == "am" && hour == 12 { parsed.hour = 0 }
            }
        }
        return parsed
    }

    /// The UTC instant of a local time in an IANA zone, as "2024-04-13T12:10:00Z".
    static func utcTimestamp(_ parsed: Parsed, zone: String) -> String? {
        guard let hour = parsed.hour, let minute = parsed.minute, let timeZone = TimeZone(identifier: zone) else { return nil }
        let local = parsed.day.dayNumber * 86_400 + hour * 3_600 + minute * 60
        let offset = timeZone.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(local)))
        let utc = local - offset
        let day = CalendarDay(dayNumber: utc >= 0 ? utc / 86_400 : (utc - 86_399) / 86_400)
        let seconds = utc - day.dayNumber * 86_400
        return "\(day.iso)T\(CalendarDay.pad(seconds / 3_600, 2)):\(CalendarDay.pad(seconds % 3_600 / 60, 2)):00Z"
    }
}
