/// Eight bytes of text in one integer, tested all at once (SWAR): what lets the tokenizer take a word's
/// letters and a lexicon key's case folding eight bytes per step instead of one. A test's answer is bit
/// 7 of each byte ("lane"), in text order from the lowest byte.
enum ByteLanes {
    static let high: UInt64 = 0x8080_8080_8080_8080
    static let ones: UInt64 = 0x0101_0101_0101_0101

    /// The eight bytes from `base + offset`, first byte lowest, whatever the alignment.
    @inline(__always) static func load(_ base: UnsafePointer<UInt8>, _ offset: Int) -> UInt64 {
        UInt64(littleEndian: UnsafeRawPointer(base + offset).loadUnaligned(as: UInt64.self))
    }

    /// Bit 7 set in each lane whose byte is ASCII and within `lower...upper` (lower at least 1). The
    /// sums stay below 0x100 per lane (bit 7 cleared first), so no carry crosses lanes.
    @inline(__always) static func within(_ lanes: UInt64, _ lower: UInt8, _ upper: UInt8) -> UInt64 {
        let seven = lanes & ~high
        let atLeastLower = seven &+ ones &* UInt64(0x80 - lower)
        let aboveUpper = seven &+ ones &* UInt64(0x7F - upper)
        return atLeastLower & ~aboveUpper & ~lanes & high
    }

    /// The lanes holding ASCII letters, either case.
    @inline(__always) static func letters(_ lanes: UInt64) -> UInt64 {
        within(lanes | (ones &* 0x20), 0x61, 0x7A)
    }

    /// The ASCII letters among `letters` that are capitals (bit 5 clear).
    @inline(__always) static func capitals(_ lanes: UInt64, letters: UInt64) -> UInt64 {
        letters & ~(lanes << 2)
    }

    @inline(__always) static func digits(_ lanes: UInt64) -> UInt64 {
        within(lanes, 0x30, 0x39)
    }

    /// ASCII capitals turned lower case; every other byte as it was.
    @inline(__always) static func lowercased(_ lanes: UInt64) -> UInt64 {
        lanes | (within(lanes, 0x41, 0x5A) >> 2)
    }

    /// A mask of the first `count` bytes (0...8).
    @inline(__always) static func firstBytes(_ count: Int) -> UInt64 {
        count >= 8 ? ~0 : (1 &<< UInt64(count &* 8)) &- 1
    }
}
