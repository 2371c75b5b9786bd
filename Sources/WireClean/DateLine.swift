/// What a short line says about dates, read token by token: enough to tell a time stamp line
/// ("Apr. 20, 2024 - 08:30 KST") from a headline that happens to hold a number.
struct DateLine {
    private(set) var hasDateWithYear = false
    private(set) var hasClockTime = false
    /// Every token is part of a date or time (month, day, year, clock, zone, weekday, separator).
    private(set) var isOnlyDate = true

    private static let months = [
        "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
        "january", "february", "march", "april", "june", "july", "august", "september", "october", "november", "december",
    ]
    private static let monthInitials: Set<UInt8> = Set("adfjmnos".utf8)
    private static let dateWords: Set<String> = [
        "am", "pm", "a.m.", "p.m.", "kst", "jst", "gmt", "utc", "ist", "cst", "edt", "est", "cet", "cest", "bst", "hkt",
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
        "mon", "tue", "wed", "thu", "fri", "sat", "sun", "|", "-", "—", "/", "at", "on",
    ]

    /// The month a word names, as written ("Apr." → "apr"), or nil.
    static func monthPrefix(_ word: String) -> String? {
        // Every month starts with one of a, d, f, j, m, n, o, s: other words stop at their first letter.
        guard let letter = word.utf8.first(where: { $0 != UInt8(ascii: ".") && $0 != UInt8(ascii: ",") }),
              Self.monthInitials.contains(letter | 0x20), letter < 0x80 else { return nil }
        let bare = word.lowercased().trimmingCharacters(in: ".,")
        return months.contains(bare) ? bare : nil
    }

    init(_ text: String) {
        var sawMonth = false
        for raw in text.splitASCII() {
            let word = raw.trimmingCharacters(in: ",.()[]")
            if word.isEmpty { continue }
            if Self.monthPrefix(word) != nil { sawMonth = true; continue }
            if Self.isClock(word) { hasClockTime = true; continue }
            if Self.isNumericDate(word) { hasDateWithYear = true; continue }
            if let number = Int(word) {
                if number >= 1900 && number <= 2100 && sawMonth { hasDateWithYear = true }
                continue
            }
            if Self.dateWords.contains(word.lowercased()) { continue }
            isOnlyDate = false
        }
    }

    /// "21:10", "09:45", "5:10pm", "14:35:20".
    private static func isClock(_ word: String) -> Bool {
        guard word.containsByte(UInt8(ascii: ":")) else { return false }
        var bytes = Array(word.utf8)
        if bytes.count > 2, let last = bytes.last, (last | 0x20) == UInt8(ascii: "m"),
           [UInt8(ascii: "a"), UInt8(ascii: "p")].contains(bytes[bytes.count - 2] | 0x20) {
            bytes.removeLast(2)
        }
        let parts = bytes.split(separator: UInt8(ascii: ":"), omittingEmptySubsequences: false)
        guard parts.count == 2 || parts.count == 3 else { return false }
        return parts.allSatisfy { (1...2).contains($0.count) && $0.allSatisfy { $0 >= 0x30 && $0 <= 0x39 } }
    }

    /// "2024-04-13", "13/04/2024", "2024.04.13".
    private static func isNumericDate(_ word: String) -> Bool {
        guard word.utf8.contains(where: { $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: "/") || $0 == UInt8(ascii: ".") }) else { return false }
        let parts = word.splitASCII("-/.")
        guard parts.count == 3, parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isNumber) }) else { return false }
        return parts.contains { $0.count == 4 }
    }
}
