import Foundation
import Logging
import Testing
@testable import WireRuntime

@Suite struct ObservabilityTests {
    @Test func aJSONLogLineCarriesMessageLevelAndMetadataAsTopLevelKeys() throws {
        let line = JSONLineLogHandler.line(
            time: Date(timeIntervalSince1970: 0), level: .warning, label: "wirefeed", message: "dead-lettered",
            metadata: ["item": "abc123", "source": "wires", "message": "clash", "tags": .array(["a", "b"])])
        #expect(line.hasSuffix("\n"))
        #expect(line.dropLast().contains("\n") == false, "one object per line")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
        #expect(object["message"] as? String == "dead-lettered")
        #expect(object["meta_message"] as? String == "clash", "metadata never clobbers the handler's own keys")
        #expect(object["level"] as? String == "warning")
        #expect(object["item"] as? String == "abc123")
        #expect(object["source"] as? String == "wires")
        #expect(object["tags"] as? [String] == ["a", "b"])
        #expect(object["time"] as? String == "1970-01-01T00:00:00.000Z")
    }

    @Test func theHandlerHonoursItsLevelAndMetadata() {
        let lines = LineCollector()
        var handler = JSONLineLogHandler(label: "t", write: { lines.add($0) })
        handler.logLevel = .info
        handler[metadataKey: "source"] = "wires"
        var logger = Logger(label: "t") { _ in handler }
        logger.logLevel = .info
        logger.debug("hidden")
        logger.info("shown", metadata: ["item": "x1"])
        #expect(lines.all.count == 1)
        #expect(lines.all.first?.contains(#""source":"wires""#) == true)
        #expect(lines.all.first?.contains(#""item":"x1""#) == true)
    }

    @Test func underJournaldEachLineStartsWithItsSyslogPriority() {
        let lines = LineCollector()
        let handler = JSONLineLogHandler(label: "t", syslogPrefix: true, write: { lines.add($0) })
        let logger = Logger(label: "t") { _ in handler }
        logger.error("sink cannot write")
        logger.info("running")
        #expect(lines.all.first?.hasPrefix(#"<3>{"#) == true)
        #expect(lines.all.last?.hasPrefix(#"<6>{"#) == true)
    }

    private static func sampleStatus(failing: String? = nil) -> DaemonStatus {
        let window = DaemonStatus.Window(lastMinute: 2, lastHour: 9, total: 40)
        return DaemonStatus(
            uptimeSeconds: 3700,
            health: DaemonStatus.Health(healthy: failing == nil, draining: false, problems: failing.map { [$0] } ?? []),
            sources: [DaemonStatus.Source(
                name: "wires", path: "/var/inbox", lastItem: "2026-11-29T05:00:00Z", silentSeconds: 42, backlogFiles: 3,
                items: window)],
            queues: ["stage clean": 1, "delivery": 0],
            stages: [DaemonStatus.Stage(name: "clean", items: window, errors: 1)],
            sinks: [DaemonStatus.Sink(name: "all", records: window, errors: 0, failing: failing)],
            deadLetters: DaemonStatus.Window(lastMinute: 0, lastHour: 1, total: 1), itemsInFlight: 1,
            dedupe: ["unique": 30, "duplicate": 10])
    }

    @Test func plainStatusHasNoEscapesAndSaysWhatMatters() {
        let text = StatusRenderer(colour: false).render(Self.sampleStatus())
        #expect(!text.contains("\u{1B}"))
        #expect(text.hasPrefix("wirefeed HEALTHY  up 61m"))
        #expect(text.contains("wires"))
        #expect(text.contains("2/9/40"))
        #expect(text.contains("42s"))
        #expect(text.contains("delivery=0 stage clean=1"))
        #expect(text.contains("duplicate=10 unique=30"))
    }

    @Test func colouredStatusPaintsAFailingSinkRed() {
        let text = StatusRenderer(colour: true).render(Self.sampleStatus(failing: "write: No space left on device"))
        #expect(text.contains("\u{1B}[31mUNHEALTHY"))
        #expect(text.contains("\u{1B}[31mcannot write: write: No space left on device"))
    }

    @Test func statusJSONUsesSnakeCaseKeysAndRoundTrips() throws {
        let data = try JSONEncoder().encode(Self.sampleStatus())
        let text = String(decoding: data, as: UTF8.self)
        for key in ["uptime_seconds", "dead_letters", "items_in_flight", "last_minute", "backlog_files", "silent_seconds"] {
            #expect(text.contains("\"\(key)\""))
        }
        #expect(try JSONDecoder().decode(DaemonStatus.self, from: data) == Self.sampleStatus())
    }

    @Test func countersGainedBetweenScrapesAreExportedOnce() throws {
        ProcessMetrics.bootstrap()
        let progress = PipelineProgress()
        let exporter = ProgressMetricsExporter()
        progress.itemIn(source: "exporter-test-source")
        progress.itemIn(source: "exporter-test-source")
        exporter.export(progress.snapshot, health: PipelineHealth(problems: []), draining: false)
        progress.itemIn(source: "exporter-test-source")
        exporter.export(progress.snapshot, health: PipelineHealth(problems: []), draining: false)
        exporter.export(progress.snapshot, health: PipelineHealth(problems: []), draining: false)
        let text = ProcessMetrics.registry.emitToString()
        #expect(text.contains(#"wirefeed_items_in_total{source="exporter-test-source"} 3"#))
    }

    @Test func feedHealthAndHeldEmbargoesAreGauges() throws {
        ProcessMetrics.bootstrap()
        let exporter = ProgressMetricsExporter()
        var feed = FeedHealth(name: "exporter-test-feed", url: "http://127.0.0.1:1/feed.xml")
        feed.consecutiveErrors = 3
        feed.itemsEmitted = 12
        feed.silent = true
        feed.lastSuccessAt = "2026-11-29T06:00:00Z"
        exporter.export(feeds: [feed], embargoHeld: 2)
        let text = ProcessMetrics.registry.emitToString()
        #expect(text.contains(#"wirefeed_feed_consecutive_errors{feed="exporter-test-feed"} 3"#))
        #expect(text.contains(#"wirefeed_feed_items_emitted{feed="exporter-test-feed"} 12"#))
        #expect(text.contains(#"wirefeed_feed_silent{feed="exporter-test-feed"} 1"#))
        #expect(text.contains(#"wirefeed_feed_last_success_timestamp_seconds{feed="exporter-test-feed"} 1795932000"#))
        #expect(text.contains("wirefeed_embargo_held_items 2"))
    }

    @Test func listenAddressesSplitIntoHostAndPort() throws {
        let v4 = try HTTPEndpoint.split("127.0.0.1:9464")
        #expect(v4.0 == "127.0.0.1" && v4.1 == 9464)
        let v6 = try HTTPEndpoint.split("[::1]:9464")
        #expect(v6.0 == "::1" && v6.1 == 9464)
        #expect(throws: HTTPEndpoint.StartError.self) { try HTTPEndpoint.split("localhost") }
    }
}

final class LineCollector: @unchecked Sendable {
    private let lock = NSLock()
    private var lines: [String] = []
    func add(_ line: String) { lock.withLock { lines.append(line) } }
    var all: [String] { lock.withLock { lines } }
}
