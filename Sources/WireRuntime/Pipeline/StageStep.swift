import WireModel

/// Runs one stage on one item and turns any error into a `StageFailure`, so the queued runtime and
/// the embedded runner treat failures the same way.
enum StageStep {
    static func apply(_ stage: any Stage, to item: Item) -> Result<[Item], StageFailure> {
        apply(stage) { try stage.process(item) }
    }

    /// `apply` with the item's `PreparingStage.prepare` result already in hand.
    static func apply(_ stage: any PreparingStage, to item: Item, prepared: any Sendable) -> Result<[Item], StageFailure> {
        apply(stage) { try stage.process(item, prepared: prepared) }
    }

    private static func apply(_ stage: any Stage, _ process: () throws -> [Item]) -> Result<[Item], StageFailure> {
        do {
            return .success(try process())
        } catch let failure as StageFailure {
            return .failure(failure)
        } catch {
            return .failure(StageFailure(stage: stage.name, reason: "error", detail: String(describing: error)))
        }
    }
}

/// What a dead-letter line is made from: why, where from, and what to replay.
public struct DeadLetterInput: Sendable {
    public var failure: StageFailure
    public var source: ItemSource
    /// The item as it entered the failing stage (replayable), when there was one.
    public var item: Item?
    /// The raw text of an input fragment a reader could not turn into an item.
    public var text: String?

    public init(failure: StageFailure, source: ItemSource, item: Item? = nil, text: String? = nil) {
        self.failure = failure
        self.source = source
        self.item = item
        self.text = text
    }
}
