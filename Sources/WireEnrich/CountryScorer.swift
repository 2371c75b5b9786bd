import WireGazetteer
import WireModel

/// The story's `countries`: places, demonyms and the dateline weighted by where they stand, so that the
/// countries the story is about count and a passing mention does not.
///
/// The dateline weighs most, then the headline, then the lead; weight falls with depth in the copy,
/// and a paragraph that reads like a headline (no closing punctuation: a related-stories line that
/// survived cleaning) weighs a quarter. A country counts when its weight reaches `threshold`: one
/// mention in the lead does, a single mention deep in the copy or in a related line does not.
public struct CountryScorer: Sendable {
    public var threshold = 1.5
    private let scanner: PlaceScanner
    private let gazetteer: Gazetteer

    public init(gazetteer: Gazetteer = .shared) {
        self.gazetteer = gazetteer
        scanner = PlaceScanner(gazetteer: gazetteer)
    }

    /// ISO alpha-2 codes, heaviest first (ties alphabetical).
    public func countries(headline: String?, dateline: Dateline?, paragraphs: [Substring]) -> [String] {
        var weights: [String: Double] = [:]
        if let place = dateline?.place {
            // "PENICHE, Portugal" and "MEMPHIS, Tenn.": the last part that names a place decides.
            for code in scanner.countryCodes(in: Substring(Self.titleCased(place))).suffix(1) { weights[code, default: 0] += 4 }
        }
        if let headline {
            for code in scanner.countryCodes(in: Substring(headline)) { weights[code, default: 0] += 2 }
        }
        for (position, paragraph) in paragraphs.enumerated() {
            let weight = Self.weight(position: position) * (Self.readsLikeHeadline(paragraph) ? 0.25 : 1)
            for code in scanner.countryCodes(in: paragraph) { weights[code, default: 0] += weight }
        }
        return weights.filter { $0.value >= threshold }
            .sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }
            .map(\.key)
    }

    /// 2 for the lead, falling by a quarter a paragraph to 0.5.
    static func weight(position: Int) -> Double {
        max(0.5, 2 - 0.25 * Double(position))
    }

    /// No sentence-ending punctuation and short: a headline line, not story text.
    static func readsLikeHeadline(_ paragraph: Substring) -> Bool {
        guard let last = paragraph.last(where: { !$0.isWhitespace }) else { return true }
        return !".!?\"”’'):".contains(last) && paragraph.count < 200
    }

    /// Datelines are often in capitals ("SEOUL"); the gazetteer matches capitals only for short forms.
    static func titleCased(_ place: String) -> String {
        place.split(separator: " ", omittingEmptySubsequences: false).map { word in
            guard word.count > 2, word.allSatisfy({ $0.isUppercase || !$0.isLetter }) else { return String(word) }
            return word.prefix(1) + word.dropFirst().lowercased()
        }.joined(separator: " ")
    }
}
