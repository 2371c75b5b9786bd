import Foundation
import WireModel

/// The `route` stage (DESIGN §4): tries every rule on every item; each matching rule adds its name to
/// `routes` and its sinks to the item's delivery list; a matching `drop` rule drops the item; an item that
/// no rule sends anywhere goes to the stage's `default` sinks (an empty default drops it). Rules see the
/// item as it arrives: `routes` is rebuilt here, not added to.
///
/// Conditions read the item as it would be written (its NDJSON object), so every contract field,
/// including those later stages add, is reachable by the same dotted path the output shows.
public final class RouteStage: Stage, @unchecked Sendable {  // `shelf` is guarded by `shelfLock`
    public let name = "route"

    struct CompiledRule: Sendable {
        var name: String
        var sinks: [String]
        var drop: Bool
        var matcher: RouteMatcher
        var schedule: RouteSchedule?
    }

    private let rules: Result<[CompiledRule], RouteMatcher.BadPattern>
    private let view: RouteItemView
    private let defaultSinks: [String]
    private let holdEmbargoes: Bool
    private let now: @Sendable () -> Date
    private let shelfLock = NSLock()
    private var shelf: EmbargoShelf?

    /// - Parameter now: the clock schedules are read against (tests pass a fixed one).
    public init(config: RouteStageConfig, now: @escaping @Sendable () -> Date = { Date() }) {
        let rules = Result { () throws(RouteMatcher.BadPattern) in try Self.compile(config.rules) }
        self.rules = rules
        self.view = RouteItemView((try? rules.get())?.map(\.matcher) ?? [])
        self.defaultSinks = config.defaultSinks
        self.holdEmbargoes = config.holdEmbargoes
        self.now = now
    }

    /// Where embargoed items wait. The daemon attaches its state database's shelf; without one (the
    /// one-shot `process`, which prints rather than delivers) embargoed items pass straight through.
    public func holdEmbargoes(on shelf: EmbargoShelf) {
        shelfLock.withLock { self.shelf = shelf }
    }

    /// Whether this stage wants embargoed items held (its config's `embargo`).
    public var holdsEmbargoes: Bool { holdEmbargoes }

    /// Rules read one item at a time; only holding embargoes (a shared shelf) ties items to their order.
    public var isOrderIndependent: Bool { !holdEmbargoes }

    /// Compiles every rule's condition; `check` has already refused patterns that do not compile, so a
    /// failure here means the config was built without it.
    static func compile(_ rules: [RouteRule]) throws(RouteMatcher.BadPattern) -> [CompiledRule] {
        var compiled: [CompiledRule] = []
        for rule in rules {
            compiled.append(CompiledRule(name: rule.name, sinks: rule.to, drop: rule.drop,
                                         matcher: try RouteMatcher(rule.when), schedule: rule.schedule))
        }
        return compiled
    }

    public func process(_ item: Item) throws -> [Item] {
        let rules: [CompiledRule]
        switch self.rules {
        case .success(let compiled): rules = compiled
        case .failure(let bad):
            throw StageFailure(stage: name, reason: "bad-pattern",
                               detail: "the route pattern \(bad.pattern) does not compile: \(bad.reason)")
        }
        let json: ConfigJSON
        do {
            json = try ConfigJSONParser.parse(view.slimmed(item).ndjsonLine())
        } catch {
            throw StageFailure(stage: name, reason: "unreadable-item", detail: "the item's own JSON did not parse: \(error)")
        }
        let instant = now()
        var routed = item
        routed.routes = []
        var sinks: [String] = []
        var drop = false
        for rule in rules where (rule.schedule?.isActive(at: instant) ?? true) && rule.matcher.holds(for: json) {
            routed.routes.append(rule.name)
            drop = drop || rule.drop
            for sink in rule.sinks where !sinks.contains(sink) { sinks.append(sink) }
        }
        routed.deliverTo = sinks.isEmpty ? defaultSinks : sinks
        // Routed nowhere (an empty default) is dropped too, so `process` does not print it.
        if drop || routed.deliverTo?.isEmpty != false { return [] }
        if holdEmbargoes, let shelf = shelfLock.withLock({ self.shelf }),
           let releaseAt = EmbargoShelf.releaseTime(of: routed), releaseAt > instant {
            do {
                try shelf.hold(routed, until: releaseAt)
            } catch {
                throw StageFailure(stage: name, reason: "embargo-hold-failed", detail: "\(error)")
            }
            return []
        }
        return [routed]
    }
}
