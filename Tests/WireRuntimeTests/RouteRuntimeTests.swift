import Foundation
import Testing
import WireModel
@testable import WireRuntime

/// The daemon's runtime with a route stage: real inbox, real file sinks, the state database's embargo shelf.
@Suite(.serialized) struct RouteRuntimeTests {
    @Test func inboxStoriesReachTheSinksTheirRulesChooseAndFilesGoToDone() throws {
        let root = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let configText = #"""
            {"state_dir": "state",
             "sources": [{"type": "inbox", "name": "wires", "path": "inbox", "done": "done", "failed": "failed"}],
             "stages": [{"type": "route", "default": ["all"], "rules": [
               {"name": "korea-desk", "to": ["korea"], "when": {"field": "headline", "matches": "(?i)pyongyang|seoul"}},
               {"name": "no-tests", "drop": true, "when": {"field": "headline", "contains": "TEST"}}]}],
             "sinks": [{"name": "all", "type": "file", "path": "out/all.ndjson", "fsync_interval": "10ms"},
                       {"name": "korea", "type": "file", "path": "out/korea.ndjson", "fsync_interval": "10ms"}]}
            """#
        let config = try ConfigLoader.load(data: Array(configText.utf8), baseDirectory: root)
        let ledger = try SQLiteStateStore(directory: root + "/state")
        let runtime = try Runtime(config: config, ledger: ledger, logger: quietLogger)
        #expect(runtime.embargoShelf != nil, "a holding route stage gets the state database's shelf")
        try FileManager.default.createDirectory(atPath: root + "/inbox", withIntermediateDirectories: true)
        let stories = ["pyongyang.txt": "Parade in Pyongyang marks anniversary\n\nCrowds filled the square on Saturday.",
                       "harbour.txt": "Harbour cranes idle as dockers strike\n\nDock workers walked out on Monday.",
                       "test.txt": "TEST please ignore\n\nThis is a test transmission."]
        for (name, text) in stories {
            try Data(text.utf8).write(to: URL(fileURLWithPath: root + "/inbox/" + name))
        }
        try runtime.start()
        let done = { ((try? FileManager.default.contentsOfDirectory(atPath: root + "/done")) ?? []).filter { $0.hasSuffix(".txt") } }
        #expect(eventually(within: 20) { done().count == 3 }, "every file settles: routed, or dropped")
        #expect(runtime.stop(timeout: .seconds(10)))
        let read = { (name: String) in
            ((try? String(contentsOfFile: root + "/out/" + name, encoding: .utf8)) ?? "").split(separator: "\n")
        }
        #expect(read("korea.ndjson").count == 1)
        #expect(read("korea.ndjson").first?.contains(#""routes":["korea-desk"]"#) == true)
        #expect(read("all.ndjson").count == 1)
        #expect(read("all.ndjson").first?.contains("Harbour cranes") == true)
    }
}
