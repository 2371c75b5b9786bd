/// Tells when a text's characters are each one Unicode scalar, so that `Character`-based splitting and
/// trimming can walk scalars instead (grapheme breaking dominated `enrich`) and still cut exactly where
/// the `Character` version cuts.
///
/// A scalar stands alone as a character when nothing may join it to a neighbour: no carriage return
/// (CR LF is one character), and nothing outside ASCII, Latin-1 and Latin Extended (U+0080–U+02FF) and
/// the punctuation and currency blocks (U+2010–U+205F, U+20A0–U+20CF). None of those are combining,
/// joining, prepended or Hangul, so no grapheme rule merges two of them.
enum SingleScalarText {
    static func holds(_ text: Substring) -> Bool {
        for scalar in text.unicodeScalars {
            let value = scalar.value
            if value < 0x80 {
                if value == 0x0D { return false }
            } else if !(value <= 0x2FF || (0x2010...0x205F).contains(value) || (0x20A0...0x20CF).contains(value)) {
                return false
            }
        }
        return true
    }

    /// The character a lone scalar forms, for `Character`'s own letter and case predicates.
    @inline(__always)
    static func character(_ scalar: Unicode.Scalar) -> Character {
        Character(scalar)
    }
}
