import WireExtract
import WireModel

/// The `extract` stage: structured fields from the cleaned copy (`StoryExtractor`). It never fails an
/// item: a field it cannot find stays empty.
public final class ExtractStage: Stage {
    public let name = "extract"
    /// Each item is handled on its own: safe on several threads at once.
    public var isOrderIndependent: Bool { true }
    private let extractor: StoryExtractor

    public init(config: ExtractStageConfig = ExtractStageConfig()) {
        extractor = StoryExtractor(options: config.options)
    }

    public func process(_ item: Item) throws -> [Item] {
        [extractor.extract(item)]
    }
}
