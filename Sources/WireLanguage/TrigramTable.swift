/// The shipped n-gram profiles as one lookup table: an n-gram's row holds its cost (−ln p) in every
/// language, with that language's floor where its profile lacks the n-gram.
struct TrigramTable: Sendable {
    /// Language codes, in column order.
    let languages: [String]
    /// Cost charged for an absent bigram and trigram, per language: above its rarest kept one.
    let bigramFloors: [Float]
    let trigramFloors: [Float]
    let rows: [UInt64: Int]
    /// `rows` as an open-addressing table, for scoring.
    let rowIndex: TrigramRowIndex
    let costs: [Float]

    /// How much worse than a profile's rarest kept n-gram an absent one counts.
    static let absentPenalty: Float = 2.0

    init(profiles: [(code: String, profile: String)]) {
        var languages: [String] = []
        var entries: [[(key: UInt64, cost: Float, length: Int)]] = []
        for (code, profile) in profiles {
            languages.append(code)
            entries.append(Self.parse(profile))
        }
        func floors(_ length: Int) -> [Float] {
            entries.map { ($0.filter { $0.length == length }.map(\.cost).max() ?? 0) + Self.absentPenalty }
        }
        let bigramFloors = floors(2)
        let trigramFloors = floors(3)
        var rows: [UInt64: Int] = [:]
        var rowFloors: [Int] = []
        for column in entries {
            for entry in column where rows[entry.key] == nil {
                rows[entry.key] = rows.count
                rowFloors.append(entry.length)
            }
        }
        let width = languages.count
        var costs = [Float](repeating: 0, count: rows.count * width)
        for (row, length) in rowFloors.enumerated() {
            for column in 0..<width { costs[row * width + column] = length == 2 ? bigramFloors[column] : trigramFloors[column] }
        }
        for (column, languageEntries) in entries.enumerated() {
            for entry in languageEntries {
                if let row = rows[entry.key] { costs[row * width + column] = entry.cost }
            }
        }
        self.languages = languages
        self.bigramFloors = bigramFloors
        self.trigramFloors = trigramFloors
        self.rows = rows
        rowIndex = TrigramRowIndex(rows)
        self.costs = costs
    }

    /// Packs up to three scalars into one key (21 bits each); a bigram's first slot is 0, which no letter is.
    static func key(_ a: UInt32, _ b: UInt32, _ c: UInt32) -> UInt64 {
        UInt64(a) << 42 | UInt64(b) << 21 | UInt64(c)
    }

    /// Reads the generated format: space-separated n-grams, with "=N" setting the cost (N/4) of those after it.
    private static func parse(_ profile: String) -> [(key: UInt64, cost: Float, length: Int)] {
        var cost: Float = 0
        var entries: [(key: UInt64, cost: Float, length: Int)] = []
        for token in profile.split(separator: " ") {
            if token.hasPrefix("="), let quarter = Int(token.dropFirst()) {
                cost = Float(quarter) / 4
                continue
            }
            let scalars = token.unicodeScalars.map(\.value)
            switch scalars.count {
            case 2: entries.append((key(0, scalars[0], scalars[1]), cost, 2))
            case 3: entries.append((key(scalars[0], scalars[1], scalars[2]), cost, 3))
            default: continue
            }
        }
        return entries
    }
}
