/// Repairs, before libxml2 sees them, the two byte-level faults that RECOVER mode would turn into lost
/// text: invalid UTF-8 in a feed that declares UTF-8 (or nothing), and bare `&` ("AT&T", `?a=1&b=2`),
/// which libxml2 drops together with the character after it.
struct FeedBytesPreparer {
    struct Prepared {
        var bytes: [UInt8]
        /// The bytes were transcoded to UTF-8 here, so the document's own declaration must be ignored.
        var transcoded: Bool
        var issues: [ReadIssue]
    }

    /// Encodings we transcode ourselves: Latin-1 and ASCII are read as Windows-1252, their superset in
    /// practice (what browsers do too).
    static let latinFamily: Set<String> = [
        "iso-8859-1", "iso8859-1", "latin1", "latin-1", "l1", "iso_8859-1", "windows-1252", "cp1252",
        "us-ascii", "ascii",
    ]
    static let utf8Names: Set<String> = ["utf-8", "utf8"]

    /// - Parameter httpCharset: the charset of the HTTP `Content-Type`, which outranks the document's own
    ///   declaration (but not a byte-order mark).
    static func prepare(_ input: [UInt8], httpCharset: String? = nil) -> Prepared {
        let unchanged = Prepared(bytes: input, transcoded: false, issues: [])
        // Wide encodings (UTF-16/32) are left to libxml2, which reads their marks and declarations.
        if let mark = TextDecoder.byteOrderMark(input), mark != .utf8 { return unchanged }
        if FormatSniffer.unmarkedWideXML(Array(input.prefix(4))) != nil { return unchanged }
        var body = input.starts(with: [0xEF, 0xBB, 0xBF]) ? Array(input.dropFirst(3)) : input
        let hadMark = body.count != input.count
        let declared = declaredEncoding(body)?.lowercased()
        let http = httpCharset?.trimmingWhitespace().lowercased()
        // The charset that governs: BOM, then HTTP, then the declaration, then UTF-8.
        let governing = hadMark ? "utf-8" : (http ?? declared ?? "utf-8")
        let isUTF8 = String(validating: body, as: UTF8.self) != nil
        var issues: [ReadIssue] = []
        var transcoded = false

        if utf8Names.contains(governing) {
            if !isUTF8 {
                body = Array(Windows1252.decode(body).utf8)
                issues.append(ReadIssue(reason: "encoding-fallback",
                                        detail: "declared UTF-8 (or nothing) but not valid UTF-8; read as Windows-1252"))
            }
            // Parsing our own UTF-8 with the declaration ignored also covers an HTTP charset of UTF-8
            // over a document that claims something else.
            transcoded = true
        } else if latinFamily.contains(governing) {
            if isUTF8, body.contains(where: { $0 >= 0x80 }) {
                // Valid multi-byte UTF-8 is almost never accidental: the label is wrong, not the bytes.
                issues.append(ReadIssue(reason: "encoding-mismatch",
                                        detail: "labelled \(governing) but the bytes are valid UTF-8; read as UTF-8"))
            } else {
                body = Array(Windows1252.decode(body).utf8)
            }
            transcoded = true
        } else if let http, http != declared {
            // An encoding we do not transcode ourselves (KOI8-R, Shift_JIS, …): libxml2 follows the
            // document's declaration, and the disagreement is reported.
            issues.append(ReadIssue(reason: "encoding-mismatch",
                                    detail: "HTTP charset \(http) differs from the declaration (\(declared ?? "none")); "
                                        + "the declaration was used"))
        }
        if !transcoded { body = input }
        if let repaired = escapeBareAmpersands(body) { body = repaired }
        return Prepared(bytes: body, transcoded: transcoded, issues: issues)
    }

    /// The `encoding` pseudo-attribute of the XML declaration, if there is one.
    static func declaredEncoding(_ bytes: [UInt8]) -> String? {
        let head = String(decoding: bytes.prefix(256), as: UTF8.self)
        guard let start = head.firstRange(of: "<?xml"), let end = head.firstRange(of: "?>"),
              start.upperBound <= end.lowerBound
        else { return nil }
        let declaration = head[start.upperBound..<end.lowerBound]
        guard let key = declaration.firstRange(of: "encoding") else { return nil }
        let rest = declaration[key.upperBound...].drop(while: { $0 == " " || $0 == "=" })
        guard let quote = rest.first, quote == "\"" || quote == "'" else { return nil }
        let value = rest.dropFirst().prefix(while: { $0 != quote })
        return String(value)
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
