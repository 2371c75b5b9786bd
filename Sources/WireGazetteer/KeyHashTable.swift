/// The gazetteer's keys by a 64-bit hash of their bytes (`Gazetteer.keyHash`), in an open-addressing
/// table: a caller that can hash a name's key straight from the text's bytes finds its entries
/// without building the key as a `String` or hashing it again (two distinct keys share a hash with a
/// chance of one in 2^64).
struct KeyHashTable: Sendable {
    /// Each slot's key hash, or nil when empty; `lists[slot]` its entries.
    private let hashes: [UInt64?]
    private let lists: [[GazetteerEntry]]
    private let mask: Int

    init(_ byKey: [String: [GazetteerEntry]]) {
        var size = 16
        while size < byKey.count * 2 { size <<= 1 }
        mask = size - 1
        var hashes = [UInt64?](repeating: nil, count: size)
        var lists = [[GazetteerEntry]](repeating: [], count: size)
        for (key, entries) in byKey {
            let hash = Gazetteer.keyHash(key.utf8)
            var slot = Self.slot(hash, mask)
            while let taken = hashes[slot], taken != hash { slot = (slot + 1) & mask }
            hashes[slot] = hash
            lists[slot] += entries
        }
        self.hashes = hashes
        self.lists = lists
    }

    func entries(forHash hash: UInt64) -> [GazetteerEntry] {
        var slot = Self.slot(hash, mask)
        while let taken = hashes[slot] {
            if taken == hash { return lists[slot] }
            slot = (slot + 1) & mask
        }
        return []
    }

    private static func slot(_ hash: UInt64, _ mask: Int) -> Int {
        Int(truncatingIfNeeded: hash ^ (hash >> 32)) & mask
    }
}
