/// What dedupe keeps of a text: a hash of its normalised words (for exact duplicates) and a MinHash
/// signature of its word shingles (for near duplicates).
///
/// Normalising means: lower-cased words (letters, digits and combining marks), everything else dropped.
/// So spacing, line wrapping, punctuation and case never make two copies of one story differ.
public struct TextFingerprint: Sendable, Equatable {
    /// Hash of the normalised word sequence; equal for exact duplicates.
    public var bodyHash: UInt64
    /// Number of words after normalisation.
    public var wordCount: Int
    /// MinHash signature, or nil when the text is too short for shingles to say anything.
    public var signature: MinHashSignature?

    public init(bodyHash: UInt64, wordCount: Int, signature: MinHashSignature?) {
        self.bodyHash = bodyHash
        self.wordCount = wordCount
        self.signature = signature
    }

    /// Words per shingle: 5, the size the research notes found to separate re-sends from rewrites.
    public static let shingleLength = 5
    /// Below this many words a text gets only the exact hash: a near-duplicate call on a few words
    /// would flag unrelated briefs that happen to share a stock phrase.
    public static let minimumWordsForSignature = 12

    public init(text: String) {
        let words = WordHasher.wordHashes(text)
        self.init(words: words)
    }

    /// The same over UTF-8 bytes (a bench reading a file need not build a String per text).
    public init(utf8: UnsafeBufferPointer<UInt8>) {
        self.init(words: WordHasher.wordHashes(utf8: utf8))
    }

    public init(words: [UInt64]) {
        wordCount = words.count
        if words.count >= Self.minimumWordsForSignature {
            (bodyHash, signature) = Self.hashAndSignature(words)
        } else {
            bodyHash = WordHasher.sequenceHash(words)
            signature = nil
        }
    }

    /// `WordHasher.sequenceHash(words)` and the signature of `WordHasher.shingleHashes(words, length: 5)`
    /// in one walk over the words: the body hash is one long serial chain and each shingle a short
    /// independent one, so walking them together lets the shingles run in the chain's shadow, and no
    /// shingle array is built. Needs at least `shingleLength` words.
    private static func hashAndSignature(_ words: [UInt64]) -> (UInt64, MinHashSignature) {
        precondition(shingleLength == 5 && words.count >= shingleLength, "the shingle loop below is written for 5 words")
        return words.withUnsafeBufferPointer { words in
            withUnsafeTemporaryAllocation(of: UInt32.self, capacity: MinHashSignature.binCount) { minima in
                minima.initialize(repeating: .max)
                var filled: UInt64 = 0
                var hash = WordHasher.sequenceSeed(wordCount: words.count)
                let shingleCount = words.count - shingleLength + 1
                for start in 0..<shingleCount {
                    hash = WordHasher.sequenceStep(hash, words[start])
                    var shingle = WordHasher.shingleStep(WordHasher.shingleSeed, words[start])
                    shingle = WordHasher.shingleStep(shingle, words[start + 1])
                    shingle = WordHasher.shingleStep(shingle, words[start + 2])
                    shingle = WordHasher.shingleStep(shingle, words[start + 3])
                    shingle = WordHasher.shingleStep(shingle, words[start + 4])
                    let (bin, value) = MinHashSignature.binAndValue(WordHasher.mix(shingle))
                    minima[bin] = min(minima[bin], value)
                    filled |= 1 << UInt64(bin)
                }
                for start in shingleCount..<words.count { hash = WordHasher.sequenceStep(hash, words[start]) }
                return (WordHasher.mix(hash), MinHashSignature(minima: minima, filled: filled))
            }
        }
    }

    /// The body hash as 16 lowercase hex digits (the item's `dedupe.hash`).
    public var bodyHashHex: String { HexEncoding.hex(bodyHash) }
}
