/// An open-addressing multimap from a 64-bit key hash to item sequence numbers, 6 bytes a slot.
///
/// Each slot holds a 16-bit tag of its key's hash and a sequence number, packed together as three
/// 16-bit words in one array, so a probe touches one cache line. A lookup hands on just the entries
/// of its probe run whose tag matches, so the owner reads an item's key material (a 64-byte signature,
/// somewhere in a large array) about once per real candidate instead of once per entry sharing the
/// run. The owner keeps each item's key material and passes `homeHash` to recompute where an entry
/// belongs (on growth and on deletion). Linear probing with backward-shift deletion, so evicting
/// items leaves no tombstones behind. Slots are found by multiply-shift ("fastrange") rather than a
/// power-of-two mask, so the table can grow by half instead of doubling: its load stays between 0.53
/// and 0.8, about 9 bytes an entry.
struct SequenceHashTable {
    /// Three words a slot: the tag (0: empty), then the stored value's low and high halves.
    private var words: [UInt16]
    /// Number of slots.
    private var size: Int
    private(set) var count = 0
    static let maxLoad = 0.8

    init(capacity: Int = 1024) {
        size = max(16, capacity)
        words = [UInt16](repeating: 0, count: size * 3)
    }

    var byteCount: Int { words.capacity * MemoryLayout<UInt16>.stride }

    /// Fibonacci hashing first, because fastrange reads the top bits and callers' hashes need not be
    /// mixed there (sequential keys would all land in slot 0).
    @inline(__always)
    private func home(_ hash: UInt64) -> Int {
        let spread = hash &* 0x9E37_79B9_7F4A_7C15
        return Int(truncatingIfNeeded: spread.multipliedFullWidth(by: UInt64(size)).high)
    }

    /// The low 16 bits of the hash (the home comes from the mixed high bits), 0 made 1.
    @inline(__always)
    private static func tag(_ hash: UInt64) -> UInt16 {
        let low = UInt16(truncatingIfNeeded: hash)
        return low == 0 ? 1 : low
    }

    @inline(__always)
    private func after(_ index: Int) -> Int {
        index + 1 == size ? 0 : index + 1
    }

    @inline(__always)
    private func tag(at index: Int) -> UInt16 { words[index * 3] }

    /// Sequence + 1 of the slot.
    @inline(__always)
    private func stored(at index: Int) -> UInt32 { UInt32(words[index * 3 + 1]) | UInt32(words[index * 3 + 2]) << 16 }

    @inline(__always)
    private mutating func set(_ index: Int, tag: UInt16, stored: UInt32) {
        words[index * 3] = tag
        words[index * 3 + 1] = UInt16(truncatingIfNeeded: stored)
        words[index * 3 + 2] = UInt16(truncatingIfNeeded: stored >> 16)
    }

    /// Reads the home slot of `hash` and returns its tag: called for all of an item's tables before any
    /// is searched, so the processor fetches their cache lines in parallel rather than one miss after
    /// another (at a million items almost every first probe misses).
    @inline(__always)
    func touch(hash: UInt64) -> UInt16 { tag(at: home(hash)) }

    /// Calls `body` with every stored sequence in the probe run from `hash`'s home slot whose tag
    /// matches; the caller checks the real key. Stops early when `body` returns false.
    func forEachCandidate(hash: UInt64, _ body: (UInt32) -> Bool) {
        let tag = Self.tag(hash)
        var index = home(hash)
        while true {
            let found = self.tag(at: index)
            if found == 0 { return }
            if found == tag, !body(stored(at: index) &- 1) { return }
            index = after(index)
        }
    }

    mutating func insert(_ sequence: UInt32, hash: UInt64, homeHash: (UInt32) -> UInt64) {
        if Double(count + 1) > Double(size) * Self.maxLoad { grow(homeHash: homeHash) }
        place(sequence &+ 1, hash: hash)
        count += 1
    }

    private mutating func place(_ stored: UInt32, hash: UInt64) {
        var index = home(hash)
        while tag(at: index) != 0 { index = after(index) }
        set(index, tag: Self.tag(hash), stored: stored)
    }

    private mutating func grow(homeHash: (UInt32) -> UInt64) {
        let old = self
        size += size / 2
        words = [UInt16](repeating: 0, count: size * 3)
        for index in 0..<old.size where old.tag(at: index) != 0 {
            let stored = old.stored(at: index)
            place(stored, hash: homeHash(stored &- 1))
        }
    }

    /// Removes `sequence` (stored under `hash`); returns false when it was not there.
    @discardableResult
    mutating func remove(_ sequence: UInt32, hash: UInt64, homeHash: (UInt32) -> UInt64) -> Bool {
        let target = sequence &+ 1
        let wanted = Self.tag(hash)
        var index = home(hash)
        while tag(at: index) != wanted || stored(at: index) != target {
            if tag(at: index) == 0 { return false }
            index = after(index)
        }
        var hole = index
        var next = after(hole)
        while tag(at: next) != 0 {
            let entryHome = home(homeHash(stored(at: next) &- 1))
            // The entry at `next` may move back into the hole only if the hole lies on its probe path,
            // that is cyclically within [its home, next).
            let distanceToNext = (next - entryHome + size) % size
            let distanceToHole = (hole - entryHome + size) % size
            if distanceToHole < distanceToNext {
                set(hole, tag: tag(at: next), stored: stored(at: next))
                hole = next
            }
            next = after(next)
        }
        set(hole, tag: 0, stored: 0)
        count -= 1
        return true
    }
}
