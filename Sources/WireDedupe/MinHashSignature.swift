/// A MinHash sketch of a set of shingle hashes: one minimum per bin, kept as its low 8 bits.
///
/// One-permutation hashing (Li, Owen, Zhang 2012): each shingle hash falls into one of `binCount`
/// bins by its top bits and competes for that bin's minimum, so a signature costs one pass over the
/// shingles instead of one per hash function. Empty bins borrow the next non-empty bin's minimum
/// (rotation densification, Shrivastava & Li 2014) so that short texts still compare bin by bin.
/// Keeping 8 bits per bin (b-bit MinHash, Li & König 2010) costs a known chance match of 1/256 per
/// bin, which `estimatedJaccard` removes; it makes a signature 64 bytes.
public struct MinHashSignature: Sendable, Equatable {
    public static let binCount = 64
    private static let binShift: UInt64 = 58

    /// `binCount` bytes.
    public private(set) var bins: [UInt8]

    public init(bins: [UInt8]) {
        precondition(bins.count == Self.binCount, "a signature has \(Self.binCount) bins")
        self.bins = bins
    }

    /// nil when the byte count is wrong (a damaged state row), instead of trapping.
    public init?(storedBytes: [UInt8]) {
        guard storedBytes.count == Self.binCount else { return nil }
        bins = storedBytes
    }

    public init(shingles: [UInt64]) {
        var minima = [UInt32](repeating: .max, count: Self.binCount)
        var filled = [Bool](repeating: false, count: Self.binCount)
        for shingle in shingles {
            let bin = Int(truncatingIfNeeded: shingle >> Self.binShift)
            let value = UInt32(truncatingIfNeeded: shingle)
            if !filled[bin] || value < minima[bin] {
                minima[bin] = value
                filled[bin] = true
            }
        }
        Self.densify(&minima, filled: filled)
        bins = minima.map { UInt8(truncatingIfNeeded: WordHasher.mix(UInt64($0))) }
    }

    /// The signature from bin minima already taken (`TextFingerprint` takes them while it hashes the
    /// shingles, without keeping the shingles): `filled` has bit b set when bin b met a shingle, and
    /// the minima of the others are ignored. Same result as `init(shingles:)` over those shingles.
    init(minima: UnsafeMutableBufferPointer<UInt32>, filled: UInt64) {
        precondition(minima.count == Self.binCount, "a signature has \(Self.binCount) bins")
        if filled != 0, filled != .max {
            for bin in 0..<Self.binCount where filled & (1 << UInt64(bin)) == 0 {
                var distance = 1
                while filled & (1 << UInt64((bin + distance) % Self.binCount)) == 0 { distance += 1 }
                let source = UInt64(minima[(bin + distance) % Self.binCount])
                minima[bin] = UInt32(truncatingIfNeeded: WordHasher.mix(source &+ UInt64(distance) &* 0x9E37_79B9))
            }
        }
        bins = minima.map { UInt8(truncatingIfNeeded: WordHasher.mix(UInt64($0))) }
    }

    /// Bin and value of a shingle hash, for callers taking minima themselves.
    @inline(__always)
    static func binAndValue(_ shingle: UInt64) -> (bin: Int, value: UInt32) {
        (Int(truncatingIfNeeded: shingle >> binShift), UInt32(truncatingIfNeeded: shingle))
    }

    /// Each empty bin takes the minimum of the next filled bin to its right (wrapping), salted by the
    /// distance so that two empty neighbours do not become copies of each other.
    private static func densify(_ minima: inout [UInt32], filled: [Bool]) {
        guard filled.contains(true), filled.contains(false) else { return }
        for bin in 0..<binCount where !filled[bin] {
            var distance = 1
            while !filled[(bin + distance) % binCount] { distance += 1 }
            let source = UInt64(minima[(bin + distance) % binCount])
            minima[bin] = UInt32(truncatingIfNeeded: WordHasher.mix(source &+ UInt64(distance) &* 0x9E37_79B9))
        }
    }

    /// The share of equal bins, corrected for 8-bit chance matches: an estimate of the Jaccard
    /// similarity of the two shingle sets, clamped to 0...1.
    public func estimatedJaccard(_ other: MinHashSignature) -> Double {
        Self.estimatedJaccard(matchingBins: matchingBins(other))
    }

    public func matchingBins(_ other: MinHashSignature) -> Int {
        var matches = 0
        for index in 0..<Self.binCount where bins[index] == other.bins[index] { matches += 1 }
        return matches
    }

    public static func estimatedJaccard(matchingBins: Int) -> Double {
        let chance = 1.0 / 256.0
        let share = Double(matchingBins) / Double(binCount)
        return min(1, max(0, (share - chance) / (1 - chance)))
    }

    public var hex: String { HexEncoding.hex(bins) }
}
