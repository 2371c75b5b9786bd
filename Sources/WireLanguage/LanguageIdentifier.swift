/// Identifies the language of a text as an ISO 639-1 code, offline, in the manner of whatlang: the
/// writing system first (Hangul is Korean, kana Japanese, Han alone Chinese, Greek Greek, …), then, for
/// scripts several languages share (Latin, Cyrillic, Arabic), the language whose n-gram profile makes
/// the text likeliest (bigrams and trigrams within words, lingua's probabilities, naive Bayes).
///
/// Statistics need text: a line shorter than a sentence gets `nil` unless its script alone decides.
public struct LanguageIdentifier: Sendable {
    /// The identifier with the shipped profiles, built once on first use.
    public static let shared = LanguageIdentifier()

    /// Fewest letters and words a text needs before the trigram profiles may judge it.
    public static let minimumLetters = 20
    public static let minimumWords = 3

    private let table: TrigramTable
    private let letters = LetterTable()
    private let candidates: [WritingScript: [Int]]
    /// Each script's candidate columns cut out of the table side by side, so scoring adds one contiguous
    /// run per n-gram instead of gathering columns (the same additions, in the same order, per language).
    private let candidateCosts: [WritingScript: CandidateCosts]

    private struct CandidateCosts: Sendable {
        let costs: [Float]
        let bigramFloors: [Float]
        let trigramFloors: [Float]
        /// The same costs in quarters, for integer sums (`QuarterCosts`).
        let quarters: QuarterCosts?
    }

    public init() {
        table = TrigramTable(profiles: TrigramProfiles.all)
        var candidates: [WritingScript: [Int]] = [:]
        for (column, code) in table.languages.enumerated() {
            candidates[Self.script(of: code), default: []].append(column)
        }
        self.candidates = candidates
        let width = table.languages.count
        candidateCosts = candidates.mapValues { [table] columns in
            var costs: [Float] = []
            costs.reserveCapacity(table.rows.count * columns.count)
            for row in 0..<table.rows.count {
                for column in columns { costs.append(table.costs[row * width + column]) }
            }
            let bigramFloors = columns.map { table.bigramFloors[$0] }
            let trigramFloors = columns.map { table.trigramFloors[$0] }
            return CandidateCosts(
                costs: costs, bigramFloors: bigramFloors, trigramFloors: trigramFloors,
                quarters: QuarterCosts(costs: costs, bigramFloors: bigramFloors, trigramFloors: trigramFloors))
        }
    }

    /// True when every script's candidates are scored in integer quarters (`QuarterCosts`).
    var scoresInQuarters: Bool {
        candidateCosts.values.allSatisfy { $0.quarters != nil }
    }

    /// Every code `identify` can return.
    public var supportedLanguages: [String] {
        (table.languages + WritingScript.allCases.compactMap(\.soleLanguage)).sorted()
    }

    /// The text's language, or nil when it is too short to judge or in a script this identifier lacks.
    public func identify(_ text: String) -> String? {
        identify(text, quarterSums: true)
    }

    /// `identify` by the `Float` sums alone: what the integer sums must agree with.
    func referenceIdentify(_ text: String) -> String? {
        identify(text, quarterSums: false)
    }

    private func identify(_ text: String, quarterSums: Bool) -> String? {
        let tally = ScriptTally(text, letters: letters)
        guard let script = tally.decidingScript else { return nil }
        if let language = script.soleLanguage { return language }
        guard tally.letterCount >= Self.minimumLetters, tally.wordCount >= Self.minimumWords,
              let columns = candidates[script], !columns.isEmpty, let costs = candidateCosts[script]
        else { return nil }
        return bestLanguage(for: text, among: columns, costs: costs, quarterSums: quarterSums)
    }

    private func bestLanguage(for text: String, among columns: [Int], costs: CandidateCosts, quarterSums: Bool) -> String? {
        let best: Int?
        if quarterSums, let quarters = costs.quarters, quarters.sumsStayExact(forUTF8Count: text.utf8.count) {
            best = bestCandidate(text, quarters)
        } else {
            best = bestCandidate(text, costs)
        }
        return best.map { table.languages[columns[$0]] }
    }

    /// The candidate (index into the script's columns) with the least total cost, by `Float` sums.
    private func bestCandidate(_ text: String, _ costs: CandidateCosts) -> Int? {
        var totals = [Float](repeating: 0, count: costs.bigramFloors.count)
        let seen = forEachNGram(in: text) { key, bigram in
            add(key, floors: bigram ? costs.bigramFloors : costs.trigramFloors, costs.costs, &totals)
        }
        guard seen > 0 else { return nil }
        return totals.indices.min { totals[$0] < totals[$1] }
    }

    /// `bestCandidate` by integer sums of quarters: the same totals (times four), so the same winner.
    private func bestCandidate(_ text: String, _ costs: QuarterCosts) -> Int? {
        var totals = [Int32](repeating: 0, count: costs.width)
        let seen = costs.quarters.withUnsafeBufferPointer { quarters in
            totals.withUnsafeMutableBufferPointer { sums in
                guard let sums = sums.baseAddress else { return 0 }
                return forEachNGram(in: text) { key, bigram in
                    costs.add(row: table.rowIndex.row(for: key), bigram: bigram, quarters: quarters, to: sums)
                }
            }
        }
        guard seen > 0 else { return nil }
        return totals.indices.min { totals[$0] < totals[$1] }
    }

    /// Calls `visit` with each in-word bigram and trigram key, in text order (a letter's bigram before
    /// its trigram), and whether it is a bigram; returns how many bigrams there were.
    private func forEachNGram(in text: String, _ visit: (UInt64, Bool) -> Void) -> Int {
        var seen = 0
        // The last two letters of the current word; 0 when the word has fewer.
        var previous: (UInt32, UInt32) = (0, 0)
        for scalar in text.unicodeScalars {
            switch letters.kind(scalar) {
            case .letter(let letter):
                if previous.1 != 0 {
                    visit(TrigramTable.key(0, previous.1, letter), true)
                    seen += 1
                }
                if previous.0 != 0 {
                    visit(TrigramTable.key(previous.0, previous.1, letter), false)
                }
                previous = (previous.1, letter)
            case .skipped:
                // Vowel signs, viramas and joiners: lingua's models count letters only, within the word.
                continue
            case .boundary:
                previous = (0, 0)
            }
        }
        return seen
    }

    private func add(_ key: UInt64, floors: [Float], _ costs: [Float], _ totals: inout [Float]) {
        let width = totals.count
        totals.withUnsafeMutableBufferPointer { sums in
            if let row = table.rowIndex.row(for: key) {
                costs.withUnsafeBufferPointer { all in
                    let base = row * width
                    for index in 0..<width { sums[index] += all[base + index] }
                }
            } else {
                floors.withUnsafeBufferPointer { floor in
                    for index in 0..<width { sums[index] += floor[index] }
                }
            }
        }
    }

    /// The script a profiled language is written in (its profile's letters say so).
    private static func script(of code: String) -> WritingScript {
        switch code {
        case "ru", "uk", "bg", "mk", "sr", "be", "kk", "mn": .cyrillic
        case "ar", "fa", "ur": .arabic
        default: .latin
        }
    }
}
