import WireEnrich
import WireModel

/// The `enrich` stage: canonical entities, codes, language, topics (`StoryEnricher`). It never fails
/// an item: what it cannot tell stays empty.
public final class EnrichStage: Stage {
    public let name = "enrich"
    /// Each item is handled on its own: safe on several threads at once.
    public var isOrderIndependent: Bool { true }
    private let enricher: StoryEnricher

    public init() {
        enricher = StoryEnricher()
    }

    public func process(_ item: Item) throws -> [Item] {
        [enricher.enrich(item)]
    }
}
