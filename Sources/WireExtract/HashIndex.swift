/// Small non-negative integers by 64-bit hash, in an open-addressing table: what the extractor keeps
/// per story (entity slots, names seen, parts of people's names) instead of a `Dictionary` or `Set`,
/// whose hashing of each key cost more than the rest of the work on it. Equal hashes are taken for
/// equal keys (two distinct keys share one with a chance of one in 2^64).
///
/// The slots live in one `ManagedBuffer` (one allocation, the size beside them) read through its
/// pointer: every slot index is masked by the table's size, a power of two no larger than the
/// buffer, so it is in bounds by construction and needs no bounds check; an `Array` checked the
/// bounds of each probe and the uniqueness of its storage on each write (the story pass writes
/// hundreds of thousands a round). A table is still a value: a write to one that shares its buffer
/// copies it first.
struct HashIndex {
    private struct Slot {
        var hash: UInt64
        /// -1 while the slot is empty.
        var value: Int
    }

    private struct Header {
        /// The number of slots less one (the size is a power of two).
        var mask: Int
        var count: Int
    }

    private var storage: ManagedBuffer<Header, Slot>

    init(capacity: Int = 32) {
        var size = 16
        while size < capacity * 2 { size <<= 1 }
        storage = Self.emptyStorage(size: size)
    }

    /// The value stored for `hash`; when there is none, `value` is stored and returned.
    @inline(__always)
    mutating func value(for hash: UInt64, orInsert value: Int) -> Int {
        makeUnique()
        let (stored, full) = storage.withUnsafeMutablePointers { header, slots -> (Int, Bool) in
            let slot = Self.find(hash, header, slots)
            if slots[slot].value >= 0 { return (slots[slot].value, false) }
            return (value, Self.store(value, hash, at: slot, header, slots))
        }
        if full { grow() }
        return stored
    }

    /// Stores `value` for `hash` when none is stored: true when it was stored, false when `hash` was
    /// there already (its value left as it was). One probe where a read and then a write took two.
    @inline(__always)
    mutating func insert(_ hash: UInt64, value: Int = 0) -> Bool {
        makeUnique()
        let (inserted, full) = storage.withUnsafeMutablePointers { header, slots -> (Bool, Bool) in
            let slot = Self.find(hash, header, slots)
            if slots[slot].value >= 0 { return (false, false) }
            return (true, Self.store(value, hash, at: slot, header, slots))
        }
        if full { grow() }
        return inserted
    }

    /// `value` stored for `hash` unless the value stored already is one that `keeps` holds for:
    /// one probe where a read and then a write took two.
    @inline(__always)
    mutating func store(_ value: Int, for hash: UInt64, unless keeps: (Int) -> Bool) {
        makeUnique()
        let full = storage.withUnsafeMutablePointers { header, slots -> Bool in
            let slot = Self.find(hash, header, slots)
            let stored = slots[slot].value
            if stored >= 0 {
                if !keeps(stored) { slots[slot].value = value }
                return false
            }
            return Self.store(value, hash, at: slot, header, slots)
        }
        if full { grow() }
    }

    /// The value stored for `hash`, or nil; setting one replaces what was stored.
    @inline(__always)
    subscript(hash: UInt64) -> Int? {
        get {
            storage.withUnsafeMutablePointers { header, slots -> Int? in
                let value = slots[Self.find(hash, header, slots)].value
                return value >= 0 ? value : nil
            }
        }
        set {
            guard let newValue else { return }
            store(newValue, for: hash) { _ in false }
        }
    }

    /// The slot holding `hash`, or the empty slot where it would go.
    @inline(__always)
    private static func find(_ hash: UInt64, _ header: UnsafeMutablePointer<Header>, _ slots: UnsafeMutablePointer<Slot>) -> Int {
        let mask = header.pointee.mask
        var slot = Int(truncatingIfNeeded: hash ^ (hash >> 31)) & mask
        while slots[slot].value >= 0, slots[slot].hash != hash { slot = (slot + 1) & mask }
        return slot
    }

    /// Fills an empty slot; true when the table is then more than half full and must grow.
    @inline(__always)
    private static func store(_ value: Int, _ hash: UInt64, at slot: Int, _ header: UnsafeMutablePointer<Header>,
                              _ slots: UnsafeMutablePointer<Slot>) -> Bool {
        slots[slot] = Slot(hash: hash, value: value)
        header.pointee.count += 1
        // At most half full, so that probes stay short and always reach an empty slot.
        return header.pointee.count * 2 > header.pointee.mask + 1
    }

    /// A write goes to a buffer this table alone holds.
    @inline(__always)
    private mutating func makeUnique() {
        if !isKnownUniquelyReferenced(&storage) { storage = copy(of: storage) }
    }

    private func copy(of old: ManagedBuffer<Header, Slot>) -> ManagedBuffer<Header, Slot> {
        old.withUnsafeMutablePointers { oldHeader, oldSlots in
            let size = oldHeader.pointee.mask + 1
            let new = ManagedBuffer<Header, Slot>.create(minimumCapacity: size) { _ in oldHeader.pointee }
            new.withUnsafeMutablePointerToElements { $0.initialize(from: oldSlots, count: size) }
            return new
        }
    }

    private mutating func grow() {
        let old = storage
        storage = old.withUnsafeMutablePointers { oldHeader, oldSlots in
            let size = (oldHeader.pointee.mask + 1) * 2
            let new = Self.emptyStorage(size: size)
            new.withUnsafeMutablePointers { header, slots in
                for position in 0...oldHeader.pointee.mask where oldSlots[position].value >= 0 {
                    let slot = Self.find(oldSlots[position].hash, header, slots)
                    _ = Self.store(oldSlots[position].value, oldSlots[position].hash, at: slot, header, slots)
                }
            }
            return new
        }
    }

    /// A buffer of `size` empty slots (`size` a power of two).
    private static func emptyStorage(size: Int) -> ManagedBuffer<Header, Slot> {
        let storage = ManagedBuffer<Header, Slot>.create(minimumCapacity: size) { _ in Header(mask: size - 1, count: 0) }
        storage.withUnsafeMutablePointerToElements { $0.initialize(repeating: Slot(hash: 0, value: -1), count: size) }
        return storage
    }
}
