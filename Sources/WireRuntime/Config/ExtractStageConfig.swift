import WireExtract

/// The `extract` stage's options: each rule family can be switched off.
public struct ExtractStageConfig: Sendable, Equatable {
    public var options: ExtractOptions

    public init(options: ExtractOptions = ExtractOptions()) {
        self.options = options
    }

    /// The switches, in the order the reference lists them: key, what it governs.
    static let switches: [(key: String, doc: String)] = [
        ("headline", "Headline from the item or the copy, else the lede marked headline_source \"lede\"."),
        ("byline", "Byline, agency, publisher and credits from furniture, datelines, sign-offs and caption credits."),
        ("dateline", "The opening dateline: place and date."),
        ("published_time", "published_at/updated_at from \"Published :\" lines or the dateline's date."),
        ("captions", "Photo captions with their credits."),
        ("quotes", "Quotations with their speakers."),
        ("entities", "People, places and organisations with every mention."),
        ("dates", "Absolute, partial and relative dates, resolved against the story's own date."),
        ("related", "Related-story lists from the furniture clean recorded."),
        ("word_count", "Words in the body."),
    ]

    static let specObject = ConfigSpec.Object(
        title: "extract stage",
        doc: "Headline, byline, agency, dateline, published time, captions, quotes, entities and dates.",
        keys: [ConfigSpec.Key("type", .tag, .required, doc: "extract")]
            + switches.map { ConfigSpec.Key($0.key, .boolean, .defaulted(.bool(true)), doc: $0.doc) }
            + [ConfigSpec.Key("time_zone", .string(.timeZone), .optional,
                              doc: "IANA zone assumed for publication times the copy gives without one when the agency implies none; absent means UTC.")]
    )

    init(_ fields: ConfigObjectReader) {
        var options = ExtractOptions()
        for entry in Self.switches { Self.set(entry.key, fields.bool(entry.key) ?? true, on: &options) }
        options.defaultTimeZone = fields.string("time_zone")
        self.options = options
    }

    /// One switch of `switches` onto the options it governs.
    static func set(_ key: String, _ value: Bool, on options: inout ExtractOptions) {
        switch key {
        case "headline": options.headline = value
        case "byline": options.byline = value
        case "dateline": options.dateline = value
        case "published_time": options.publishedTime = value
        case "captions": options.captions = value
        case "quotes": options.quotes = value
        case "entities": options.entities = value
        case "dates": options.dates = value
        case "related": options.related = value
        case "word_count": options.wordCount = value
        default: break
        }
    }
}
