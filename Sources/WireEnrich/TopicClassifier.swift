import WireModel

/// IPTC Media Topics for a story by weighted keyword rules (`TopicRules`) and entity rules.
///
/// Each phrase found adds its weight to its code, more in the headline and lead than deep in the copy;
/// scores roll up to the top level, the best top level wins (a close second joins it), and the story
/// gets the winner's path from the top level down to its best-scored code. Every story gets at least
/// one top-level code: with no rule firing it is `society`.
public struct TopicClassifier: Sendable {
    private struct Rule: Sendable {
        /// The phrase's words as `TopicWords` cuts them, and their hashes.
        var words: [[UInt8]]
        var hashes: [UInt64]
        var code: String
        var weight: Double
    }

    /// Rules grouped by their phrase's first word, groups in first-seen order, rules in table order.
    private let rules: [Rule]
    private let groups: [Range<Int>]
    /// A first word's hash → its group.
    private let firstWords: WordHashIndex
    /// The top level of every code a rule scores, so that choosing walks no parent chains.
    private let topLevels: [String: String]
    /// `pathTopics` of every code a rule scores.
    private let paths: [String: [Topic]]
    private let table: MediaTopicTable
    static let fallback = "14000000"

    public init(table: MediaTopicTable = .shared) {
        self.table = table
        var byFirst: [[Rule]] = []
        var groupOf: [String: Int] = [:]
        for line in TopicRules.table.split(separator: "\n") {
            let fields = line.split(separator: "\t")
            guard fields.count == 3, let weight = Double(fields[1]), table.label(String(fields[0])) != nil else { continue }
            for phrase in fields[2].split(separator: "|") {
                let words = TopicText.words(phrase).map { Array($0.utf8) }
                guard let first = words.first else { continue }
                let rule = Rule(words: words, hashes: words.map(TopicWords.hash), code: String(fields[0]), weight: weight)
                let key = String(decoding: first, as: UTF8.self)
                if let group = groupOf[key] { byFirst[group].append(rule) } else {
                    groupOf[key] = byFirst.count
                    byFirst.append([rule])
                }
            }
        }
        var rules: [Rule] = []
        var groups: [Range<Int>] = []
        for group in byFirst {
            groups.append(rules.count..<(rules.count + group.count))
            rules += group
        }
        self.rules = rules
        self.groups = groups
        firstWords = WordHashIndex(groups.enumerated().map { (rules[$0.element.lowerBound].hashes[0], $0.offset) })
        var topLevels: [String: String] = [:]
        var paths: [String: [Topic]] = [:]
        for code in rules.map(\.code) + ["20000638", "20000170"] {
            topLevels[code] = table.topLevel(code)
            paths[code] = table.path(code).map { Topic(code: "medtop:" + $0, label: table.label($0)) }
        }
        self.topLevels = topLevels
        self.paths = paths
    }

    /// The story's topics, most relevant first, each top level before the codes under it.
    public func topics(headline: String?, paragraphs: [Substring], entities: Entities?, countries: [String]) -> [Topic] {
        var scores: [String: Double] = [:]
        if let headline { score(TopicWords(headline), weight: 3, into: &scores) }
        for (position, paragraph) in paragraphs.enumerated() {
            score(TopicWords(paragraph), weight: position == 0 ? 2 : (position < 4 ? 1 : 0.6), into: &scores)
        }
        scoreEntities(entities, countries: countries, into: &scores)
        return choose(scores)
    }

    /// Longest rules first at each word; a phrase that matched moves past its words.
    private func score(_ words: TopicWords, weight: Double, into scores: inout [String: Double]) {
        var index = 0
        while index < words.count {
            var advance = 1
            if let group = firstWords.value(for: words.hashes[index]).map({ groups[$0] }),
               rules[group.lowerBound].words[0].elementsEqual(words.word(index)) {
                for rule in rules[group] where rule.words.count >= advance {
                    guard index + rule.words.count <= words.count, Self.matches(rule, words, at: index) else { continue }
                    scores[rule.code, default: 0] += rule.weight * weight
                    advance = max(advance, rule.words.count)
                }
            }
            index += advance
        }
    }

    private static func matches(_ rule: Rule, _ words: TopicWords, at start: Int) -> Bool {
        for offset in rule.words.indices {
            guard words.hashes[start + offset] == rule.hashes[offset], words.word(start + offset).elementsEqual(rule.words[offset]) else {
                return false
            }
        }
        return true
    }

    private func topLevel(_ code: String) -> String? {
        topLevels[code] ?? table.topLevel(code)
    }

    /// Last words that make an organisation a company.
    private static let companyWords: Set<String> = ["corp", "co", "inc", "ltd", "plc", "group", "bank", "energy", "holdings"]

    /// Entity rules: two or more countries with a politics signal are foreign affairs; companies are business.
    private func scoreEntities(_ entities: Entities?, countries: [String], into scores: inout [String: Double]) {
        if countries.count >= 2, (scores["20000638"] ?? 0) + (scores["20000639"] ?? 0) > 0 {
            scores["20000638", default: 0] += 2
        }
        guard let entities else { return }
        let companies = entities.organizations.filter { organization in
            let last = organization.name.split(separator: " ").last.map { $0.lowercased().filter { $0 != "." } } ?? ""
            return Self.companyWords.contains(last)
        }
        if !companies.isEmpty { scores["20000170", default: 0] += 2 }
    }

    private func choose(_ scores: [String: Double]) -> [Topic] {
        var byTop: [String: Double] = [:]
        // Summed in code order: floating-point sums taken in the dictionary's per-process hash order can
        // differ in the last bit and turn a tie the other way from one run to the next.
        let sorted = scores.sorted(by: { $0.key < $1.key }).map { (code: $0.key, score: $0.value, top: topLevel($0.key)) }
        for entry in sorted {
            if let top = entry.top { byTop[top, default: 0] += entry.score }
        }
        let ranked = byTop.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }
        guard let best = ranked.first else { return [topic(Self.fallback)] }
        var chosen = [best.key]
        if ranked.count > 1, ranked[1].value >= best.value * 0.6 { chosen.append(ranked[1].key) }
        var topics: [Topic] = []
        for top in chosen {
            // Codes are distinct and ties go by code, so the deepest is the same in any order.
            let under = sorted.filter { $0.top == top && $0.code != top }
            let deepest = under.max { $0.score != $1.score ? $0.score < $1.score : $0.code > $1.code }?.code
            topics.append(contentsOf: deepest.map(pathTopics) ?? [topic(top)])
        }
        return topics
    }

    /// The topics from the top level down to a code, built once per code a rule scores.
    private func pathTopics(_ code: String) -> [Topic] {
        paths[code] ?? table.path(code).map(topic)
    }

    private func topic(_ code: String) -> Topic {
        Topic(code: "medtop:" + code, label: table.label(code))
    }
}

/// Lower-case words of running text for rule matching: runs of ASCII letters, digits, hyphens and
/// apostrophes (the rules are ASCII; other characters separate), a possessive "'s" dropped. The
/// reference `TopicWords` must cut alike; rules are read with it.
enum TopicText {
    static func words(_ text: some StringProtocol) -> [Substring] {
        let lowered = Substring(text.lowercased())
        return lowered.utf8.split { byte in
            !((byte >= 0x61 && byte <= 0x7A) || (byte >= 0x30 && byte <= 0x39) || byte == 0x2D || byte == 0x27)
        }.map { slice in
            // Words hold ASCII bytes only, so a byte test is the same as `hasSuffix("'s")`, minus its cost.
            let word = Substring(slice)
            let bytes = word.utf8
            let possessive = bytes.count >= 2 && bytes.last == 0x73 && bytes[bytes.index(bytes.endIndex, offsetBy: -2)] == 0x27
            return possessive ? word.dropLast(2) : word
        }
    }
}
