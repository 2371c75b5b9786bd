/// Counts a text's letters by writing system, and its words, to decide which script governs it.
struct ScriptTally {
    private(set) var counts: [WritingScript: Int] = [:]
    private(set) var letterCount = 0
    private(set) var wordCount = 0

    init(_ text: String, letters: LetterTable) {
        var inWord = false
        for scalar in text.unicodeScalars {
            switch letters.kind(scalar) {
            case .letter: break
            case .skipped: continue
            case .boundary:
                inWord = false
                continue
            }
            if !inWord { wordCount += 1 }
            inWord = true
            guard let script = WritingScript(scalar) else { continue }
            counts[script, default: 0] += 1
            letterCount += 1
        }
    }

    /// Korean wins when Hangul is a real share of the text (Korean mixes in Han); any kana means Japanese
    /// (Japanese mixes in Han); otherwise the script with the most letters.
    var decidingScript: WritingScript? {
        let hangul = counts[.hangul, default: 0]
        if hangul > 0, hangul * 10 >= letterCount * 3 { return .hangul }
        if counts[.kana, default: 0] > 0 { return .kana }
        // Ties go to the earlier script in declaration order, so the answer never depends on hashing.
        var best: (script: WritingScript, count: Int)?
        for script in WritingScript.allCases {
            let count = counts[script, default: 0]
            if count > 0, count > (best?.count ?? 0) { best = (script, count) }
        }
        return best?.script
    }
}
