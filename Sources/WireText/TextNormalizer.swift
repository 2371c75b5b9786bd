import Foundation

/// Unicode NFC plus whitespace and control-character normalisation, shared by readers and `clean`.
public enum TextNormalizer {
    /// One line of text: NFC, control characters dropped, runs of white space folded to one space, trimmed.
    public static func inline(_ text: String) -> String {
        var text = text
        // Most wire copy is ASCII, or Latin text NFC leaves alone: fold it byte by byte and skip the
        // Unicode tables (10× faster).
        if let folded = text.withUTF8({ UTF8Folder.inline($0) }) { return folded }
        var out = String.UnicodeScalarView()
        var pendingSpace = false
        for scalar in text.precomposedStringWithCanonicalMapping.unicodeScalars {
            if isSpace(scalar) {
                pendingSpace = !out.isEmpty
                continue
            }
            if isDroppedControl(scalar) { continue }
            if pendingSpace { out.append(" "); pendingSpace = false }
            out.append(scalar)
        }
        return String(out)
    }

    private static func isSpace(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.isASCII { return scalar == " " || (0x09...0x0D).contains(scalar.value) }
        return scalar.properties.isWhitespace
    }

    /// Text with paragraphs: each paragraph `inline`-normalised, empty ones removed, joined by a blank line.
    public static func paragraphs(_ text: String) -> String {
        var text = text
        // One pass over the bytes when nothing in the text needs the Unicode tables (most copy).
        if let folded = text.withUTF8({ UTF8Folder.paragraphs($0) }) { return folded }
        return splitParagraphs(text).joined(separator: "\n\n")
    }

    /// Paragraphs are separated by one or more blank lines; single newlines inside one are folded.
    public static func splitParagraphs(_ text: String) -> [String] {
        var paragraphs: [String] = []
        var current: [Substring] = []
        for line in lines(text) {
            if isBlank(line) {
                if !current.isEmpty { paragraphs.append(inline(current.joined(separator: " "))) }
                current.removeAll()
            } else {
                current.append(line)
            }
        }
        if !current.isEmpty { paragraphs.append(inline(current.joined(separator: " "))) }
        return paragraphs.filter { !$0.isEmpty }
    }

    private static func isBlank(_ line: Substring) -> Bool {
        for byte in line.utf8 {
            if byte >= 0x80 { return line.allSatisfy(\.isWhitespace) }
            if byte != 0x20 && !(0x09...0x0D).contains(byte) { return false }
        }
        return true
    }

    /// The lines of `text` whatever its line breaks: LF, CRLF, CR, NEL, U+2028; U+2029 (paragraph
    /// separator) counts as a blank line. Needed because Swift treats CRLF as one `Character`, so
    /// splitting on `"\n"` alone would leave Windows-style copy as a single line.
    public static func lines(_ text: String) -> [Substring] {
        // Once CRs are gone, LF is a grapheme of its own (UAX #29 GB4/GB5), so cutting the bytes at 0x0A
        // cuts exactly where splitting the Characters would, without the grapheme-breaking walk.
        unifyLineBreaks(text).utf8.split(separator: 0x0A, omittingEmptySubsequences: false).map { Substring($0) }
    }

    /// `text` with every line break written as a single LF.
    public static func unifyLineBreaks(_ text: String) -> String {
        guard hasLineBreakToUnify(text) else { return text }
        var out = String.UnicodeScalarView()
        var previousCR = false
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0x0D:
                out.append("\n")
                previousCR = true
                continue
            case 0x0A:
                if !previousCR { out.append("\n") }
            case 0x85, 0x2028, 0x0B, 0x0C:
                out.append("\n")
            case 0x2029:
                out.append("\n"); out.append("\n")
            default:
                out.append(scalar)
            }
            previousCR = false
        }
        return String(out)
    }

    /// CR, VT, FF, NEL (C2 85) or U+2028/9 (E2 80 A8/9) somewhere in `text`: checked on the bytes, since
    /// a dash or a no-break space (same lead bytes) must not send ordinary copy down the scalar rebuild.
    static func hasLineBreakToUnify(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            var index = 0
            while index < bytes.count {
                switch bytes[index] {
                case 0x0D, 0x0B, 0x0C:
                    return true
                case 0xC2 where index + 1 < bytes.count && bytes[index + 1] == 0x85:
                    return true
                case 0xE2 where index + 2 < bytes.count && bytes[index + 1] == 0x80
                    && (bytes[index + 2] == 0xA8 || bytes[index + 2] == 0xA9):
                    return true
                default:
                    index += 1
                }
            }
            return false
        }
    }

    static func isDroppedControl(_ s: Unicode.Scalar) -> Bool {
        if s.isASCII { return s.value < 0x20 || s.value == 0x7F }
        switch s.properties.generalCategory {
        case .control, .format: return s.value != 0x200D  // keep ZWJ: it joins emoji and Indic conjuncts
        case .surrogate, .unassigned, .privateUse: return s.value == 0xFFFE || s.value == 0xFFFF
        default: return false
        }
    }
}
