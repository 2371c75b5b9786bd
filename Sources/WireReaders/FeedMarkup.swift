import Foundation
import LibXML
import WireText

/// Markup helpers of the feed reader: escaping text back into markup, telling markup from text, HTML to
/// plain text, RSS author names.
enum FeedMarkup {
    /// Base64 content decoded as UTF-8 text; the text itself when it does not decode.
    static func base64Text(_ encoded: String) -> String {
        guard let data = Data(base64Encoded: encoded, options: .ignoreUnknownCharacters),
              let text = String(data: data, encoding: .utf8)
        else { return encoded }
        return text
    }

    static func htmlToText(_ source: String) -> String {
        containsMarkup(source) ? FeedMarkup.plainText(fromHTML: source) : source
    }

    /// Whether libxml2's HTML parser is needed: a tag, comment or entity reference is present.
    /// Whether the text holds a tag, comment or declaration: `<` followed by a letter, `/` or `!`
    /// ("a < b" does not count).
    static func containsTags(_ text: String) -> Bool {
        var previousWasOpen = false
        for c in text.unicodeScalars {
            if previousWasOpen, c.properties.isAlphabetic || c == "/" || c == "!" { return true }
            previousWasOpen = c == "<"
        }
        return false
    }

    static func containsMarkup(_ text: String) -> Bool {
        // Bytes, not `String.contains(String)`: with Foundation imported that overload bridges to NSString
        // and cost more per field than parsing it.
        text.utf8.contains(where: { $0 == UInt8(ascii: "<") || $0 == UInt8(ascii: "&") })
    }

    /// RSS `author` is an e-mail address, often `jane@example.com (Jane Doe)` or `Jane Doe (jane@example.com)`:
    /// the name when one is given, the text as it is otherwise.
    static func displayName(_ raw: String) -> String {
        let text = TextNormalizer.inline(raw)
        guard text.hasSuffix(")"), let open = text.lastIndex(of: "(") else { return text }
        let outside = String(text[..<open]).trimmingWhitespace()
        let inside = String(text[text.index(after: open)..<text.index(before: text.endIndex)]).trimmingWhitespace()
        if outside.contains("@"), !inside.isEmpty, !inside.contains("@") { return inside }
        if inside.contains("@"), !outside.isEmpty, !outside.contains("@") { return outside }
        return text
    }

    /// HTML to text, with C1 controls from `&#146;`-style references mapped the Windows-1252 way.
    static func plainText(fromHTML html: String) -> String {
        Windows1252.repairC1(HTMLText.text(fromHTML: html))
    }

    /// `text` with `&`, `<`, `>` (and `"` when `quotes`) written as references. Works on the UTF-8 bytes:
    /// only ASCII bytes change, and most runs of text have nothing to escape, so they come back as they are.
    static func escape(_ text: String, quotes: Bool) -> String {
        var text = text
        let escaped = text.withUTF8 { bytes -> [UInt8]? in
            func needsEscape(_ byte: UInt8) -> Bool {
                byte == UInt8(ascii: "&") || byte == UInt8(ascii: "<") || byte == UInt8(ascii: ">")
                    || (quotes && byte == UInt8(ascii: "\""))
            }
            guard bytes.contains(where: needsEscape) else { return nil }
            var out: [UInt8] = []
            out.reserveCapacity(bytes.count + 32)
            for byte in bytes {
                switch byte {
                case UInt8(ascii: "&"): out.append(contentsOf: [0x26, 0x61, 0x6D, 0x70, 0x3B])  // &amp;
                case UInt8(ascii: "<"): out.append(contentsOf: [0x26, 0x6C, 0x74, 0x3B])  // &lt;
                case UInt8(ascii: ">"): out.append(contentsOf: [0x26, 0x67, 0x74, 0x3B])  // &gt;
                case UInt8(ascii: "\"") where quotes: out.append(contentsOf: [0x26, 0x71, 0x75, 0x6F, 0x74, 0x3B])
                default: out.append(byte)
                }
            }
            return out
        }
        guard let escaped else { return text }
        return String(decoding: escaped, as: UTF8.self)
    }
}
