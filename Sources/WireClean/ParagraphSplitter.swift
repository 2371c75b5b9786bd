import WireText

/// Plain copy → normalised paragraphs, the work of `TextNormalizer.splitParagraphs` done on UTF-8
/// bytes: the cleaner's hottest loop on plain-text stories. Paragraphs that are already normal (one
/// line of printable ASCII, single spaces) come with their `ByteFacts`, gathered in the same pass.
enum ParagraphSplitter {
    /// The paragraphs' texts alone.
    static func paragraphs(_ text: String) -> [String] {
        var blocks: [CopyBlock] = []
        append(text, role: .text, to: &blocks)
        return blocks.map(\.text)
    }

    /// Appends the text's paragraphs to `out` as blocks of the given role.
    static func append(_ text: String, role: CopyBlock.Role, to out: inout [CopyBlock]) {
        let base = out.count
        let general = text.withUTF8Bytes { bytes in
            var scan = Scan(bytes: bytes, role: role)
            return scan.run(into: &out)
        }
        if general {
            // Rare line breaks (NEL, U+2028/9, CR, VT, FF) take the general path.
            out.removeSubrange(base...)
            for paragraph in TextNormalizer.splitParagraphs(text) { out.append(CopyBlock(paragraph, role: role)) }
        }
    }

    /// One pass over a text's bytes: where paragraphs start and end, whether each is already normal,
    /// and the facts of the normal ones.
    private struct Scan {
        let bytes: UnsafeBufferPointer<UInt8>
        let role: CopyBlock.Role
        var paragraphStart: Int?
        var lineStart = 0
        var lineBlank = true
        /// Whether the paragraph so far is already normal (one line, single spaces, printable
        /// ASCII): then its bytes become the string as they are.
        var simple = true
        var previousSpace = true
        /// Facts of the paragraph in progress, kept while it is simple.
        var spaces = 0

        init(bytes: UnsafeBufferPointer<UInt8>, role: CopyBlock.Role) {
            self.bytes = bytes
            self.role = role
        }

        /// Appends the paragraphs; true when the text needs the general path instead.
        mutating func run(into out: inout [CopyBlock]) -> Bool {
            var position = 0
            while position < bytes.count {
                let byte = bytes[position]
                if byte > 0x20 && byte < 0x7F {
                    if lineBlank {
                        lineBlank = false
                        if paragraphStart == nil {
                            paragraphStart = lineStart
                            simple = position == lineStart
                            spaces = 0
                        } else {
                            simple = false  // a second line: its break folds to a space
                        }
                    }
                    position = printableRunEnd(from: position)
                    continue
                }
                if byte == 0x20 {
                    if previousSpace { simple = false }
                    previousSpace = true
                    position += 1
                    continue
                }
                if ParagraphSplitter.isRareBreak(bytes, at: position) { return true }
                if byte == 0x0A {
                    if lineBlank { close(upTo: lineStart, into: &out) }
                    lineStart = position + 1
                    lineBlank = true
                    previousSpace = true
                } else {
                    // Tabs, controls and non-ASCII bytes: the paragraph goes through `inline`.
                    if byte != 0x09 && lineBlank {
                        lineBlank = false
                        if paragraphStart == nil { paragraphStart = lineStart } else { simple = false }
                    }
                    simple = false
                    previousSpace = byte == 0x09
                }
                position += 1
            }
            close(upTo: bytes.count, into: &out)
            return false
        }

        private static let lows: UInt64 = 0x7F7F_7F7F_7F7F_7F7F
        private static let highs: UInt64 = 0x8080_8080_8080_8080
        private static let ones: UInt64 = 0x0101_0101_0101_0101
        @inline(__always) private static func repeated(_ byte: UInt8) -> UInt64 { 0x0101_0101_0101_0101 &* UInt64(byte) }

        /// Top bits of the lanes whose byte leaves the run: non-ASCII, 0x7F, or below 0x20. Each
        /// byte's low seven bits plus a constant stays below 0x100, so no carry crosses lanes: the
        /// top bit of a lane tells whether its byte reached a bound.
        @inline(__always) private static func outOfRunLanes(_ word: UInt64) -> UInt64 {
            let low = word & lows
            return (word | (low &+ ones) | ~(low &+ repeated(0x80 - 0x20))) & highs
        }

        /// Top bits of the space lanes of a word of the run: a space makes a zero lane of
        /// word ^ 0x20… (all ASCII here), and exactly the zero lanes keep a clear top bit after adding 0x7F.
        @inline(__always) private static func spaceLanes(_ word: UInt64) -> UInt64 {
            ~((word ^ repeated(0x20)) &+ lows) & highs
        }

        /// The run read sixteen bytes at a time with SSE2 vector operations, from a visible byte
        /// while seventeen bytes remain: where the last whole block of the run ends, its spaces, and
        /// whether two of them stand together. Each block is compared with itself shifted by one
        /// byte (a second load), so a space in its last lane meets the byte after it, which a space
        /// there belongs to the run.
        private static func vectorRunEnd(_ raw: UnsafeRawPointer, from start: Int, count: Int)
            -> (index: Int, spaces: Int, doubleSpace: Bool) {
            var index = start
            var spaces = 0
            var doubles = SIMDMask<SIMD16<Int8>>()
            let space = SIMD16<UInt8>(repeating: 0x20)
            let one = SIMD16<UInt8>(repeating: 1)
            // Spaces counted per lane, summed every 15 blocks, before a lane sum could pass 255.
            var laneSpaces = SIMD16<UInt8>()
            var blocks = 0
            while index &+ 17 <= count {
                let block = raw.loadUnaligned(fromByteOffset: index, as: SIMD16<UInt8>.self)
                // Out of the run: below 0x20 or from 0x7F up, that is 0x5F or more once 0x20 is taken away.
                guard !Self.anyLane((block &- space) .>= SIMD16<UInt8>(repeating: 0x5F)) else { break }
                let isSpace = block .== space
                let next = raw.loadUnaligned(fromByteOffset: index &+ 1, as: SIMD16<UInt8>.self)
                doubles .|= isSpace .& (next .== space)
                laneSpaces &+= one.replacing(with: 0, where: .!isSpace)
                blocks &+= 1
                if blocks == 15 {
                    spaces &+= Self.laneSum(laneSpaces)
                    laneSpaces = SIMD16<UInt8>()
                    blocks = 0
                }
                index &+= 16
            }
            spaces &+= Self.laneSum(laneSpaces)
            return (index, spaces, anyLane(doubles))
        }

        /// The sum of sixteen lanes of at most 15: each 64-bit half summed by one multiplication
        /// into its top byte (at most 120, no carry out). The generic `wrappedSum` is a call.
        @inline(__always) private static func laneSum(_ lanes: SIMD16<UInt8>) -> Int {
            let halves = unsafeBitCast(lanes, to: SIMD2<UInt64>.self)
            return Int(truncatingIfNeeded: (halves[0] &* ones) >> 56) &+ Int(truncatingIfNeeded: (halves[1] &* ones) >> 56)
        }

        /// Whether a lane of the mask is set, read as two 64-bit halves: the generic `any` is a call
        /// to a reduction that is not inlined, once per block.
        @inline(__always) private static func anyLane(_ mask: SIMDMask<SIMD16<Int8>>) -> Bool {
            let halves = unsafeBitCast(mask, to: SIMD2<UInt64>.self)
            return halves[0] | halves[1] != 0
        }

        /// The end of the run of printable ASCII (spaces included) starting at a visible byte,
        /// read eight bytes at a time: spaces counted, a double space ends `simple`. (Lower-case
        /// letters are looked for when the paragraph closes: the first word almost always has one,
        /// so that search stops at once; digits then too, in short paragraphs only, the only ones
        /// a rule asks about: not here, where every byte of every paragraph passes.)
        private mutating func printableRunEnd(from start: Int) -> Int {
            // The state in locals while the loop runs (registers, not stores through `self`), and
            // wrapping arithmetic: indices and counts stay far below overflow.
            var index = start
            var spaces = self.spaces
            var previousSpace = self.previousSpace
            var doubleSpace = false
            if let base = bytes.baseAddress {
                let raw = UnsafeRawPointer(base)
                let count = bytes.count
                // Space lanes of the word before, shifted to its first lane's place, for a double
                // space across two words; lanes of adjacent spaces gather in `doubles`.
                var carried: UInt64 = previousSpace ? 0x80 : 0
                var doubles: UInt64 = 0
                // Sixteen bytes a turn in vector registers while the run lasts (most paragraphs are
                // one run of a few hundred bytes).
                let vectorEnd = Self.vectorRunEnd(raw, from: index, count: count)
                if vectorEnd.index != index {
                    index = vectorEnd.index
                    spaces &+= vectorEnd.spaces
                    if vectorEnd.doubleSpace { doubleSpace = true }
                    // The byte before the words that follow: a space there and one after make a double.
                    carried = raw.load(fromByteOffset: index &- 1, as: UInt8.self) == 0x20 ? 0x80 : 0
                }
                while index &+ 8 <= count {
                    // Lanes in text order: the first byte in the lowest lane.
                    let word = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: index, as: UInt64.self))
                    guard Self.outOfRunLanes(word) == 0 else { break }
                    let spaceLanes = Self.spaceLanes(word)
                    // The lanes summed by one multiplication into the top byte (`nonzeroBitCount`
                    // is a loop of shifts on the baseline x86-64 target, which has no POPCNT).
                    spaces &+= Int(truncatingIfNeeded: ((spaceLanes >> 7) &* Self.ones) >> 56)
                    doubles |= spaceLanes & ((spaceLanes << 8) | carried)
                    carried = spaceLanes >> 56
                    index &+= 8
                }
                if doubles != 0 { doubleSpace = true }
                previousSpace = carried != 0
            }
            // The rest of the run, byte by byte.
            while index < bytes.count {
                let byte = bytes[index]
                guard byte >= 0x20 && byte < 0x7F else { break }
                if byte == 0x20 {
                    if previousSpace { doubleSpace = true }
                    previousSpace = true
                    spaces += 1
                } else {
                    previousSpace = false
                }
                index += 1
            }
            self.spaces = spaces
            self.previousSpace = previousSpace
            if doubleSpace { simple = false }
            return index
        }

        private mutating func close(upTo end: Int, into out: inout [CopyBlock]) {
            guard let start = paragraphStart else { return }
            var stop = end
            var trimmedSpaces = 0
            while stop > start, bytes[stop - 1] == 0x0A || bytes[stop - 1] == 0x20 || bytes[stop - 1] == 0x09 {
                if bytes[stop - 1] == 0x20 { trimmedSpaces += 1 }
                stop -= 1
            }
            let slice = UnsafeBufferPointer(rebasing: bytes[start..<stop])
            paragraphStart = nil
            if simple && !ParagraphSplitter.previousSpaceAt(slice) {
                guard !slice.isEmpty else { return }
                let words = spaces - trimmedSpaces + 1
                let hasDigit = words <= ByteFacts.digitWordLimit ? slice.contains { $0 &- 0x30 < 10 } : nil
                let facts = ByteFacts(asciiSpaces: spaces - trimmedSpaces, hasDigit: hasDigit,
                                      hasLowercase: slice.contains { $0 &- 0x61 < 26 })
                out.append(CopyBlock(String(decoding: slice, as: UTF8.self), role: role, facts: facts))
            } else {
                let paragraph = ParagraphSplitter.inline(slice)
                if !paragraph.isEmpty { out.append(CopyBlock(paragraph, role: role)) }
            }
        }
    }

    /// A trailing space left inside the slice (never, after trimming; kept as a guard).
    fileprivate static func previousSpaceAt(_ slice: UnsafeBufferPointer<UInt8>) -> Bool {
        slice.last == 0x20
    }

    fileprivate static func isRareBreak(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Bool {
        guard index < bytes.count else { return false }
        switch bytes[index] {
        case 0x0B, 0x0C, 0x0D: return true
        case 0xC2: return index + 1 < bytes.count && bytes[index + 1] == 0x85
        case 0xE2: return index + 2 < bytes.count && bytes[index + 1] == 0x80 && (bytes[index + 2] == 0xA8 || bytes[index + 2] == 0xA9)
        default: return false
        }
    }

    /// One paragraph's bytes folded: white space runs (line breaks included) to one space, control
    /// characters dropped, trimmed. Text with scalars that NFC could change, or with Unicode spaces
    /// and format characters, goes through `TextNormalizer.inline`.
    static func inline(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        if isAlreadyInline(bytes) { return String(decoding: bytes, as: UTF8.self) }
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var pendingSpace = false
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte < 0x80 {
                if byte == 0x20 || (0x09...0x0D).contains(byte) {
                    pendingSpace = !out.isEmpty
                } else if byte > 0x20 && byte != 0x7F {
                    if pendingSpace { out.append(0x20); pendingSpace = false }
                    out.append(byte)
                }
                index += 1
                continue
            }
            if byte == 0xC2, index + 1 < bytes.count, bytes[index + 1] == 0xA0 {
                // A no-break space (`&nbsp;`): white space, which NFC leaves as it is.
                pendingSpace = !out.isEmpty
                index += 2
                continue
            }
            let length = byte >= 0xF0 ? 4 : byte >= 0xE0 ? 3 : 2
            guard index + length <= bytes.count, isStable(bytes, at: index, length: length) else {
                return TextNormalizer.inline(String(decoding: bytes, as: UTF8.self))
            }
            if pendingSpace { out.append(0x20); pendingSpace = false }
            out.append(contentsOf: bytes[index..<(index + length)])
            index += length
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// One line, single spaces, no control characters, nothing NFC could change: already normal, as
    /// most paragraphs a reader hands over are.
    private static func isAlreadyInline(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let first = bytes.first, let last = bytes.last, first != 0x20, last != 0x20 else { return false }
        var previousSpace = false
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte < 0x80 {
                if byte < 0x20 || byte == 0x7F { return false }
                if byte == 0x20 {
                    if previousSpace { return false }
                    previousSpace = true
                } else {
                    previousSpace = false
                }
                index += 1
                continue
            }
            let length = byte >= 0xF0 ? 4 : byte >= 0xE0 ? 3 : 2
            guard index + length <= bytes.count, isStable(bytes, at: index, length: length) else { return false }
            previousSpace = false
            index += length
        }
        return true
    }

    /// Scalars that NFC leaves alone and that are neither white space nor format characters: Latin-1
    /// letters and signs, Latin Extended-A/B, dashes, quotes and ellipsis, the euro sign, Hangul
    /// syllables, CJK ideographs and kana (without the combining sound marks).
    static func isStable(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int, length: Int) -> Bool {
        var value = UInt32(bytes[index]) & (length == 2 ? 0x1F : length == 3 ? 0x0F : 0x07)
        for offset in 1..<length {
            let next = bytes[index + offset]
            guard next & 0xC0 == 0x80 else { return false }
            value = value << 6 | UInt32(next & 0x3F)
        }
        switch value {
        case 0xA1...0xAC, 0xAE...0x24F: return true
        case 0x2010...0x2015, 0x2018...0x201F, 0x2020...0x2022, 0x2026, 0x2030, 0x2032, 0x2033, 0x2039, 0x203A, 0x20AC, 0x2122:
            return true
        case 0x3001...0x3003, 0x300C...0x300F, 0x3041...0x3096, 0x309B...0x30FF: return true
        case 0x4E00...0x9FFF, 0xAC00...0xD7A3, 0xFF01...0xFF5E: return true
        default: return false
        }
    }
}
