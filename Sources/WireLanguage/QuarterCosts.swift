/// One script's candidate costs in whole quarters, one byte each, for scoring with integer sums.
///
/// Every cost the profiles give is a whole number of quarters ("=N" is N/4, floors add 2), so the
/// `Float` totals the reference scoring keeps are exact while they stay below 2^22 (where a `Float`
/// still holds quarters): summing quarters as integers then gives the same totals and the same winner,
/// from a table a quarter of the size, which is what scoring spent its time fetching.
struct QuarterCosts: Sendable {
    /// Row-major like `TrigramTable.costs`, `width` candidates a row, then the bigram floors and the
    /// trigram floors as two more rows.
    let quarters: [UInt8]
    let width: Int
    private let bigramFloorRow: Int
    /// The largest cost, in quarters.
    private let largest: Int

    /// Nil when a cost is not a whole number of quarters that fits a byte.
    init?(costs: [Float], bigramFloors: [Float], trigramFloors: [Float]) {
        func inQuarters(_ values: [Float]) -> [UInt8]? {
            var out: [UInt8] = []
            out.reserveCapacity(values.count)
            for value in values {
                let scaled = value * 4
                guard scaled >= 0, scaled <= 255, scaled == scaled.rounded() else { return nil }
                out.append(UInt8(scaled))
            }
            return out
        }
        guard let all = inQuarters(costs), let bigrams = inQuarters(bigramFloors), let trigrams = inQuarters(trigramFloors),
              !bigrams.isEmpty, bigrams.count == trigrams.count else { return nil }
        width = bigrams.count
        guard all.count % width == 0 else { return nil }
        let packed = all + bigrams + trigrams
        quarters = packed
        bigramFloorRow = all.count / width
        largest = Int(packed.max() ?? 0)
    }

    /// True when a text of this many UTF-8 bytes cannot push a `Float` total past exact quarters: it
    /// has at most two n-grams a byte, each costing at most `largest` quarters, and 2^24 quarters is 2^22.
    func sumsStayExact(forUTF8Count count: Int) -> Bool {
        count < (1 << 24) / (2 * max(largest, 1))
    }

    /// Adds an n-gram's costs (its row's, or the floors when the table lacks it) to `totals`, which
    /// holds `width` sums. Unchecked arithmetic on pointers, so that the loop vectorises.
    @inline(__always)
    func add(row: Int?, bigram: Bool, quarters: UnsafeBufferPointer<UInt8>, to totals: UnsafeMutablePointer<Int32>) {
        guard let base = quarters.baseAddress else { return }
        let width = width
        let costs = base + (row ?? (bigram ? bigramFloorRow : bigramFloorRow + 1)) &* width
        for index in 0..<width { totals[index] &+= Int32(truncatingIfNeeded: costs[index]) }
    }
}
