/// One thing wrong with a config: where (a JSON path such as `sinks[2].path`) and what was expected.
///
/// The path is empty for problems that belong to no value (the file cannot be read, the JSON does not
/// parse); those messages carry their own line and column.
public struct ConfigIssue: Sendable, Equatable, CustomStringConvertible {
    public var path: String
    public var message: String

    public init(path: String, message: String) {
        self.path = path
        self.message = message
    }

    public var description: String { path.isEmpty ? message : "\(path): \(message)" }
}
