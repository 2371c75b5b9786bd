/// Positions by 64-bit hash, in an open-addressing table: what `EntityCollector` keeps per story
/// instead of a `Dictionary`, whose hashing cost more than the rest of adding a name.
struct SlotIndex {
    /// Each slot's hash; `positions[slot]` is -1 while the slot is empty.
    private var hashes: [UInt64]
    private var positions: [Int32]
    private var count = 0

    init(capacity: Int = 64) {
        var size = 16
        while size < capacity { size <<= 1 }
        hashes = [UInt64](repeating: 0, count: size)
        positions = [Int32](repeating: -1, count: size)
    }

    /// The position stored for `hash`; when there is none, `position` is stored and returned.
    mutating func position(of hash: UInt64, orInsert position: Int) -> Int {
        if (count + 1) * 2 > hashes.count { grow() }
        let mask = hashes.count - 1
        var slot = Self.start(hash, mask)
        while positions[slot] >= 0 {
            if hashes[slot] == hash { return Int(positions[slot]) }
            slot = (slot + 1) & mask
        }
        hashes[slot] = hash
        positions[slot] = Int32(truncatingIfNeeded: position)
        count += 1
        return position
    }

    private mutating func grow() {
        let oldHashes = hashes, oldPositions = positions
        hashes = [UInt64](repeating: 0, count: oldHashes.count * 2)
        positions = [Int32](repeating: -1, count: oldHashes.count * 2)
        count = 0
        for slot in oldHashes.indices where oldPositions[slot] >= 0 {
            _ = position(of: oldHashes[slot], orInsert: Int(oldPositions[slot]))
        }
    }

    @inline(__always) private static func start(_ hash: UInt64, _ mask: Int) -> Int {
        Int(truncatingIfNeeded: hash ^ (hash >> 31)) & mask
    }
}
