/// Builds the configured stages, in order.
///
/// The stage implementations land issue by issue (clean and extract, dedupe, enrich and route); a config
/// naming a stage this build does not have is refused with a clear error by `check` and `run` alike,
/// rather than silently running without it.
public enum StageFactory {
    public struct Unavailable: Error, Sendable, Equatable, CustomStringConvertible {
        public var index: Int
        public var type: String
        public var description: String {
            "stages[\(index)].type: stage \"\(type)\" is not available in this build of wirefeed; "
                + "remove it from the stage list or upgrade"
        }
    }

    /// Stage types this build implements.
    public static let available: Set<String> = ["clean", "dedupe", "extract", "enrich", "route"]

    /// - Parameter state: the state store stages with memory (dedupe) persist to; nil keeps it in memory.
    public static func make(_ configs: [StageConfig], state: (any DedupeStateStore)? = nil) throws(Unavailable) -> [any Stage] {
        var stages: [any Stage] = []
        for (index, config) in configs.enumerated() {
            guard available.contains(config.typeName) else { throw Unavailable(index: index, type: config.typeName) }
            // Each implemented stage adds its case here.
            switch config {
            case .clean(let clean): stages.append(CleanStage(config: clean))
            case .extract(let options): stages.append(ExtractStage(config: options))
            case .dedupe(let dedupe): stages.append(DedupeStage(config: dedupe, store: state))
            case .enrich: stages.append(EnrichStage())
            case .route(let route): stages.append(RouteStage(config: route))
            }
        }
        return stages
    }

    /// Whether any of the stages keeps memory in the state store (dedupe): a config without one needs no
    /// state database, and `process` then opens none (no file, no migrations, no fsync at start-up).
    public static func needsState(_ configs: [StageConfig]) -> Bool {
        configs.contains { if case .dedupe = $0 { true } else { false } }
    }

    /// The card's stages with their defaults, those this build has: what `process` runs without a config.
    public static var defaultConfigs: [StageConfig] {
        // No route: without a config there are no rules and no sinks to choose, and an empty default drops.
        let card: [StageConfig] = [.clean(CleanStageConfig()), .dedupe(DedupeStageConfig()), .extract(ExtractStageConfig()), .enrich]
        return card.filter { available.contains($0.typeName) }
    }

    /// Every stage the config names that this build lacks, for `wirefeed check`.
    public static func unavailable(in configs: [StageConfig]) -> [Unavailable] {
        configs.enumerated().compactMap { index, config in
            available.contains(config.typeName) ? nil : Unavailable(index: index, type: config.typeName)
        }
    }
}
