/// Which rule families `StoryExtractor` runs; each can be switched off in `pipeline.json`.
public struct ExtractOptions: Sendable, Equatable {
    public var headline = true
    /// Byline, agency, publisher and credits, from furniture and the copy.
    public var byline = true
    public var dateline = true
    public var publishedTime = true
    public var captions = true
    public var quotes = true
    public var entities = true
    public var dates = true
    public var related = true
    public var wordCount = true
    /// IANA zone assumed for "Published" times the copy gives without one, when the agency implies none.
    public var defaultTimeZone: String?

    public init() {}
}
