import Foundation
import Logging
import NIOPosix
import PostgresNIO
@testable import WireRuntime

/// Several `wirefeed run` processes on one machine sharing one PostgreSQL database (a fresh one on the
/// test server) and, for feeds, one loopback feed server: each node has its own folder, inbox and sink.
struct ClusterWorkspace {
    let root: String
    let databaseURL: String
    let leaseTTL: String

    init(leaseTTL: String = "2s") throws {
        root = NSTemporaryDirectory() + "wirefeed-cluster-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
        databaseURL = try TestDatabase.create()
        self.leaseTTL = leaseTTL
    }

    /// A workspace over an existing database (for its `query`).
    init(existing databaseURL: String) {
        root = NSTemporaryDirectory() + "wirefeed-cluster-" + UUID().uuidString
        self.databaseURL = databaseURL
        leaseTTL = "2s"
    }

    func folder(_ node: Int) -> String { root + "/node-\(node)" }
    func inbox(_ node: Int) -> String { folder(node) + "/inbox" }
    func sink(_ node: Int) -> String { folder(node) + "/out.ndjson" }

    /// Writes node `node`'s config: its inbox, `feeds` (URLs), the dedupe stage and one file sink.
    func writeConfig(node: Int, feeds: [String]) throws {
        try FileManager.default.createDirectory(atPath: inbox(node), withIntermediateDirectories: true)
        let feedSources = feeds.enumerated().map { index, url in
            #"{"type": "feed", "name": "feed-\#(index)", "url": "\#(url)", "interval": "1s", "min_interval": "500ms", "jitter_percent": 0}"#
        }
        let sources = [#"{"type": "inbox", "name": "wires", "path": "inbox", "done": "done", "failed": "failed"}"#] + feedSources
        let json = """
            {"state_dir": "state", "node": "node-\(node)",
             "state": {"type": "postgres", "url": "\(databaseURL)", "lease_ttl": "\(leaseTTL)"},
             "sources": [\(sources.joined(separator: ",\n"))],
             "stages": [{"type": "dedupe"}],
             "sinks": [{"name": "all", "type": "file", "path": "out.ndjson", "fsync_interval": "20ms"}],
             "dead_letter": {"type": "file", "path": "dead-letter.ndjson"}}
            """
        try Data(json.utf8).write(to: URL(fileURLWithPath: folder(node) + "/pipeline.json"))
    }

    func start(node: Int) throws -> Process {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: DaemonProcessTests.binary)
        process.arguments = ["run", "--config", folder(node) + "/pipeline.json", "--log-level", "error"]
        process.standardError = FileHandle.nullDevice
        try process.run()
        return process
    }

    /// Every line node `node` has written, decoded loosely (the fields the tests read).
    func lines(_ node: Int) -> [[String: Any]] {
        guard let data = FileManager.default.contents(atPath: sink(node)) else { return [] }
        return String(decoding: data, as: UTF8.self).split(separator: "\n").compactMap { line in
            try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]
        }
    }

    /// Rows of one query on the shared database, each column as text.
    func query(_ sql: String) throws -> [[String?]] {
        let group = MultiThreadedEventLoopGroup(numberOfThreads: 1)
        defer { try? group.syncShutdownGracefully() }
        let logger = Logger(label: "test")
        let connection = try PostgresConnection.connect(
            on: group.next(), configuration: try PostgresEndpoint.configuration(url: databaseURL), id: 0, logger: logger).wait()
        defer { _ = try? connection.close().wait() }
        return try connection.query(PostgresQuery(unsafeSQL: sql), logger: logger).wait().map { row in
            row.map { cell in cell.bytes.map { String(buffer: $0) } }
        }
    }

    func remove() { try? FileManager.default.removeItem(atPath: root) }
}

extension [String: Any] {
    var guid: String? { self["guid"] as? String }
    var id: String? { self["id"] as? String }
    var dedupeStatus: String? { (self["dedupe"] as? [String: Any])?["status"] as? String }
}
