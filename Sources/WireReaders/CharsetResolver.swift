/// Decides an input's charset in Swift, before any parser sees it, and returns its text as UTF-8.
///
/// The ladder: a byte-order mark; then (markup only) UTF-16/32 recognisable from `<?` without a mark;
/// then the transport's charset (HTTP `Content-Type`); then the document's own declaration (the XML
/// declaration's `encoding`, or an HTML page's `<meta charset>`); then strict UTF-8; then Windows-1252,
/// which decodes every byte. Every guess that might be wrong is reported as a `ReadIssue`, never silent.
enum CharsetResolver {
    enum Markup {
        case xml, html, none
    }

    struct Resolved {
        /// The text as UTF-8, without a byte-order mark. For XML the declaration's `encoding` now says UTF-8.
        var bytes: [UInt8]
        /// The charset the bytes were read as (iconv's name, or `UTF-8` / `windows-1252`).
        var encoding: String
        var issues: [ReadIssue]
    }

    /// Labels read as Windows-1252, their superset in practice (what browsers do too).
    static let latinFamily: Set<String> = [
        "iso-8859-1", "iso8859-1", "latin1", "latin-1", "l1", "iso_8859-1", "windows-1252", "cp1252",
        "x-cp1252", "us-ascii", "ascii", "ansi_x3.4-1968", "iso-ir-100", "csisolatin1",
    ]

    static func utf8(_ input: [UInt8], httpCharset: String?, markup: Markup) -> Resolved {
        let http = httpCharset.map(CharsetConverter.normalizedLabel).flatMap { $0.isEmpty ? nil : $0 }
        var resolved: Resolved
        if let mark = TextDecoder.byteOrderMark(input) {
            resolved = convert(Array(input.dropFirst(mark.length)), label: mark.rawValue, what: "byte-order mark")
            if let http, !CharsetConverter.sameCharset(http, mark.rawValue) {
                resolved.issues.append(ReadIssue(
                    reason: "encoding-mismatch",
                    detail: "HTTP charset \(http) disagrees with the \(mark.rawValue) byte-order mark; "
                        + "the mark was used"))
            }
        } else if markup != .none, let wide = unmarkedWide(input) {
            resolved = convert(input, label: wide, what: "\(wide) markup without a byte-order mark")
        } else {
            let declared: String? = switch markup {
            case .xml: xmlDeclaredEncoding(input).map(CharsetConverter.normalizedLabel)
            case .html: htmlDeclaredCharset(input).map(CharsetConverter.normalizedLabel)
            case .none: nil
            }
            resolved = governed(input, http: http, declared: declared)
        }
        if markup == .xml { resolved.bytes = declaringUTF8(resolved.bytes) }
        return resolved
    }

    // MARK: - Ladder steps

    /// The transport's charset, else the declaration's, else strict UTF-8 with a Windows-1252 fallback.
    private static func governed(_ input: [UInt8], http: String?, declared: String?) -> Resolved {
        var issues: [ReadIssue] = []
        if let http, let declared, !CharsetConverter.sameCharset(http, declared),
           !(latinFamily.contains(http) && latinFamily.contains(declared)) {
            issues.append(ReadIssue(reason: "encoding-mismatch",
                                    detail: "HTTP charset \(http) overrides the document's declared \(declared)"))
        }
        for (label, what) in [(http, "HTTP charset"), (declared, "declared charset")] {
            guard let label else { continue }
            if let resolved = declaredCharset(input, label: label, what: what) {
                return Resolved(bytes: resolved.bytes, encoding: resolved.encoding, issues: issues + resolved.issues)
            }
            issues.append(ReadIssue(reason: "unknown-charset",
                                    detail: "\(what) \"\(label)\" is not a charset this build can read; ignored"))
        }
        var detected = detect(input)
        detected.issues = issues + detected.issues
        return detected
    }

    /// The input read in a charset a label names, or nil when the label names nothing iconv can read.
    private static func declaredCharset(_ input: [UInt8], label: String, what: String) -> Resolved? {
        // Valid multi-byte UTF-8 is almost never accidental: when it appears under another label, the
        // label is wrong, not the bytes.
        func isMultiByteUTF8() -> Bool { input.contains(where: { $0 >= 0x80 }) && isValidUTF8(input) }
        if latinFamily.contains(label) {
            if isMultiByteUTF8() {
                return Resolved(bytes: input, encoding: "UTF-8", issues: [ReadIssue(
                    reason: "encoding-mismatch",
                    detail: "labelled \(label) but the bytes are valid UTF-8; read as UTF-8")])
            }
            return Resolved(bytes: Array(Windows1252.decode(input).utf8), encoding: "windows-1252", issues: [])
        }
        guard let name = CharsetConverter.iconvName(for: label) else { return nil }
        if name == "UTF-8" { return detect(input, claimed: "\(what) UTF-8") }
        if name.hasPrefix("UTF-16") || name.hasPrefix("UTF-32") {
            // A wide charset would have shown as NUL bytes or a mark; a document readable as ASCII
            // that claims one is mislabelled.
            var detected = detect(input)
            detected.issues.insert(ReadIssue(
                reason: "encoding-mismatch",
                detail: "\(what) \(label) but the bytes are not \(name); read as \(detected.encoding)"), at: 0)
            return detected
        }
        guard let converter = try? CharsetConverter(label: label) else { return nil }
        let converted = converter.convert(input)
        if converted.invalidSequences == 0 {
            return Resolved(bytes: converted.bytes, encoding: name, issues: [])
        }
        if isMultiByteUTF8() {
            return Resolved(bytes: input, encoding: "UTF-8", issues: [ReadIssue(
                reason: "encoding-mismatch",
                detail: "\(what) \(label) but the bytes are not valid \(name) and are valid UTF-8; read as UTF-8")])
        }
        return Resolved(bytes: converted.bytes, encoding: name, issues: [ReadIssue(
            reason: "encoding-fallback",
            detail: "\(converted.invalidSequences) byte sequences invalid in \(name) (\(what)) replaced with U+FFFD")])
    }

    /// Strict UTF-8, else Windows-1252 (which keeps every byte) with an issue.
    private static func detect(_ input: [UInt8], claimed: String? = nil) -> Resolved {
        if isValidUTF8(input) { return Resolved(bytes: input, encoding: "UTF-8", issues: []) }
        let why = claimed.map { "\($0) but not valid UTF-8" } ?? "no charset given and not valid UTF-8"
        return Resolved(bytes: Array(Windows1252.decode(input).utf8), encoding: "windows-1252",
                        issues: [ReadIssue(reason: "encoding-fallback", detail: "\(why); read as Windows-1252")])
    }

    /// A byte-order mark or wide-markup pattern decides: bad units become U+FFFD rather than re-reading
    /// the whole input some other way.
    private static func convert(_ body: [UInt8], label: String, what: String) -> Resolved {
        if label == "UTF-8" { return detect(body, claimed: what) }
        guard let converter = try? CharsetConverter(label: label) else {
            return Resolved(bytes: [], encoding: label, issues: [ReadIssue(
                reason: "unknown-charset", detail: "this build's iconv cannot read \(label)")])
        }
        let converted = converter.convert(body)
        let issues = converted.invalidSequences == 0 ? [] : [ReadIssue(
            reason: "encoding-fallback",
            detail: "\(converted.invalidSequences) invalid \(label) sequences (\(what)) replaced with U+FFFD")]
        return Resolved(bytes: converted.bytes, encoding: converter.iconvName, issues: issues)
    }

    // MARK: - Sniffing

    static func isValidUTF8(_ bytes: [UInt8]) -> Bool {
        // ASCII is the common case and needs no decoder.
        if isASCII(bytes) { return true }
        return String(validating: bytes, as: UTF8.self) != nil
    }

    /// Eight bytes at a time: this runs over every input whole.
    static func isASCII(_ bytes: [UInt8]) -> Bool {
        bytes.withUnsafeBytes { raw in
            let words = raw.count / 8
            for index in 0..<words where raw.loadUnaligned(fromByteOffset: index * 8, as: UInt64.self)
                & 0x8080_8080_8080_8080 != 0 {
                return false
            }
            for index in (words * 8)..<raw.count where raw[index] >= 0x80 { return false }
            return true
        }
    }

    /// UTF-16 or UTF-32 markup with no byte-order mark, recognised by how `<` (and `?`) are laid out.
    static func unmarkedWide(_ bytes: [UInt8]) -> String? {
        let head = Array(bytes.prefix(4))
        guard head.count == 4 else { return nil }
        if head == [0x3C, 0, 0, 0] { return "UTF-32LE" }
        if head == [0, 0, 0, 0x3C] { return "UTF-32BE" }
        if head[0] == 0x3C, head[1] == 0, head[3] == 0 { return "UTF-16LE" }
        if head[0] == 0, head[1] == 0x3C, head[2] == 0 { return "UTF-16BE" }
        return nil
    }

    /// The `encoding` pseudo-attribute of an XML declaration at the start of the input.
    static func xmlDeclaredEncoding(_ bytes: [UInt8]) -> String? {
        guard let range = declarationEncodingRange(bytes) else { return nil }
        return String(decoding: bytes[range], as: UTF8.self)
    }

    /// Where the declaration's encoding value sits (quotes excluded), if the input starts with one.
    private static func declarationEncodingRange(_ bytes: [UInt8]) -> Range<Int>? {
        var start = 0
        while start < min(bytes.count, 64), [0x20, 0x09, 0x0A, 0x0D].contains(bytes[start]) { start += 1 }
        let open = Array("<?xml".utf8)
        guard bytes.count >= start + open.count, bytes[start..<(start + open.count)].elementsEqual(open) else {
            return nil
        }
        let limit = min(bytes.count, start + 512)
        var end = start + open.count
        while end + 1 < limit, !(bytes[end] == UInt8(ascii: "?") && bytes[end + 1] == UInt8(ascii: ">")) { end += 1 }
        guard end + 1 < limit else { return nil }
        let key = Array("encoding".utf8)
        var i = start + open.count
        while i + key.count <= end {
            if bytes[i..<(i + key.count)].elementsEqual(key) { break }
            i += 1
        }
        guard i + key.count <= end else { return nil }
        i += key.count
        while i < end, [0x20, 0x09, 0x0A, 0x0D, UInt8(ascii: "=")].contains(bytes[i]) { i += 1 }
        guard i < end, bytes[i] == UInt8(ascii: "\"") || bytes[i] == UInt8(ascii: "'") else { return nil }
        let quote = bytes[i]
        let valueStart = i + 1
        var valueEnd = valueStart
        while valueEnd < end, bytes[valueEnd] != quote { valueEnd += 1 }
        guard valueEnd < end else { return nil }
        return valueStart..<valueEnd
    }

    /// The input with its XML declaration's encoding replaced by `UTF-8`, so that libxml2 reads the
    /// converted bytes as they now are instead of decoding them a second time.
    static func declaringUTF8(_ bytes: [UInt8]) -> [UInt8] {
        guard let range = declarationEncodingRange(bytes) else { return bytes }
        let utf8 = Array("UTF-8".utf8)
        // Any spelling of UTF-8 already says the truth; rewriting would copy the whole input for nothing.
        let declared = bytes[range].map { $0 >= 0x61 && $0 <= 0x7A ? $0 - 0x20 : $0 }
        if declared.elementsEqual(utf8) || declared.elementsEqual(Array("UTF8".utf8)) { return bytes }
        var out = bytes
        out.replaceSubrange(range, with: utf8)
        return out
    }

    /// An HTML page's charset from `<meta charset=…>` or `<meta http-equiv=… content="…; charset=…">`
    /// in its first 4 KB (the window browsers use, roughly).
    static func htmlDeclaredCharset(_ bytes: [UInt8]) -> String? {
        let head = String(decoding: bytes.prefix(4096), as: UTF8.self).lowercased()
        var rest = Substring(head)
        while let meta = rest.firstRange(of: "<meta") {
            let tagEnd = rest[meta.upperBound...].firstIndex(of: ">") ?? rest.endIndex
            let tag = rest[meta.upperBound..<tagEnd]
            if let key = tag.firstRange(of: "charset") {
                let value = tag[key.upperBound...].drop(while: { $0 == " " || $0 == "=" || $0 == "\"" || $0 == "'" })
                let name = value.prefix(while: { $0.isLetter || $0.isNumber || "-_.:".contains($0) })
                if !name.isEmpty { return String(name) }
            }
            rest = rest[tagEnd...]
        }
        return nil
    }
}
