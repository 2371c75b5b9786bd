/// An open-addressing multimap from a 64-bit key hash to item sequence numbers, 6 bytes a slot.
///
/// Each slot holds a sequence number and a 16-bit tag of its key's hash, in two parallel arrays. A
/// lookup walks only the tags of its probe run and hands on just the entries whose tag matches, so the
/// owner reads an item's key material (a 64-byte signature, somewhere in a large array) about once per
/// real candidate instead of once per entry sharing the run: at a million items those reads were
/// cache misses that made lookups twice as slow as at ten thousand. The owner keeps each item's key
/// material and passes `homeHash` to recompute where an entry belongs (on growth and on deletion).
/// Linear probing with backward-shift deletion, so evicting items leaves no tombstones behind. Slots
/// are found by multiply-shift ("fastrange") rather than a power-of-two mask, so the table can grow by
/// half instead of doubling: its load stays between 0.53 and 0.8, about 9 bytes an entry.
struct SequenceHashTable {
    /// 0 is empty; otherwise the key's tag (never 0).
    private var tags: [UInt16]
    /// Sequence + 1 where `tags` is not 0.
    private var slots: [UInt32]
    private(set) var count = 0
    static let maxLoad = 0.8

    init(capacity: Int = 1024) {
        tags = [UInt16](repeating: 0, count: max(16, capacity))
        slots = [UInt32](repeating: 0, count: max(16, capacity))
    }

    var byteCount: Int { slots.capacity * MemoryLayout<UInt32>.stride + tags.capacity * MemoryLayout<UInt16>.stride }

    /// Fibonacci hashing first, because fastrange reads the top bits and callers' hashes need not be
    /// mixed there (sequential keys would all land in slot 0).
    @inline(__always)
    private func home(_ hash: UInt64) -> Int {
        let spread = hash &* 0x9E37_79B9_7F4A_7C15
        return Int(truncatingIfNeeded: spread.multipliedFullWidth(by: UInt64(tags.count)).high)
    }

    /// The low 16 bits of the hash (the home comes from the mixed high bits), 0 made 1.
    @inline(__always)
    private static func tag(_ hash: UInt64) -> UInt16 {
        let low = UInt16(truncatingIfNeeded: hash)
        return low == 0 ? 1 : low
    }

    @inline(__always)
    private func after(_ index: Int) -> Int {
        index + 1 == tags.count ? 0 : index + 1
    }

    /// Calls `body` with every stored sequence in the probe run from `hash`'s home slot whose tag
    /// matches; the caller checks the real key. Stops early when `body` returns false.
    func forEachCandidate(hash: UInt64, _ body: (UInt32) -> Bool) {
        let tag = Self.tag(hash)
        var index = home(hash)
        while tags[index] != 0 {
            if tags[index] == tag, !body(slots[index] &- 1) { return }
            index = after(index)
        }
    }

    mutating func insert(_ sequence: UInt32, hash: UInt64, homeHash: (UInt32) -> UInt64) {
        if Double(count + 1) > Double(tags.count) * Self.maxLoad { grow(homeHash: homeHash) }
        place(sequence &+ 1, hash: hash)
        count += 1
    }

    private mutating func place(_ stored: UInt32, hash: UInt64) {
        var index = home(hash)
        while tags[index] != 0 { index = after(index) }
        tags[index] = Self.tag(hash)
        slots[index] = stored
    }

    private mutating func grow(homeHash: (UInt32) -> UInt64) {
        let (oldTags, oldSlots) = (tags, slots)
        let size = oldTags.count + oldTags.count / 2
        tags = [UInt16](repeating: 0, count: size)
        slots = [UInt32](repeating: 0, count: size)
        for index in oldTags.indices where oldTags[index] != 0 {
            place(oldSlots[index], hash: homeHash(oldSlots[index] &- 1))
        }
    }

    /// Removes `sequence` (stored under `hash`); returns false when it was not there.
    @discardableResult
    mutating func remove(_ sequence: UInt32, hash: UInt64, homeHash: (UInt32) -> UInt64) -> Bool {
        let stored = sequence &+ 1
        let tag = Self.tag(hash)
        var index = home(hash)
        while tags[index] != tag || slots[index] != stored {
            if tags[index] == 0 { return false }
            index = after(index)
        }
        let size = tags.count
        var hole = index
        var next = after(hole)
        while tags[next] != 0 {
            let entryHome = home(homeHash(slots[next] &- 1))
            // The entry at `next` may move back into the hole only if the hole lies on its probe path,
            // that is cyclically within [its home, next).
            let distanceToNext = (next - entryHome + size) % size
            let distanceToHole = (hole - entryHome + size) % size
            if distanceToHole < distanceToNext {
                tags[hole] = tags[next]
                slots[hole] = slots[next]
                hole = next
            }
            next = after(next)
        }
        tags[hole] = 0
        slots[hole] = 0
        count -= 1
        return true
    }
}
