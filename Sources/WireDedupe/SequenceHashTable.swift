/// An open-addressing multimap from a 64-bit key hash to item sequence numbers, 4 bytes a slot.
///
/// The table stores only sequence numbers; the owner keeps each item's key material and passes
/// `homeHash` to recompute where an entry belongs (on growth and on deletion). Linear probing with
/// backward-shift deletion, so evicting items leaves no tombstones behind and lookups stay short.
/// Slots are found by multiply-shift ("fastrange") rather than a power-of-two mask, so the table can
/// grow by half instead of doubling: its load stays between 0.53 and 0.8, about 6 bytes an entry.
struct SequenceHashTable {
    /// 0 is empty; otherwise sequence + 1.
    private var slots: [UInt32]
    private(set) var count = 0
    static let maxLoad = 0.8

    init(capacity: Int = 1024) {
        slots = [UInt32](repeating: 0, count: max(16, capacity))
    }

    var byteCount: Int { slots.capacity * MemoryLayout<UInt32>.stride }

    /// Fibonacci hashing first, because fastrange reads the top bits and callers' hashes need not be
    /// mixed there (sequential keys would all land in slot 0).
    @inline(__always)
    private func home(_ hash: UInt64) -> Int {
        let spread = hash &* 0x9E37_79B9_7F4A_7C15
        return Int(truncatingIfNeeded: spread.multipliedFullWidth(by: UInt64(slots.count)).high)
    }

    @inline(__always)
    private func after(_ index: Int) -> Int {
        index + 1 == slots.count ? 0 : index + 1
    }

    /// Calls `body` with every stored sequence in the probe run from `hash`'s home slot; the caller
    /// checks the real key. Stops early when `body` returns false.
    func forEachCandidate(hash: UInt64, _ body: (UInt32) -> Bool) {
        var index = home(hash)
        while slots[index] != 0 {
            if !body(slots[index] &- 1) { return }
            index = after(index)
        }
    }

    mutating func insert(_ sequence: UInt32, hash: UInt64, homeHash: (UInt32) -> UInt64) {
        if Double(count + 1) > Double(slots.count) * Self.maxLoad { grow(homeHash: homeHash) }
        place(sequence &+ 1, hash: hash)
        count += 1
    }

    private mutating func place(_ stored: UInt32, hash: UInt64) {
        var index = home(hash)
        while slots[index] != 0 { index = after(index) }
        slots[index] = stored
    }

    private mutating func grow(homeHash: (UInt32) -> UInt64) {
        let old = slots
        slots = [UInt32](repeating: 0, count: old.count + old.count / 2)
        for stored in old where stored != 0 {
            place(stored, hash: homeHash(stored &- 1))
        }
    }

    /// Removes `sequence` (stored under `hash`); returns false when it was not there.
    @discardableResult
    mutating func remove(_ sequence: UInt32, hash: UInt64, homeHash: (UInt32) -> UInt64) -> Bool {
        let stored = sequence &+ 1
        var index = home(hash)
        while slots[index] != stored {
            if slots[index] == 0 { return false }
            index = after(index)
        }
        let size = slots.count
        var hole = index
        var next = after(hole)
        while slots[next] != 0 {
            let entryHome = home(homeHash(slots[next] &- 1))
            // The entry at `next` may move back into the hole only if the hole lies on its probe path,
            // that is cyclically within [its home, next).
            let distanceToNext = (next - entryHome + size) % size
            let distanceToHole = (hole - entryHome + size) % size
            if distanceToHole < distanceToNext {
                slots[hole] = slots[next]
                hole = next
            }
            next = after(next)
        }
        slots[hole] = 0
        count -= 1
        return true
    }
}
