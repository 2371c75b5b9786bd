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
        var result = Result()
        var current = [item]
        for stage in stages {
            var next: [Item] = []
            for input in current {
                switch StageStep.apply(stage, to: input) {
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
