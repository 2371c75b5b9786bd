import WireGazetteer
import WireModel

/// Finds date expressions in a text and resolves them at the precision the text gives.
///
/// Absolute dates become days ("Oct. 6, 1949" → 1949-10-06), months ("June 2019" → 2019-06) or years
/// ("by 2030" → 2030). Relative ones — weekdays, "last year", "in January", "late last month" — resolve
/// against `anchor`, the story's own day; without an anchor they are listed with a null value, never
/// guessed. A weekday is the most recent such day on or before the anchor ("on Saturday" in a Saturday
/// story is that day), unless its clause speaks of the future ("is scheduled to visit … on Friday").
struct DateExpressionParser {
    let text: TokenText
    let anchor: CalendarDay?
    /// The anchor's day number and weekday (0 without an anchor), worked out once: weekdays and
    /// implied years are counted from them at every date.
    let anchorDayNumber: Int
    let anchorWeekday: Int

    init(text: TokenText, anchor: CalendarDay?) {
        self.text = text
        self.anchor = anchor
        anchorDayNumber = anchor?.dayNumber ?? 0
        anchorWeekday = anchor?.weekday ?? 0
    }

    static let prepositions: Set<String> = ["on", "in", "by", "since", "for", "until", "from", "through", "till", "before", "after", "of", "during", "as"]
    static let qualifiers: Set<String> = ["early", "late", "mid", "mid-"]
    /// Nouns that make a four-digit number a count, not a year.
    static let countedNouns: Set<String> = [
        "people", "units", "tons", "tonnes", "homes", "troops", "workers", "percent", "megawatts", "jobs", "cars",
        "vehicles", "km", "kilometers", "kilometres", "miles", "dollars", "won", "yen", "euros", "yuan", "rupees",
        "students", "soldiers", "cases", "deaths", "votes", "seats", "meters", "metres", "feet", "hours", "days",
    ]

    func mentions() -> [DateMention] {
        mentionsAndQuotationMarks().mentions
    }

    /// The date mentions, and the quotation marks (`QuoteExtractor.quotationMarks`) met on the way: the
    /// scan for dates reads every token already, so the quotes need no pass of their own.
    func mentionsAndQuotationMarks() -> (mentions: [DateMention], marks: [Int]) {
        var found: [DateMention] = []
        var marks: [Int] = []
        var index = 0
        let count = text.tokens.count
        while index < count {
            index = nextMayStart(from: index, marks: &marks)
            guard index < count else { break }
            guard let match = match(at: index) else { index += 1; continue }
            // Room for a story's usual dates at once, not grown from one by doubling.
            if found.isEmpty { found.reserveCapacity(16) }
            found.append(DateMention(text: text.string(match.range), value: match.value))
            // The tokens the date takes after its first word are read for marks here (the scan goes on
            // after them; those before it were read already).
            for position in (index + 1)..<max(index + 1, match.range.upperBound) where text.isMark(position, "\"") {
                Self.appendMark(position, to: &marks)
            }
            index = match.range.upperBound
        }
        return (found, marks)
    }

    /// A quotation mark's index appended, with room for a story's usual quotes made at the first.
    @inline(__always) static func appendMark(_ index: Int, to marks: inout [Int]) {
        if marks.isEmpty { marks.reserveCapacity(32) }
        marks.append(index)
    }

    struct Match {
        var range: Range<Int>
        var value: String?
    }

    /// The classes one of whose words every date expression but a year or a "the/a/within" phrase
    /// starts with.
    static let startingClasses: WordClass = [.holidayStart, .month, .weekday, .relative, .qualifier, .dayWord]

    /// Most tokens start no date: a word of a starting class, a number, "the", "a" or "within" may.
    /// Tested inline on the token's class bits, flags and length before `match` is called at all
    /// (the call and its rule-by-rule refusal cost more than the rest of finding the story's dates).
    @inline(__always) func mayStartDate(_ index: Int) -> Bool {
        let token = text.tokens[index]
        // One test on bits gathered without branching (a branch per condition mispredicted on every
        // few words of running text): a starting class, a number, or the length and initial of
        // "a", "the" or "within".
        let initial = token.start < text.bytes.count ? text.bytes[token.start] | 0x20 : 0
        // The initial each length opens with, one byte per length: "a" at 1, "t" at 3, "w" at 6, none
        // (zero, which no initial with its 0x20 bit set equals) at the others.
        let expected = UInt8(truncatingIfNeeded: Self.articleInitials >> (UInt64(min(max(token.length, 0), 7)) &* 8))
        let open = text.classes[index].rawValue & Self.startingClasses.rawValue
            | UInt32(token.flags.rawValue & Token.Flags.number.rawValue) | (initial == expected ? 1 : 0)
        guard open != 0, token.isWord else { return false }
        if !text.classes[index].isDisjoint(with: Self.startingClasses) || token.flags.contains(.number) { return true }
        return articleMayOpenDate(index, length: token.length)
    }

    /// "the", "a" and "within" open dates only before the words `periodPhrase` and
    /// `decadeExpression` read next ("a day earlier", "the first half", "the 1990s").
    @inline(__always) func articleMayOpenDate(_ index: Int, length: Int) -> Bool {
        let token = text.tokens[index]
        switch length {
        case 1: return text.bytes[token.start] | 0x20 == UInt8(ascii: "a") && text.isWord(index + 1, "day")
        case 3: return text.isWord(index, "the") && mayFollowThe(index + 1)
        case 6: return text.isWord(index, "within")
        default: return false
        }
    }

    /// `mayStartDate`'s table: byte n is the initial of the n-letter word among "a", "the", "within".
    static let articleInitials: UInt64 = 0x0077_0000_7400_6100

    /// Whether the word after "the" may continue a period ("end", "start", "beginning", "middle",
    /// "first" … "final") or a decade (a qualifier, or a five-byte word like "2000s"); a five-byte
    /// word is let through on its initial ("the world" is refused, "the state" tried).
    @inline(__always) func mayFollowThe(_ next: Int) -> Bool {
        guard next < text.tokens.count, text.tokens[next].isWord else { return false }
        if text.has(next, .qualifier) { return true }
        switch text.tokens[next].length {
        case 3: return text.isWord(next, "end")
        case 4: return text.isWord(next, "last")
        case 5:
            // "start", "first", "third", "final" or a decade ("1990s"): a digit, "s", "f" or "t" first.
            let initial = text.bytes[text.tokens[next].start]
            let folded = initial >= 0x41 && initial <= 0x5A ? initial | 0x20 : initial
            return (initial >= 0x30 && initial <= 0x39) || folded == UInt8(ascii: "s") || folded == UInt8(ascii: "f")
                || folded == UInt8(ascii: "t")
        case 6: return text.isWord(next, "middle") || text.isWord(next, "second") || text.isWord(next, "fourth")
        case 9: return text.isWord(next, "beginning")
        default: return false
        }
    }

    /// The date expression starting at `index`, a word `mayStartDate` let through (any other word
    /// starts none: the tests call this at every word to check that refusal).
    func match(at index: Int) -> Match? {
        let token = text.tokens[index]
        // Decades start at "the", periods at "the", "a" or "within": no other length is tried.
        let length = token.length
        if length == 3, let decade = decadeExpression(at: index) { return decade }
        if token.isCapitalised, text.has(index, .holidayStart), let holiday = holidayExpression(at: index) { return holiday }
        if length == 3 || length == 1 || length == 6,
           text.isWord(index, "the") || text.isWord(index, "a") || text.isWord(index, "within"), let period = periodPhrase(at: index) {
            let start = leadingPreposition(index, allowed: [.datePreposition])
            return Match(range: start..<period.range.upperBound, value: period.value)
        }
        if token.isCapitalised, text.has(index, .month), isMonthUse(index) {
            return monthExpression(at: index, month: Int(text.numbers[index]))
        }
        if token.isCapitalised, text.has(index, .weekday) {
            let start = leadingPreposition(index, allowed: [.datePreposition, .relative])
            // "by Sunday afternoon": the part of the day belongs to the mention.
            let end = partOfDayEnd(index)
            return Match(range: start..<end, value: resolve(weekday: Int(text.numbers[index]), at: index, start: start))
        }
        if text.has(index, .relative) {
            return relativePeriod(at: index)
        }
        if text.has(index, .qualifier), index + 1 < text.tokens.count {
            if text.isWord(index + 1, "last") || text.isWord(index + 1, "this") || text.isWord(index + 1, "next") {
                guard let period = relativePeriod(at: index + 1) else { return nil }
                return Match(range: index..<period.range.upperBound, value: period.value)
            }
        }
        if token.flags.contains(.number), token.length == 4, let year = text.integer(index), (1800...2100).contains(year) {
            return yearExpression(at: index, year: year)
        }
        if text.has(index, .dayWord) {
            let offset = text.isWord(index, "today") ? 0 : (text.isWord(index, "yesterday") ? -1 : 1)
            return Match(range: index..<(index + 1), value: anchor?.adding(days: offset).iso)
        }
        return nil
    }

    /// "May" is a month only when a number or a date word is next to it.
    private func isMonthUse(_ index: Int) -> Bool {
        let next = index + 1 < text.tokens.count ? text.tokens[index + 1] : nil
        let ambiguous = text.isWord(index, "may") || text.isWord(index, "march")
        if !ambiguous && text.tokens[index].length > 3 { return true }
        if let next, next.flags.contains(.number) { return true }
        if text.isMark(index + 1, ".") && index + 2 < text.tokens.count && text.tokens[index + 2].flags.contains(.number) { return true }
        if text.hasAny(index - 1, [.datePreposition, .qualifier, .relative]) { return true }
        return false
    }

    private func monthExpression(at index: Int, month: Int) -> Match {
        let start = leadingPreposition(index, allowed: [.datePreposition, .qualifier])
        var cursor = index + 1
        if text.isMark(cursor, ".") { cursor += 1 }
        // Month Day[, Year]
        if cursor < text.tokens.count, text.tokens[cursor].flags.contains(.number), let day = text.integer(cursor),
           (1...31).contains(day), text.tokens[cursor].length <= 2 {
            var end = cursor + 1
            var year: Int?
            if text.isMark(end, ","), end + 1 < text.tokens.count, let y = fourDigitYear(end + 1) { year = y; end += 2 }
            else if let y = fourDigitYear(end) { year = y; end += 1 }
            // "Feb. 10 this year", "June 8 last year"
            if year == nil, text.has(end, .relative), text.isWord(end + 1, "year") {
                let offset = text.isWord(end, "last") ? -1 : (text.isWord(end, "next") ? 1 : 0)
                year = anchor.map { $0.year + offset }
                let value = year.flatMap { CalendarDay.valid(year: $0, month: month, day: day)?.iso }
                return Match(range: start..<(end + 2), value: value)
            }
            // The sentence is found once for both: its year, else the direction of the date's clause.
            let resolvedYear = year ?? {
                let sentence = sentenceBounds(around: index)
                return yearFromContext(in: sentence) ?? impliedYear(month: month, day: day, at: index, in: sentence)
            }()
            let value = resolvedYear.flatMap { CalendarDay.valid(year: $0, month: month, day: day)?.iso }
            return Match(range: start..<end, value: value)
        }
        // Month Year
        if let year = fourDigitYear(cursor) {
            return Match(range: start..<(cursor + 1), value: CalendarDay(year: year, month: month, day: 1).isoMonth)
        }
        // Month last/this/next year
        if text.isWord(cursor, "last") || text.isWord(cursor, "this") || text.isWord(cursor, "next"), text.isWord(cursor + 1, "year") {
            let offset = text.isWord(cursor, "last") ? -1 : (text.isWord(cursor, "next") ? 1 : 0)
            let value = anchor.map { CalendarDay(year: $0.year + offset, month: month, day: 1).isoMonth }
            return Match(range: start..<(cursor + 2), value: value)
        }
        // A month alone: the nearest one in the direction the clause speaks of.
        guard let anchor else { return Match(range: start..<(index + 1), value: nil) }
        let sentence = sentenceBounds(around: index)
        if let year = yearFromContext(in: sentence) {
            return Match(range: start..<(index + 1), value: CalendarDay(year: year, month: month, day: 1).isoMonth)
        }
        let future = clauseSpeaksOfFuture(around: index, in: sentence)
        var year = anchor.year
        if future && month < anchor.month { year += 1 }
        if !future && month > anchor.month { year -= 1 }
        return Match(range: start..<(index + 1), value: CalendarDay(year: year, month: month, day: 1).isoMonth)
    }

    private func yearExpression(at index: Int, year: Int) -> Match? {
        var start = index
        if index >= 3, text.isWord(index - 1, "of"), text.isWord(index - 2, "end") || text.isWord(index - 2, "start") || text.isWord(index - 2, "beginning") || text.isWord(index - 2, "middle"),
           text.isWord(index - 3, "the") {
            start = index - 3
            if start > 0, text.isWord(start - 1, "by") || text.isWord(start - 1, "at") || text.isWord(start - 1, "until") { start -= 1 }
            return Match(range: start..<(index + 1), value: String(year))
        }
        start = leadingPreposition(index, allowed: [.datePreposition, .qualifier])
        // A bare number is a year with a preposition or qualifier before it, or a recent one that counts
        // nothing ("the 2022 U.S. law", not "2024 units").
        if start == index {
            guard (1900...2100).contains(year), !(index > 0 && text.isMark(index - 1, "$")) else { return nil }
            if index + 1 < text.tokens.count, text.has(index + 1, .countedNoun) { return nil }
        }
        return Match(range: start..<(index + 1), value: String(year))
    }

    private func relativePeriod(at index: Int) -> Match? {
        let direction = text.isWord(index, "last") ? -1 : (text.isWord(index, "next") ? 1 : 0)
        var start = index
        if text.has(index - 1, .qualifier) || text.isWord(index - 1, "later") || text.isWord(index - 1, "earlier") { start = index - 1 }
        if text.isWord(index + 1, "year") {
            // "last year's earthquake": the possessive belongs to the mention.
            let end = text.isMark(index + 2, "s") ? index + 3 : index + 2
            return Match(range: start..<end, value: anchor.map { String($0.year + direction) })
        }
        if text.isWord(index + 1, "week") {
            return Match(range: start..<(index + 2), value: nil) // a week names no day
        }
        if text.isWord(index + 1, "month") {
            let value = anchor.map { anchor -> String in
                var year = anchor.year, month = anchor.month + direction
                if month == 0 { month = 12; year -= 1 } else if month == 13 { month = 1; year += 1 }
                return CalendarDay(year: year, month: month, day: 1).isoMonth
            }
            return Match(range: start..<(index + 2), value: value)
        }
        if text.isWord(index + 1, "summer") || text.isWord(index + 1, "spring") || text.isWord(index + 1, "autumn")
            || text.isWord(index + 1, "winter") || text.isWord(index + 1, "fall") {
            return Match(range: start..<(index + 2), value: anchor.map { String($0.year + direction) })
        }
        return nil
    }

    private func fourDigitYear(_ index: Int) -> Int? {
        guard index < text.tokens.count, text.tokens[index].flags.contains(.number), text.tokens[index].length == 4,
              let year = text.integer(index), (1800...2100).contains(year) else { return nil }
        return year
    }

    func leadingPreposition(_ index: Int, allowed: WordClass) -> Int {
        guard index > 0, !text.tokens[index].flags.contains(.sentenceStart), text.hasAny(index - 1, allowed) else { return index }
        return index - 1
    }

    /// The year a sentence sets for the dates in it: "Last year the monsoon hit … on June 8".
    private func yearFromContext(in sentence: Range<Int>) -> Int? {
        guard let anchor else { return nil }
        return yearOffsetInSentence(sentence).map { anchor.year + $0 }
    }

    /// A day given without a year: the anchor's year, moved a year when the clause's direction says so.
    private func impliedYear(month: Int, day: Int, at index: Int, in sentence: Range<Int>) -> Int? {
        guard let anchor, let candidate = CalendarDay.valid(year: anchor.year, month: month, day: day) else { return nil }
        let future = clauseSpeaksOfFuture(around: index, in: sentence)
        // Each day's number worked out once (comparing days works them out again at every use).
        let days = candidate.dayNumber - anchorDayNumber
        if future && days < 0 && -days > 180 { return anchor.year + 1 }
        if !future && days > 0 && days > 180 { return anchor.year - 1 }
        return anchor.year
    }

    private func resolve(weekday: Int, at index: Int, start: Int) -> String? {
        guard anchor != nil else { return nil }
        if start < index, text.isWord(start, "next") {
            let ahead = (weekday - anchorWeekday + 7) % 7
            return day(after: ahead == 0 ? 7 : ahead).iso
        }
        if start < index, text.isWord(start, "last") {
            let back = (anchorWeekday - weekday + 7) % 7
            return day(after: back == 0 ? -7 : -back).iso
        }
        // "said on Tuesday he would …": the reporting verb dates the day, whatever follows.
        let reported = start > 0 && text.has(start - 1, .speechVerb)
        if !reported, speaksOfFuture(around: index) || isScheduled(before: start) {
            return day(after: (weekday - anchorWeekday + 7) % 7).iso
        }
        return day(after: -((anchorWeekday - weekday + 7) % 7)).iso
    }

    /// `anchor.adding(days:)` from the anchor's day number worked out already.
    private func day(after days: Int) -> CalendarDay {
        CalendarDay(dayNumber: anchorDayNumber + days)
    }

    /// "Talks resume on Monday", "the trial opens Tuesday", "the ban takes effect on Friday": a scheduling
    /// verb in the present, right before the weekday, speaks of the coming day (a past one would read
    /// "resumed", "opened", "took effect").
    func isScheduled(before start: Int) -> Bool {
        guard start > 0, text.tokens[start - 1].isWord else { return false }
        // Most words before a weekday ("on", "said", "from") have no verb's length and initial.
        guard mayBeSchedulingWord(start - 1) else { return false }
        // ASCII words by the hash of their bytes, confirmed on the bytes: no lower-case `String` per
        // weekday (it cost more than resolving the weekday). Other words keep the `String` test.
        guard let hash = text.asciiWordHash(start - 1) else {
            let word = text.lower(start - 1)
            if word == "effect" { return start > 1 && (text.isWord(start - 2, "takes") || text.isWord(start - 2, "take")) }
            return ExtractionLexicon.schedulingVerbs.contains(word)
        }
        if text.isWord(start - 1, "effect") { return start > 1 && (text.isWord(start - 2, "takes") || text.isWord(start - 2, "take")) }
        guard let verb = Self.schedulingVerbOfHash[hash] else { return false }
        return text.isWord(start - 1, equalTo: verb)
    }

    /// `ExtractionLexicon.schedulingVerbs` by `NameNormalizer.wordHash` (which no two of them share).
    static let schedulingVerbOfHash: [UInt64: String] = Dictionary(
        ExtractionLexicon.schedulingVerbs.map { (NameNormalizer.wordHash($0.utf8), $0) }, uniquingKeysWith: { first, _ in first })

    /// The end of a weekday mention, with a part of the day after it.
    private func partOfDayEnd(_ index: Int) -> Int {
        let next = index + 1
        if text.isWord(next, "morning") || text.isWord(next, "afternoon") || text.isWord(next, "evening") || text.isWord(next, "night") {
            return next + 1
        }
        return next
    }

    /// Whether the clause around a date (back to the last comma, on to the next) speaks of the future.
    func speaksOfFuture(around index: Int) -> Bool {
        clauseSpeaksOfFuture(around: index)
    }
}
