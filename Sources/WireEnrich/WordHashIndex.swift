/// A fixed map from 64-bit word hashes to small integers in an open-addressing table: looked up once
/// per word of a story, where a `Dictionary` spent more on hashing the hash than on the rest.
struct WordHashIndex: Sendable {
    private let hashes: [UInt64]
    /// Each slot's value plus one; 0 marks an empty slot.
    private let values: [Int32]
    private let mask: Int

    /// `pairs` with distinct hashes; a repeated hash keeps its first value.
    init(_ pairs: [(hash: UInt64, value: Int)]) {
        var size = 16
        while size < pairs.count * 2 { size <<= 1 }
        mask = size - 1
        var hashes = [UInt64](repeating: 0, count: size)
        var values = [Int32](repeating: 0, count: size)
        for (hash, value) in pairs {
            var slot = Self.start(hash, mask)
            while values[slot] != 0, hashes[slot] != hash { slot = (slot + 1) & mask }
            guard values[slot] == 0 else { continue }
            hashes[slot] = hash
            values[slot] = Int32(value + 1)
        }
        self.hashes = hashes
        self.values = values
    }

    func value(for hash: UInt64) -> Int? {
        var slot = Self.start(hash, mask)
        while true {
            let held = values[slot]
            if held == 0 { return nil }
            if hashes[slot] == hash { return Int(held) - 1 }
            slot = (slot + 1) & mask
        }
    }

    @inline(__always) private static func start(_ hash: UInt64, _ mask: Int) -> Int {
        Int(truncatingIfNeeded: hash ^ (hash >> 29)) & mask
    }
}
