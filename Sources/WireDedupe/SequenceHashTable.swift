/// An open-addressing multimap from a 64-bit key hash to item sequence numbers, 4 bytes a slot.
///
/// The table stores only sequence numbers; the owner keeps each item's key material and passes
/// `homeHash` to recompute where an entry belongs (on growth and on deletion). Linear probing with
/// backward-shift deletion, so evicting items leaves no tombstones behind and lookups stay short.
struct SequenceHashTable {
    /// 0 is empty; otherwise sequence + 1.
    private var slots: [UInt32]
    private var mask: Int
    private(set) var count = 0
    static let maxLoad = 0.7

    init(capacity: Int = 1024) {
        var size = 16
        while size < capacity { size <<= 1 }
        slots = [UInt32](repeating: 0, count: size)
        mask = size - 1
    }

    var byteCount: Int { slots.count * MemoryLayout<UInt32>.stride }

    /// Calls `body` with every stored sequence whose probe run covers `hash`'s home slot; the caller
    /// checks the real key. Stops early when `body` returns false.
    func forEachCandidate(hash: UInt64, _ body: (UInt32) -> Bool) {
        var index = Int(truncatingIfNeeded: hash) & mask
        while slots[index] != 0 {
            if !body(slots[index] &- 1) { return }
            index = (index + 1) & mask
        }
    }

    mutating func insert(_ sequence: UInt32, hash: UInt64, homeHash: (UInt32) -> UInt64) {
        if Double(count + 1) > Double(slots.count) * Self.maxLoad { grow(homeHash: homeHash) }
        place(sequence &+ 1, hash: hash)
        count += 1
    }

    private mutating func place(_ stored: UInt32, hash: UInt64) {
        var index = Int(truncatingIfNeeded: hash) & mask
        while slots[index] != 0 { index = (index + 1) & mask }
        slots[index] = stored
    }

    private mutating func grow(homeHash: (UInt32) -> UInt64) {
        let old = slots
        slots = [UInt32](repeating: 0, count: old.count * 2)
        mask = slots.count - 1
        for stored in old where stored != 0 {
            place(stored, hash: homeHash(stored &- 1))
        }
    }

    /// Removes `sequence` (stored under `hash`); returns false when it was not there.
    @discardableResult
    mutating func remove(_ sequence: UInt32, hash: UInt64, homeHash: (UInt32) -> UInt64) -> Bool {
        let stored = sequence &+ 1
        var index = Int(truncatingIfNeeded: hash) & mask
        while slots[index] != stored {
            if slots[index] == 0 { return false }
            index = (index + 1) & mask
        }
        var hole = index
        var next = (hole + 1) & mask
        while slots[next] != 0 {
            let home = Int(truncatingIfNeeded: homeHash(slots[next] &- 1)) & mask
            // The entry at `next` may move back into the hole only if its home is not inside (hole, next].
            let distanceToNext = (next - home) & mask
            let distanceToHole = (hole - home) & mask
            if distanceToHole < distanceToNext {
                slots[hole] = slots[next]
                hole = next
            }
            next = (next + 1) & mask
        }
        slots[hole] = 0
        count -= 1
        return true
    }
}
