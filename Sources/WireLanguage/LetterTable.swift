/// How the n-gram scorer sees each scalar, precomputed for the alphabets it scores (U+0000–U+2FFF) so
/// that scoring asks the Unicode property tables nothing: a letter with its lowercase form, a mark that
/// lingua's models skip within a word, or anything else, which ends the word.
struct LetterTable: Sendable {
    enum Kind: Sendable, Equatable {
        case letter(UInt32)
        case skipped
        case boundary
    }

    static let covered: UInt32 = 0x3000
    private let lowercase: [UInt32]

    /// `lowercase` holds a letter's lowercase scalar, 0 for a boundary, 1 for a skipped mark.
    init() {
        var table = [UInt32](repeating: 0, count: Int(Self.covered))
        for value in 0..<Self.covered {
            guard let scalar = Unicode.Scalar(value) else { continue }
            switch Self.classify(scalar) {
            case .letter(let lower): table[Int(value)] = lower
            case .skipped: table[Int(value)] = 1
            case .boundary: table[Int(value)] = 0
            }
        }
        lowercase = table
    }

    func kind(_ scalar: Unicode.Scalar) -> Kind {
        guard scalar.value < Self.covered else { return Self.classify(scalar) }
        switch lowercase[Int(scalar.value)] {
        case 0: return .boundary
        case 1: return .skipped
        case let lower: return .letter(lower)
        }
    }

    private static func classify(_ scalar: Unicode.Scalar) -> Kind {
        switch scalar.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter:
            // A one-scalar lowercase form, else the letter itself (İ lowercases to two scalars).
            let lower = scalar.properties.lowercaseMapping.unicodeScalars
            return .letter(lower.count == 1 ? (lower.first?.value ?? scalar.value) : scalar.value)
        case .nonspacingMark, .spacingMark, .enclosingMark, .format:
            return .skipped
        default:
            return .boundary
        }
    }
}
