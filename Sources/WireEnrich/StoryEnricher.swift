import WireGazetteer
import WireLanguage
import WireModel

/// The `enrich` stage's work on one item: canonical entities with ids, country codes, the story's
/// countries, its language, IPTC topics and a word count when `extract` left none.
///
/// Everything it needs ships in the binary (gazetteer, Media Topics table, language profiles); nothing
/// is fetched. It never fails an item: what it cannot tell stays empty.
public struct StoryEnricher: Sendable {
    private let entities: EntityCanonicalizer
    private let countries: CountryScorer
    private let topics: TopicClassifier
    private let language: LanguageIdentifier
    /// How much of the body language identification reads: the lead tells, the rest only costs.
    static let languageSampleCharacters = 600

    public init(gazetteer: Gazetteer = .shared, language: LanguageIdentifier = .shared, topics: MediaTopicTable = .shared) {
        entities = EntityCanonicalizer(gazetteer: gazetteer)
        countries = CountryScorer(gazetteer: gazetteer)
        self.topics = TopicClassifier(table: topics)
        self.language = language
    }

    public func enrich(_ input: Item) -> Item {
        var item = input
        let paragraphs = Self.paragraphs(item.body)
        if let found = item.entities { item.entities = entities.canonical(found) }
        item.countries = countries.countries(headline: item.headline, dateline: item.dateline, paragraphs: paragraphs)
        item.language = identifyLanguage(item) ?? item.language
        item.topics = topics.topics(headline: item.headline, paragraphs: paragraphs, entities: item.entities, countries: item.countries)
        if item.wordCount == nil, let body = item.body { item.wordCount = Self.wordCount(body) }
        return item
    }

    /// The body's language, else the headline's; nil when neither is long enough to judge.
    private func identifyLanguage(_ item: Item) -> String? {
        if let body = item.body, let code = language.identify(String(body.prefix(Self.languageSampleCharacters))) { return code }
        if let headline = item.headline { return language.identify(headline) }
        return nil
    }

    /// Paragraphs are separated by a blank line (DESIGN §3); single line breaks also split, as in plain copy.
    static func paragraphs(_ body: String?) -> [Substring] {
        guard let body else { return [] }
        let whole = Substring(body)
        if let lines = asciiParagraphs(whole) { return lines }
        if SingleScalarText.holds(whole) {
            // Same cuts as the character split below, without grapheme breaking.
            return whole.unicodeScalars.split(separator: "\n")
                .filter { !$0.allSatisfy { SingleScalarText.character($0).isWhitespace } }
                .map { Substring($0) }
        }
        return body.split(separator: "\n").filter { !$0.allSatisfy(\.isWhitespace) }
    }

    /// `paragraphs` for ASCII text without carriage returns, on bytes; nil otherwise. ASCII whitespace
    /// characters are space, tab, line feed, vertical tab and form feed.
    static func asciiParagraphs(_ body: Substring) -> [Substring]? {
        let found: [Range<Int>]?? = body.utf8.withContiguousStorageIfAvailable { bytes in
            guard !bytes.contains(where: { $0 >= 0x80 || $0 == 0x0D }) else { return nil }
            var ranges: [Range<Int>] = []
            var start = 0
            for index in 0...bytes.count where index == bytes.count || bytes[index] == 0x0A {
                if start < index, bytes[start..<index].contains(where: { !($0 == 0x20 || (0x09...0x0C).contains($0)) }) {
                    ranges.append(start..<index)
                }
                start = index + 1
            }
            return ranges
        }
        guard let inner = found, let ranges = inner else { return nil }
        let utf8 = body.utf8
        return ranges.map { range in
            let lower = utf8.index(utf8.startIndex, offsetBy: range.lowerBound)
            return body[lower..<utf8.index(lower, offsetBy: range.count)]
        }
    }

    /// Runs of letters and digits.
    static func wordCount(_ text: String) -> Int {
        var count = 0
        var inWord = false
        for scalar in text.unicodeScalars {
            let wordScalar = scalar.properties.isAlphabetic || ("0"..."9").contains(scalar)
            if wordScalar && !inWord { count += 1 }
            inWord = wordScalar
        }
        return count
    }
}
