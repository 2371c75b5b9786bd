/// How signatures are cut into bands for locality-sensitive lookup.
///
/// Two items become candidates when all `rows` bins of at least one band agree, which happens with
/// probability 1 - (1 - J^rows)^bands for Jaccard J. With 16 bands of 3 rows: J 0.6 → 0.976,
/// J 0.7 → 0.996, J 0.8 → 1.0, while unrelated copy (J ≈ 0.01) collides in about 2 of 100,000 pairs,
/// so a lookup meets a handful of candidates whatever the index holds. Candidates are then verified
/// on the whole signature. Each band is a table slot per item (6 bytes at a load of 0.53-0.8), the index's main cost.
public struct LSHBanding: Sendable, Equatable {
    public var bands: Int
    public var rows: Int

    public init(bands: Int = 16, rows: Int = 3) {
        precondition(bands * rows <= MinHashSignature.binCount && rows >= 1 && rows <= 4, "bands × rows must fit the signature")
        self.bands = bands
        self.rows = rows
    }

    /// The band's bins packed into one key (rows ≤ 4 bytes), salted with the band number.
    @inline(__always)
    func key(_ bins: UnsafeBufferPointer<UInt8>, band: Int) -> UInt64 {
        var key = UInt64(band) << 32
        let start = band * rows
        for row in 0..<rows { key |= UInt64(bins[start + row]) << UInt64(row * 8) }
        return WordHasher.mix(key)
    }

    /// Whether two signatures agree on every bin of `band`.
    @inline(__always)
    func agree(_ a: UnsafeBufferPointer<UInt8>, _ b: UnsafeBufferPointer<UInt8>, band: Int) -> Bool {
        let start = band * rows
        for row in 0..<rows where a[start + row] != b[start + row] { return false }
        return true
    }
}
