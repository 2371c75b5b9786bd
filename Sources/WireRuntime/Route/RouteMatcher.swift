import Foundation

/// A route condition made ready to test items: regular expressions compiled once, at load.
indirect enum RouteMatcher: Sendable {
    case all([RouteMatcher])
    case any([RouteMatcher])
    case not(RouteMatcher)
    case field(path: String, test: CompiledTest)

    enum CompiledTest: @unchecked Sendable {
        case equals(ConfigValue)
        case contains(ConfigValue)
        case isIn([ConfigValue])
        /// NSRegularExpression is immutable after creation and documented as safe to share across threads.
        case matches(NSRegularExpression)
        case exists(Bool)
    }

    struct BadPattern: Error, Sendable {
        var pattern: String
        var reason: String
    }

    init(_ condition: RouteCondition) throws(BadPattern) {
        switch condition {
        case .all(let conditions): self = .all(try Self.compile(conditions))
        case .any(let conditions): self = .any(try Self.compile(conditions))
        case .not(let condition): self = .not(try RouteMatcher(condition))
        case .field(let path, let test): self = .field(path: path, test: try Self.compile(test))
        }
    }

    private static func compile(_ conditions: [RouteCondition]) throws(BadPattern) -> [RouteMatcher] {
        var matchers: [RouteMatcher] = []
        for condition in conditions { matchers.append(try RouteMatcher(condition)) }
        return matchers
    }

    private static func compile(_ test: FieldTest) throws(BadPattern) -> CompiledTest {
        switch test {
        case .equals(let value): return .equals(value)
        case .contains(let value): return .contains(value)
        case .isIn(let values): return .isIn(values)
        case .exists(let exists): return .exists(exists)
        case .matches(let pattern):
            do {
                return .matches(try NSRegularExpression(pattern: pattern))
            } catch {
                throw BadPattern(pattern: pattern, reason: "\(error)")
            }
        }
    }

    /// Whether the item (as its NDJSON object) meets the condition.
    func holds(for item: ConfigJSON) -> Bool {
        switch self {
        case .all(let matchers): return matchers.allSatisfy { $0.holds(for: item) }
        case .any(let matchers): return matchers.contains { $0.holds(for: item) }
        case .not(let matcher): return !matcher.holds(for: item)
        case .field(let path, let test):
            let values = ItemFieldPath.values(at: path, in: item)
            if case .exists(let wanted) = test { return values.isEmpty != wanted }
            return values.contains { test.holds(for: $0) }
        }
    }
}

extension RouteMatcher.CompiledTest {
    /// One value reached by the path (array elements arrive one by one).
    func holds(for value: ConfigJSON) -> Bool {
        switch self {
        case .equals(let expected): return Self.same(value, expected)
        case .isIn(let expected): return expected.contains { Self.same(value, $0) }
        case .contains(let expected):
            if Self.same(value, expected) { return true }
            guard let string = value.string, case .string(let part) = expected else { return false }
            return string.contains(part)
        case .matches(let regex):
            guard let string = value.string else { return false }
            return regex.firstMatch(in: string, range: NSRange(string.startIndex..., in: string)) != nil
        case .exists: return true
        }
    }

    private static func same(_ value: ConfigJSON, _ expected: ConfigValue) -> Bool {
        switch (value.value, expected) {
        case (.string(let a), .string(let b)): a == b
        case (.number(let a), .number(let b)): Double(a) == b
        case (.bool(let a), .bool(let b)): a == b
        case (.null, .null): true
        default: false
        }
    }
}
