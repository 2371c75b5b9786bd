import Foundation
import Testing
import WireModel

/// The real executable, as systemd runs it: `kill -9` in the middle of a backlog, a torn line left in the
/// sink, a restart. Every story must come out exactly once, whole, and every file must end in `done/`.
@Suite(.serialized) struct DaemonProcessTests {
    static let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().path
    static let binary = repositoryRoot + "/.build/debug/wirefeed"

    struct Workspace {
        let root: String
        var inbox: String { root + "/inbox" }
        var done: String { root + "/done" }
        var out: String { root + "/out/all.ndjson" }
        var config: String { root + "/pipeline.json" }

        init() throws {
            root = NSTemporaryDirectory() + "wirefeed-daemon-" + UUID().uuidString
            try FileManager.default.createDirectory(atPath: root + "/inbox", withIntermediateDirectories: true)
            try writeConfig(stages: "[]")
        }

        func writeConfig(stages: String, fsyncInterval: String = "20ms") throws {
            let json = """
                {"state_dir": "state",
                 "sources": [{"type": "inbox", "name": "wires", "path": "inbox", "done": "done", "failed": "failed"}],
                 "stages": \(stages),
                 "sinks": [{"name": "all", "type": "file", "path": "out/all.ndjson", "fsync_interval": "\(fsyncInterval)"}],
                 "dead_letter": {"type": "file", "path": "out/dead-letter.ndjson"}}
                """
            try Data(json.utf8).write(to: URL(fileURLWithPath: config))
        }

        func story(_ n: Int) throws {
            let text = "Harbour story number \(n) makes the wire\n\nPORTVALE - Paragraph one of story \(n).\n\nParagraph two.\n"
            try Data(text.utf8).write(to: URL(fileURLWithPath: "\(inbox)/story-\(n).txt"))
        }

        func count(_ folder: String) -> Int { (try? FileManager.default.contentsOfDirectory(atPath: folder).count) ?? 0 }

        func lines() throws -> [String] {
            guard let data = FileManager.default.contents(atPath: out) else { return [] }
            return String(decoding: data, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        }

        /// Runs `wirefeed run` on this workspace, with `environment` added to the test's own.
        func start(environment: [String: String] = [:]) throws -> Process {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: DaemonProcessTests.binary)
            process.arguments = ["run", "--config", config, "--log-level", "error"]
            if !environment.isEmpty {
                process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
            }
            process.standardError = FileHandle.nullDevice
            try process.run()
            return process
        }

        func remove() { try? FileManager.default.removeItem(atPath: root) }
    }

    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: binary), "build the wirefeed executable first"))
    func killNineMidBacklogThenRestartLosesAndRepeatsNothing() throws {
        let ws = try Workspace()
        defer { ws.remove() }
        let total = 400
        for n in 0..<total { try ws.story(n) }

        let first = try ws.start()
        #expect(eventually(within: 30) { ws.count(ws.done) >= 40 })
        kill(first.processIdentifier, SIGKILL)
        first.waitUntilExit()
        #expect(ws.count(ws.done) < total, "the daemon finished before it could be killed; raise the backlog")

        // What a crash in the middle of write(2) would leave: a line without its end.
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: ws.out))
        try handle.seekToEnd()
        try handle.write(contentsOf: Data(#"{"id":"torn","source":{"ty"#.utf8))
        try handle.close()

        let second = try ws.start()
        #expect(eventually(within: 60) { ws.count(ws.done) == total && ws.count(ws.inbox) == 0 })
        second.terminate()  // SIGTERM: drain and exit 0
        second.waitUntilExit()
        #expect(second.terminationReason == .exit && second.terminationStatus == 0)

        let lines = try ws.lines()
        #expect(lines.last == "", "the file must end with a newline")
        let items = try lines.dropLast().map { try JSONDecoder().decode(Item.self, from: Data($0.utf8)) }
        #expect(items.count == total)
        #expect(Set(items.map(\.id)).count == total, "a line was written twice")
        let headlines = Set(items.compactMap(\.headline))
        #expect(headlines == Set((0..<total).map { "Harbour story number \($0) makes the wire" }))
    }

    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: binary), "build the wirefeed executable first"))
    func aBadConfigOnReloadIsRefusedAndTheDaemonKeepsWorking() throws {
        let ws = try Workspace()
        defer { ws.remove() }
        let daemon = try ws.start()
        defer { if daemon.isRunning { kill(daemon.processIdentifier, SIGKILL) } }
        try ws.story(1)
        #expect(eventually(within: 30) { ws.count(ws.done) == 1 })

        try ws.writeConfig(stages: #"[{"type": "shred"}]"#)
        kill(daemon.processIdentifier, SIGHUP)
        try ws.story(2)
        #expect(eventually(within: 30) { ws.count(ws.done) == 2 }, "the daemon stopped working after a bad reload")
        #expect(daemon.isRunning)

        daemon.terminate()
        daemon.waitUntilExit()
        #expect(daemon.terminationStatus == 0)
        #expect(try ws.lines().filter { !$0.isEmpty }.count == 2)
    }

    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: binary), "build the wirefeed executable first"))
    func sigtermUnderLoadFinishesWhatIsInFlightAndExitsZero() throws {
        let ws = try Workspace()
        defer { ws.remove() }
        let total = 600
        for n in 0..<total { try ws.story(n) }

        let first = try ws.start()
        #expect(eventually(within: 30) { ws.count(ws.done) >= 30 })
        first.terminate()
        first.waitUntilExit()
        #expect(first.terminationReason == .exit && first.terminationStatus == 0)
        let done = ws.count(ws.done)
        #expect(done < total, "the daemon finished before SIGTERM; raise the backlog")
        #expect(done + ws.count(ws.inbox) == total)
        // Drained: each file in done/ has its line, and no line belongs to a file still in the inbox.
        let drained = try ws.lines().dropLast()
        #expect(drained.count == done)
        #expect(Set(drained).count == drained.count)

        let second = try ws.start()
        #expect(eventually(within: 60) { ws.count(ws.done) == total && ws.count(ws.inbox) == 0 })
        second.terminate()
        second.waitUntilExit()
        #expect(second.terminationStatus == 0)
        let items = try ws.lines().dropLast().map { try JSONDecoder().decode(Item.self, from: Data($0.utf8)) }
        #expect(items.count == total)
        #expect(Set(items.map(\.id)).count == total, "a line was written twice")
    }

    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: binary), "build the wirefeed executable first"))
    func aSecondStopSignalDuringTheDrainExitsAtOnceAndLosesNothing() throws {
        let ws = try Workspace()
        defer { ws.remove() }
        // Lines wait up to 10 s for their fsync, so the drain after SIGTERM takes that long.
        try ws.writeConfig(stages: "[]", fsyncInterval: "10s")
        let total = 20
        for n in 0..<total { try ws.story(n) }
        let daemon = try ws.start()
        defer { if daemon.isRunning { kill(daemon.processIdentifier, SIGKILL) } }
        #expect(eventually(within: 30) { (try? ws.lines().count) == total + 1 })

        let stop = Date()
        kill(daemon.processIdentifier, SIGTERM)
        usleep(300_000)  // two signals at once would merge into one
        kill(daemon.processIdentifier, SIGTERM)
        daemon.waitUntilExit()
        #expect(daemon.terminationStatus == 1)
        #expect(Date().timeIntervalSince(stop) < 5, "the second SIGTERM did not cut the drain short")
        #expect(ws.count(ws.inbox) + ws.count(ws.done) == total)

        try ws.writeConfig(stages: "[]")
        let again = try ws.start()
        #expect(eventually(within: 60) { ws.count(ws.done) == total })
        again.terminate()
        again.waitUntilExit()
        let lines = try ws.lines().dropLast()
        #expect(lines.count == total)
        #expect(Set(lines).count == total, "a line was written twice")
    }
}
