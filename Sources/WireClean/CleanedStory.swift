import WireModel

/// What `StoryCleaner` makes of one story's copy.
public struct CleanedStory: Sendable, Equatable {
    /// The story's text, paragraphs separated by a blank line; nil when nothing of the story is left.
    public var body: String?
    /// Every line taken out of the body, in the order it stood, with its kind.
    public var furniture: [Furniture]
    /// Photo captions found in the copy, each once, credits split off.
    public var captions: [Caption]
    /// The headline line printed above the story, when the copy has one.
    public var headline: String?

    public init(body: String? = nil, furniture: [Furniture] = [], captions: [Caption] = [], headline: String? = nil) {
        self.body = body
        self.furniture = furniture
        self.captions = captions
        self.headline = headline
    }
}
