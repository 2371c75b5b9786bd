/// Small non-negative integers by 64-bit hash, in an open-addressing table: what the extractor keeps
/// per story (entity slots, names seen, parts of people's names) instead of a `Dictionary` or `Set`,
/// whose hashing of each key cost more than the rest of the work on it. Equal hashes are taken for
/// equal keys (two distinct keys share one with a chance of one in 2^64).
struct HashIndex {
    private struct Slot {
        var hash: UInt64
        /// -1 while the slot is empty.
        var value: Int
    }

    /// One array, so that a table costs one allocation.
    private var slots: [Slot]
    private var count = 0

    init(capacity: Int = 32) {
        var size = 16
        while size < capacity * 2 { size <<= 1 }
        slots = [Slot](repeating: Slot(hash: 0, value: -1), count: size)
    }

    /// The value stored for `hash`; when there is none, `value` is stored and returned.
    mutating func value(for hash: UInt64, orInsert value: Int) -> Int {
        let slot = find(hash)
        if slots[slot].value >= 0 { return slots[slot].value }
        store(value, hash, at: slot)
        return value
    }

    /// The value stored for `hash`, or nil; setting one replaces what was stored.
    subscript(hash: UInt64) -> Int? {
        get {
            let value = slots[find(hash)].value
            return value >= 0 ? value : nil
        }
        set {
            guard let newValue else { return }
            let slot = find(hash)
            if slots[slot].value >= 0 {
                slots[slot].value = newValue
            } else {
                store(newValue, hash, at: slot)
            }
        }
    }

    /// The slot holding `hash`, or the empty slot where it would go.
    private func find(_ hash: UInt64) -> Int {
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: hash ^ (hash >> 31)) & mask
        while slots[slot].value >= 0, slots[slot].hash != hash { slot = (slot + 1) & mask }
        return slot
    }

    private mutating func store(_ value: Int, _ hash: UInt64, at slot: Int) {
        slots[slot] = Slot(hash: hash, value: value)
        count += 1
        // At most half full, so that probes stay short and always reach an empty slot.
        if count * 2 > slots.count { grow() }
    }

    private mutating func grow() {
        let old = slots
        slots = [Slot](repeating: Slot(hash: 0, value: -1), count: old.count * 2)
        count = 0
        for slot in old where slot.value >= 0 { store(slot.value, slot.hash, at: find(slot.hash)) }
    }
}
