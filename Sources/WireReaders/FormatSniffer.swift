import WireModel

/// Decides what an input is from its first bytes, never from its file name (inbox files are often
/// misnamed: `.xml` HTML error pages, `.txt` NITF).
public struct FormatSniffer: Sendable {
    public enum Verdict: Sendable, Equatable {
        case format(InputFormat)
        case empty
        case binary(String)
        /// XML whose root element is not a format we know; carries the root's name.
        case unknownXML(String)
    }

    /// How much of the input the sniffer looks at: enough for a long comment or DOCTYPE before the root.
    public static let window = 32 * 1024

    public init() {}

    public func sniff(_ bytes: [UInt8]) -> Verdict {
        if bytes.isEmpty { return .empty }
        let head = Array(bytes.prefix(Self.window))
        let text: String
        switch TextDecoder.byteOrderMark(head) {
        case .utf16LE, .utf16BE, .utf32LE, .utf32BE:
            // Wide encodings are full of NUL bytes by design; sniff their decoded text instead.
            text = TextDecoder.decode(Self.evenPrefix(head, of: bytes)).text
        case .utf8, nil:
            if let wide = Self.unmarkedWideXML(head) {
                text = wide
            } else {
                if let reason = Self.binaryReason(head) { return .binary(reason) }
                text = TextDecoder.decode(Array(head.dropFirst(TextDecoder.byteOrderMark(head) == .utf8 ? 3 : 0))).text
            }
        }
        return sniff(text: text, isWholeInput: bytes.count <= head.count)
    }

    private func sniff(text: String, isWholeInput: Bool) -> Verdict {
        let trimmed = text.drop(while: { $0.isWhitespace || $0 == "\u{FEFF}" })
        if trimmed.isEmpty { return isWholeInput ? .empty : .format(.text) }
        if trimmed.first == "<" { return sniffMarkup(trimmed) }
        if trimmed.first == "{" { return .format(.ninjs) }
        // A JSON array of objects: several ninjs items in one file.
        if trimmed.first == "[", trimmed.dropFirst().first(where: { !$0.isWhitespace }) == "{" {
            return .format(.ninjs)
        }
        return .format(.text)
    }

    /// Skips the prolog (declaration, comments, processing instructions, DOCTYPE) to the root element.
    private func sniffMarkup(_ text: Substring) -> Verdict {
        var rest = text
        var sawProlog = false
        // An HTML DOCTYPE makes the page HTML unless the root says otherwise: some feeds are served
        // with a stray XHTML DOCTYPE before `<rss>`.
        var sawHTMLDoctype = false
        while true {
            rest = rest.drop(while: { $0.isWhitespace })
            if rest.hasPrefix("<?") || rest.hasPrefix("<!") { sawProlog = true }
            if rest.hasPrefix("<?") {
                guard let end = rest.firstRange(of: "?>") else { return .unknownXML("") }
                rest = rest[end.upperBound...]
            } else if rest.hasPrefix("<!--") {
                guard let end = rest.firstRange(of: "-->") else { return .unknownXML("") }
                rest = rest[end.upperBound...]
            } else if rest.hasPrefix("<!") {
                let declaration = rest.prefix(20).lowercased()
                if declaration.hasPrefix("<!doctype html") { sawHTMLDoctype = true }
                guard let end = Self.endOfDoctype(rest) else {
                    return sawHTMLDoctype ? .format(.html) : .unknownXML("")
                }
                rest = rest[end...]
            } else {
                break
            }
        }
        // `<<< URGENT >>>` or `<3` opens a plain-text story, not an element: XML names start with a
        // letter or underscore. After an XML declaration, comment or DOCTYPE, though, the input is
        // markup whatever follows (a prolog alone, or a document cut off before its root).
        guard rest.first == "<", let first = rest.dropFirst().first, first.isLetter || first == "_" else {
            if sawHTMLDoctype { return .format(.html) }
            return sawProlog ? .unknownXML("") : .format(.text)
        }
        let name = rest.dropFirst().prefix(while: { !$0.isWhitespace && $0 != ">" && $0 != "/" })
        let local = name.split(separator: ":").last.map(String.init) ?? String(name)
        switch local.lowercased() {
        case "rss": return .format(.rss)
        case "rdf": return .format(.rdf)
        case "feed": return .format(.atom)
        case "nitf": return .format(.nitf)
        case "newsmessage", "newsitem", "packageitem", "knowledgeitem": return .format(.newsml)
        case "html", "body", "head", "div", "p", "article": return .format(.html)
        default: return sawHTMLDoctype ? .format(.html) : .unknownXML(String(name))
        }
    }

    /// The index just past a DOCTYPE, skipping a bracketed internal subset.
    private static func endOfDoctype(_ text: Substring) -> Substring.Index? {
        var depth = 0
        var quote: Character?
        var index = text.startIndex
        while index < text.endIndex {
            let c = text[index]
            if let q = quote {
                if c == q { quote = nil }
            } else if c == "\"" || c == "'" {
                quote = c
            } else if c == "[" {
                depth += 1
            } else if c == "]" {
                depth -= 1
            } else if c == ">" && depth <= 0 {
                return text.index(after: index)
            }
            index = text.index(after: index)
        }
        return nil
    }

    /// Why the bytes look like binary rather than text: a NUL byte, a known binary signature, or mostly
    /// control bytes. Text in any ASCII-compatible encoding has none of these.
    static func binaryReason(_ head: [UInt8]) -> String? {
        let signatures: [(String, [UInt8])] = [
            ("gzip", [0x1F, 0x8B]), ("zip", [0x50, 0x4B, 0x03, 0x04]), ("pdf", Array("%PDF-".utf8)),
            ("png", [0x89, 0x50, 0x4E, 0x47]), ("jpeg", [0xFF, 0xD8, 0xFF]), ("gif", Array("GIF8".utf8)),
        ]
        for (name, signature) in signatures where head.starts(with: signature) {
            return "\(name) data"
        }
        if head.contains(0) { return "NUL bytes in a non-UTF-16/32 input" }
        let controls = head.filter { $0 < 0x20 && $0 != 0x09 && $0 != 0x0A && $0 != 0x0D && $0 != 0x0C }.count
        if controls * 10 > head.count { return "\(controls) control bytes in the first \(head.count)" }
        return nil
    }

    /// UTF-16 XML with no byte-order mark (`<\0?\0` or `\0<\0?`), which libxml2 does not detect itself.
    static func unmarkedWideXML(_ head: [UInt8]) -> String? {
        if head.starts(with: [0x3C, 0x00, 0x3F, 0x00]) {
            return TextDecoder.decode([0xFF, 0xFE] + evenPrefix(head, of: head)).text
        }
        if head.starts(with: [0x00, 0x3C, 0x00, 0x3F]) {
            return TextDecoder.decode([0xFE, 0xFF] + evenPrefix(head, of: head)).text
        }
        return nil
    }

    /// The sniff window cut to a multiple of four bytes, so a wide encoding is not cut mid-unit.
    private static func evenPrefix(_ head: [UInt8], of bytes: [UInt8]) -> [UInt8] {
        Array(head.prefix(head.count - head.count % 4))
    }
}
