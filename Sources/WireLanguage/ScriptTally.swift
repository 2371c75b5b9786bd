/// Counts a text's letters by writing system, and its words, to decide which script governs it.
struct ScriptTally {
    /// Letters per script, indexed by the script's position in `WritingScript.allCases`.
    private var counts = [Int](repeating: 0, count: WritingScript.allCases.count)
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
            guard let script = WritingScript.index(of: scalar) else { continue }
            counts[script] += 1
            letterCount += 1
        }
    }

    /// Korean wins when Hangul is a real share of the text (Korean mixes in Han); any kana means Japanese
    /// (Japanese mixes in Han); otherwise the script with the most letters.
    var decidingScript: WritingScript? {
        let hangul = count(.hangul)
        if hangul > 0, hangul * 10 >= letterCount * 3 { return .hangul }
        if count(.kana) > 0 { return .kana }
        // Ties go to the earlier script in declaration order, so the answer never depends on hashing.
        var best: (script: WritingScript, count: Int)?
        for (position, script) in WritingScript.allCases.enumerated() {
            let letters = counts[position]
            if letters > 0, letters > (best?.count ?? 0) { best = (script, letters) }
        }
        return best?.script
    }

    /// The letters counted in `script`.
    func count(_ script: WritingScript) -> Int {
        WritingScript.allCases.firstIndex(of: script).map { counts[$0] } ?? 0
    }
}
