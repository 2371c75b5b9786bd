import WireClean

/// One entry of `stages`, in order. Each case carries the options that stage's issue defines; the
/// options already in the contract (DESIGN §4) are decoded and checked now so that a config written
/// today keeps working.
public enum StageConfig: Sendable, Equatable {
    case clean(CleanStageConfig)
    case dedupe(DedupeStageConfig)
    case extract(ExtractStageConfig)
    case enrich
    case route(RouteStageConfig)

    /// The names `check` accepts, in the card's order.
    public static let typeNames = ["clean", "dedupe", "extract", "enrich", "route"]

    public var typeName: String {
        switch self {
        case .clean: "clean"
        case .dedupe: "dedupe"
        case .extract: "extract"
        case .enrich: "enrich"
        case .route: "route"
        }
    }
}

public struct CleanStageConfig: Sendable, Equatable {
    /// Which furniture rules run; every family is on by default.
    public var options: CleanOptions
    /// Keep `content_html` on the item after its text has become `body`.
    public var keepContentHTML: Bool

    public init(options: CleanOptions = CleanOptions(), keepContentHTML: Bool = false) {
        self.options = options
        self.keepContentHTML = keepContentHTML
    }
}

public struct DedupeStageConfig: Sendable, Equatable {
    /// How far back a story is remembered, on `published_at` (else `received_at`); default 72h.
    public var window: Duration
    public var maxItems: Int?

    public init(window: Duration = .seconds(72 * 3600), maxItems: Int? = nil) {
        self.window = window
        self.maxItems = maxItems
    }
}

public struct RouteStageConfig: Sendable, Equatable {
    public var rules: [RouteRule]
    /// Sinks for an item that no rule sends anywhere.
    public var defaultSinks: [String]
    /// Hold items whose `embargo_until` is still ahead until it passes (the default), or route them at once.
    public var holdEmbargoes: Bool

    public init(rules: [RouteRule] = [], defaultSinks: [String] = [], holdEmbargoes: Bool = true) {
        self.rules = rules
        self.defaultSinks = defaultSinks
        self.holdEmbargoes = holdEmbargoes
    }
}

public struct RouteRule: Sendable, Equatable {
    public var name: String
    public var to: [String]
    public var drop: Bool
    public var when: RouteCondition
    /// When the rule is in force; nil means always.
    public var schedule: RouteSchedule?

    public init(name: String, to: [String] = [], drop: Bool = false, when: RouteCondition, schedule: RouteSchedule? = nil) {
        self.name = name
        self.to = to
        self.drop = drop
        self.when = when
        self.schedule = schedule
    }
}

/// `{"all": […]}`, `{"any": […]}`, `{"not": {…}}` or `{"field": PATH, OP: VALUE}`.
public indirect enum RouteCondition: Sendable, Equatable {
    case all([RouteCondition])
    case any([RouteCondition])
    case not(RouteCondition)
    case field(path: String, test: FieldTest)
}

public enum FieldTest: Sendable, Equatable {
    case equals(ConfigValue)
    case contains(ConfigValue)
    case isIn([ConfigValue])
    /// A regular expression, checked to compile when the config is loaded.
    case matches(String)
    case exists(Bool)
}

/// A JSON scalar as written in a condition.
public enum ConfigValue: Sendable, Equatable {
    case string(String)
    case number(Double)
    case bool(Bool)
    case null
}
