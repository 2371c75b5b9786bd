/// The writing systems that narrow a text's language before any statistics: some decide it alone
/// (Hangul is Korean), others leave a family of candidates to the trigram profiles.
enum WritingScript: Hashable, Sendable, CaseIterable {
    case latin, cyrillic, arabic, devanagari
    case hangul, kana, han
    case greek, hebrew, thai, georgian, armenian, bengali, gujarati, gurmukhi, tamil, telugu

    /// The script of a letter, or nil for scripts this identifier does not know (their letters are ignored).
    init?(_ scalar: Unicode.Scalar) {
        guard let script = Self.ranges.first(where: { $0.range.contains(scalar.value) })?.script else { return nil }
        self = script
    }

    /// The position in `allCases` of a letter's script (the script `init?(_:)` finds), without
    /// building the script: `ScriptTally` counts into an array by it.
    static func index(of scalar: Unicode.Scalar) -> Int? {
        for entry in indexedRanges where entry.range.contains(scalar.value) { return entry.index }
        return nil
    }

    private static let indexedRanges: [(range: ClosedRange<UInt32>, index: Int)] = ranges.compactMap { entry in
        allCases.firstIndex(of: entry.script).map { (entry.range, $0) }
    }

    /// The language a script alone decides, when it decides one.
    var soleLanguage: String? {
        switch self {
        case .hangul: "ko"
        case .kana: "ja"
        case .han: "zh"
        case .greek: "el"
        case .hebrew: "he"
        case .thai: "th"
        case .georgian: "ka"
        case .armenian: "hy"
        case .bengali: "bn"
        case .gujarati: "gu"
        case .gurmukhi: "pa"
        case .tamil: "ta"
        case .telugu: "te"
        // Marathi and Nepali share Devanagari; this identifier ships Hindi only (see the profile script).
        case .devanagari: "hi"
        case .latin, .cyrillic, .arabic: nil
        }
    }

    private static let ranges: [(range: ClosedRange<UInt32>, script: WritingScript)] = [
        (0x0041...0x024F, .latin), (0x1E00...0x1EFF, .latin),
        (0x0370...0x03FF, .greek), (0x1F00...0x1FFF, .greek),
        (0x0400...0x052F, .cyrillic),
        (0x0530...0x058F, .armenian),
        (0x0590...0x05FF, .hebrew),
        (0x0600...0x06FF, .arabic), (0x0750...0x077F, .arabic), (0xFB50...0xFDFF, .arabic), (0xFE70...0xFEFF, .arabic),
        (0x0900...0x097F, .devanagari),
        (0x0980...0x09FF, .bengali),
        (0x0A00...0x0A7F, .gurmukhi),
        (0x0A80...0x0AFF, .gujarati),
        (0x0B80...0x0BFF, .tamil),
        (0x0C00...0x0C7F, .telugu),
        (0x0E00...0x0E7F, .thai),
        (0x10A0...0x10FF, .georgian),
        (0x1100...0x11FF, .hangul), (0x3130...0x318F, .hangul), (0xAC00...0xD7AF, .hangul),
        (0x3040...0x30FF, .kana), (0x31F0...0x31FF, .kana), (0xFF66...0xFF9F, .kana),
        (0x3400...0x4DBF, .han), (0x4E00...0x9FFF, .han), (0xF900...0xFAFF, .han),
    ]
}
