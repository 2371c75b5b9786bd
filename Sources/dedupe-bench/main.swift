import Foundation
import WireDedupe

// Measurement driver for the dedupe core (run by Scripts/dedupe-eval.sh and Scripts/dedupe-index-bench.sh).
//   dedupe-bench eval TEXTS.jsonl OUT.tsv [--threshold J]
//       decides every line of a texts.jsonl ({"key","text"} in arrival order) and writes
//       "key<TAB>matched key" lines for score_dedupe.py, plus timings on stderr.
//   dedupe-bench index-cost --items N [--every K]
//       inserts N synthetic signatures (a tenth of them near copies) and prints µs per
//       lookup+insert for each block of K items, and the index's bytes per stored item.

func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data("dedupe-bench: \(message)\n".utf8))
    exit(2)
}

func option(_ name: String, in arguments: [String]) -> String? {
    guard let index = arguments.firstIndex(of: name), index + 1 < arguments.count else { return nil }
    return arguments[index + 1]
}

/// CPU time of this thread, in seconds: the machine is shared, so wall time would measure the neighbours.
func cpuNow() -> Double {
    var spec = timespec()
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &spec)
    return Double(spec.tv_sec) + Double(spec.tv_nsec) / 1e9
}

func seconds(_ start: Double) -> Double { cpuNow() - start }

func residentBytes() -> Int {
    guard let statm = try? String(contentsOfFile: "/proc/self/statm", encoding: .utf8) else { return 0 }
    let fields = statm.split(separator: " ")
    guard fields.count > 1, let pages = Int(fields[1]) else { return 0 }
    return pages * Int(sysconf(Int32(_SC_PAGESIZE)))
}

func runEval(_ arguments: [String]) {
    guard arguments.count >= 2 else { fail("eval TEXTS.jsonl OUT.tsv [--threshold J]") }
    let threshold = option("--threshold", in: arguments).flatMap(Double.init) ?? DedupeEngine.defaultNearThreshold
    guard var reader = TextsLineReader(path: arguments[0]) else { fail("cannot read \(arguments[0])") }
    defer { reader.close() }
    var run = EvalRun(threshold: threshold)
    do {
        try run.run(&reader)
    } catch {
        fail("\(arguments[0]): \(error)")
    }
    do {
        try run.write(to: arguments[1])
    } catch {
        fail("cannot write \(arguments[1]): \(error)")
    }
    let n = Double(max(1, run.itemCount))
    let summary = DedupeStatus.allCases.map { "\($0.rawValue) \(run.counts[$0] ?? 0)" }.joined(separator: ", ")
    print("items \(run.itemCount): \(summary)")
    print(String(format: "CPU time: fingerprint %.2f µs/item, lookup+insert %.2f µs/item, together %.0f items/s (threshold %.2f)",
        run.fingerprintSeconds / n * 1e6, run.decideSeconds / n * 1e6, n / (run.fingerprintSeconds + run.decideSeconds), threshold))
}

/// Story clusters over a texts.jsonl: "key<TAB>key of the story's first item" lines. Item times come
/// from the corpus's labels.jsonl `published` (what an item's published_at would say), nothing else.
func runStories(_ arguments: [String]) {
    guard arguments.count >= 3 else { fail("stories TEXTS.jsonl LABELS.jsonl OUT.tsv [--threshold S] [--shared N]") }
    var published: [String: Int64] = [:]
    guard let labels = FileManager.default.contents(atPath: arguments[1]) else { fail("cannot read \(arguments[1])") }
    let formatter = ISO8601DateFormatter()
    for line in labels.split(separator: 0x0A) where !line.isEmpty {
        guard let object = try? JSONSerialization.jsonObject(with: Data(line)) as? [String: Any] else { continue }
        let key = (object["channel"] as? String == "wire" ? object["file"] : object["guid"]) as? String ?? ""
        if let text = object["published"] as? String, let date = formatter.date(from: text) {
            published[key] = Int64(date.timeIntervalSince1970)
        }
    }
    guard let data = FileManager.default.contents(atPath: arguments[0]) else { fail("cannot read \(arguments[0])") }
    var engine = DedupeEngine(window: nil, maxItems: nil)
    var stories = StoryClusterIndex()
    if let threshold = option("--threshold", in: arguments).flatMap(Double.init) { stories.threshold = threshold }
    if let shared = option("--shared", in: arguments).flatMap(Int.init) { stories.minimumSharedTerms = shared }
    var keys: [String] = []
    var storyOf: [UInt32: UInt32] = [:]
    var out = ""
    var termSeconds = 0.0
    var nameSeconds = 0.0
    for line in data.split(separator: 0x0A) where !line.isEmpty {
        guard let object = try? JSONSerialization.jsonObject(with: Data(line)) as? [String: Any],
            let key = object["key"] as? String, let text = object["text"] as? String
        else { fail("bad line in \(arguments[0])") }
        let time = published[key] ?? 0
        let decision = engine.decide(DedupeInput(fingerprint: TextFingerprint(text: text), eventTime: time))
        let sequence = decision.record.sequence
        keys.append(key)
        let start = cpuNow()
        let names = SalientTerms.terms(of: text)
        nameSeconds += seconds(start)
        let story = stories.assign(
            decision, matchedStory: decision.matchedSequence.flatMap { storyOf[$0] },
            names: names, index: engine.index).story
        termSeconds += seconds(start)
        storyOf[sequence] = story
        out += "\(key)\t\(keys[Int(story)])\n"
    }
    do {
        try out.write(toFile: arguments[2], atomically: true, encoding: .utf8)
    } catch {
        fail("cannot write \(arguments[2]): \(error)")
    }
    print(String(format: "stories: %d items, %d stories; CPU %.2f µs/item for names + story lookup (names %.2f)",
        keys.count, Set(storyOf.values).count, termSeconds / Double(max(1, keys.count)) * 1e6,
        nameSeconds / Double(max(1, keys.count)) * 1e6))
}

/// Deterministic pseudo-random numbers (SplitMix64), so every run measures the same stream.
struct SplitMix {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

func runIndexCost(_ arguments: [String]) {
    let total = option("--items", in: arguments).flatMap(Int.init) ?? 1_000_000
    let every = option("--every", in: arguments).flatMap(Int.init) ?? 10_000
    var random = SplitMix(state: 42)
    var recent: [MinHashSignature] = []
    var engine = DedupeEngine(window: nil, maxItems: nil)
    let rssBefore = residentBytes()
    var blockStart = cpuNow()
    var nearFound = 0
    print("stored_items\tcpu_us_per_item\tindex_bytes_per_item\trss_bytes_per_item")
    for index in 0..<total {
        // A tenth are near copies of a recent item (12 of 64 bins changed, J ≈ 0.8); the rest unrelated.
        var bins: [UInt8]
        if index % 10 == 9, let base = recent.last {
            bins = base.bins
            for _ in 0..<12 { bins[Int(random.next() % 64)] = UInt8(truncatingIfNeeded: random.next()) }
        } else {
            bins = (0..<8).flatMap { _ in withUnsafeBytes(of: random.next()) { Array($0) } }
        }
        let signature = MinHashSignature(bins: bins)
        if recent.count == 16 { recent.removeFirst() }
        recent.append(signature)
        let fingerprint = TextFingerprint(bodyHash: random.next(), wordCount: 500, signature: signature)
        let decision = engine.decide(DedupeInput(fingerprint: fingerprint, eventTime: Int64(index)))
        if decision.status == .nearDuplicate { nearFound += 1 }
        if (index + 1) % every == 0 {
            let micros = seconds(blockStart) / Double(every) * 1e6
            let stored = Double(engine.index.count)
            print(String(format: "%d\t%.2f\t%.1f\t%.1f", index + 1, micros, Double(engine.index.byteCount) / stored,
                Double(residentBytes() - rssBefore) / stored))
            blockStart = cpuNow()
        }
    }
    FileHandle.standardError.write(Data("near copies found: \(nearFound) of \(total / 10)\n".utf8))
}

let arguments = Array(CommandLine.arguments.dropFirst())
switch arguments.first {
case "eval": runEval(Array(arguments.dropFirst()))
case "index-cost": runIndexCost(Array(arguments.dropFirst()))
case "stories": runStories(Array(arguments.dropFirst()))
default: fail("usage: dedupe-bench eval TEXTS.jsonl OUT.tsv [--threshold J] | index-cost --items N [--every K]")
}
