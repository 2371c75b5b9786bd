/// The ids of the last lines a file sink holds: at most `lineBudget` lines and `byteBudget` bytes,
/// oldest evicted first.
///
/// It mirrors what reconcile-on-open reads back after a crash (the same two budgets), whether the
/// lines came from an earlier run or this one, so a record is skipped exactly when a restart would
/// have skipped it. Bounded because a daemon that runs for months writes millions of lines; older
/// duplicates are the dedupe stage's business, not the sink's.
struct RecentIDWindow {
    let lineBudget: Int
    let byteBudget: Int
    /// Lines oldest first from `head`; a line without an id still takes its share of the budgets.
    private var lines: [(id: String?, bytes: Int)] = []
    private var head = 0
    private var bytes = 0
    /// How many times each id occurs in the window: a file may hold an id twice (written by hand, or
    /// before this sink existed), and evicting one copy must not forget the other.
    private var occurrences: [String: Int] = [:]

    init(lineBudget: Int, byteBudget: Int, lines: some Sequence<(id: String?, bytes: Int)> = []) {
        self.lineBudget = max(0, lineBudget)
        self.byteBudget = max(0, byteBudget)
        for line in lines { insert(line.id, bytes: line.bytes) }
    }

    /// Distinct ids in the window.
    var count: Int { occurrences.count }

    func contains(_ id: String) -> Bool { occurrences[id] != nil }

    /// Records a line just written (`bytes` counts its `\n`).
    mutating func insert(_ id: String?, bytes lineBytes: Int) {
        lines.append((id, lineBytes))
        bytes += lineBytes
        if let id { occurrences[id, default: 0] += 1 }
        while head < lines.count, lines.count - head > lineBudget || bytes > byteBudget {
            evictOldest()
        }
        // Drop evicted slots now and then, so the array stays about the size of the window.
        if head > 4096, head * 2 > lines.count {
            lines.removeFirst(head)
            head = 0
        }
    }

    private mutating func evictOldest() {
        let oldest = lines[head]
        head += 1
        bytes -= oldest.bytes
        guard let id = oldest.id, let n = occurrences[id] else { return }
        occurrences[id] = n > 1 ? n - 1 : nil
    }
}
