/// One story as it travels through the pipeline and as it is written: one NDJSON line.
///
/// Field names in JSON are the contract of DESIGN §3 (snake_case); never rename them.
/// Every field a stage cannot fill stays `nil` (written as `null`) or empty: nothing is invented.
public struct Item: Sendable, Equatable, Codable {
    public var id: String
    public var source: ItemSource
    public var format: InputFormat
    public var url: String?
    public var guid: String?
    public var version: String?
    public var pubStatus: String?
    public var urgency: Int?
    public var slugline: String?
    public var embargoUntil: String?
    public var feed: FeedInfo?
    public var categories: [String]
    public var receivedAt: String
    public var publishedAt: String?
    public var publishedRaw: String?
    public var updatedAt: String?
    public var timeZoneAssumed: String?
    public var headline: String?
    public var headlineSource: String?
    public var summary: String?
    public var contentHTML: String?
    public var body: String?
    public var byline: String?
    public var agency: String?
    public var publisher: String?
    public var credits: [String]
    public var dateline: Dateline?
    public var language: String?
    public var captions: [Caption]
    public var related: [RelatedLink]
    public var furniture: [Furniture]
    public var enclosures: [Enclosure]
    public var quotes: [Quote]
    public var entities: Entities?
    public var dates: [DateMention]
    public var countries: [String]
    public var topics: [Topic]
    public var wordCount: Int?
    public var dedupe: DedupeInfo?
    public var routes: [String]
    /// Runtime-only, never written: the sinks the route stage chose; nil means every sink.
    public var deliverTo: [String]?

    public init(
        id: String = "",
        source: ItemSource,
        format: InputFormat,
        receivedAt: String
    ) {
        self.id = id
        self.source = source
        self.format = format
        self.categories = []
        self.receivedAt = receivedAt
        self.credits = []
        self.captions = []
        self.related = []
        self.furniture = []
        self.enclosures = []
        self.quotes = []
        self.dates = []
        self.countries = []
        self.topics = []
        self.routes = []
    }

    enum CodingKeys: String, CodingKey {
        case id, source, format, url, guid, version
        case pubStatus = "pub_status"
        case urgency, slugline
        case embargoUntil = "embargo_until"
        case feed, categories
        case receivedAt = "received_at"
        case publishedAt = "published_at"
        case publishedRaw = "published_raw"
        case updatedAt = "updated_at"
        case timeZoneAssumed = "time_zone_assumed"
        case headline
        case headlineSource = "headline_source"
        case summary
        case contentHTML = "content_html"
        case body, byline, agency, publisher, credits, dateline, language, captions, related
        case furniture, enclosures, quotes, entities, dates, countries, topics
        case wordCount = "word_count"
        case dedupe, routes
    }

    /// Decoding is lenient about absent arrays so that lines written by older versions, or
    /// dead-letter inputs trimmed by hand, can be replayed.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = try c.decodeIfPresent(String.self, forKey: .id) ?? ""
        source = try c.decode(ItemSource.self, forKey: .source)
        format = try c.decode(InputFormat.self, forKey: .format)
        url = try c.decodeIfPresent(String.self, forKey: .url)
        guid = try c.decodeIfPresent(String.self, forKey: .guid)
        version = try c.decodeIfPresent(String.self, forKey: .version)
        pubStatus = try c.decodeIfPresent(String.self, forKey: .pubStatus)
        urgency = try c.decodeIfPresent(Int.self, forKey: .urgency)
        slugline = try c.decodeIfPresent(String.self, forKey: .slugline)
        embargoUntil = try c.decodeIfPresent(String.self, forKey: .embargoUntil)
        feed = try c.decodeIfPresent(FeedInfo.self, forKey: .feed)
        categories = try c.decodeIfPresent([String].self, forKey: .categories) ?? []
        receivedAt = try c.decodeIfPresent(String.self, forKey: .receivedAt) ?? ""
        publishedAt = try c.decodeIfPresent(String.self, forKey: .publishedAt)
        publishedRaw = try c.decodeIfPresent(String.self, forKey: .publishedRaw)
        updatedAt = try c.decodeIfPresent(String.self, forKey: .updatedAt)
        timeZoneAssumed = try c.decodeIfPresent(String.self, forKey: .timeZoneAssumed)
        headline = try c.decodeIfPresent(String.self, forKey: .headline)
        headlineSource = try c.decodeIfPresent(String.self, forKey: .headlineSource)
        summary = try c.decodeIfPresent(String.self, forKey: .summary)
        contentHTML = try c.decodeIfPresent(String.self, forKey: .contentHTML)
        body = try c.decodeIfPresent(String.self, forKey: .body)
        byline = try c.decodeIfPresent(String.self, forKey: .byline)
        agency = try c.decodeIfPresent(String.self, forKey: .agency)
        publisher = try c.decodeIfPresent(String.self, forKey: .publisher)
        credits = try c.decodeIfPresent([String].self, forKey: .credits) ?? []
        dateline = try c.decodeIfPresent(Dateline.self, forKey: .dateline)
        language = try c.decodeIfPresent(String.self, forKey: .language)
        captions = try c.decodeIfPresent([Caption].self, forKey: .captions) ?? []
        related = try c.decodeIfPresent([RelatedLink].self, forKey: .related) ?? []
        furniture = try c.decodeIfPresent([Furniture].self, forKey: .furniture) ?? []
        enclosures = try c.decodeIfPresent([Enclosure].self, forKey: .enclosures) ?? []
        quotes = try c.decodeIfPresent([Quote].self, forKey: .quotes) ?? []
        entities = try c.decodeIfPresent(Entities.self, forKey: .entities)
        dates = try c.decodeIfPresent([DateMention].self, forKey: .dates) ?? []
        countries = try c.decodeIfPresent([String].self, forKey: .countries) ?? []
        topics = try c.decodeIfPresent([Topic].self, forKey: .topics) ?? []
        wordCount = try c.decodeIfPresent(Int.self, forKey: .wordCount)
        dedupe = try c.decodeIfPresent(DedupeInfo.self, forKey: .dedupe)
        routes = try c.decodeIfPresent([String].self, forKey: .routes) ?? []
    }
}

/// The input formats a reader recognises; the raw value is the `format` field.
public enum InputFormat: String, Sendable, Codable, CaseIterable {
    case rss, atom, rdf, text, nitf, newsml, ninjs, html
}

/// Where an item came from: `source` in the item.
public struct ItemSource: Sendable, Equatable, Codable {
    /// `inbox`, `feed` or `file` (the one-shot `process` command).
    public var type: String
    public var name: String
    public var path: String?
    public var url: String?

    public init(type: String, name: String, path: String? = nil, url: String? = nil) {
        self.type = type
        self.name = name
        self.path = path
        self.url = url
    }
}
