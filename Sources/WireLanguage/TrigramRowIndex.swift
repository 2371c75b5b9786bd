/// The n-gram keys of `TrigramTable` → their rows, in an open-addressing table: scoring looks up two
/// keys per letter, and a `Dictionary` spent more hashing them than the scoring itself. N-grams of the
/// letters a–z, the commonest by far, are read straight from a small dense table instead (27³ slots:
/// a bigram's missing first letter counts as a 27th), which stays in cache where the hashed one misses.
struct TrigramRowIndex: Sendable {
    /// Row plus one of each a–z n-gram at `denseSlot`, 0 when the table lacks it.
    private let dense: [Int32]
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
        var dense = [Int32](repeating: 0, count: 27 * 27 * 27)
        for (key, row) in rowsByKey {
            if let slot = Self.denseSlot(key) { dense[slot] = Int32(row + 1) }
        }
        self.dense = dense
    }

    func row(for key: UInt64) -> Int? {
        if let slot = Self.denseSlot(key) {
            let held = dense[slot]
            return held == 0 ? nil : Int(held) - 1
        }
        return hashedRow(for: key)
    }

    /// The dense table's slot for a key whose letters are a–z (the first may be 0, a bigram's); nil otherwise.
    @inline(__always) private static func denseSlot(_ key: UInt64) -> Int? {
        let first = key >> 42
        let second = (key >> 21) & 0x1F_FFFF
        let third = key & 0x1F_FFFF
        // Letters a–z become 1…26 (wrapping below "a" makes them huge); the first may also be 0.
        let b = second &- 0x60
        let c = third &- 0x60
        let a = first == 0 ? 0 : first &- 0x60
        guard a <= 26, first == 0 || a >= 1, b >= 1, b <= 26, c >= 1, c <= 26 else { return nil }
        return Int(truncatingIfNeeded: (a * 27 + b) * 27 + c)
    }

    private func hashedRow(for key: UInt64) -> Int? {
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
