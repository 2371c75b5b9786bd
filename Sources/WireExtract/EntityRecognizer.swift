import WireGazetteer

/// Finds people, places and organisations in a text: gazetteer names first, then rules for names
/// nobody listed — titles and roles ("Energy Minister Davis Chirchir"), head words ("… Coast Guard",
/// "… Sea"), appositions ("Feng Lihua, deputy director of …"), speech ("said Joaquim Ventura"),
/// cue words ("logistics group Hansa Rail"), places after prepositions, and back-references to a
/// name already found ("Baek" after "Baek Seung-ho").
struct EntityRecognizer {
    let text: TokenText
    let gazetteer: Gazetteer

    func recognize() -> [NameRun] {
        let (ranges, holders) = splittingPortfolios(candidateRuns())
        var runs: [NameRun] = []
        runs.reserveCapacity(ranges.count + 8)
        // One borrow of the raw buffers for all the gazetteer lookups of the story.
        text.withSpans { spans in
            Lookups.with(spans) { lookups in classifyAll(ranges, lookups, into: &runs) }
        }
        if !holders.isEmpty {
            runs += holders.map { NameRun(range: $0, kind: .person, strong: true) }
            runs.sort { $0.range.lowerBound < $1.range.lowerBound }
        }
        resolveFromStory(&runs)
        let north = theNorth(runs)
        if !north.isEmpty { runs += north }
        runs.removeAll { $0.kind == nil }
        // Nearly always in order already; the sort (stable) would then leave the runs as they are.
        for position in runs.indices.dropFirst() where runs[position].range.lowerBound < runs[position - 1].range.lowerBound {
            return runs.sorted { $0.range.lowerBound < $1.range.lowerBound }
        }
        return runs
    }

    // MARK: candidate spans

    /// Maximal runs of capitalised words, joined across "of the" inside organisation names.
    ///
    /// Most tokens are not capitalised words: a bit per token (`TokenText.capitalisedWords`) finds
    /// the next one without a branch per token, and the date, connector and trimming rules are asked
    /// only when a word's classes can make them matter.
    func candidateRuns() -> [Range<Int>] {
        let tokens = text.tokens
        guard !tokens.isEmpty else { return [] }
        var runs: [Range<Int>] = []
        runs.reserveCapacity(32)
        var index = 0
        while true {
            index = text.nextCapitalisedWord(from: index)
            guard index < tokens.count else { break }
            guard !mayBeDateWord(index) || !isDateWord(index) else { index += 1; continue }
            var end = index + 1
            while end < tokens.count {
                if continuesRun(end) { end += 1; continue }
                if mayJoinInsideName(end), let joined = joinedInsideName(end) { end = joined; continue }
                break
            }
            var range = index..<end
            // `joinConnectors` changes nothing unless a lower-case connector word follows.
            if end < tokens.count, tokens[end].isWord, !tokens[end].isCapitalised, text.has(end, .nameConnector) {
                range = joinConnectors(range, &end)
            }
            // `trimmed` keeps a run whose first word is no function word as it is.
            if !text.has(range.lowerBound, .functionWord) {
                runs.append(range)
            } else if let kept = trimmed(range) {
                runs.append(kept)
            }
            index = end
        }
        return runs
    }

    /// `isDateWord` can hold only for a weekday or a month.
    @inline(__always) private func mayBeDateWord(_ index: Int) -> Bool {
        text.hasAny(index, [.weekday, .month])
    }

    /// `continuesName(index, after: index - 1)`, asking `isDateWord` only of weekdays and months.
    @inline(__always) private func continuesRun(_ index: Int) -> Bool {
        let flags = text.tokens[index].flags
        guard !text.tokens[index - 1].flags.contains(.paragraphEnd), flags.contains([.word, .capitalised]),
              !flags.contains(.sentenceStart) else { return false }
        return !mayBeDateWord(index) || !isDateWord(index)
    }

    /// `joinedInsideName` can go on only across a "." or a possessive mark, or at a name particle.
    @inline(__always) private func mayJoinInsideName(_ end: Int) -> Bool {
        let token = text.tokens[end]
        guard !token.isWord else { return text.has(end, .nameParticle) }
        return token.mark == UInt8(ascii: ".") || token.mark == UInt8(ascii: "s") || token.mark == UInt8(ascii: "'")
    }

    /// Where a run goes on past `end` across an abbreviated title's dot, "Co., Ltd.", a name particle or
    /// a possessive inside a name; nil when it stops at `end`.
    private func joinedInsideName(_ end: Int) -> Int? {
        let tokens = text.tokens
        // "Col. Park", "Gov. Rhee": an abbreviated title and its dot.
        if text.isMark(end, "."), text.has(end - 1, .personTitle), end + 1 < tokens.count,
           tokens[end + 1].isCapitalised, tokens[end + 1].isWord, !tokens[end].flags.contains(.paragraphEnd) {
            return end + 2
        }
        // "Railway Group Co., Ltd.": a company suffix after "Co." and a comma.
        if text.isMark(end, "."), text.isWord(end - 1, "co"), text.isMark(end + 1, ","),
           text.isWord(end + 2, "ltd") || text.isWord(end + 2, "inc") || text.isWord(end + 2, "llc") {
            return end + 3
        }
        // "Vivienne van Dijk": a particle between capitalised names.
        if text.has(end, .nameParticle), !tokens[end].isCapitalised, end + 1 < tokens.count,
           continuesName(end + 1, after: end), !text.has(end - 1, .organizationHead) {
            return end + 2
        }
        // "People's Assembly", "Workers' Party": a possessive inside a name.
        if !tokens[end - 1].flags.contains(.paragraphEnd), text.isMark(end, "s") || text.isMark(end, "'"),
           end + 1 < tokens.count, text.isWord(end - 1, "people") || text.isWord(end - 1, "workers"),
           tokens[end + 1].isCapitalised {
            return end + 2
        }
        return nil
    }

    private func startsName(_ index: Int) -> Bool {
        let token = text.tokens[index]
        return token.isWord && token.isCapitalised && !isDateWord(index)
    }

    private func continuesName(_ index: Int, after previous: Int) -> Bool {
        let tokens = text.tokens
        guard !tokens[previous].flags.contains(.paragraphEnd), tokens[index].isWord, tokens[index].isCapitalised,
              !tokens[index].flags.contains(.sentenceStart), !isDateWord(index) else { return false }
        return true
    }

    private func isDateWord(_ index: Int) -> Bool {
        if text.has(index, .weekday) { return true }
        guard text.has(index, .month), text.tokens[index].length >= 3 else { return false }
        if !text.isWord(index, "may") && !text.isWord(index, "march") { return true }
        // "May" and "March" are months beside a number or after a date preposition.
        if index + 1 < text.tokens.count && text.tokens[index + 1].flags.contains(.number) { return true }
        return text.hasAny(index - 1, [.datePreposition, .qualifier, .relative])
    }

    /// "International Council" + "for the" + "Exploration" + "of the" + "Sea": one organisation.
    private func joinConnectors(_ range: Range<Int>, _ end: inout Int) -> Range<Int> {
        var upper = range.upperBound
        var joined = false
        while true {
            var cursor = upper
            var sawConnector = false
            while cursor < text.tokens.count, text.tokens[cursor].isWord, !text.tokens[cursor].isCapitalised,
                  text.has(cursor, .nameConnector), cursor - upper < 2 {
                cursor += 1
                sawConnector = true
            }
            guard sawConnector, cursor < text.tokens.count, startsName(cursor), !text.tokens[cursor].flags.contains(.sentenceStart),
                  !text.tokens[cursor - 1].flags.contains(.paragraphEnd) else { break }
            var next = cursor + 1
            while next < text.tokens.count, continuesName(next, after: next - 1) { next += 1 }
            let leftIsOrganization = text.has(upper - 1, .organizationHead)
            let rightIsOrganization = text.has(next - 1, .organizationHead)
            let coordinated = text.isWord(upper, "and")
            // "Ministry of Energy", "Port of Rotterdam Authority", "National Banking and Securities
            // Commission" are one name; "Tarang Capital and Nilgiri Partners" are two.
            let joins = coordinated ? (!leftIsOrganization && rightIsOrganization) || (joined && !rightIsOrganization)
                : leftIsOrganization || (rightIsOrganization && upper - range.lowerBound <= 2) || joined
            guard joins else { break }
            joined = true
            upper = next
        }
        end = upper
        return range.lowerBound..<upper
    }

    /// Drops a sentence-initial function word ("The", "In") and a leading title-less "The".
    private func trimmed(_ range: Range<Int>) -> Range<Int>? {
        var lower = range.lowerBound
        while lower < range.upperBound, text.has(lower, .functionWord),
              !(text.tokens[lower].flags.contains(.allCaps) && text.tokens[lower].length > 1),
              lower == range.lowerBound, text.tokens[lower].flags.contains(.sentenceStart),
              !isPartOfKnownName(lower..<range.upperBound) {
            lower += 1
        }
        return lower < range.upperBound ? lower..<range.upperBound : nil
    }

    private func isPartOfKnownName(_ range: Range<Int>) -> Bool {
        !entries(range).isEmpty
    }

    // MARK: typing without context of the story

    /// `classifyStrong` of each range. Classifying reads nothing outside the range, so a range whose
    /// tokens (bytes, the flags classifying reads, marks) are those of one classified before makes the
    /// same runs, shifted: they are copied from the first one's ("Kim", "North Korea" come back again
    /// and again, at the start of a sentence or inside one, which classifying does not ask).
    func classifyAll(_ ranges: [Range<Int>], _ lookups: Lookups, into runs: inout [NameRun]) {
        var classified = HashIndex(capacity: ranges.count)
        for range in ranges {
            let digest = lookups.spans.digest(range, seed: 0x0C1A_5517, flags: Self.classifiedFlags)
            let start = runs.count
            // A filed range: its start in the text, then where its runs start in `runs`, and how many.
            if let filed = classified[digest] {
                let shift = range.lowerBound - filed >> 32
                let first = filed >> 10 & 0x3F_FFFF
                for position in first..<(first + filed & 0x3FF) {
                    var run = runs[position]
                    run.range = (run.range.lowerBound + shift)..<(run.range.upperBound + shift)
                    // `shift` < 2^31: ranges are filed only when they start below it.
                    run.copiedFrom = Int32(truncatingIfNeeded: shift)
                    runs.append(run)
                }
                continue
            }
            classifyStrong(range, lookups, into: &runs)
            let count = runs.count - start
            for position in start..<runs.count where runs[position].range == range { runs[position].digest = digest }
            if count < 0x400, start < 0x40_0000, range.lowerBound < 0x8000_0000 {
                classified[digest] = range.lowerBound << 32 | start << 10 | count
            }
        }
    }

    /// The token flags `classifyStrong` reads (and all it calls): a range's runs depend on no other.
    static let classifiedFlags: Token.Flags = [.word, .capitalised, .allCaps]

    /// The runs `range` makes, appended to `runs` (one array for the story, not one per candidate).
    func classifyStrong(_ range: Range<Int>, into runs: inout [NameRun]) {
        text.withSpans { spans in Lookups.with(spans) { classifyStrong(range, $0, into: &runs) } }
    }

    private func classifyStrong(_ range: Range<Int>, _ lookups: Lookups, into runs: inout [NameRun]) {
        if let entry = lookup(range, lookups) {
            runs.append(typed(range, entry))
            return
        }
        // "Bank of Korea Gov": the title belongs to the name after it, not to the body.
        if range.count >= 2, text.has(range.upperBound - 1, .personTitle), !text.has(range.upperBound - 1, .organizationHead),
           !text.has(range.upperBound - 2, .personTitle) {
            classifyStrong(range.lowerBound..<(range.upperBound - 1), lookups, into: &runs)
            return
        }
        let titled = titleSplit(range, lookups)
        // "Bank of Korea Gov. Rhee Chang-yong": an office holder named after the body's name.
        if let split = titled, split.prefix.count >= 2, !text.has(range.upperBound - 1, .organizationHead),
           text.has(split.prefix.upperBound - 1, .organizationHead) || lookup(split.prefix, lookups) != nil {
            classifyStrong(split.prefix, lookups, into: &runs)
            runs.append(NameRun(range: split.name, kind: .person, strong: true))
            return
        }
        if text.isWord(range.lowerBound, "bank") || text.isWord(range.lowerBound, "university"), range.count >= 2 {
            runs.append(NameRun(range: range, kind: .organization, strong: true))
            return
        }
        let last = range.upperBound - 1
        let hasTitle = range.dropLast().contains { text.has($0, .personTitle) }
        if isJoinedOrganization(range) || (text.has(last, .organizationHead) && range.count > 1 && !hasTitleBeforeName(range)) {
            runs.append(NameRun(range: range, kind: .organization, strong: true))
            return
        }
        if text.has(last, .placeHead) && range.count > 1 && !hasTitle {
            // "Hainan Province" is Hainan: the gazetteer knows it without the head word.
            let upper = text.isWord(last, "province") || text.isWord(last, "prefecture") ? range.upperBound - 1 : range.upperBound
            runs.append(NameRun(range: range, kind: .place, entry: lookup(range.lowerBound..<upper, lookups), strong: true))
            return
        }
        if let split = titled {
            // What stands before the title ("IMD", "North Korean") is kept only when something typed it.
            if !split.prefix.isEmpty {
                var prefixRuns: [NameRun] = []
                classifyStrong(split.prefix, lookups, into: &prefixRuns)
                runs.append(contentsOf: prefixRuns.filter { $0.kind != nil || $0.entry != nil || isAcronymRun($0.range) })
            }
            runs.append(NameRun(range: split.name, kind: .person, strong: true))
            return
        }
        longestKnownSpans(range, lookups, into: &runs)
    }

    /// "Department of Commerce", "Council for the Exploration of the Sea": joined at an organisation head.
    private func isJoinedOrganization(_ range: Range<Int>) -> Bool {
        guard let connector = range.first(where: { text.tokens[$0].isWord && !text.tokens[$0].isCapitalised }),
              connector > range.lowerBound else { return false }
        return text.has(connector - 1, .organizationHead)
    }

    /// A title followed by a name ("Foreign Minister Choe Son-hui"): the words after the last title.
    private func titleSplit(_ range: Range<Int>, _ lookups: Lookups) -> (prefix: Range<Int>, name: Range<Int>)? {
        var lastTitle: Int?
        for index in range where text.has(index, .personTitle) {
            lastTitle = index
        }
        guard let title = lastTitle, title + 1 < range.upperBound else { return nil }
        let name = (title + 1)..<range.upperBound
        guard name.count <= 4, lookup(name, lookups) == nil, !text.tokens[name.lowerBound].flags.contains(.allCaps) else { return nil }
        var prefixEnd = title
        while prefixEnd > range.lowerBound, text.has(prefixEnd - 1, .personTitle) || text.isMark(prefixEnd - 1, ".") { prefixEnd -= 1 }
        return (range.lowerBound..<prefixEnd, name)
    }

    private func isAcronymRun(_ range: Range<Int>) -> Bool {
        range.count == 1 && text.tokens[range.lowerBound].flags.contains(.allCaps)
    }

    private func hasTitleBeforeName(_ range: Range<Int>) -> Bool {
        // "Minister Kim of the Foreign Ministry" is not one organisation.
        guard range.count > 2 else { return false }
        return text.has(range.lowerBound, .personTitle) && !text.has(range.lowerBound + 1, .organizationHead)
            && !text.isWord(range.lowerBound, "general") && !text.isWord(range.lowerBound, "chief")
    }

    /// Known names inside a longer run ("Japan" in "Japan Coast Guard" never gets here; "Hanoi" in
    /// "Hanoi Vietnamese" does), the rest kept as untyped runs for the story pass.
    private func longestKnownSpans(_ range: Range<Int>, _ lookups: Lookups, into runs: inout [NameRun]) {
        var index = range.lowerBound
        var pending = index
        while index < range.upperBound {
            // The first word decides for every span from it whether it may start a known name.
            if mayStartName(index, lookups), let (length, entry) = longestKnownSpan(from: index, in: range, lookups) {
                if pending < index { runs.append(NameRun(range: pending..<index)) }
                runs.append(typed(index..<(index + length), entry))
                index += length
                pending = index
            } else {
                index += 1
            }
        }
        if pending < range.upperBound { runs.append(NameRun(range: pending..<range.upperBound)) }
    }

    /// The longest known span from `index` inside `range` (not `range` itself), trying the longest
    /// first; the keys of all those spans are hashed in one pass.
    private func longestKnownSpan(from index: Int, in range: Range<Int>, _ lookups: Lookups) -> (Int, GazetteerEntry)? {
        let longest = min(gazetteer.maxNameWords + 2, range.upperBound - index)
        return withUnsafeTemporaryAllocation(of: UInt64?.self, capacity: max(1, longest)) { keyHashes -> (Int, GazetteerEntry)? in
            lookups.spans.prefixKeyHashes(from: index, count: longest, into: keyHashes)
            for length in stride(from: longest, through: 1, by: -1) {
                let span = index..<(index + length)
                if span != range, let entry = lookupStarted(span, lookups, keyHash: { keyHashes[length - 1] }) {
                    return (length, entry)
                }
            }
            return nil
        }
    }

    func lookup(_ range: Range<Int>) -> GazetteerEntry? {
        text.withSpans { spans in Lookups.with(spans) { lookup(range, $0) } }
    }

    private func lookup(_ range: Range<Int>, _ lookups: Lookups) -> GazetteerEntry? {
        guard !range.isEmpty, mayStartName(range.lowerBound, lookups) else { return nil }
        return lookupStarted(range, lookups) { lookups.spans.keyHash(range) }
    }

    /// Most capitalised words start no known name: they are skipped without building a key. Each
    /// token is tested once a story (a run's first word is asked again by the spans inside it).
    @inline(__always) private func mayStartName(_ index: Int, _ lookups: Lookups) -> Bool {
        let known = lookups.firstWords[index]
        if known != 0 { return known == 1 }
        let result = mayStartNameUncached(index, lookups.spans)
        lookups.firstWords[index] = result ? 1 : 2
        return result
    }

    private func mayStartNameUncached(_ index: Int, _ spans: TokenSpans) -> Bool {
        guard !spans.tokens[index].flags.contains(.allCaps), let hash = spans.asciiWordHash(index) else { return true }
        return gazetteer.mayStartName(wordHash: hash)
    }

    /// `lookup` past the first word's test; `keyHash` gives `TokenText.keyHash(range)` (nil when the
    /// key is not ASCII), asked only when needed.
    private func lookupStarted(_ range: Range<Int>, _ lookups: Lookups, keyHash: () -> UInt64?) -> GazetteerEntry? {
        let first = lookups.spans.tokens[range.lowerBound]
        if range.count == 1, first.flags.contains(.allCaps) || first.length <= 5, text.isShortCapitalForm(range.lowerBound) {
            return gazetteer.lookup(text.string(range)).first
        }
        if let hash = keyHash() { return gazetteer.entries(forKeyHash: hash).first }
        return gazetteer.entries(forKey: text.key(range)).first
    }

    /// The gazetteer's entries for the range's key, by its hash when the text is ASCII: no key string.
    private func entries(_ range: Range<Int>) -> [GazetteerEntry] {
        if let hash = text.keyHash(range) { return gazetteer.entries(forKeyHash: hash) }
        return gazetteer.entries(forKey: text.key(range))
    }

    private func typed(_ range: Range<Int>, _ entry: GazetteerEntry) -> NameRun {
        if entry.isDemonym { return NameRun(range: range, kind: nil, entry: entry, strong: true) }
        let kind: EntityKind = entry.kind.isPlace ? .place : .organization
        return NameRun(range: range, kind: kind, entry: entry, strong: true)
    }

    /// A story's raw buffers for the gazetteer lookups, and per token what the first-word test of
    /// `mayStartName` gave (0 not asked yet, 1 may start a name, 2 may not).
    struct Lookups {
        let spans: TokenSpans
        let firstWords: UnsafeMutableBufferPointer<UInt8>

        static func with<Result>(_ spans: TokenSpans, _ body: (Lookups) -> Result) -> Result {
            withUnsafeTemporaryAllocation(of: UInt8.self, capacity: max(1, spans.tokens.count)) { firstWords in
                firstWords.initialize(repeating: 0)
                return body(Lookups(spans: spans, firstWords: firstWords))
            }
        }
    }
}
