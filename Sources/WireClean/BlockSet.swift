/// A set of block indices as bits: the first 64 in one word, the rest (long pages only) in an array.
/// `Set<Int>` hashed every insertion, and a story records a few indices at most.
struct BlockSet {
    private var low: UInt64 = 0
    private var high: [UInt64] = []

    mutating func insert(_ index: Int) {
        guard index >= 0 else { return }
        if index < 64 {
            low |= 1 << UInt64(index)
            return
        }
        let word = index / 64 - 1
        if word >= high.count { high += [UInt64](repeating: 0, count: word - high.count + 1) }
        high[word] |= 1 << UInt64(index % 64)
    }

    func contains(_ index: Int) -> Bool {
        guard index >= 0 else { return false }
        if index < 64 { return low & (1 << UInt64(index)) != 0 }
        let word = index / 64 - 1
        return word < high.count && high[word] & (1 << UInt64(index % 64)) != 0
    }
}
