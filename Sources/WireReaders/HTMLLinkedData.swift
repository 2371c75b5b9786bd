import Foundation
import LibXML

/// The schema.org article an HTML page describes in its JSON-LD (`<script type="application/ld+json">`):
/// many news sites put their headline, dates and authors there and nowhere else in the markup.
///
/// Only the first object whose `@type` names an article kind is read; scripts that are not valid JSON
/// are ignored (a page's broken metadata is no reason to lose its story).
struct HTMLLinkedData {
    var headline: String?
    var datePublished: String?
    var dateModified: String?
    var authors: [String] = []
    var description: String?
    var publisher: String?

    /// JSON-LD types that describe a story (schema.org's Article and its news subtypes).
    private static let articleTypes: Set<String> = [
        "article", "newsarticle", "reportagenewsarticle", "analysisnewsarticle", "opinionnewsarticle",
        "backgroundnewsarticle", "reviewnewsarticle", "blogposting", "liveblogposting",
    ]

    init?(document: MarkupNode) {
        let scripts = document.descendants("script").filter {
            $0.attribute("type")?.trimmingWhitespace().lowercased() == "application/ld+json"
        }
        for script in scripts {
            guard let json = try? JSONSerialization.jsonObject(with: Data(script.text.utf8)),
                  let article = Self.objects(in: json).first(where: Self.isArticle)
            else { continue }
            headline = Self.string(article["headline"])
            datePublished = Self.string(article["datePublished"])
            dateModified = Self.string(article["dateModified"])
            authors = Self.names(article["author"])
            description = Self.string(article["description"])
            publisher = Self.names(article["publisher"]).first
            return
        }
        return nil
    }

    /// The objects of a JSON-LD value: itself, the entries of an array, the members of an `@graph`.
    private static func objects(in json: Any) -> [[String: Any]] {
        if let array = json as? [Any] { return array.flatMap { objects(in: $0) } }
        guard let object = json as? [String: Any] else { return [] }
        if let graph = object["@graph"] { return [object] + objects(in: graph) }
        return [object]
    }

    private static func isArticle(_ object: [String: Any]) -> Bool {
        let types = (object["@type"] as? [Any] ?? [object["@type"] as Any]).compactMap { $0 as? String }
        return types.contains { articleTypes.contains($0.lowercased()) }
    }

    private static func string(_ value: Any?) -> String? {
        guard let text = value as? String, !text.isEmpty else { return nil }
        return text
    }

    /// Names from a person or organisation: a string, an object with `name`, or an array of either.
    private static func names(_ value: Any?) -> [String] {
        switch value {
        case let text as String: return [text]
        case let object as [String: Any]: return string(object["name"]).map { [$0] } ?? []
        case let array as [Any]: return array.flatMap { names($0) }
        default: return []
        }
    }
}
