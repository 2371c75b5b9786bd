import Foundation
import Testing
import WireModel

/// The two seed stories (one North Korea diplomatic event from two agencies) through the whole chain;
/// skipped when ../shared is absent.
@Suite struct SeedEnrichTests {
    static let seeds = "/work/shared/seeds"

    @Test func seedsGetNorthKoreaAndDiplomacy() throws {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: Self.seeds), !names.isEmpty else { return }
        let pipeline = StoryPipeline()
        var kimIDs: Set<String> = []
        for name in names.sorted() where name.hasSuffix(".txt") {
            let item = try #require(pipeline.run(path: Self.seeds + "/" + name))
            #expect(item.countries.contains("KP"), "\(name): \(item.countries)")
            #expect(item.topics.map(\.code).contains("medtop:20000639"), "\(name): \(item.topics.map(\.code))")
            #expect(item.language == "en")
            let places = item.entities?.places ?? []
            #expect(places.first { $0.name == "Pyongyang" }?.country == "KP")
            for person in item.entities?.people ?? [] where person.mentions.contains(where: { $0.hasPrefix("Kim Jong") }) {
                kimIDs.insert(person.id ?? "")
            }
        }
        // "Kim Jong-un" in one, "Kim Jong Un" in the other: one id.
        #expect(kimIDs == ["person:kimjongun"])
    }
}
