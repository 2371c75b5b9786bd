import Foundation
import Testing
import WireModel
@testable import WireReaders

/// Corpus-driven fuzzing of the XML readers: the fixtures mutated with a seeded generator (byte flips,
/// truncation, splices, duplicated tags, inserted entities and declarations) and read by every reader.
/// A crash fails the run by ending it; a hang or unbounded output fails it with the input saved.
///
/// The short run below is part of the normal suite. The long run needs an environment variable:
/// `WIREFEED_FUZZ_SECONDS=600 swift test --skip-build --filter longFuzzRun` (optionally with
/// `WIREFEED_FUZZ_SEED=n`).
@Suite struct FuzzTests {
    /// Per-input wall-time bound: the readers' own bounds keep every fixture-sized input far below it.
    static let maxSecondsPerInput = 2.0

    static let corpus: [[UInt8]] = {
        let directories = ["feeds", "feeds/hostile", "nitf", "newsml", "encodings"]
        var inputs: [[UInt8]] = []
        for directory in directories {
            let url = Fixtures.url(directory)
            let names = (try? FileManager.default.contentsOfDirectory(atPath: url.path))?.sorted() ?? []
            for name in names where name.hasSuffix(".xml") {
                // Of the generated encoding fixtures, the feeds are enough: NITF and G2 have their own.
                if directory == "encodings", !name.hasPrefix("rss-") { continue }
                if let data = try? Data(contentsOf: url.appendingPathComponent(name)), data.count < 1 << 20 {
                    inputs.append(Array(data))
                }
            }
        }
        return inputs
    }()

    @Test func shortDeterministicRun() throws {
        #expect(Self.corpus.count > 40)
        var fuzzer = ReaderFuzzer(corpus: Self.corpus, seed: 0x5EED_F00D)
        let report = fuzzer.run(inputs: 1_500, seconds: 8)
        print("fuzz: \(report.inputs) inputs in \(report.seconds) s")
        #expect(report.failures.isEmpty, "\(report.failures)")
        #expect(report.inputs >= 300)
    }

    @Test(.enabled(if: ProcessInfo.processInfo.environment["WIREFEED_FUZZ_SECONDS"] != nil,
                   "set WIREFEED_FUZZ_SECONDS to run"))
    func longFuzzRun() throws {
        let environment = ProcessInfo.processInfo.environment
        let seconds = Double(environment["WIREFEED_FUZZ_SECONDS"] ?? "") ?? 600
        let seed = UInt64(environment["WIREFEED_FUZZ_SEED"] ?? "") ?? UInt64(Date().timeIntervalSince1970)
        var fuzzer = ReaderFuzzer(corpus: Self.corpus, seed: seed)
        let report = fuzzer.run(inputs: Int.max, seconds: seconds)
        print("fuzz: \(report.inputs) inputs in \(report.seconds) s (seed \(seed)), slowest \(report.slowest) s, "
              + "failures \(report.failures.count)")
        #expect(report.failures.isEmpty, "\(report.failures)")
    }

    @Test func mutationsAreDeterministic() {
        var a = ReaderFuzzer(corpus: Self.corpus, seed: 42)
        var b = ReaderFuzzer(corpus: Self.corpus, seed: 42)
        for _ in 0..<50 { #expect(a.nextInput() == b.nextInput()) }
    }
}

/// The mutation engine and the checks, apart from the test functions so that both runs share them.
struct ReaderFuzzer {
    struct Report {
        var inputs = 0
        var seconds = 0.0
        var slowest = 0.0
        var failures: [String] = []
    }

    let corpus: [[UInt8]]
    private var rng: SplitMix64
    private static let readers: [(String, @Sendable ([UInt8], ReadContext) throws -> ReadResult)] = [
        ("feed", { try FeedReader().read($0, context: $1) }),
        ("nitf", { try NITFReader().read($0, context: $1) }),
        ("newsml", { try NewsMLG2Reader().read($0, context: $1) }),
        ("sniffed", { try InputReader().read($0, context: $1) }),
    ]

    init(corpus: [[UInt8]], seed: UInt64) {
        self.corpus = corpus
        rng = SplitMix64(seed: seed)
    }

    mutating func run(inputs limit: Int, seconds: Double) -> Report {
        var report = Report()
        let start = Date()
        let watchdog = Watchdog(limit: FuzzTests.maxSecondsPerInput * 10)
        watchdog.start()
        defer { watchdog.stop() }
        while report.inputs < limit, Date().timeIntervalSince(start) < seconds, report.failures.count < 10 {
            let input = nextInput()
            watchdog.begin(input)
            let elapsed = check(input, into: &report)
            watchdog.end()
            report.inputs += 1
            report.slowest = max(report.slowest, elapsed)
        }
        report.seconds = (Date().timeIntervalSince(start) * 10).rounded() / 10
        return report
    }

    /// Reads one input with every reader; returns the slowest reader's time.
    private func check(_ input: [UInt8], into report: inout Report) -> Double {
        var slowest = 0.0
        let context = ReadContext(source: ItemSource(type: "file", name: "fuzz"), receivedAt: "2025-01-01T00:00:00Z",
                                  documentURL: "https://fuzz.example/feed.xml")
        for (name, read) in Self.readers {
            let started = Date()
            let result = try? read(input, context)
            let elapsed = Date().timeIntervalSince(started)
            slowest = max(slowest, elapsed)
            if elapsed > FuzzTests.maxSecondsPerInput {
                report.failures.append("\(name): \(elapsed) s on \(Self.save(input))")
            }
            let output = result.map(Self.outputBytes) ?? 0
            // Output may not outgrow the input: a few times it (escaping, per-item copies of feed data)
            // plus a floor, never the multiplication an entity attack aims at.
            if output > 64 * 1024 + input.count * 8 {
                report.failures.append("\(name): \(output) output bytes from \(input.count) on \(Self.save(input))")
            }
        }
        return slowest
    }

    private static func outputBytes(_ result: ReadResult) -> Int {
        result.items.reduce(0) { sum, item in
            sum + [item.headline, item.summary, item.body, item.contentHTML, item.url, item.guid, item.byline]
                .reduce(0) { $0 + ($1?.utf8.count ?? 0) }
                + item.categories.reduce(0) { $0 + $1.utf8.count } + item.enclosures.count * 64
        } + result.issues.reduce(0) { $0 + $1.detail.utf8.count }
    }

    /// Saves an input that failed a check, for replay, and returns where.
    static func save(_ input: [UInt8]) -> String {
        let path = NSTemporaryDirectory() + "wirefeed-fuzz-\(UInt32.random(in: 0...UInt32.max)).bin"
        _ = FileManager.default.createFile(atPath: path, contents: Data(input))
        return path
    }

    // MARK: - Mutations

    mutating func nextInput() -> [UInt8] {
        var input = pick()
        let rounds = 1 + rng.below(4)
        for _ in 0..<rounds { mutate(&input) }
        return input
    }

    private mutating func pick() -> [UInt8] {
        corpus.isEmpty ? Array("<rss/>".utf8) : corpus[rng.below(corpus.count)]
    }

    private static let insertions: [String] = [
        "&nbsp;", "&foo;", "&#0;", "&#x110000;", "&amp;amp;", "&", "&#", "<", "]]>", "<![CDATA[", "<!--", "-->",
        "<?xml version=\"1.0\" encoding=\"koi8-r\"?>", "<!DOCTYPE rss [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;\">]>",
        "<!ENTITY x SYSTEM \"file:///etc/passwd\">", "&x;", "&b;", "<item>", "</item>", "<entry>", "<title>",
        "</channel>", "xml:base=\"javascript:alert(1)//\"", " href=\"javascript:x\"", "<a href='data:x'>",
        "\u{FEFF}", "\u{0}", "\u{1B}", "\r\n", "<content:encoded><![CDATA[<p><img src=x srcset=\", ,\">",
    ]

    private mutating func mutate(_ input: inout [UInt8]) {
        switch rng.below(9) {
        case 0 where !input.isEmpty:  // flip bits of a few bytes
            for _ in 0..<(1 + rng.below(8)) { input[rng.below(input.count)] ^= UInt8(truncatingIfNeeded: 1 << rng.below(8)) }
        case 1 where !input.isEmpty:  // set random bytes
            for _ in 0..<(1 + rng.below(8)) { input[rng.below(input.count)] = UInt8(truncatingIfNeeded: rng.next()) }
        case 2 where !input.isEmpty:  // truncate
            input.removeSubrange(rng.below(input.count)...)
        case 3:  // splice the head of this input with the tail of another
            let other = pick()
            let cut = input.isEmpty ? 0 : rng.below(input.count)
            let from = other.isEmpty ? 0 : rng.below(other.count)
            input = Array(input[..<cut]) + Array(other[from...])
        case 4:  // duplicate a tag-delimited range, up to a few times
            duplicateRange(&input)
        case 5, 6:  // insert an entity, a declaration or a fragment of markup
            let fragment = Array(Self.insertions[rng.below(Self.insertions.count)].utf8)
            input.insert(contentsOf: fragment, at: input.isEmpty ? 0 : rng.below(input.count + 1))
        case 7 where !input.isEmpty:  // delete a range
            let start = rng.below(input.count)
            input.removeSubrange(start..<min(input.count, start + 1 + rng.below(64)))
        default:  // deep nesting
            let depth = 1 + rng.below(300)
            let at = input.isEmpty ? 0 : rng.below(input.count + 1)
            input.insert(contentsOf: Array((String(repeating: "<d>", count: depth) + String(repeating: "</d>", count: depth)).utf8),
                         at: at)
        }
    }

    private mutating func duplicateRange(_ input: inout [UInt8]) {
        let opens = input.indices.filter { input[$0] == UInt8(ascii: "<") }
        guard opens.count >= 2 else { return }
        let a = rng.below(opens.count - 1)
        let b = a + 1 + rng.below(min(8, opens.count - a - 1))
        let range = opens[a]..<opens[b]
        let copy = Array(input[range])
        for _ in 0..<(1 + rng.below(3)) { input.insert(contentsOf: copy, at: range.upperBound) }
    }
}

/// A small, seedable generator (SplitMix64), so that every fuzz run can be replayed from its seed.
struct SplitMix64 {
    private var state: UInt64

    init(seed: UInt64) {
        state = seed
    }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A value in `0..<bound` (bound > 0).
    mutating func below(_ bound: Int) -> Int {
        Int(next() % UInt64(max(bound, 1)))
    }
}

/// Ends the process, saving the input, when one input runs far past the per-input bound: a hang would
/// otherwise stall the run forever instead of failing it.
final class Watchdog: @unchecked Sendable {
    private let lock = NSLock()
    private let limit: Double
    private var current: [UInt8]?
    private var startedAt = Date()
    private var running = true

    init(limit: Double) {
        self.limit = limit
    }

    func start() {
        Thread.detachNewThread { [self] in
            while isRunning() {
                Thread.sleep(forTimeInterval: 1)
                checkOnce()
            }
        }
    }

    func begin(_ input: [UInt8]) {
        lock.withLock {
            current = input
            startedAt = Date()
        }
    }

    func end() {
        lock.withLock { current = nil }
    }

    func stop() {
        lock.withLock { running = false }
    }

    private func isRunning() -> Bool {
        lock.withLock { running }
    }

    private func checkOnce() {
        let stuck: [UInt8]? = lock.withLock {
            guard let current, Date().timeIntervalSince(startedAt) > limit else { return nil }
            return current
        }
        guard let stuck else { return }
        print("fuzz: an input hung for more than \(limit) s; saved to \(ReaderFuzzer.save(stuck))")
        exit(3)
    }
}
