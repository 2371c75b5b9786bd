import Foundation
import LibXML
import Testing
import WireModel
@testable import WireReaders

/// Runs the shared feedparser corpus (393 documents) through `InputReader` and compares, field by field,
/// everything the golden carries that an item models. Deliberate differences live in
/// `Fixtures/conformance/deviations.json`, each with a category and a reason; anything else fails.
/// Skipped when `/work/shared` is not on this machine.
@Suite struct ConformanceCorpusTests {
    static let root = "/work/shared/conformance/feedparser"
    static let minimumScore = 0.98

    struct Golden: Decodable {
        struct Case: Decodable {
            var file: String
            var http_headers: [String: String]?
            var feed: Feed
            var entries: [Entry]
        }
        struct Feed: Decodable {
            var title: String?
        }
        struct Entry: Decodable {
            var title: String?
            var link: String?
            var id: String?
            var published: String?
            var published_raw: String?
            var updated: String?
            var categories: [String]?
            var summary_text: String?
            var summary_from_content: Bool?
            var summary_links: [String]?
            var content_text: String?
            var content_links: [String]?
            var author_detail: Author?
            var enclosures: [GoldenEnclosure]?
        }
        struct Author: Decodable {
            var name: String?
        }
        struct GoldenEnclosure: Decodable {
            var url: String?
            var type: String?
            var length: String?
        }
        var cases: [Case]
    }

    struct Deviation: Decodable {
        var file: String
        var field: String
        var category: String
        var reason: String
    }

    struct DeviationList: Decodable {
        var deviations: [Deviation]
    }

    /// Compared fields, matches, and the mismatches not listed as deviations.
    struct Score {
        var compared = 0
        var matched = 0
        var perField: [String: (compared: Int, matched: Int)] = [:]
        var unexplained: [String] = []
        var usedDeviations: Set<String> = []
    }

    static let categories: Set<String> = ["policy", "golden-wrong", "safety", "not-modelled"]

    static func loadDeviations() throws -> [String: Deviation] {
        let data = try Data(contentsOf: Fixtures.url("conformance/deviations.json"))
        let list = try JSONDecoder().decode(DeviationList.self, from: data)
        return Dictionary(list.deviations.map { ("\($0.file)|\($0.field)", $0) }, uniquingKeysWith: { a, _ in a })
    }

    @Test func deviationsAreWellFormed() throws {
        let data = try Data(contentsOf: Fixtures.url("conformance/deviations.json"))
        let list = try JSONDecoder().decode(DeviationList.self, from: data)
        for deviation in list.deviations {
            #expect(Self.categories.contains(deviation.category), "\(deviation.file): category \(deviation.category)")
            #expect(deviation.reason.count > 15, "\(deviation.file)|\(deviation.field) needs a reason")
        }
        #expect(Set(list.deviations.map { "\($0.file)|\($0.field)" }).count == list.deviations.count, "duplicates")
    }

    @Test(.enabled(if: FileManager.default.fileExists(atPath: root + "/golden.json"),
                   "the shared conformance corpus is not on this machine"))
    func corpus() throws {
        let golden = try JSONDecoder().decode(
            Golden.self, from: Data(contentsOf: URL(fileURLWithPath: Self.root + "/golden.json")))
        let deviations = try Self.loadDeviations()
        var score = Score()
        var unreadable: [String] = []
        for entry in golden.cases {
            let bytes = Array(try Data(contentsOf: URL(fileURLWithPath: Self.root + "/xml/" + entry.file)))
            let items: [Item]
            do {
                items = try InputReader().read(bytes, context: Self.context(for: entry)).items
            } catch {
                if !entry.entries.isEmpty { unreadable.append("\(entry.file): \(error)") }
                continue
            }
            var comparer = CaseComparer(file: entry.file, deviations: deviations)
            comparer.compare(items: items, with: entry)
            score.merge(comparer)
        }
        let stale = deviations.keys.filter { !score.usedDeviations.contains($0) }.sorted()
        let percent = score.compared == 0 ? 0 : Double(score.matched) / Double(score.compared)
        print("conformance: \(score.matched)/\(score.compared) fields match "
              + "(\(String(format: "%.1f", percent * 100)) %)")
        for (field, tally) in score.perField.sorted(by: { $0.key < $1.key }) {
            print("conformance:   \(field): \(tally.matched)/\(tally.compared)")
        }
        #expect(unreadable.isEmpty, "documents with entries that were unreadable: \(unreadable)")
        #expect(score.compared > 2_000)
        #expect(percent >= Self.minimumScore)
        #expect(score.unexplained.isEmpty,
                "\(score.unexplained.count) unexplained differences:\n\(score.unexplained.joined(separator: "\n"))")
        #expect(stale.isEmpty, "deviations that no longer occur (remove them): \(stale)")
    }

    /// The transport metadata the poller would have passed: charset and `Content-Location`.
    static func context(for entry: Golden.Case) -> ReadContext {
        let headers = entry.http_headers ?? [:]
        var charset: String?
        if let type = headers["content-type"], let range = type.range(of: "charset=") {
            charset = String(type[range.upperBound...]).trimmingCharacters(in: CharacterSet(charactersIn: "\"' ;"))
        }
        return ReadContext(source: ItemSource(type: "file", name: "corpus"), receivedAt: "2025-01-01T00:00:00Z",
                           documentURL: headers["content-location"], declaredCharset: charset)
    }
}

extension ConformanceCorpusTests.Score {
    mutating func merge(_ comparer: CaseComparer) {
        for (field, matched, explained) in comparer.results {
            compared += 1
            if matched { self.matched += 1 }
            var tally = perField[field] ?? (0, 0)
            tally.compared += 1
            if matched { tally.matched += 1 }
            perField[field] = tally
            if let key = explained { usedDeviations.insert(key) }
        }
        unexplained += comparer.unexplained
    }
}

/// Compares one document's items with its golden entries, applying the corpus README's normalisation.
struct CaseComparer {
    let file: String
    let deviations: [String: ConformanceCorpusTests.Deviation]
    /// (field, matched, the deviation key that explained a mismatch).
    var results: [(String, Bool, String?)] = []
    var unexplained: [String] = []

    init(file: String, deviations: [String: ConformanceCorpusTests.Deviation]) {
        self.file = file
        self.deviations = deviations
    }

    mutating func compare(items: [Item], with golden: ConformanceCorpusTests.Golden.Case) {
        guard check("count", "\(items.count)", "\(golden.entries.count)") else { return }
        if let first = items.first, let title = golden.feed.title {
            check("feed.title", Self.collapse(first.feed?.title), Self.collapse(title))
        }
        for (item, expected) in zip(items, golden.entries) { compare(item, expected) }
    }

    private mutating func compare(_ item: Item, _ expected: ConformanceCorpusTests.Golden.Entry) {
        check("title", Self.collapse(item.headline), Self.collapse(expected.title))
        check("link", item.url, expected.link)
        check("id", item.guid, expected.id)
        // A date the golden lacks is a deviation to review, not a failure (corpus README).
        if let published = expected.published { check("published", item.publishedAt, published) }
        if let raw = expected.published_raw { check("published_raw", item.publishedRaw, raw) }
        if let updated = expected.updated { check("updated", item.updatedAt, updated) }
        check("categories", item.categories.map { Self.collapse($0) ?? "" }.joined(separator: "|"),
              (expected.categories ?? []).map { Self.collapse($0) ?? "" }.joined(separator: "|"))
        if expected.summary_from_content != true || item.summary != nil {
            check("summary", Self.collapse(item.summary), Self.collapse(expected.summary_text))
        }
        if let name = expected.author_detail?.name {
            check("author", Self.collapse(item.byline), Self.collapse(name))
        }
        if let content = expected.content_text {
            check("content", Self.collapse(Self.contentText(item)), Self.collapse(content))
            check("content_links", Self.links(item.contentHTML), Set(expected.content_links ?? []).sorted().joined(separator: " "))
        } else if let links = expected.summary_links, !links.isEmpty {
            // The description's markup is `content_html` when the item has no content of its own.
            check("summary_links", Self.links(item.contentHTML), Set(links).sorted().joined(separator: " "))
        }
        let ours = item.enclosures.map { "\($0.url) \($0.type ?? "") \($0.length.map(String.init) ?? "")" }
        let theirs = (expected.enclosures ?? []).map { "\($0.url ?? "") \($0.type ?? "") \($0.length ?? "")" }
        check("enclosures", ours.joined(separator: " | "), theirs.joined(separator: " | "))
    }

    /// Records one comparison; a mismatch must be listed in the deviations file.
    @discardableResult
    private mutating func check(_ field: String, _ ours: String?, _ theirs: String?) -> Bool {
        let matched = ours == theirs
        let key = "\(file)|\(field)"
        let explained = !matched && deviations[key] != nil
        results.append((field, matched, explained || deviations[key] != nil ? key : nil))
        if !matched, !explained {
            unexplained.append("\(file) \(field): ours \(ours.map { "\"\($0)\"" } ?? "nil") ≠ golden \(theirs.map { "\"\($0)\"" } ?? "nil")")
        }
        return matched
    }

    /// The item's full text: `body`, else `content_html` as text.
    static func contentText(_ item: Item) -> String? {
        if let html = item.contentHTML { return HTMLText.text(fromHTML: html) }
        return item.body
    }

    /// `a@href` and `img@src` in the markup, as a sorted set joined by spaces.
    static func links(_ html: String?) -> String {
        guard let html else { return "" }
        var found: Set<String> = []
        let tree = HTMLDocumentTree.parse(html).document
        func walk(_ node: MarkupNode) {
            let name = node.name.localName.lowercased()
            if name == "a", let href = node.attribute("href") { found.insert(href) }
            if name == "img", let src = node.attribute("src") { found.insert(src) }
            for case .element(let child) in node.content { walk(child) }
        }
        walk(tree)
        return found.sorted().joined(separator: " ")
    }

    static func collapse(_ s: String?) -> String? {
        guard let s else { return nil }
        let out = s.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" })
            .joined(separator: " ")
        return out.isEmpty ? nil : out
    }
}
