import Foundation
import Testing
@testable import WireRuntime

/// The built daemon with its loopback listener: `/metrics`, `/health`, `/status`, `wirefeed status`,
/// JSON log lines when stderr is not a terminal, and a sink that cannot write.
@Suite(.serialized) struct DaemonHTTPProcessTests {
    static let binaryBuilt = FileManager.default.isExecutableFile(atPath: DaemonProcessTests.binary)

    @Test(.enabled(if: binaryBuilt, "build the wirefeed executable first"))
    func metricsHealthAndStatusReportWhatFlowed() throws {
        let ws = try HTTPDaemonWorkspace(stages: #"[{"type": "clean"}, {"type": "dedupe", "window": "72h"}]"#)
        defer { ws.remove() }
        let daemon = try ws.start()
        defer { if daemon.isRunning { kill(daemon.processIdentifier, SIGKILL) } }
        let ferry = "Ferry strike halts island crossings\n\nPORTVALE - Crews walked out at dawn over rosters, leaving "
            + "hundreds of commuters stranded on the quay.\n\nTalks resume on Monday.\n"
        let orchard = "Late frost ruins apple blossom in valley orchards\n\nKESTON - Growers counted losses after two "
            + "nights below freezing stripped the trees.\n\nInsurers expect claims to rise sharply.\n"
        try writeFile(ws.inbox + "/ferry.txt", ferry)
        try writeFile(ws.inbox + "/orchard.txt", orchard)
        // The same copy again from another desk (a blank line more, so it is another file): a duplicate.
        try writeFile(ws.inbox + "/ferry-again.txt", ferry + "\n")
        #expect(eventually(within: 30) { ws.count(ws.done) == 3 })

        let health = try #require(ws.get("/health"))
        #expect(health.status == 200)
        let metrics = try #require(ws.get("/metrics"))
        #expect(metrics.status == 200)
        for series in [
            #"wirefeed_items_in_total{source="wires"} 3"#,
            #"wirefeed_stage_items_total{stage="clean"} 3"#,
            #"wirefeed_stage_items_total{stage="dedupe"} 3"#,
            #"wirefeed_sink_records_total{sink="all"} 3"#,
            #"wirefeed_dedupe_decisions_total{status="unique"} 2"#,
            #"wirefeed_dedupe_decisions_total{status="duplicate"} 1"#,
            #"wirefeed_inputs_total{outcome="done"} 3"#,
            #"wirefeed_stage_duration_seconds_count{stage="clean"} 3"#,
            #"wirefeed_sink_writable{sink="all"} 1"#,
            "wirefeed_dead_letters_total 0",
            "wirefeed_healthy 1",
        ] {
            #expect(metrics.body.contains(series), "missing \(series)")
        }
        #expect(metrics.body.contains(#"wirefeed_queue_depth{hop="stage dedupe"} 0"#))

        let asJSON = try ws.command(["status", "--config", ws.config, "--json"])
        #expect(asJSON.status == 0)
        let status = try JSONDecoder().decode(DaemonStatus.self, from: Data(asJSON.output.utf8))
        #expect(status.health.healthy && !status.health.draining)
        #expect(status.sources.map(\.name) == ["wires"])
        #expect(status.sources.first?.items.total == 3)
        #expect(status.sources.first?.items.lastMinute == 3)
        #expect(status.sources.first?.backlogFiles == 0)
        #expect(status.sources.first?.lastItem != nil)
        #expect(status.stages.map(\.name) == ["clean", "dedupe"])
        #expect(status.sinks.first { $0.name == "all" }?.records.total == 3)
        #expect(status.deadLetters.total == 0)
        #expect(status.dedupe == ["unique": 2, "duplicate": 1])

        let plain = try ws.command(["status", "--url", "http://\(ws.listen)"])
        #expect(plain.status == 0)
        #expect(plain.output.contains("HEALTHY"))
        #expect(plain.output.contains("wires"))
        #expect(!plain.output.contains("\u{1B}["), "piped output must carry no colour codes")

        // A reload swaps the pipeline, not the listener, and the totals carry on.
        kill(daemon.processIdentifier, SIGHUP)
        #expect(eventually(within: 30) {
            (try? String(contentsOfFile: ws.log, encoding: .utf8))?.contains(#""message":"reloaded""#) == true
        })
        #expect(ws.get("/health")?.status == 200)
        #expect(ws.get("/metrics")?.body.contains(#"wirefeed_items_in_total{source="wires"} 3"#) == true)

        daemon.terminate()
        daemon.waitUntilExit()
        #expect(daemon.terminationStatus == 0)
        try expectJSONLogLines(ws.log)
    }

    /// stderr was a file: every line must be one JSON object, and item logs carry their source.
    private func expectJSONLogLines(_ path: String) throws {
        let text = String(decoding: FileManager.default.contents(atPath: path) ?? Data(), as: UTF8.self)
        let lines = text.split(separator: "\n")
        #expect(!lines.isEmpty)
        var messages: [String] = []
        for line in lines {
            let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]
            #expect(object?["level"] is String && object?["time"] is String, "not a JSON log line: \(line)")
            if let message = object?["message"] as? String { messages.append(message) }
        }
        #expect(messages.contains("wirefeed running"))
        #expect(messages.contains("http listening"))
    }

    @Test(.enabled(if: binaryBuilt, "build the wirefeed executable first"))
    func healthIs503WhileDraining() throws {
        // Lines wait up to 10 s for their fsync, so the drain after SIGTERM takes a while.
        let ws = try HTTPDaemonWorkspace(fsyncInterval: "10s")
        defer { ws.remove() }
        let daemon = try ws.start(logLevel: "error")
        defer { if daemon.isRunning { kill(daemon.processIdentifier, SIGKILL) } }
        #expect(eventually(within: 30) { ws.get("/health")?.status == 200 })
        for n in 0..<5 { try ws.story(n) }
        #expect(eventually(within: 30) { ws.outputLines().count == 5 })

        kill(daemon.processIdentifier, SIGTERM)
        var draining: HTTPAnswer?
        #expect(eventually(within: 8) {
            draining = ws.get("/health")
            return draining?.status == 503
        })
        #expect(draining?.body.contains("draining") == true)
        daemon.waitUntilExit()
        #expect(daemon.terminationStatus == 0)
        #expect(ws.count(ws.done) == 5)
    }

    @Test(.enabled(if: binaryBuilt, "build the wirefeed executable first"))
    func aSinkThatCannotWriteIs503UntilItHealsAndNothingIsLost() throws {
        // The sink's folder is blocked by a plain file, so every open fails until the file goes.
        let ws = try HTTPDaemonWorkspace(sinkPath: "blocked/all.ndjson")
        defer { ws.remove() }
        let blocker = ws.root + "/blocked"
        _ = FileManager.default.createFile(atPath: blocker, contents: Data("not a folder".utf8))
        let daemon = try ws.start(logLevel: "critical")
        defer { if daemon.isRunning { kill(daemon.processIdentifier, SIGKILL) } }
        for n in 0..<4 { try ws.story(n) }

        #expect(eventually(within: 30) { ws.get("/health")?.status == 503 })
        #expect(ws.get("/health")?.body.contains("cannot write") == true)
        #expect(ws.get("/metrics")?.body.contains(#"wirefeed_sink_writable{sink="all"} 0"#) == true)
        #expect(ws.count(ws.done) == 0, "nothing may be acknowledged while the sink cannot write")
        #expect(ws.count(ws.inbox) == 4)

        try FileManager.default.removeItem(atPath: blocker)
        #expect(eventually(within: 60) { ws.count(ws.done) == 4 && ws.count(ws.inbox) == 0 })
        #expect(eventually(within: 10) { ws.get("/health")?.status == 200 })
        daemon.terminate()
        daemon.waitUntilExit()
        let lines = String(decoding: FileManager.default.contents(atPath: blocker + "/all.ndjson") ?? Data(), as: UTF8.self)
            .split(separator: "\n")
        #expect(lines.count == 4)
        #expect(Set(lines).count == 4, "a line was written twice")
    }

    @Test(.enabled(if: binaryBuilt, "build the wirefeed executable first"))
    func aFullDiskStopsAcknowledgingAndEverythingIsWrittenOnceWhenSpaceReturns() throws {
        let ws = try HTTPDaemonWorkspace()
        defer { ws.remove() }
        let outFolder = ws.root + "/out"
        guard let disk = SmallDisk(at: outFolder, bytes: 256 << 10) else {
            print("skipped: cannot mount a tmpfs here (needs root)")
            return
        }
        defer { disk.unmount() }
        let filler = outFolder + "/filler"
        disk.fill(filler)

        let daemon = try ws.start(logLevel: "critical")
        defer { if daemon.isRunning { kill(daemon.processIdentifier, SIGKILL) } }
        let total = 20
        for n in 0..<total { try ws.story(n) }
        #expect(eventually(within: 30) { ws.get("/health")?.status == 503 })
        #expect(ws.get("/health")?.body.contains("cannot write") == true)
        #expect(ws.count(ws.done) == 0, "nothing may be acknowledged while the disk is full")
        #expect(ws.count(ws.inbox) == total)

        try FileManager.default.removeItem(atPath: filler)
        #expect(eventually(within: 60) { ws.count(ws.done) == total && ws.count(ws.inbox) == 0 })
        #expect(eventually(within: 10) { ws.get("/health")?.status == 200 })
        daemon.terminate()
        daemon.waitUntilExit()
        #expect(daemon.terminationStatus == 0)
        let lines = ws.outputLines()
        #expect(lines.count == total)
        #expect(Set(lines).count == total, "a line was written twice")
    }
}

/// A tiny tmpfs mounted over a folder, for disk-full tests; nil where mounting is not permitted.
struct SmallDisk {
    let path: String

    init?(at path: String, bytes: Int) {
        try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        guard Self.run("/bin/mount", ["-t", "tmpfs", "-o", "size=\(bytes)", "tmpfs", path]) == 0 else { return nil }
        self.path = path
    }

    /// Writes `file` until the disk refuses more.
    func fill(_ file: String) {
        guard let handle = FileHandle(forWritingAtPath: file) ?? {
            _ = FileManager.default.createFile(atPath: file, contents: nil)
            return FileHandle(forWritingAtPath: file)
        }() else { return }
        defer { try? handle.close() }
        let block = Data(repeating: 0x2E, count: 4096)
        while (try? handle.write(contentsOf: block)) != nil {}
    }

    func unmount() { _ = Self.run("/bin/umount", ["-l", path]) }

    private static func run(_ tool: String, _ arguments: [String]) -> Int32 {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: tool)
        process.arguments = arguments
        process.standardError = FileHandle.nullDevice
        guard (try? process.run()) != nil else { return -1 }
        process.waitUntilExit()
        return process.terminationStatus
    }
}
