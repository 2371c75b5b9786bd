/// The rules that need the sentence or the rest of the story to type a name.
extension EntityRecognizer {
    func resolveFromStory(_ runs: inout [NameRun]) {
        for index in runs.indices where isOpen(runs[index]) {
            runs[index].kind = contextKind(runs[index].range)
        }
        // One borrow of the raw buffers for both look-up passes, and the buffers they share (the words'
        // digests, the runs left untyped, the organisations) as temporary allocations: on the stack when
        // small, else one plain allocation each (the words' digests of most stories), where as arrays
        // they cost up to three array allocations a story and a uniqueness check on each write.
        text.withSpans { spans in
            withUnsafeTemporaryAllocation(of: UInt64.self, capacity: max(1, spans.tokens.count)) { words in
                withUnsafeTemporaryAllocation(of: Int.self, capacity: max(1, runs.count)) { untyped in
                    withUnsafeTemporaryAllocation(of: Range<Int>.self, capacity: max(1, runs.count)) { organizations in
                        // The names filed by the first pass, kept for the second.
                        var memory = NameMemory(untyped: untyped, organizations: organizations)
                        resolveFromMemory(&runs, &memory, spans, words)
                        resolveFromSentence(&runs)
                        resolveFromMemory(&runs, &memory, spans, words)
                    }
                }
            }
        }
        resolveCoordination(&runs)
    }

    /// Open runs typed by the words just before or after them.
    private func resolveFromSentence(_ runs: inout [NameRun]) {
        for index in runs.indices where isOpen(runs[index]) {
            let range = runs[index].range
            // "the Sindicato Minero Norte union", "the Uriminzokkiri website".
            if text.has(range.upperBound, .organizationNoun), !text.tokens[range.upperBound].isCapitalised {
                runs[index].kind = .organization
                continue
            }
            // "the village of Aniak", "the Greek island of Naxos".
            if range.lowerBound >= 2, text.isWord(range.lowerBound - 1, "of"), text.has(range.lowerBound - 2, .placeKindNoun) {
                runs[index].kind = .place
                continue
            }
            // "Sinseondae pier", "the new Jinhae terminal": a name before a facility noun.
            if range.upperBound < text.tokens.count, text.tokens[range.upperBound].isWord, !text.tokens[range.upperBound].isCapitalised,
               text.has(range.upperBound, .facility), range.count <= 2,
               !text.tokens[range.lowerBound].flags.contains(.allCaps) {
                runs[index].kind = .place
                continue
            }
            if range.lowerBound > 0, text.tokens[range.lowerBound - 1].isWord,
               text.has(range.lowerBound - 1, .placePreposition),
               !text.tokens[range.lowerBound].flags.contains(.allCaps), range.count <= 3,
               text.tokens[range.upperBound - 1].length > 1 {
                runs[index].kind = .place
            }
        }
    }

    /// "Santorini and Mykonos", "Candolim and Morjim": a name joined to a typed one by "and", "or" or a
    /// comma in a list takes its kind.
    private func resolveCoordination(_ runs: inout [NameRun]) {
        guard runs.count >= 2 else { return }
        for _ in 0..<2 {
            // A pass that types nothing leaves the runs as the next one would find them: it would
            // type nothing either.
            var typed = false
            for index in runs.indices where isOpen(runs[index]) {
                let range = runs[index].range
                // A range, not an array literal: no allocation per run.
                for neighbour in (index - 1)...(index + 1) where neighbour != index && neighbour >= 0 && neighbour < runs.count {
                    guard let kind = runs[neighbour].kind else { continue }
                    let other = runs[neighbour].range
                    let gap = other.upperBound <= range.lowerBound ? other.upperBound..<range.lowerBound : range.upperBound..<other.lowerBound
                    guard gap.count == 1, text.isWord(gap.lowerBound, "and") || text.isWord(gap.lowerBound, "or") || text.isMark(gap.lowerBound, ",") else { continue }
                    runs[index].kind = kind
                    typed = true
                    break
                }
            }
            if !typed { return }
        }
    }

    /// Open: untyped, not a demonym, and not a lone compass word left of a longer name ("North" of
    /// "North American").
    private func isOpen(_ run: NameRun) -> Bool {
        guard run.kind == nil, run.entry == nil else { return false }
        if run.range.count == 1, text.has(run.range.lowerBound, .compass) { return false }
        return true
    }

    /// "the North" in a story about North Korea is North Korea.
    func theNorth(_ runs: [NameRun]) -> [NameRun] {
        let mentionsNorthKorea = runs.contains { $0.entry?.countryCode == "KP" && ($0.entry?.kind == .country) }
        guard mentionsNorthKorea, let country = gazetteer.country(code: "KP") else { return [] }
        var found: [NameRun] = []
        for index in text.tokens.indices where text.isWord(index, "north") && text.tokens[index].isCapitalised
            && text.isWord(index - 1, "the") && !(index + 1 < text.tokens.count && text.tokens[index + 1].isCapitalised) {
            found.append(NameRun(range: index..<(index + 1), kind: .place, entry: country, strong: true))
        }
        return found
    }

    /// The same name again, or part of a person's name seen elsewhere in the story ("Baek", "Choe").
    private func resolveFromMemory(_ runs: inout [NameRun], _ memory: inout NameMemory, _ spans: TokenSpans,
                                   _ words: UnsafeMutableBufferPointer<UInt64>) {
        guard runs.contains(where: { isOpen($0) }) else { return }
        // The runs' ranges do not change between the passes: their words are hashed once.
        if !memory.hashedWords {
            Self.wordHashes(of: runs, spans, into: words)
            memory.hashedWords = true
        }
        let words = UnsafeBufferPointer(words)
        file(runs, in: &memory, spans, words)
        resolveFromMemory(&runs, memory, spans, words)
    }

    /// Files the typed runs in `memory`: all of them the first time, then those typed since.
    private func file(_ runs: [NameRun], in memory: inout NameMemory, _ spans: TokenSpans, _ words: UnsafeBufferPointer<UInt64>) {
        guard var known = memory.known else {
            // Sized for an entry a run (filling a larger table cost more than the lookups); it grows
            // in the rare story whose typed names and people's words outnumber its runs.
            var known = HashIndex(capacity: runs.count)
            // By position: iterating the runs themselves copied each one.
            for position in runs.indices {
                if let kind = runs[position].kind {
                    file(runs[position].range, kind, at: position, &known, &memory, spans, words)
                } else {
                    memory.untyped[memory.untypedCount] = position
                    memory.untypedCount += 1
                }
            }
            memory.known = known
            return
        }
        memory.known = nil
        var untyped = 0
        for slot in 0..<memory.untypedCount {
            let position = memory.untyped[slot]
            if let kind = runs[position].kind {
                file(runs[position].range, kind, at: position, &known, &memory, spans, words)
            } else {
                memory.untyped[untyped] = position
                untyped += 1
            }
        }
        memory.untypedCount = untyped
        memory.known = known
    }

    /// One typed run filed: its name, unless a later run of that name is filed already (the last one
    /// in text order decides, as when every run is filed in order); a person's words; an organisation.
    private func file(_ range: Range<Int>, _ kind: EntityKind, at position: Int, _ known: inout HashIndex, _ memory: inout NameMemory,
                      _ spans: TokenSpans, _ words: UnsafeBufferPointer<UInt64>) {
        let name = Self.nameHash(range, spans, words)
        known.store(position << 2 | Self.kindNumber(kind), for: name) { filed in filed >> 2 > position }
        if kind == .person {
            for index in range where spans.tokens[index].isWord && spans.tokens[index].length > 1 {
                known[words[index] ^ Self.personPart] = 0
            }
        } else if kind == .organization, range.count >= 2 {
            // Each run is filed once at most: the buffer's place a run is enough.
            memory.organizationStore[memory.organizationCount] = range
            memory.organizationCount += 1
        }
    }

    /// `TokenSpans.foldedWordDigest` of every word token inside a run, written into `hashes` (one slot a
    /// token): a run's name hash is then combined from its words' in a few instructions, however often
    /// it is asked for.
    static func wordHashes(of runs: [NameRun], _ spans: TokenSpans, into hashes: UnsafeMutableBufferPointer<UInt64>) {
        // Left unset outside the runs, which no pass reads: zeroing a slot per token of the story
        // cost more than hashing the runs' words.
        // By position: iterating the runs themselves retained each one's entry. A copied run's
        // words are those of the run it copies, which begins earlier and so (the runs being in
        // order of their starts) was hashed before it: their digests are copied.
        var lastStart = 0
        for position in runs.indices {
            let range = runs[position].range
            let copiedFrom = Int(runs[position].copiedFrom)
            if copiedFrom > 0, copiedFrom <= range.lowerBound, lastStart <= range.lowerBound {
                for index in range where spans.tokens[index].isWord { hashes[index] = hashes[index - copiedFrom] }
            } else {
                for index in range where spans.tokens[index].isWord { hashes[index] = spans.foldedWordDigest(index) }
            }
            lastStart = max(lastStart, range.lowerBound)
        }
    }

    /// The hash of a run's words in order (non-words do not count, as in `TokenText.hashKey`): equal
    /// for equal names, distinct ones sharing it with a chance of one in 2^64.
    @inline(__always) private static func nameHash(_ range: Range<Int>, _ spans: TokenSpans, _ words: UnsafeBufferPointer<UInt64>) -> UInt64 {
        var hash = TokenSpans.basis
        for index in range where spans.tokens[index].isWord {
            hash = ((hash &<< 7 | hash &>> 57) ^ words[index]) &* 0x9E37_79B9_7F4A_7C15
        }
        return hash
    }

    private func resolveFromMemory(_ runs: inout [NameRun], _ memory: NameMemory, _ spans: TokenSpans, _ words: UnsafeBufferPointer<UInt64>) {
        guard let known = memory.known else { return }
        for index in runs.indices where isOpen(runs[index]) {
            let range = runs[index].range
            if let filed = known[Self.nameHash(range, spans, words)] {
                runs[index].kind = Self.kinds[filed & 3]
            } else if range.count <= 2, range.allSatisfy({ spans.tokens[$0].isWord && known[words[$0] ^ Self.personPart] != nil }) {
                runs[index].kind = .person
            } else if range.count == 1, spans.tokens[range.lowerBound].flags.contains(.allCaps), !memory.organizations.isEmpty,
                      isInitials(range.lowerBound, ofAny: memory.organizations, spans) {
                runs[index].kind = .organization
            }
        }
    }

    /// True when the key of token `index` is the initials of one of the organisations ("IMD" for
    /// "India Meteorological Department"): compared on bytes, without a `String` per initials, when
    /// both are ASCII.
    private func isInitials(_ index: Int, ofAny organizations: UnsafeBufferPointer<Range<Int>>, _ spans: TokenSpans) -> Bool {
        let range = index..<(index + 1)
        return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: spans.keyCapacity(range) + TokenSpans.keySlack) { out -> Bool in
            guard let count = spans.key(range, into: out) else {
                let key = text.key(range)
                return organizations.contains { initials($0) == key }
            }
            let key = UnsafeBufferPointer(rebasing: out[..<count])
            return organizations.contains { organization in
                var matched = 0
                for position in organization where spans.tokens[position].isWord && spans.tokens[position].isCapitalised {
                    let letter = spans.bytes[spans.tokens[position].start] | 0x20
                    // A letter beyond ASCII makes a `Character` no ASCII key equals.
                    guard matched < count, letter < 0x80, key[matched] == letter else { return false }
                    matched += 1
                }
                return matched == count
            }
        }
    }

    /// Mixed into a word's hash to mark it a part of a person's name, apart from a name's own hash.
    static let personPart: UInt64 = 0x9E37_79B9_7F4A_7C15

    /// The kinds by number, for `HashIndex` values.
    private static let kinds: [EntityKind] = [.person, .place, .organization]

    private static func kindNumber(_ kind: EntityKind) -> Int {
        switch kind {
        case .person: 0
        case .place: 1
        case .organization: 2
        }
    }

    /// "IMD" for "India Meteorological Department".
    private func initials(_ range: Range<Int>) -> String {
        var letters = ""
        for index in range where text.tokens[index].isWord && text.tokens[index].isCapitalised {
            letters.append(Character(Unicode.Scalar(text.bytes[text.tokens[index].start] | 0x20)))
        }
        return letters
    }

    /// Person and organisation cues in the run's own sentence.
    private func contextKind(_ range: Range<Int>) -> EntityKind? {
        let tokens = text.tokens
        let before = range.lowerBound - 1
        let after = range.upperBound
        let single = range.count == 1
        let first = tokens[range.lowerBound]
        if single, first.flags.contains(.innerCapital) { return .organization }
        // A factbox heading: a paragraph that is only a name in capitals ("INGRID SOLBERG-HAUGE").
        if range.count >= 2, range.count <= 4, range.allSatisfy({ tokens[$0].flags.contains(.allCaps) }),
           range.lowerBound == 0 || tokens[range.lowerBound - 1].flags.contains(.paragraphEnd),
           tokens[range.upperBound - 1].flags.contains(.paragraphEnd) {
            return .person
        }
        if single, first.flags.contains(.allCaps) {
            return text.has(range.lowerBound, .capsNonName) ? nil : .organization
        }
        guard range.count <= 4, range.allSatisfy({ !tokens[$0].flags.contains(.allCaps) || tokens[$0].length == 1 }) else { return nil }
        if text.has(before, .personTitle) { return .person }
        if text.has(before, .organizationCue) { return .organization }
        if (text.isWord(before, "said") || text.isWord(before, "says")) && !single { return .person }
        // "his Vietnamese counterpart, Tran Quoc Binh,", "his daughter, Ju-ae,"
        if before >= 1, text.isMark(before, ","), tokens[before - 1].isWord, text.has(before - 1, .personTitle),
           !single || text.isMark(range.upperBound, ",") {
            return .person
        }
        guard after < tokens.count else { return nil }
        if !single, text.has(after, .speechVerb), !text.isWord(after, "according") {
            return .person
        }
        if text.isMark(after, ","), after + 1 < tokens.count {
            let next = after + 1
            // ", 58," — an age.
            if tokens[next].flags.contains(.number), tokens[next].length <= 3, !single { return .person }
            if !single, tokens[next].isWord, !tokens[next].isCapitalised,
               text.has(next, .appositionRole),
               !(text.isWord(next, "the") || text.isWord(next, "a") || text.isWord(next, "an")) || isRoleAfterArticle(next + 1) {
                return .person
            }
        }
        return nil
    }

    /// "a former engineer", "the chief executive": a role after an article, adjectives allowed.
    private func isRoleAfterArticle(_ index: Int) -> Bool {
        for position in index..<min(index + 3, text.tokens.count) where text.tokens[position].isWord {
            if text.has(position, .personTitle) { return true }
        }
        return false
    }
}
