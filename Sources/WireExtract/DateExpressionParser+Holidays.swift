/// Dates named by a fixed holiday ("New Year's Day 2024", "on Christmas Eve") and decades ("the early
/// 2000s"), which have no precision `YYYY-MM-DD`, `YYYY-MM` or `YYYY` can write and so stay null.
extension DateExpressionParser {
    /// Holidays on the same day every year, as their lower-case words ("'s" is the possessive token).
    static let fixedHolidays: [(words: [String], month: Int, day: Int)] = [
        (["new", "year", "'s", "day"], 1, 1), (["new", "year", "'s", "eve"], 12, 31),
        (["christmas", "day"], 12, 25), (["christmas", "eve"], 12, 24), (["boxing", "day"], 12, 26),
        (["valentine", "'s", "day"], 2, 14), (["halloween"], 10, 31), (["christmas"], 12, 25),
    ]

    /// A fixed holiday at `index`, with the year written after it, else the one nearest the story's day
    /// in the direction its clause speaks of; null without an anchor.
    func holidayExpression(at index: Int) -> Match? {
        guard let holiday = Self.fixedHolidays.first(where: { matches($0.words, at: index) }) else { return nil }
        let start = leadingPreposition(index, allowed: [.datePreposition])
        let end = index + holiday.words.count
        if let year = fourDigitYearAt(end) {
            return Match(range: start..<(end + 1), value: CalendarDay.valid(year: year, month: holiday.month, day: holiday.day)?.iso)
        }
        guard let anchor, let candidate = CalendarDay.valid(year: anchor.year, month: holiday.month, day: holiday.day) else {
            return Match(range: start..<end, value: nil)
        }
        var year = anchor.year
        let future = speaksOfFuture(around: index)
        if future && candidate < anchor { year += 1 }
        if !future && candidate > anchor { year -= 1 }
        return Match(range: start..<end, value: CalendarDay.valid(year: year, month: holiday.month, day: holiday.day)?.iso)
    }

    /// "the 1990s", "the early 2000s": a decade, listed with a null value (no field writes a decade).
    func decadeExpression(at index: Int) -> Match? {
        guard text.isWord(index, "the") else { return nil }
        var cursor = index + 1
        if text.has(cursor, .qualifier) { cursor += 1 }
        guard cursor < text.tokens.count, isDecade(cursor) else { return nil }
        let start = leadingPreposition(index, allowed: [.datePreposition])
        return Match(range: start..<(cursor + 1), value: nil)
    }

    /// A word like "2000s" or "1970s": three digits, a zero, an "s".
    private func isDecade(_ index: Int) -> Bool {
        let token = text.tokens[index]
        guard token.isWord, token.length == 5 else { return false }
        let word = text.bytes[token.start..<token.end]
        return word.prefix(3).allSatisfy { $0 >= 0x30 && $0 <= 0x39 } && word[token.start + 3] == 0x30
            && (word[token.start + 4] | 0x20) == UInt8(ascii: "s")
    }

    private func matches(_ words: [String], at index: Int) -> Bool {
        guard index + words.count <= text.tokens.count else { return false }
        for (offset, word) in words.enumerated() {
            let position = index + offset
            if word == "'s" {
                guard text.isMark(position, "s") else { return false }
            } else if !text.isWord(position, equalTo: word) {
                return false
            }
        }
        return true
    }

    private func fourDigitYearAt(_ index: Int) -> Int? {
        guard index < text.tokens.count, text.tokens[index].flags.contains(.number), text.tokens[index].length == 4,
              let year = text.integer(index), (1800...2100).contains(year) else { return nil }
        return year
    }
}
