import WireModel

/// Runs the stages inline, in order, on the caller's thread: no queues, no sleeps.
///
/// The deterministic runner for tests (as swift-nio's EmbeddedChannel) and for `wirefeed process`.
public struct EmbeddedPipeline: Sendable {
    public struct Result: Sendable {
        /// Items that came out of the last stage, in order (routes and `deliverTo` set when routed).
        public var emitted: [Item] = []
        public var deadLetters: [DeadLetterInput] = []
    }

    public let stages: [any Stage]

    public init(stages: [any Stage]) {
        self.stages = stages
    }

    public func run(_ item: Item) -> Result {
        run(item, prepared: nil)
    }

    /// `run(item)`; `prepared`, when given, is what the first stage (a `PreparingStage`) prepared for
    /// this item, and that stage is spared the work.
    func run(_ item: Item, prepared: (any Sendable)?) -> Result {
        var result = Result()
        var current = [item]
        for (position, stage) in stages.enumerated() {
            var next: [Item] = []
            for input in current {
                let step = if position == 0, let prepared, let preparing = stage as? any PreparingStage {
                    StageStep.apply(preparing, to: input, prepared: prepared)
                } else {
                    StageStep.apply(stage, to: input)
                }
                switch step {
                case .success(let outputs): next.append(contentsOf: outputs)
                case .failure(let failure):
                    result.deadLetters.append(DeadLetterInput(failure: failure, source: input.source, item: input))
                }
            }
            current = next
        }
        result.emitted = current
        return result
    }
}
