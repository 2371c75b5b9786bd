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
        bodyHash = WordHasher.sequenceHash(words)
        wordCount = words.count
        if words.count >= Self.minimumWordsForSignature {
            signature = MinHashSignature(shingles: WordHasher.shingleHashes(words, length: Self.shingleLength))
        } else {
            signature = nil
        }
    }

    /// The body hash as 16 lowercase hex digits (the item's `dedupe.hash`).
    public var bodyHashHex: String { HexEncoding.hex(bodyHash) }
}
