/// Offices with a two-part portfolio between a title and its holder: "Deputy Minister of Agriculture
/// and Environment Tran Quang Vinh". The capitalised runs split at "and", so the holder's run starts
/// with the portfolio's second part ("Environment Tran Quang Vinh") and the first part ("Agriculture")
/// stands alone; neither part names anything, and the words after the second part are a person.
extension EntityRecognizer {
    func splittingPortfolios(_ ranges: [Range<Int>]) -> (ranges: [Range<Int>], holders: [Range<Int>]) {
        // Nearly no story has a run after "and" next to another: it then keeps its runs as they are,
        // without copying them one by one.
        guard ranges.indices.dropFirst().contains(where: { isPortfolioSecondPart(ranges[$0], after: ranges[$0 - 1]) }) else {
            return (ranges, [])
        }
        var kept: [Range<Int>] = []
        kept.reserveCapacity(ranges.count)
        var holders: [Range<Int>] = []
        for range in ranges {
            guard let previous = kept.last, isPortfolioSecondPart(range, after: previous), let office = officeStart(of: previous) else {
                kept.append(range)
                continue
            }
            // The first part goes; what stands before "of" (the title, "Lao Deputy Minister") stays.
            kept.removeLast()
            if office.lowerBound < office.upperBound { kept.append(office) }
            holders.append((range.lowerBound + 1)..<range.upperBound)
        }
        return (kept, holders)
    }

    /// Three words or more right after "and" that follows `previous`: what a portfolio's second part
    /// and its holder make.
    private func isPortfolioSecondPart(_ range: Range<Int>, after previous: Range<Int>) -> Bool {
        range.count >= 3 && previous.upperBound + 1 == range.lowerBound && text.isWord(range.lowerBound - 1, "and")
    }

    /// When `range` is a portfolio's first part after "<title> of" (before it or inside it), the part
    /// of `range` before the portfolio (empty when the portfolio is all of it).
    private func officeStart(of range: Range<Int>) -> Range<Int>? {
        if text.isWord(range.lowerBound - 1, "of"), range.lowerBound >= 2, text.has(range.lowerBound - 2, .personTitle),
           range.count <= 2 {
            return range.lowerBound..<range.lowerBound
        }
        guard let of = range.first(where: { text.isWord($0, "of") }), of > range.lowerBound,
              text.has(of - 1, .personTitle), range.upperBound - of - 1 <= 2 else { return nil }
        return range.lowerBound..<of
    }
}
