import Foundation
import Testing
import WireModel
@testable import WireReaders

/// Runs the shared feedparser corpus (393 documents) through `InputReader` and compares the fields the
/// readers own. Skipped when `/work/shared` is not on this machine.
@Suite struct ConformanceCorpusTests {
    static let root = "/work/shared/conformance/feedparser"

    struct Golden: Decodable {
        struct Case: Decodable {
            var file: String
            var http_headers: [String: String]?
            var entries: [Entry]
        }
        struct Entry: Decodable {
            var title: String?
            var link: String?
            var id: String?
            var published: String?
            var categories: [String]?
            var summary_text: String?
            var summary_from_content: Bool?
            var author_detail: Author?
        }
        struct Author: Decodable {
            var name: String?
        }
        var cases: [Case]
    }

    /// Where we knowingly differ from feedparser, keyed `file|field`, with the reason.
    static let knownDeviations: [String: String] = [
        "illformed/rss_incomplete_cdata.xml|count":
            "a document that breaks inside an item keeps only its whole items (DESIGN §3)",
        "wellformed/base/http_entry_contributor_url_base_content_location.xml|count":
            "an RSS <item> inside an Atom 0.3 <feed> is not an entry",
        "wellformed/namespace/unknown-namespace.xml|count": "an RSS <item> inside an Atom <feed> is not an entry",
        "entities/hex_entity_x_uppercase.xml|title":
            "&#X41; is not an XML character reference (lower-case x only); kept as written, not guessed",
        "wellformed/rss/item_category_image.xml|title": "a <title> nested inside <category> is not the item's title",
        "wellformed/rss/item_category_image.xml|categories": "markup nested inside <category> is kept as its text",
        "wellformed/rss/item_madeup_tags_element.xml|categories": "<tag> of no known vocabulary is not a category",
        "wellformed/atom10/entry_id_with_attributes.xml|link": "an Atom id becomes the link only when it is an http(s) URL",
        "wellformed/node_precedence/atom10_id.xml|link": "an Atom id becomes the link only when it is an http(s) URL",
        "wellformed/base/http_entry_id_base_content_location.xml|link": "ids are never resolved, so not copied as links",
        "wellformed/base/http_entry_id_base_content_location.xml|id": "ids are kept as given, never resolved",
        "wellformed/rss/item_guid_isPermaLink_ValueError.xml|link": "a permalink guid is kept as the source wrote it",
        "wellformed/rss/item_guid_isPermaLink_ValueError.xml|id": "the guid is kept as the source wrote it",
        "encoding/double-encoded-html.xml|summary": "text encoded twice is kept as sent, not guessed back",
        "encoding/bozo_double-encoded-html.xml|summary": "text encoded twice is kept as sent, not guessed back",
        "encoding/bozo_linenoise.xml|summary": "line noise is kept as sent (C1 controls mapped the Windows-1252 way)",
        "wellformed/rss/item_description_not_a_doctype.xml|summary":
            "a description is read as HTML, where `<!'` is a broken declaration",
        "wellformed/rss/item_description_not_a_doctype2.xml|summary":
            "a description is read as HTML, where `<!DOCTYPE` is a declaration, not text",
        "wellformed/rss/item_multiple_dc_creator.xml|author": "every dc:creator is kept, joined with commas",
        "wellformed/rss/item_summary_and_description.xml|summary": "RSS has no <summary>; <description> is the summary",
        "wellformed/sanitize/item_description_crazy.xml|summary": "script content is dropped, as the sanitiser would",
        "wellformed/rss/entity_in_doctype.xml|id":
            "document-declared entities are never expanded (no-op entityDecl against entity attacks)",
    ]

    struct Tally {
        var compared = 0
        var mismatches: [String] = []
    }

    static func collapse(_ s: String?) -> String? {
        guard let s else { return nil }
        let out = s.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" }).joined(separator: " ")
        return out.isEmpty ? nil : out
    }

    @Test(.enabled(if: FileManager.default.fileExists(atPath: root + "/golden.json"),
                   "the shared conformance corpus is not on this machine"))
    func corpus() throws {
        let golden = try JSONDecoder().decode(
            Golden.self, from: Data(contentsOf: URL(fileURLWithPath: Self.root + "/golden.json")))
        let reader = InputReader()
        var counts = Tally(), titles = Tally(), links = Tally(), ids = Tally(), dates = Tally(), categories = Tally()
        var summaries = Tally(), authors = Tally()
        var unreadable: [String] = []
        for entry in golden.cases {
            let bytes = Array(try Data(contentsOf: URL(fileURLWithPath: Self.root + "/xml/" + entry.file)))
            let headers = entry.http_headers ?? [:]
            var charset: String?
            if let type = headers["content-type"], let range = type.range(of: "charset=") {
                charset = String(type[range.upperBound...]).trimmingCharacters(in: CharacterSet(charactersIn: "\"' ;"))
            }
            let context = ReadContext(source: ItemSource(type: "file", name: "corpus"), receivedAt: "2025-01-01T00:00:00Z",
                                      documentURL: headers["content-location"], declaredCharset: charset)
            let items: [Item]
            do {
                items = try reader.read(bytes, context: context).items
            } catch {
                if !entry.entries.isEmpty { unreadable.append("\(entry.file): \(error)") }
                continue
            }
            counts.compared += 1
            if items.count != entry.entries.count {
                if Self.knownDeviations["\(entry.file)|count"] == nil {
                    counts.mismatches.append("\(entry.file): \(items.count) items, golden \(entry.entries.count)")
                }
                continue
            }
            for (item, expected) in zip(items, entry.entries) {
                func check(_ tally: inout Tally, _ field: String, _ ours: String?, _ theirs: String?) {
                    tally.compared += 1
                    if ours != theirs, Self.knownDeviations["\(entry.file)|\(field)"] == nil {
                        tally.mismatches.append("\(entry.file) \(field): \(ours ?? "nil") ≠ \(theirs ?? "nil")")
                    }
                }
                check(&titles, "title", Self.collapse(item.headline), Self.collapse(expected.title))
                check(&links, "link", item.url, expected.link)
                check(&ids, "id", item.guid, expected.id)
                if let published = expected.published { check(&dates, "published", item.publishedAt, published) }
                check(&categories, "categories", item.categories.joined(separator: "|"),
                      (expected.categories ?? []).joined(separator: "|"))
                if expected.summary_from_content != true {
                    check(&summaries, "summary", Self.collapse(item.summary), Self.collapse(expected.summary_text))
                }
                if let name = expected.author_detail?.name {
                    check(&authors, "author", Self.collapse(item.byline), Self.collapse(name))
                }
            }
        }
        #expect(unreadable.isEmpty, "documents with entries that were unreadable: \(unreadable)")
        #expect(counts.compared > 380)
        for (name, tally) in [("entry counts", counts), ("titles", titles), ("links", links), ("ids", ids),
                              ("published", dates), ("categories", categories), ("summaries", summaries),
                              ("authors", authors)] {
            #expect(tally.mismatches.isEmpty, "\(name): \(tally.mismatches.count) unexplained differences: \(tally.mismatches)")
        }
    }
}
