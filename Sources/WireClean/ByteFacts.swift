/// The byte counts `LineShape` starts from, read eight bytes at a time in one 64-bit word: the test
/// runs on every paragraph of every story, and a byte at a time it was the cleaner's costliest loop.
struct ByteFacts: Equatable {
    var spaces = 0
    /// Nil when nobody read it: the splitter leaves it out for paragraphs of more than
    /// `digitWordLimit` words, which no rule asks about (`LineShape.hasDigit` reads it then).
    var hasDigit: Bool? = false
    var hasLowercase = false
    var isASCII = true

    /// Every rule that asks whether a line holds a digit first wants it at most this many words long.
    static let digitWordLimit = 24

    private static let lows: UInt64 = 0x7F7F_7F7F_7F7F_7F7F
    private static let highs: UInt64 = 0x8080_8080_8080_8080

    /// `0x01` repeated in every byte of a word, times `byte`.
    @inline(__always) private static func repeated(_ byte: UInt8) -> UInt64 { 0x0101_0101_0101_0101 &* UInt64(byte) }

    /// The sum of a word's eight byte lanes, when it is below 256: the multiplication adds every
    /// lane into the top byte.
    @inline(__always) private static func laneSum(_ lanes: UInt64) -> Int {
        Int((lanes &* 0x0101_0101_0101_0101) >> 56)
    }

    /// The facts of printable ASCII text whose bytes were read elsewhere (`ParagraphSplitter`).
    init(asciiSpaces spaces: Int, hasDigit: Bool?, hasLowercase: Bool) {
        self.spaces = spaces
        self.hasDigit = hasDigit
        self.hasLowercase = hasLowercase
    }

    init(_ bytes: UnsafeBufferPointer<UInt8>) {
        var digits: UInt64 = 0
        var lowers: UInt64 = 0
        var highBits: UInt64 = 0
        var index = 0
        if let base = bytes.baseAddress {
            let raw = UnsafeRawPointer(base)
            // Spaces are counted per byte lane (one bit per space, shifted down to the lane's low
            // bit) and the lanes summed every 31 words, while no lane sum can pass 255.
            var laneSpaces: UInt64 = 0
            var wordsInLanes = 0
            while index + 8 <= bytes.count {
                let word = raw.loadUnaligned(fromByteOffset: index, as: UInt64.self)
                // Each byte's low seven bits plus a constant stays below 0x100, so no carry crosses
                // into the next byte: the sum's top bit tells whether the byte reached a bound.
                let low = word & Self.lows
                let ascii = ~word & Self.highs
                // A space makes a zero byte of word ^ 0x20…; exactly the zero bytes keep a clear top bit.
                let spaced = word ^ Self.repeated(0x20)
                let zeroBytes = ~(((spaced & Self.lows) &+ Self.lows) | spaced) & Self.highs
                laneSpaces &+= zeroBytes >> 7
                wordsInLanes += 1
                if wordsInLanes == 31 {
                    spaces += Self.laneSum(laneSpaces)
                    laneSpaces = 0
                    wordsInLanes = 0
                }
                digits |= (low &+ Self.repeated(0x80 - 0x30)) & ~(low &+ Self.repeated(0x80 - 0x3A)) & ascii
                lowers |= (low &+ Self.repeated(0x80 - 0x61)) & ~(low &+ Self.repeated(0x80 - 0x7B)) & ascii
                highBits |= word
                index += 8
            }
            spaces += Self.laneSum(laneSpaces)
        }
        var digitSeen = digits != 0
        var lowerSeen = lowers != 0
        var highSeen = highBits & Self.highs != 0
        // The last bytes, fewer than eight, one by one.
        while index < bytes.count {
            let byte = bytes[index]
            if byte == 0x20 { spaces += 1 }
            if byte &- 0x30 < 10 { digitSeen = true }
            if byte &- 0x61 < 26 { lowerSeen = true }
            if byte >= 0x80 { highSeen = true }
            index += 1
        }
        hasDigit = digitSeen
        hasLowercase = lowerSeen
        isASCII = !highSeen
    }
}
