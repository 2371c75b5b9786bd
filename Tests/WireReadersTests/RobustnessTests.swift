import Foundation
import Testing
import WireModel
@testable import WireReaders

/// Damaged inputs must never crash a reader or make it hang: every prefix of a feed, and feeds with
/// bytes overwritten at random (seeded, so a failure reproduces).
@Suite struct RobustnessTests {
    /// SplitMix64: small, deterministic, good enough to pick positions and bytes.
    struct SeededGenerator: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    @Test(arguments: [
        "feeds/rss2-harbour-desk.xml", "feeds/atom-northern-bureau.xml", "feeds/rdf-river-news.xml",
        "nitf/portvale-cranes-ns.xml", "newsml/message-usable-and-kill.xml", "ninjs/v2-bodies-picture.json",
    ])
    func everyPrefixReadsOrFailsCleanly(path: String) throws {
        let bytes = try Fixtures.bytes(path)
        let whole = try InputReader().read(bytes, context: Fixtures.context()).items
        for length in stride(from: 0, to: bytes.count, by: 5) {
            do {
                let items = try InputReader().read(Array(bytes.prefix(length)), context: Fixtures.context()).items
                // A cut document yields whole items only: never more than the full document has, and
                // each one equal to the full document's item at that position (feed title aside,
                // which a cut RDF document may lack).
                #expect(items.count <= whole.count)
                for (cut, full) in zip(items, whole) {
                    #expect(cut.headline == full.headline)
                    #expect(cut.url == full.url)
                }
            } catch {
                #expect(["empty", "malformed", "unknown-format", "binary"].contains(error.reason))
            }
        }
    }

    @Test func randomByteDamageNeverCrashes() throws {
        let original = try Fixtures.bytes("feeds/rss2-harbour-desk.xml")
        var generator = SeededGenerator(state: 20_250_304)
        for _ in 0..<300 {
            var bytes = original
            for _ in 0..<Int.random(in: 1...8, using: &generator) {
                let position = Int.random(in: 0..<bytes.count, using: &generator)
                bytes[position] = UInt8.random(in: 0...255, using: &generator)
            }
            if let result = try? InputReader().read(bytes, context: Fixtures.context()) {
                #expect(result.items.count <= 4)
            }
        }
    }
}
