import Foundation
import WireClean
import WireEnrich
import WireExtract
import WireGazetteer
import WireLanguage
import WireModel

/// BENCH_ENRICH=1: the cost of `enrich` alone. Its data (gazetteer, Media Topics table, language
/// profiles) is loaded first and timed — what a daemon pays at start — then the stories are cleaned
/// and extracted once (not timed) and enriched round after round.
enum EnrichBench {
    static func run(stories: [Item], rounds: Int, roundBytes: Int) {
        let clock = ContinuousClock()
        var enricher: StoryEnricher?
        let load = clock.measure {
            _ = Gazetteer.shared.maxNameWords
            _ = MediaTopicTable.shared.count
            _ = LanguageIdentifier.shared.identify("The data loads once, before the first story arrives.")
            enricher = StoryEnricher()
        }
        guard let enricher else { return }
        let cleaner = StoryCleaner()
        let extractor = StoryExtractor()
        let prepared = stories.map { story in
            var item = story
            cleaner.clean(&item)
            return extractor.extract(item)
        }
        var checksum = 0
        for item in prepared { checksum &+= enricher.enrich(item).topics.count }  // warm-up
        let cpuStart = threadCPUSeconds()
        let elapsed = clock.measure {
            for _ in 0..<rounds {
                for item in prepared { checksum &+= enricher.enrich(item).topics.count }
            }
        }
        let cpu = threadCPUSeconds() - cpuStart
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        let loadMilliseconds = Double(load.components.attoseconds) / 1e15 + Double(load.components.seconds) * 1000
        let megabytes = Double(roundBytes * rounds) / 1_048_576
        let count = prepared.count * rounds
        print(String(format: "enrich: data load %.1f ms; %d stories (%.1f MB of story text): wall %.3f s = %.1f MB/s, %.0f stories/s; "
                         + "CPU %.3f s = %.1f MB/s, %.0f stories/s (checksum %d)",
                     loadMilliseconds, count, megabytes, seconds, megabytes / seconds, Double(count) / seconds,
                     cpu, megabytes / cpu, Double(count) / cpu, checksum))
    }
}
