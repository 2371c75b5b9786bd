import Testing
import WireDedupe

@Suite struct DedupeIndexTests {
    /// Many insertions and evictions through the open-addressing tables: every live item stays
    /// findable and every evicted one is gone (backward-shift deletion keeps probe runs intact).
    @Test func lookupsSurviveHeavyEviction() {
        var index = DedupeIndex(window: nil, maxItems: 500)
        var signatures: [MinHashSignature] = []
        for sequence in 0..<3000 {
            let bins = (0..<64).map { UInt8(truncatingIfNeeded: WordHasher.mix(UInt64(sequence * 64 + $0))) }
            let signature = MinHashSignature(bins: bins)
            signatures.append(signature)
            index.insert(DedupeRecord(
                sequence: UInt32(sequence), bodyHash: WordHasher.mix(UInt64(sequence) + 1), guidHash: 0, version: -1,
                eventTime: Int64(sequence), signature: signature, membership: [.exact, .near]))
            index.evict()
        }
        #expect(index.count == 500)
        for sequence in [0, 1000, 2499] {
            #expect(index.exactMatch(WordHasher.mix(UInt64(sequence) + 1)) == nil)
            #expect(index.nearestMatch(signatures[sequence], threshold: 0.9) == nil)
        }
        for sequence in [2500, 2750, 2999] {
            #expect(index.exactMatch(WordHasher.mix(UInt64(sequence) + 1)) == UInt32(sequence))
            #expect(index.nearestMatch(signatures[sequence], threshold: 0.9)?.sequence == UInt32(sequence))
        }
    }

    @Test func memoryPerItemStaysWithinTheBudget() {
        var index = DedupeIndex(window: nil, maxItems: nil)
        for sequence in 0..<20_000 {
            let bins = (0..<64).map { UInt8(truncatingIfNeeded: WordHasher.mix(UInt64(sequence * 64 + $0))) }
            index.insert(DedupeRecord(
                sequence: UInt32(sequence), bodyHash: UInt64(sequence) + 1, guidHash: UInt64(sequence) + 7, version: -1,
                eventTime: 0, signature: MinHashSignature(bins: bins), membership: [.exact, .near, .guid]))
        }
        #expect(index.byteCount / index.count <= 300)
    }
}
