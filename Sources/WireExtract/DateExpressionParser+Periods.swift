/// Periods named by their part of a year or their distance from the story's day: "the end of the
/// year", "in the first half", "the third quarter of 2025", "a day earlier", "last week".
extension DateExpressionParser {
    static let ordinals: Set<String> = ["first", "second", "third", "fourth", "last", "final"]
    static let parts: Set<String> = ["half", "quarter"]

    /// A period phrase starting at `index` (which holds "the", "a", "within" or a relative word).
    func periodPhrase(at index: Int) -> Match? {
        if text.isWord(index, "a"), text.isWord(index + 1, "day"), text.isWord(index + 2, "earlier") || text.isWord(index + 2, "later") {
            let offset = text.isWord(index + 2, "earlier") ? -1 : 1
            return Match(range: index..<(index + 3), value: anchor?.adding(days: offset).iso)
        }
        if text.isWord(index, "within"), index + 2 < text.tokens.count, isPeriodUnit(index + 2) {
            return Match(range: index..<(index + 3), value: nil)
        }
        guard text.isWord(index, "the") else { return nil }
        var cursor = index + 1
        // "the end of …", "the start of …"
        if text.isWord(cursor, "end") || text.isWord(cursor, "start") || text.isWord(cursor, "beginning") || text.isWord(cursor, "middle"),
           text.isWord(cursor + 1, "of") {
            return periodOf(from: index, at: cursor + 2, allowMonth: true)
        }
        // "the first half", "the third quarter", "the first nine months"
        guard text.isWord(cursor, "first") || text.isWord(cursor, "second") || text.isWord(cursor, "third")
                || text.isWord(cursor, "fourth") || text.isWord(cursor, "last") || text.isWord(cursor, "final") else { return nil }
        cursor += 1
        if text.isWord(cursor, "half") || text.isWord(cursor, "quarter") {
            cursor += 1
        } else if cursor + 1 < text.tokens.count, text.tokens[cursor].isWord, text.isWord(cursor + 1, "months") {
            cursor += 2
        } else {
            return nil
        }
        if text.isWord(cursor, "of") { return periodOf(from: index, at: cursor + 1, allowMonth: false) }
        return Match(range: index..<cursor, value: anchor.map { String($0.year) })
    }

    /// What follows "the end of": a year, "the year", "this/next/last year", or a month.
    private func periodOf(from start: Int, at index: Int, allowMonth: Bool) -> Match? {
        if let year = yearToken(index) { return Match(range: start..<(index + 1), value: String(year)) }
        if text.isWord(index, "the"), text.isWord(index + 1, "year") {
            return Match(range: start..<(index + 2), value: anchor.map { String($0.year) })
        }
        if text.has(index, .relative), text.isWord(index + 1, "year") {
            let offset = text.isWord(index, "last") ? -1 : (text.isWord(index, "next") ? 1 : 0)
            return Match(range: start..<(index + 2), value: anchor.map { String($0.year + offset) })
        }
        if allowMonth, text.tokens.indices.contains(index), text.tokens[index].isCapitalised, text.has(index, .month) {
            let month = Int(text.numbers[index])
            if let year = yearToken(index + 1) {
                return Match(range: start..<(index + 2), value: CalendarDay(year: year, month: month, day: 1).isoMonth)
            }
            guard let anchor else { return Match(range: start..<(index + 1), value: nil) }
            // "by the end of March" looks ahead: the next such month from the story's day.
            let year = month < anchor.month ? anchor.year + 1 : anchor.year
            return Match(range: start..<(index + 1), value: CalendarDay(year: year, month: month, day: 1).isoMonth)
        }
        return nil
    }

    private func isPeriodUnit(_ index: Int) -> Bool {
        ["days", "weeks", "months", "years", "day", "week", "month", "year"].contains { unit in
            text.isWord(index, equalTo: unit)
        }
    }

    private func yearToken(_ index: Int) -> Int? {
        guard index < text.tokens.count, text.tokens[index].flags.contains(.number), text.tokens[index].length == 4,
              let year = text.integer(index), (1800...2100).contains(year) else { return nil }
        return year
    }
}
