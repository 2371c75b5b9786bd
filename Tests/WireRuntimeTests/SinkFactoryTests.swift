import Foundation
import Testing
@testable import WireRuntime

@Suite struct SinkFactoryTests {
    @Test func aFileConfigBuildsAFileSinkWithItsSettings() async throws {
        let folder = try TemporaryFolder()
        let config = SinkConfig(
            name: "all", kind: .file, path: folder.file("out/all.ndjson"), fsyncInterval: .milliseconds(50),
            maxBytes: 1 << 20, keep: 3)
        let sink = try await onDispatchThread { try SinkFactory.makeSink(config: config, logger: sinkTestLogger()) }
        let fileSink = try #require(sink as? NDJSONFileSink)
        #expect(fileSink.name == "all")
        #expect(fileSink.path == config.path)
        #expect(fileSink.fsyncInterval == .milliseconds(50))
        #expect(fileSink.maxBytes == 1 << 20)
        #expect(fileSink.keep == 3)
        #expect(FileManager.default.fileExists(atPath: folder.file("out/all.ndjson")), "opened at once")
        try await onDispatchThread { fileSink.close() }
    }

    @Test func aStdoutConfigBuildsAStdoutSink() throws {
        let sink = try SinkFactory.makeSink(config: SinkConfig(name: "console", kind: .stdout), logger: sinkTestLogger())
        let stdoutSink = try #require(sink as? StdoutSink)
        #expect(stdoutSink.name == "console")
        #expect(stdoutSink.fileDescriptor == 1)
    }

    @Test(arguments: [
        SinkConfig(name: "nowhere", kind: .file),
        SinkConfig(name: "empty", kind: .file, path: ""),
        SinkConfig(name: "tiny", kind: .file, path: "/tmp/never-opened.ndjson", maxBytes: 0),
        SinkConfig(name: "negative", kind: .file, path: "/tmp/never-opened.ndjson", keep: -1),
    ])
    func anUnbuildableFileConfigIsAnError(config: SinkConfig) {
        #expect(throws: SinkFactory.ConfigurationError.self) {
            _ = try SinkFactory.makeSink(config: config, logger: sinkTestLogger())
        }
        #expect(!FileManager.default.fileExists(atPath: "/tmp/never-opened.ndjson"))
    }
}
