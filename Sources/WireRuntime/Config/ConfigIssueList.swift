/// Issues as checks find them, each with the byte offset of the value it is about, so that issues
/// from separate passes (shapes first, cross-references after) come out in document order.
struct ConfigIssueList {
    private var entries: [(offset: Int, issue: ConfigIssue)] = []

    var isEmpty: Bool { entries.isEmpty }

    mutating func add(_ message: String, at path: String, offset: Int) {
        entries.append((offset, ConfigIssue(path: path, message: message)))
    }

    mutating func append(contentsOf other: ConfigIssueList) {
        entries.append(contentsOf: other.entries)
    }

    /// By offset; issues about the same value keep the order they were found in.
    var sorted: [ConfigIssue] {
        entries.enumerated()
            .sorted { ($0.element.offset, $0.offset) < ($1.element.offset, $1.offset) }
            .map(\.element.issue)
    }
}
