import WireClean
import WireModel

/// The `clean` stage: each item's `content_html` (or plain `body`) becomes clean body text, with the
/// furniture taken out recorded in `furniture` and photo captions in `captions`. One item in, the same
/// item out; it never rejects an item (copy it cannot improve passes through normalised).
public final class CleanStage: Stage {
    public let name = "clean"
    /// Each item is handled on its own: safe on several threads at once.
    public var isOrderIndependent: Bool { true }
    private let cleaner: StoryCleaner
    private let keepContentHTML: Bool

    public init(config: CleanStageConfig = CleanStageConfig()) {
        cleaner = StoryCleaner(options: config.options)
        keepContentHTML = config.keepContentHTML
    }

    public func process(_ item: Item) throws -> [Item] {
        var item = item
        cleaner.clean(&item, keepContentHTML: keepContentHTML)
        return [item]
    }
}
