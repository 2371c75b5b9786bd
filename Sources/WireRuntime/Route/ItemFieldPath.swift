/// The dotted paths a route condition may name: the item's fields as DESIGN §3 writes them, reaching
/// through objects and into arrays (`topics.code`, `entities.places.name`). `wirefeed check` refuses
/// any other path, so a typo cannot silently make a rule never match.
enum ItemFieldPath {
    static let known: Set<String> = {
        var paths: Set<String> = [
            "id", "format", "url", "guid", "version", "pub_status", "urgency", "slugline", "embargo_until",
            "categories", "received_at", "published_at", "published_raw", "updated_at", "time_zone_assumed",
            "headline", "headline_source", "summary", "content_html", "body", "byline", "agency", "publisher",
            "credits", "language", "countries", "word_count", "routes",
        ]
        let objects: [String: [String]] = [
            "source": ["type", "name", "path", "url"],
            "feed": ["title", "language"],
            "dateline": ["place", "date"],
            "captions": ["text", "credit"],
            "related": ["headline", "url"],
            "furniture": ["kind", "text"],
            "enclosures": ["url", "type", "length"],
            "quotes": ["text", "speaker"],
            "dates": ["text", "value"],
            "topics": ["code", "label"],
            "dedupe": ["hash", "fingerprint", "status", "duplicate_of", "similarity", "story_id"],
        ]
        for (object, members) in objects {
            paths.insert(object)
            for member in members { paths.insert(object + "." + member) }
        }
        paths.insert("entities")
        for kind in ["people", "places", "organizations"] {
            paths.insert("entities." + kind)
            for member in ["name", "id", "mentions", "country"] { paths.insert("entities.\(kind).\(member)") }
        }
        return paths
    }()

    static func isKnown(_ path: String) -> Bool { known.contains(path) }

    /// Every value the path reaches in an item's JSON, arrays flattened on the way: `entities.places.name`
    /// gives each place's name. An absent or null step reaches nothing.
    static func values(at path: String, in json: ConfigJSON) -> [ConfigJSON] {
        var current = [json]
        for step in path.split(separator: ".") {
            var next: [ConfigJSON] = []
            for value in current.flatMap(flattened) {
                if let member = value[String(step)] { next.append(member) }
            }
            current = next
        }
        return current.flatMap(flattened).filter { if case .null = $0.value { false } else { true } }
    }

    private static func flattened(_ value: ConfigJSON) -> [ConfigJSON] {
        value.elements.map { $0.flatMap(flattened) } ?? [value]
    }
}
