import Foundation

/// Unicode NFC plus whitespace and control-character normalisation, shared by readers and `clean`.
public enum TextNormalizer {
    /// One line of text: NFC, control characters dropped, runs of white space folded to one space, trimmed.
    public static func inline(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        var pendingSpace = false
        // ASCII is already NFC; skipping Foundation's normaliser for it (a bridged CFString round trip)
        // halves the cost of reading wire formats, whose fields are mostly ASCII.
        let composed = text.utf8.allSatisfy { $0 < 0x80 } ? text : text.precomposedStringWithCanonicalMapping
        for scalar in composed.unicodeScalars {
            if scalar.properties.isWhitespace {
                pendingSpace = !out.isEmpty
                continue
            }
            if isDroppedControl(scalar) { continue }
            if pendingSpace { out.append(" "); pendingSpace = false }
            out.append(scalar)
        }
        return String(out)
    }

    /// Text with paragraphs: each paragraph `inline`-normalised, empty ones removed, joined by a blank line.
    public static func paragraphs(_ text: String) -> String {
        splitParagraphs(text).joined(separator: "\n\n")
    }

    /// Paragraphs are separated by one or more blank lines; single newlines inside one are folded.
    public static func splitParagraphs(_ text: String) -> [String] {
        var paragraphs: [String] = []
        var current: [Substring] = []
        for line in lines(text) {
            if line.allSatisfy({ $0.isWhitespace }) {
                if !current.isEmpty { paragraphs.append(inline(current.joined(separator: " "))) }
                current.removeAll()
            } else {
                current.append(line)
            }
        }
        if !current.isEmpty { paragraphs.append(inline(current.joined(separator: " "))) }
        return paragraphs.filter { !$0.isEmpty }
    }

    /// The lines of `text` whatever its line breaks: LF, CRLF, CR, NEL, U+2028; U+2029 (paragraph
    /// separator) counts as a blank line. Needed because Swift treats CRLF as one `Character`, so
    /// splitting on `"\n"` alone would leave Windows-style copy as a single line.
    public static func lines(_ text: String) -> [Substring] {
        unifyLineBreaks(text).split(separator: "\n", omittingEmptySubsequences: false)
    }

    /// `text` with every line break written as a single LF.
    public static func unifyLineBreaks(_ text: String) -> String {
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

    private static func isDroppedControl(_ s: Unicode.Scalar) -> Bool {
        switch s.properties.generalCategory {
        case .control, .format: return s.value != 0x200D  // keep ZWJ: it joins emoji and Indic conjuncts
        case .surrogate, .unassigned, .privateUse: return s.value == 0xFFFE || s.value == 0xFFFF
        default: return false
        }
    }
}
