import WireModel

/// A run of consecutive stages that are either all order-independent (run on several threads at once)
/// or all order-sensitive (run on one thread, items in arrival order), for `process --threads`.
struct StageSegment: Sendable {
    var concurrent: Bool
    var pipeline: EmbeddedPipeline

    /// The stages cut into maximal runs of the same kind, in order. `clean → dedupe → extract → enrich →
    /// route` gives three: clean (concurrent), dedupe (in order), extract + enrich + route (concurrent).
    static func split(_ stages: [any Stage]) -> [StageSegment] {
        var segments: [StageSegment] = []
        var current: [any Stage] = []
        var concurrent = false
        for stage in stages {
            if !current.isEmpty, stage.isOrderIndependent != concurrent {
                segments.append(StageSegment(concurrent: concurrent, pipeline: EmbeddedPipeline(stages: current)))
                current = []
            }
            concurrent = stage.isOrderIndependent
            current.append(stage)
        }
        if !current.isEmpty {
            segments.append(StageSegment(concurrent: concurrent, pipeline: EmbeddedPipeline(stages: current)))
        }
        return segments
    }

    /// Every item of `items` through this segment's stages, one result per input item, in order. An
    /// in-order segment opening with a `PreparingStage` has that stage's item-only work done first, on
    /// every thread.
    func run(_ items: [[Item]], threads: Int) -> [EmbeddedPipeline.Result] {
        let pipeline = self.pipeline
        if !concurrent, threads > 1, let first = pipeline.stages.first as? any PreparingStage {
            let prepared = ParallelMap.map(items.count, threads: threads) { index in items[index].map(first.prepare) }
            return items.indices.map { index in Self.run(items[index], prepared: prepared[index], through: pipeline) }
        }
        let work: @Sendable (Int) -> EmbeddedPipeline.Result = { index in Self.run(items[index], prepared: nil, through: pipeline) }
        return ParallelMap.map(items.count, threads: concurrent ? threads : 1, work)
    }

    /// One input's items through the pipeline, their results together; `prepared[i]`, when given, is
    /// the first stage's preparation of `group[i]`.
    private static func run(_ group: [Item], prepared: [any Sendable]?, through pipeline: EmbeddedPipeline) -> EmbeddedPipeline.Result {
        var combined = EmbeddedPipeline.Result()
        for (position, item) in group.enumerated() {
            let result = pipeline.run(item, prepared: prepared?[position])
            combined.emitted.append(contentsOf: result.emitted)
            combined.deadLetters.append(contentsOf: result.deadLetters)
        }
        return combined
    }
}
