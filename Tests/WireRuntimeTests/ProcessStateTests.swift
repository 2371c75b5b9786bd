import Foundation
import Testing
@testable import WireRuntime

/// `wirefeed process` opens the config's state database only when a stage keeps state (dedupe): a
/// stage-less run starts without one, a run with dedupe still remembers what it saw.
@Suite struct ProcessStateTests {
    @Test func onlyDedupeNeedsTheStateStore() {
        #expect(!StageFactory.needsState([]))
        #expect(!StageFactory.needsState([.clean(CleanStageConfig()), .extract(ExtractStageConfig()), .enrich]))
        #expect(StageFactory.needsState([.clean(CleanStageConfig()), .dedupe(DedupeStageConfig())]))
        #expect(StageFactory.needsState(StageFactory.defaultConfigs))
    }

    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: DaemonProcessTests.binary), "build the wirefeed executable first"))
    func aStagelessRunCreatesNoStateFolderAndADedupeRunDoes() throws {
        let root = NSTemporaryDirectory() + "wirefeed-process-state-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: root) }
        let story = root + "/story.txt"
        try "Harbour reopens\n\nThe harbour reopened on Monday after repairs to the north quay.\n"
            .write(toFile: story, atomically: true, encoding: .utf8)
        let sinks = #""sinks": [{"name": "out", "type": "stdout"}]"#
        let plain = try Self.process(root: root, config: #"{"state_dir": "plain-state", "stages": [], \#(sinks)}"#, story)
        #expect(plain.status == 0)
        #expect(plain.output.contains("Harbour reopens"))
        #expect(!FileManager.default.fileExists(atPath: root + "/plain-state"))

        let deduped = try Self.process(
            root: root, config: #"{"state_dir": "dedupe-state", "stages": [{"type": "dedupe"}], \#(sinks)}"#, story)
        #expect(deduped.status == 0)
        #expect(FileManager.default.fileExists(atPath: root + "/dedupe-state/wirefeed.sqlite"))
    }

    /// Runs `wirefeed process` with `config` written into `root` (relative state folders land there).
    private static func process(root: String, config: String, _ inputs: String...) throws -> (output: String, status: Int32) {
        let path = root + "/pipeline-\(UUID().uuidString).json"
        try config.write(toFile: path, atomically: true, encoding: .utf8)
        return try HTTPDaemonWorkspace.wirefeed(["process", "--config", path] + inputs, in: root)
    }
}
