import WireModel

/// The part of an item that route conditions read. Rules test the item as its NDJSON object, and
/// encoding plus parsing the whole item (body, markup, entities with every mention) was most of the route
/// stage's cost; fields that no rule names are left out before encoding, so what is parsed is only what
/// the rules can reach. A field a rule names is kept whole, so every condition sees what the output shows.
struct RouteItemView: Sendable {
    /// The first step of every path the rules name (`entities` for `entities.places.name`).
    let roots: Set<String>

    init(_ matchers: [RouteMatcher]) {
        var roots: Set<String> = []
        for matcher in matchers { Self.collect(matcher, into: &roots) }
        self.roots = roots
    }

    private static func collect(_ matcher: RouteMatcher, into roots: inout Set<String>) {
        switch matcher {
        case .all(let matchers), .any(let matchers): for inner in matchers { collect(inner, into: &roots) }
        case .not(let inner): collect(inner, into: &roots)
        case .field(let path, _): roots.insert(String(path.prefix { $0 != "." }))
        }
    }

    /// The item with the bulky fields no rule names emptied.
    func slimmed(_ item: Item) -> Item {
        var item = item
        if !roots.contains("body") { item.body = nil }
        if !roots.contains("content_html") { item.contentHTML = nil }
        if !roots.contains("summary") { item.summary = nil }
        if !roots.contains("captions") { item.captions = [] }
        if !roots.contains("related") { item.related = [] }
        if !roots.contains("furniture") { item.furniture = [] }
        if !roots.contains("quotes") { item.quotes = [] }
        if !roots.contains("entities") { item.entities = nil }
        if !roots.contains("dates") { item.dates = [] }
        return item
    }
}
