import WireGazetteer

/// The agency searches of bylines and credit lines, read on the line's own bytes when it is ASCII: a
/// span of words is looked up by its byte range (`Gazetteer.lookup(utf8:)`), without the array of
/// words, the joined `String` and its trimmed copy the general reading makes for every span.
///
/// Exact: in ASCII text `splitBytes(" ")` cuts words at every space, and the literal key treats any run
/// of separators as one space, so a span's bytes look up what its words joined by single spaces do; a
/// span of several words holds a space and can never be an acronym key either way.
extension BylineParser {
    /// What the trailing-agency search of `parse` gives for ASCII `text` (trimmed, "by " gone): the
    /// agency the last one to four words name ("Tom Aldridge (AAP)"), and the words before them joined
    /// by spaces (all of them when no agency stands last). Nil for other text, and when words before
    /// the agency stand apart by more than one space (joining them is left to the general reading).
    static func trailingAgencyASCII(_ text: String) -> (names: String, agency: GazetteerEntry?)? {
        var copy = text
        return copy.withUTF8 { bytes -> (names: String, agency: GazetteerEntry?)?? in
            guard !bytes.contains(where: { $0 >= 0x80 }) else { return .none }
            // The last five words, from the end: their starts and ends, on the stack.
            return withUnsafeTemporaryAllocation(of: Int.self, capacity: 10) { bounds -> (names: String, agency: GazetteerEntry?)? in
                let count = lastWords(bytes, upTo: 5, into: bounds)
                var keptEnd = count > 0 ? bounds[1] : 0
                var found: GazetteerEntry?
                // Word k from the end (0 = last) starts at bounds[2k] and ends at bounds[2k+1].
                for length in stride(from: min(4, count - 1), through: 1, by: -1) {
                    if let entry = agency(in: bytes, from: bounds[2 * (length - 1)], to: bounds[1], trimming: "()[] ") {
                        found = entry
                        keptEnd = bounds[2 * length + 1]
                        break
                    }
                }
                let kept = UnsafeBufferPointer(rebasing: bytes[0..<keptEnd])
                if hasDoubleSpace(kept) { return nil }
                let names = keptEnd == bytes.count ? text : String(decoding: kept, as: UTF8.self)
                return (names, found)
            }
        } ?? nil
    }

    /// Writes the start and end of up to `limit` words (runs of bytes other than spaces) counted from
    /// the end of `bytes` into `bounds`, last word first; returns how many it found.
    private static func lastWords(_ bytes: UnsafeBufferPointer<UInt8>, upTo limit: Int, into bounds: UnsafeMutableBufferPointer<Int>) -> Int {
        var found = 0
        var index = bytes.count
        while found < limit {
            while index > 0, bytes[index - 1] == 0x20 { index -= 1 }
            guard index > 0 else { break }
            let end = index
            while index > 0, bytes[index - 1] != 0x20 { index -= 1 }
            bounds[2 * found] = index
            bounds[2 * found + 1] = end
            found += 1
        }
        return found
    }

    /// True when two spaces stand side by side.
    private static func hasDoubleSpace(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard bytes.count >= 2 else { return false }
        for index in 1..<bytes.count where bytes[index] == 0x20 && bytes[index - 1] == 0x20 { return true }
        return false
    }

    /// The agency `bytes[start..<end]` names once the ASCII characters of `unwanted` are trimmed from
    /// both ends (`agency(String(span).trimming(unwanted))`).
    static func agency(in bytes: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int, trimming unwanted: StaticString) -> GazetteerEntry? {
        let set = UnsafeBufferPointer(start: unwanted.utf8Start, count: unwanted.utf8CodeUnitCount)
        var lower = start
        var upper = end
        while lower < upper, set.contains(bytes[lower]) { lower += 1 }
        while upper > lower, set.contains(bytes[upper - 1]) { upper -= 1 }
        return Gazetteer.shared.lookup(utf8: UnsafeBufferPointer(rebasing: bytes[lower..<upper])).first { $0.kind == .agency }
    }

    /// The credit line's span search (`StoryExtractor.agencyNamed` after its whole-line lookup) on ASCII
    /// `stripped`: spans of up to four words that start with a capitalised word some name starts with
    /// (or a short capital form), longest first. `.none` when the text is not ASCII (the general reading
    /// decides); `.some(nil)` when no span names an agency.
    static func agencyInSpansASCII(_ stripped: String, gazetteer: Gazetteer) -> GazetteerEntry?? {
        var copy = stripped
        return copy.withUTF8 { bytes -> GazetteerEntry?? in
            guard !bytes.contains(where: { $0 >= 0x80 }) else { return .none }
            // A word needs at least one byte and one space after it: at most (count + 1) / 2 words.
            let capacity = max(2, bytes.count + 1)
            return withUnsafeTemporaryAllocation(of: Int.self, capacity: capacity) { bounds -> GazetteerEntry?? in
                let count = words(bytes, into: bounds)
                for start in 0..<count {
                    let word = UnsafeBufferPointer(rebasing: bytes[bounds[2 * start]..<bounds[2 * start + 1]])
                    guard word[0] >= 0x41, word[0] <= 0x5A else { continue }
                    guard gazetteer.mayStartName(wordHash: NameNormalizer.wordHash(word)) || isShortCapitalFormASCII(word) else { continue }
                    for length in stride(from: min(4, count - start), through: 1, by: -1) {
                        let spanStart = bounds[2 * start]
                        let spanEnd = bounds[2 * (start + length) - 1]
                        // The whole text was looked up before.
                        if count == 1, spanStart == 0, spanEnd == bytes.count { continue }
                        if let entry = agency(in: bytes, from: spanStart, to: spanEnd, trimming: "") { return .some(entry) }
                    }
                }
                return .some(nil)
            }
        }
    }

    /// Writes the start and end of every word (runs of bytes other than spaces) into `bounds`, first
    /// word first; returns how many there are.
    private static func words(_ bytes: UnsafeBufferPointer<UInt8>, into bounds: UnsafeMutableBufferPointer<Int>) -> Int {
        var count = 0
        var index = 0
        while index < bytes.count {
            guard bytes[index] != 0x20 else { index += 1; continue }
            bounds[2 * count] = index
            while index < bytes.count, bytes[index] != 0x20 { index += 1 }
            bounds[2 * count + 1] = index
            count += 1
        }
        return count
    }

    /// `Gazetteer.isShortCapitalForm` for ASCII bytes: capitals and digits, one to five of them, full
    /// stops and hyphens not counted.
    private static func isShortCapitalFormASCII(_ word: UnsafeBufferPointer<UInt8>) -> Bool {
        var letters = 0
        for byte in word where byte != 0x2E && byte != 0x2D {
            guard (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x30 && byte <= 0x39) else { return false }
            letters += 1
        }
        return letters >= 1 && letters <= 5
    }
}
