#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Prepares XML bytes before libxml2 sees them: the charset is decided and converted to UTF-8 here
/// (`CharsetResolver`), and bare `&` ("AT&T", `?a=1&b=2`), which RECOVER mode would drop together with
/// the character after it, is escaped.
struct FeedBytesPreparer {
    struct Prepared {
        var bytes: [UInt8]
        /// The bytes are UTF-8 now, so the document's own declaration must be ignored. Always true: kept
        /// so that callers still say so to the parser explicitly.
        var transcoded: Bool
        /// The charset the input was read as.
        var encoding: String
        var issues: [ReadIssue]
    }

    /// - Parameter httpCharset: the charset of the HTTP `Content-Type`, which outranks the document's own
    ///   declaration (but not a byte-order mark).
    static func prepare(_ input: [UInt8], httpCharset: String? = nil) -> Prepared {
        let resolved = CharsetResolver.utf8(input, httpCharset: httpCharset, markup: .xml)
        var body = resolved.bytes
        if let repaired = escapeBareAmpersands(body) { body = repaired }
        return Prepared(bytes: body, transcoded: true, encoding: resolved.encoding, issues: resolved.issues)
    }

    /// `&` not starting a character or entity reference becomes `&amp;`; CDATA sections, comments and
    /// processing instructions are left alone. Returns nil when nothing needed escaping.
    static func escapeBareAmpersands(_ bytes: [UInt8]) -> [UInt8]? {
        let bare = bareAmpersands(bytes)
        guard !bare.isEmpty else { return nil }
        // Copied in runs between the ampersands: one pass, no per-byte appends.
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + bare.count * 4)
        var from = 0
        for index in bare {
            out.append(contentsOf: bytes[from..<index])
            out.append(contentsOf: [0x26, 0x61, 0x6D, 0x70, 0x3B])  // &amp;
            from = index + 1
        }
        out.append(contentsOf: bytes[from...])
        return out
    }

    /// Where the bare ampersands are, outside CDATA sections, comments and processing instructions.
    private static func bareAmpersands(_ bytes: [UInt8]) -> [Int] {
        let amp = UInt8(ascii: "&")
        let open = UInt8(ascii: "<")
        var found: [Int] = []
        let n = bytes.count
        bytes.withUnsafeBufferPointer { buffer in
            func starts(_ literal: StaticString, at index: Int) -> Bool {
                let count = literal.utf8CodeUnitCount
                guard index + count <= n else { return false }
                return literal.withUTF8Buffer {
                    UnsafeBufferPointer(rebasing: buffer[index..<(index + count)]).elementsEqual($0)
                }
            }
            func skip(to terminator: StaticString, from index: Int) -> Int {
                var j = index
                let first = Int32(terminator.utf8Start.pointee)
                // memchr to each candidate: CDATA sections (full stories) are most of a feed's bytes.
                while j < n, let start = buffer.baseAddress, let found = memchr(start + j, first, n - j) {
                    j = start.distance(to: found.assumingMemoryBound(to: UInt8.self))
                    if starts(terminator, at: j) { return j + terminator.utf8CodeUnitCount }
                    j += 1
                }
                return n
            }
            guard let raw = buffer.baseAddress.map(UnsafeRawPointer.init) else { return }
            var i = 0
            while i < n {
                // Eight bytes at a time past text that holds neither `<` nor `&`.
                while i + 8 <= n, !hasOpenOrAmpersand(raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)) { i += 8 }
                guard i < n else { break }
                let b = buffer[i]
                if b == open, i + 1 < n {
                    // Most `<` open an element; only `<!` and `<?` need the longer comparisons.
                    let next = buffer[i + 1]
                    if next == UInt8(ascii: "!") {
                        if starts("<![CDATA[", at: i) { i = skip(to: "]]>", from: i + 9); continue }
                        if starts("<!--", at: i) { i = skip(to: "-->", from: i + 4); continue }
                    } else if next == UInt8(ascii: "?") {
                        i = skip(to: "?>", from: i + 2)
                        continue
                    }
                } else if b == amp, !isReference(bytes, at: i) {
                    found.append(i)
                }
                i += 1
            }
        }
        return found
    }

    /// Whether any of the eight bytes in `word` is `<` or `&` (the "has a zero byte" trick on the word
    /// XORed with each: never a false negative; a false positive only costs a per-byte look).
    private static func hasOpenOrAmpersand(_ word: UInt64) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let high: UInt64 = 0x8080_8080_8080_8080
        let open = word ^ (ones &* 0x3C)
        let amp = word ^ (ones &* 0x26)
        return (((open &- ones) & ~open) | ((amp &- ones) & ~amp)) & high != 0
    }

    /// `&name;`, `&#123;` or `&#x1F;` at `index`.
    private static func isReference(_ bytes: [UInt8], at index: Int) -> Bool {
        var j = index + 1
        let limit = min(bytes.count, index + 40)
        func isNameByte(_ c: UInt8) -> Bool {
            (c >= 0x61 && c <= 0x7A) || (c >= 0x41 && c <= 0x5A) || (c >= 0x30 && c <= 0x39)
                || c == UInt8(ascii: "_") || c == UInt8(ascii: "-") || c == UInt8(ascii: ".") || c == UInt8(ascii: ":")
        }
        guard j < limit else { return false }
        if bytes[j] == UInt8(ascii: "#") {
            j += 1
            // Only a lower-case `x` makes a hex reference in XML; `&#X41;` is escaped and left to the
            // HTML pass, which reads it.
            let hex = j < limit && bytes[j] == UInt8(ascii: "x")
            if hex { j += 1 }
            let start = j
            while j < limit, hex ? isHex(bytes[j]) : (bytes[j] >= 0x30 && bytes[j] <= 0x39) { j += 1 }
            return j > start && j < limit && bytes[j] == UInt8(ascii: ";")
        }
        let first = bytes[j]
        guard (first >= 0x61 && first <= 0x7A) || (first >= 0x41 && first <= 0x5A) || first == UInt8(ascii: "_")
        else { return false }
        while j < limit, isNameByte(bytes[j]) { j += 1 }
        return j < limit && bytes[j] == UInt8(ascii: ";")
    }

    private static func isHex(_ c: UInt8) -> Bool {
        (c >= 0x30 && c <= 0x39) || (c >= 0x61 && c <= 0x66) || (c >= 0x41 && c <= 0x46)
    }
}
