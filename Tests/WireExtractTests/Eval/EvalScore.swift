import WireGazetteer
import WireModel

/// Counts for the evaluation table: exact matches per field, entity micro-F1, date accuracy.
struct EvalScore {
    var stories = 0
    var exact: [String: Int] = [:]
    var misses: [String] = []
    var truePositives: [String: Int] = [:]
    var falsePositives: [String: Int] = [:]
    var falseNegatives: [String: Int] = [:]
    var datesRight = 0
    var datesLabelled = 0

    static let fields = ["headline", "agency", "dateline", "published_at", "byline"]
    static let kinds = ["person", "place", "organisation"]

    mutating func score(_ story: EvalStory, _ item: Item) {
        stories += 1
        let headline = item.headlineSource == "lede" ? nil : item.headline
        let ours: [String: String?] = [
            "headline": headline, "agency": item.agency,
            "dateline": item.dateline.map { "\($0.place ?? "-")|\($0.date ?? "-")" },
            "published_at": item.publishedAt, "byline": item.byline,
        ]
        let expected: [String: String?] = [
            "headline": story.headline, "agency": story.agency,
            "dateline": story.dateline.map { "\($0.place ?? "-")|\($0.date ?? "-")" },
            "published_at": story.publishedAt, "byline": story.byline,
        ]
        for field in Self.fields {
            if ours[field]! == expected[field]! { exact[field, default: 0] += 1 } else {
                misses.append("\(story.name) \(field): expected \(expected[field]!.map { "\"\($0)\"" } ?? "null"), got \(ours[field]!.map { "\"\($0)\"" } ?? "null")")
            }
        }
        let entities = item.entities ?? Entities()
        scoreEntities("person", story.entities.people, entities.people, story.name)
        scoreEntities("place", story.entities.places, entities.places, story.name)
        scoreEntities("organisation", story.entities.organisations, entities.organizations, story.name)
        scoreDates(story, item)
    }

    private mutating func scoreEntities(_ kind: String, _ labels: [String], _ found: [Entity], _ story: String) {
        var unmatched = found
        for label in labels {
            let key = NameNormalizer.literalKey(label)
            if let index = unmatched.firstIndex(where: { entity in
                ([entity.name] + entity.mentions).contains { NameNormalizer.literalKey($0) == key || NameNormalizer.key($0) == key }
            }) {
                unmatched.remove(at: index)
                truePositives[kind, default: 0] += 1
            } else {
                falseNegatives[kind, default: 0] += 1
                misses.append("\(story) \(kind) missed: \(label)")
            }
        }
        falsePositives[kind, default: 0] += unmatched.count
        for entity in unmatched { misses.append("\(story) \(kind) extra: \(entity.name)") }
    }

    private mutating func scoreDates(_ story: EvalStory, _ item: Item) {
        for label in story.dates {
            datesLabelled += 1
            let core = Self.core(label.text)
            if item.dates.contains(where: { Self.core($0.text) == core && $0.value == label.value }) {
                datesRight += 1
            } else {
                let ours = item.dates.filter { Self.core($0.text) == core }.map { "\($0.value ?? "null")" }
                misses.append("\(story.name) date \"\(label.text)\": expected \(label.value ?? "null"), got \(ours.isEmpty ? "nothing" : ours.joined(separator: ","))")
            }
        }
    }

    /// A date's words without the preposition before it: "on Saturday" and "Saturday" match.
    static func core(_ text: String) -> String {
        var words = text.lowercased().split(separator: " ")
        while words.count > 1, ["on", "in", "by", "since", "for", "until", "from", "through"].contains(words[0]) { words.removeFirst() }
        return words.joined(separator: " ")
    }

    func percent(_ field: String) -> Double { stories == 0 ? 0 : 100 * Double(exact[field, default: 0]) / Double(stories) }

    func f1(_ kinds: [String]) -> Double {
        let tp = Double(kinds.map { truePositives[$0, default: 0] }.reduce(0, +))
        let fp = Double(kinds.map { falsePositives[$0, default: 0] }.reduce(0, +))
        let fn = Double(kinds.map { falseNegatives[$0, default: 0] }.reduce(0, +))
        return tp == 0 ? 0 : 2 * tp / (2 * tp + fp + fn)
    }

    var datesAccuracy: Double { datesLabelled == 0 ? 0 : 100 * Double(datesRight) / Double(datesLabelled) }

    func table() -> String {
        var lines = ["extract eval: \(stories) stories", "| measure | ours | bar |", "|---|---|---|"]
        for field in Self.fields {
            let bar = field == "byline" ? "—" : "≥ 97 %"
            lines.append("| \(field) exact | \(format(percent(field))) % | \(bar) |")
        }
        for kind in Self.kinds {
            lines.append("| \(kind) F1 | \(format(f1([kind]))) | — |")
        }
        lines.append("| entities micro-F1 | \(format(f1(Self.kinds))) | ≥ 0.85 |")
        lines.append("| dates (\(datesRight)/\(datesLabelled)) | \(format(datesAccuracy)) % | 100 % |")
        return lines.joined(separator: "\n")
    }

    private func format(_ value: Double) -> String {
        let scaled = (value * 1000).rounded() / 1000
        return String(scaled)
    }
}
