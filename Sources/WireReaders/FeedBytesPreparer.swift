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

    /// The `encoding` pseudo-attribute of the XML declaration, if there is one.
    static func declaredEncoding(_ bytes: [UInt8]) -> String? {
        CharsetResolver.xmlDeclaredEncoding(bytes)
    }

    /// `&` not starting a character or entity reference becomes `&amp;`; CDATA sections, comments and
    /// processing instructions are left alone. Returns nil when nothing needed escaping.
    static func escapeBareAmpersands(_ bytes: [UInt8]) -> [UInt8]? {
        let amp = UInt8(ascii: "&")
        guard bytes.contains(amp) else { return nil }
        var out: [UInt8] = []
        var changed = false
        var i = 0
        let n = bytes.count
        func starts(_ literal: String, at index: Int) -> Bool {
            let utf8 = Array(literal.utf8)
            return index + utf8.count <= n && bytes[index..<(index + utf8.count)].elementsEqual(utf8)
        }
        func skip(to terminator: String, from index: Int) -> Int {
            let t = Array(terminator.utf8)
            var j = index
            while j + t.count <= n {
                if bytes[j] == t[0], bytes[j..<(j + t.count)].elementsEqual(t) { return j + t.count }
                j += 1
            }
            return n
        }
        out.reserveCapacity(n + 64)
        while i < n {
            let b = bytes[i]
            if b == UInt8(ascii: "<") {
                var end = i + 1
                if starts("<![CDATA[", at: i) { end = skip(to: "]]>", from: i + 9) }
                else if starts("<!--", at: i) { end = skip(to: "-->", from: i + 4) }
                else if starts("<?", at: i) { end = skip(to: "?>", from: i + 2) }
                out.append(contentsOf: bytes[i..<end])
                i = end
                continue
            }
            if b == amp, !isReference(bytes, at: i) {
                out.append(contentsOf: Array("&amp;".utf8))
                changed = true
                i += 1
                continue
            }
            out.append(b)
            i += 1
        }
        return changed ? out : nil
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
