/// Every issue `ConfigLoader` found in one config, in document order; thrown instead of a config so
/// that an operator fixes all of them in one pass rather than one per run of `wirefeed check`.
public struct ConfigError: Error, Sendable, Equatable, CustomStringConvertible {
    public var issues: [ConfigIssue]

    public init(issues: [ConfigIssue]) {
        self.issues = issues
    }

    /// One issue per line, as `wirefeed check` prints them.
    public var description: String { issues.map(\.description).joined(separator: "\n") }
}
