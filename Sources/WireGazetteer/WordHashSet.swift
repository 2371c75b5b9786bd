/// A fixed set of 64-bit word hashes in an open-addressing table: `Gazetteer.mayStartName` asks it
/// for most capitalised words of a story, and a `Set<UInt64>` spent more hashing the hash than the
/// rest of the test.
struct WordHashSet: Sendable {
    /// Each slot's hash, or 0 when empty; the hash 0 itself is kept in `holdsZero`.
    private let slots: [UInt64]
    private let mask: Int
    private let holdsZero: Bool

    init(_ hashes: some Sequence<UInt64>) {
        let unique = Set(hashes)
        var size = 16
        while size < unique.count * 2 { size <<= 1 }
        mask = size - 1
        var slots = [UInt64](repeating: 0, count: size)
        for hash in unique where hash != 0 {
            var slot = Self.start(hash, mask)
            while slots[slot] != 0 { slot = (slot + 1) & mask }
            slots[slot] = hash
        }
        self.slots = slots
        holdsZero = unique.contains(0)
    }

    func contains(_ hash: UInt64) -> Bool {
        guard hash != 0 else { return holdsZero }
        return slots.withUnsafeBufferPointer { slots in
            var slot = Self.start(hash, mask)
            while true {
                let held = slots[slot]
                if held == hash { return true }
                if held == 0 { return false }
                slot = (slot + 1) & mask
            }
        }
    }

    @inline(__always) private static func start(_ hash: UInt64, _ mask: Int) -> Int {
        Int(truncatingIfNeeded: hash ^ (hash >> 29)) & mask
    }
}
