/// The n-gram keys of `TrigramTable` → their rows, in an open-addressing table: scoring looks up two
/// keys per letter, and a `Dictionary` spent more hashing them than the scoring itself.
struct TrigramRowIndex: Sendable {
    private let keys: [UInt64]
    /// Each slot's row plus one; 0 marks an empty slot.
    private let rows: [Int32]
    private let shift: UInt64

    /// `rows[key]` for every key of a table's `rows`.
    init(_ rowsByKey: [UInt64: Int]) {
        var bits: UInt64 = 4
        while 1 << bits < rowsByKey.count * 2 { bits += 1 }
        shift = 64 - bits
        var keys = [UInt64](repeating: 0, count: 1 << bits)
        var rows = [Int32](repeating: 0, count: 1 << bits)
        let mask = (1 << Int(bits)) - 1
        // Filled in row order, so that the table is the same in every process.
        for (key, row) in rowsByKey.sorted(by: { $0.value < $1.value }) {
            var slot = Self.start(key, shift)
            while rows[slot] != 0 { slot = (slot + 1) & mask }
            keys[slot] = key
            rows[slot] = Int32(row + 1)
        }
        self.keys = keys
        self.rows = rows
    }

    func row(for key: UInt64) -> Int? {
        let mask = rows.count - 1
        var slot = Self.start(key, shift)
        while true {
            let held = rows[slot]
            if held == 0 { return nil }
            if keys[slot] == key { return Int(held) - 1 }
            slot = (slot + 1) & mask
        }
    }

    /// Keys pack scalars, so they are mixed (Fibonacci hashing) before their top bits pick a slot.
    @inline(__always) private static func start(_ key: UInt64, _ shift: UInt64) -> Int {
        Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> shift)
    }
}
