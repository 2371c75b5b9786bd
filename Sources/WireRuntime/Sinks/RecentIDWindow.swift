/// The ids of the last `capacity` lines a file sink holds, oldest evicted first.
///
/// It mirrors what reconcile-on-open would read back after a crash, whether the lines came from an
/// earlier run or this one, so a record is skipped exactly when a restart would have skipped it.
/// Bounded because a daemon that runs for months writes millions of lines; older duplicates are
/// the dedupe stage's business, not the sink's.
struct RecentIDWindow {
    let capacity: Int
    /// Ring of ids in the order written; `next` is the slot to overwrite once it is full.
    private var ring: [String] = []
    private var next = 0
    /// How many times each id occurs in the ring: a file may hold an id twice (written by hand, or by
    /// a version without this sink), and evicting one copy must not forget the other.
    private var occurrences: [String: Int] = [:]

    init(capacity: Int, ids: some Sequence<String> = []) {
        self.capacity = max(0, capacity)
        for id in ids { insert(id) }
    }

    var count: Int { occurrences.count }

    func contains(_ id: String) -> Bool { occurrences[id] != nil }

    mutating func insert(_ id: String) {
        guard capacity > 0 else { return }
        if ring.count < capacity {
            ring.append(id)
        } else {
            forget(ring[next])
            ring[next] = id
            next = (next + 1) % capacity
        }
        occurrences[id, default: 0] += 1
    }

    private mutating func forget(_ id: String) {
        guard let n = occurrences[id] else { return }
        occurrences[id] = n > 1 ? n - 1 : nil
    }
}
