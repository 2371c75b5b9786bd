import Foundation
import WireExtract
import WireModel

// Measures `StoryExtractor` alone on the stories in a folder (one plain-text story per file):
//   [WIREFEED_EXTRACT_OFF=entities,quotes,…] extract-throughput FOLDER [ROUNDS]
// prints bytes, stories, seconds and MB/s of story text on one core. Used by Scripts/extract-throughput.sh.

let arguments = CommandLine.arguments
guard arguments.count >= 2 else {
    FileHandle.standardError.write(Data("usage: extract-throughput FOLDER [ROUNDS]\n".utf8))
    exit(2)
}
let folder = URL(fileURLWithPath: arguments[1])
let rounds = arguments.count >= 3 ? max(1, Int(arguments[2]) ?? 1) : 1
let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path))?.sorted() ?? []
var items: [Item] = []
var bytes = 0
for name in names {
    guard let data = FileManager.default.contents(atPath: folder.appendingPathComponent(name).path) else { continue }
    var item = Item(source: ItemSource(type: "file", name: "bench", path: name), format: .text, receivedAt: "2026-11-29T00:00:00Z")
    item.body = String(decoding: data, as: UTF8.self)
    bytes += data.count
    items.append(item)
}
guard !items.isEmpty else {
    FileHandle.standardError.write(Data("no stories in \(folder.path)\n".utf8))
    exit(1)
}
// WIREFEED_EXTRACT_OFF=entities,dates,… switches rule families off, to see what each costs.
var options = ExtractOptions()
for family in (ProcessInfo.processInfo.environment["WIREFEED_EXTRACT_OFF"] ?? "").split(separator: ",") {
    switch family {
    case "headline": options.headline = false
    case "byline": options.byline = false
    case "dateline": options.dateline = false
    case "published": options.publishedTime = false
    case "captions": options.captions = false
    case "quotes": options.quotes = false
    case "entities": options.entities = false
    case "dates": options.dates = false
    case "wordcount": options.wordCount = false
    default: FileHandle.standardError.write(Data("unknown family \(family)\n".utf8))
    }
}
let extractor = StoryExtractor(options: options)
var entityCount = 0
// CPU time of this thread as well as wall time: the machine is shared, and a busy neighbour stretches
// the wall clock without slowing the code.
func threadCPUSeconds() -> Double {
    var spec = timespec()
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &spec)
    return Double(spec.tv_sec) + Double(spec.tv_nsec) / 1e9
}
// EXTRACT_DUMP=FILE writes the output as NDJSON and stops: to check a change keeps behaviour.
if let dump = ProcessInfo.processInfo.environment["EXTRACT_DUMP"] {
    var out: [UInt8] = []
    for item in items { out += extractor.extract(item).ndjsonLine() }
    _ = FileManager.default.createFile(atPath: dump, contents: Data(out))
    exit(0)
}
let cpuStart = threadCPUSeconds()
let start = DispatchTime.now().uptimeNanoseconds
for _ in 0..<rounds {
    for item in items {
        let out = extractor.extract(item)
        entityCount &+= (out.entities?.people.count ?? 0) + out.dates.count
    }
}
let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
let cpuSeconds = threadCPUSeconds() - cpuStart
let megabytes = Double(bytes * rounds) / 1e6
print("stories \(items.count * rounds), \(String(format: "%.1f", megabytes)) MB: "
    + "CPU \(String(format: "%.2f", cpuSeconds)) s = \(String(format: "%.1f", megabytes / cpuSeconds)) MB/s, "
    + "\(String(format: "%.0f", Double(items.count * rounds) / cpuSeconds)) stories/s on one core "
    + "(wall \(String(format: "%.2f", seconds)) s; checksum \(entityCount))")
