import Foundation
import WireClean
import WireExtract
import WireModel
import WireReaders

// Measures `clean` on the eval corpus repeated to a target size: the stories are read once (not
// timed), then cleaned round after round on one thread. Story text counts the bytes clean consumes
// (`content_html`, else `body`). Usage: [BENCH_EXTRACT=1] stage-bench [CORPUS_DIR] [MEGABYTES];
// with BENCH_EXTRACT=1 each cleaned story also goes through `extract`: the two text stages together;
// with BENCH_ENRICH=1 only `enrich` is timed, on stories cleaned and extracted beforehand (EnrichBench).
let arguments = CommandLine.arguments
let directory = arguments.count > 1 ? arguments[1] : "Fixtures/eval/stories"
let targetBytes = (arguments.count > 2 ? Int(arguments[2]) : nil).map { $0 << 20 } ?? 50 << 20

func loadItems() throws -> [Item] {
    let names = try FileManager.default.contentsOfDirectory(atPath: directory)
        .filter { $0.hasSuffix(".txt") || $0.hasSuffix(".html") }.sorted()
    return try names.compactMap { name in
        let path = directory + "/" + name
        let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
        let context = ReadContext(source: ItemSource(type: "file", name: "bench", path: path), receivedAt: "2024-01-01T00:00:00Z")
        return try InputReader().read(bytes, context: context).items.first
    }
}

/// CPU time of this thread: on a shared machine wall time also counts other processes' turns.
func threadCPUSeconds() -> Double {
    var spec = timespec()
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &spec)
    return Double(spec.tv_sec) + Double(spec.tv_nsec) / 1e9
}

func storyBytes(_ item: Item) -> Int { (item.contentHTML ?? item.body ?? "").utf8.count }

do {
    let stories = try loadItems()
    let roundBytes = stories.map(storyBytes).reduce(0, +)
    guard roundBytes > 0 else {
        FileHandle.standardError.write(Data("no stories in \(directory)\n".utf8))
        exit(1)
    }
    let rounds = max(1, targetBytes / roundBytes)
    if ProcessInfo.processInfo.environment["BENCH_ENRICH"] == "1" {
        EnrichBench.run(stories: stories, rounds: rounds, roundBytes: roundBytes)
        exit(0)
    }
    // BENCH_RULES_OFF=sign_offs,captions switches rule families off, to see what each costs.
    var options = CleanOptions()
    for name in (ProcessInfo.processInfo.environment["BENCH_RULES_OFF"] ?? "").split(separator: ",") {
        if name == "all" { options = .none } else if let rule = CleanOptions.Rule(rawValue: String(name)) { options[rule] = false }
    }
    let cleaner = StoryCleaner(options: options)
    let extractor: StoryExtractor? = ProcessInfo.processInfo.environment["BENCH_EXTRACT"] == "1" ? StoryExtractor() : nil
    var kept = 0
    // BENCH_DUMP=FILE writes one round's output as NDJSON and stops: to check a change keeps behaviour.
    if let dump = ProcessInfo.processInfo.environment["BENCH_DUMP"] {
        var out: [UInt8] = []
        for var item in stories {
            cleaner.clean(&item)
            if let extractor { item = extractor.extract(item) }
            out += item.ndjsonLine()
        }
        try Data(out).write(to: URL(fileURLWithPath: dump))
        exit(0)
    }
    for var item in stories { cleaner.clean(&item); kept += item.body?.utf8.count ?? 0 }  // warm-up
    let clock = ContinuousClock()
    let cpuStart = threadCPUSeconds()
    let elapsed = clock.measure {
        for _ in 0..<rounds {
            for var item in stories {
                cleaner.clean(&item)
                if let extractor { item = extractor.extract(item) }
                kept &+= item.body?.utf8.count ?? 0
            }
        }
    }
    let cpu = threadCPUSeconds() - cpuStart
    let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
    let megabytes = Double(roundBytes * rounds) / 1_048_576
    let count = stories.count * rounds
    print(String(format: (extractor == nil ? "clean" : "clean+extract") + ": %d stories (%.1f MB of story text): wall %.3f s = %.1f MB/s, %.0f stories/s; "
                     + "CPU %.3f s = %.1f MB/s, %.0f stories/s (checksum %d)",
                 count, megabytes, seconds, megabytes / seconds, Double(count) / seconds,
                 cpu, megabytes / cpu, Double(count) / cpu, kept))
} catch {
    FileHandle.standardError.write(Data("stage-bench: \(error)\n".utf8))
    exit(1)
}
