import Foundation
@testable import WireRuntime

/// The scriptable loopback feed server of `Tests/Support/feed_server.py`, one process per test,
/// ended when its stdin closes. Scripts and logs travel over its stdin/stdout, one JSON line each.
final class FeedTestServer: @unchecked Sendable {
    struct RequestRecord: Sendable {
        var time: Double
        var headers: [String: String]
    }

    struct ServerError: Error {
        var message: String
    }

    private(set) var port = 0
    private let process = Process()
    private let input = Pipe()
    private let output = Pipe()
    private let lock = NSLock()
    private var buffered: [UInt8] = []

    init() throws {
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", ConfigTestSupport.repositoryRoot + "/Tests/Support/feed_server.py"]
        process.standardInput = input
        process.standardOutput = output
        try process.run()
        guard let first = readLine(), let number = Int(first) else {
            throw ServerError(message: "feed server did not start")
        }
        port = number
    }

    func url(_ path: String) -> String { "http://127.0.0.1:\(port)\(path)" }

    /// Sets the responses for `path`, used in order; the last one repeats.
    func script(_ path: String, _ responses: [[String: Any]]) throws {
        _ = try command(["script": path, "responses": responses])
    }

    /// The requests the server has seen for `path`, oldest first.
    func requests(_ path: String) -> [RequestRecord] {
        guard let line = try? command(["log": path]),
              let list = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [[String: Any]] else { return [] }
        return list.map { entry in
            RequestRecord(time: entry["time"] as? Double ?? 0, headers: entry["headers"] as? [String: String] ?? [:])
        }
    }

    func stop() {
        try? input.fileHandleForWriting.close()
        process.waitUntilExit()
    }

    private func command(_ object: [String: Any]) throws -> String {
        let data = try JSONSerialization.data(withJSONObject: object)
        return try lock.withLock {
            input.fileHandleForWriting.write(data + Data([0x0A]))
            guard let line = readLine() else {
                throw ServerError(message: "feed server went away")
            }
            return line
        }
    }

    private func readLine() -> String? {
        while true {
            if let newline = buffered.firstIndex(of: 0x0A) {
                let line = String(decoding: buffered[..<newline], as: UTF8.self)
                buffered.removeSubrange(...newline)
                return line
            }
            let chunk = output.fileHandleForReading.availableData
            if chunk.isEmpty { return nil }
            buffered.append(contentsOf: chunk)
        }
    }
}

/// Small RSS documents written for these tests.
enum TestFeeds {
    struct Story {
        var guid: String?
        var title: String
        var body: String
        var link: String?
    }

    static func rss(_ stories: [Story], encoding: String? = nil, channelLink: Bool = true) -> String {
        let declaration = encoding.map { #"<?xml version="1.0" encoding="\#($0)"?>"# } ?? #"<?xml version="1.0"?>"#
        let items = stories.map { story in
            var xml = "<item><title>\(story.title)</title><description>\(story.body)</description>"
            if let guid = story.guid { xml += "<guid isPermaLink=\"false\">\(guid)</guid>" }
            if let link = story.link { xml += "<link>\(link)</link>" }
            return xml + "<pubDate>Sat, 13 Apr 2024 12:10:00 GMT</pubDate></item>"
        }.joined()
        let link = channelLink ? "<link>https://harbour.example/world</link>" : ""
        return "\(declaration)<rss version=\"2.0\"><channel><title>Harbour Wire</title>\(link)"
            + "<description>World desk</description>\(items)</channel></rss>"
    }

    static let portStory = Story(
        guid: "hw-1001", title: "Port of Incheon reopens after storm",
        body: "Cargo traffic resumed on Monday after two days of closures, the port authority said.")
    static let ferryStory = Story(
        guid: "hw-1002", title: "Ferry timetable changes for winter",
        body: "The island ferry will run four times a day from December, the operator announced.")
    static let railStory = Story(
        guid: "hw-1003", title: "New rail link opens to the airport",
        body: "The line cuts the journey to the city centre to thirty minutes, officials said.")
}
