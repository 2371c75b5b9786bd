import Foundation
import WireClean
import WireEnrich
import WireExtract
import WireModel
import WireReaders

/// Reader → clean → extract → enrich over a file, as `wirefeed process` runs them.
struct StoryPipeline {
    let cleaner = StoryCleaner()
    let extractor = StoryExtractor()
    let enricher = StoryEnricher()

    func run(path: String) -> Item? {
        guard let data = FileManager.default.contents(atPath: path) else { return nil }
        let source = ItemSource(type: "file", name: "test", path: path)
        guard let read = try? InputReader().read(Array(data), context: ReadContext(source: source, receivedAt: "2026-11-29T00:00:00Z")),
              var item = read.items.first else { return nil }
        cleaner.clean(&item)
        return enricher.enrich(extractor.extract(item))
    }

    /// The repository's root, from this file's place in it.
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
}
