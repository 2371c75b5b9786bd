import Dispatch
import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// A workspace for the HTTP process tests: the daemon with `http.listen` on a free loopback port,
/// its stderr kept in a file so the log lines can be read back.
struct HTTPDaemonWorkspace {
    let root: String
    let port: Int
    var inbox: String { root + "/inbox" }
    var done: String { root + "/done" }
    var out: String { root + "/out/all.ndjson" }
    var config: String { root + "/pipeline.json" }
    var log: String { root + "/daemon.log" }
    var listen: String { "127.0.0.1:\(port)" }

    init(stages: String = "[]", fsyncInterval: String = "20ms", sinkPath: String = "out/all.ndjson") throws {
        root = NSTemporaryDirectory() + "wirefeed-http-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: root + "/inbox", withIntermediateDirectories: true)
        port = try freeLoopbackPort()
        let json = """
            {"state_dir": "state",
             "sources": [{"type": "inbox", "name": "wires", "path": "inbox", "done": "done", "failed": "failed"}],
             "stages": \(stages),
             "sinks": [{"name": "all", "type": "file", "path": "\(sinkPath)", "fsync_interval": "\(fsyncInterval)"}],
             "dead_letter": {"type": "file", "path": "dead/dead-letter.ndjson"},
             "http": {"listen": "127.0.0.1:\(port)"}}
            """
        try Data(json.utf8).write(to: URL(fileURLWithPath: config))
    }

    func story(_ n: Int, name: String? = nil) throws {
        let text = "Harbour story number \(n) makes the wire\n\nPORTVALE - Paragraph one of story \(n).\n\nParagraph two.\n"
        try Data(text.utf8).write(to: URL(fileURLWithPath: "\(inbox)/\(name ?? "story-\(n)").txt"))
    }

    func count(_ folder: String) -> Int { (try? FileManager.default.contentsOfDirectory(atPath: folder).count) ?? 0 }

    func outputLines() -> [String] {
        guard let data = FileManager.default.contents(atPath: out) else { return [] }
        return String(decoding: data, as: UTF8.self).split(separator: "\n").map(String.init)
    }

    /// `wirefeed run` on this workspace, stderr (a file, not a terminal) into `log`.
    func start(logLevel: String = "info") throws -> Process {
        _ = FileManager.default.createFile(atPath: log, contents: nil)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: DaemonProcessTests.binary)
        process.arguments = ["run", "--config", config, "--log-level", logLevel]
        process.standardError = try FileHandle(forWritingTo: URL(fileURLWithPath: log))
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        return process
    }

    /// Runs `wirefeed ARGS` to completion; its stdout and exit status.
    func command(_ arguments: [String]) throws -> (output: String, status: Int32) {
        try Self.wirefeed(arguments)
    }

    /// Runs `wirefeed ARGS` to completion in `directory` (the caller's when nil); its stdout and exit status.
    static func wirefeed(_ arguments: [String], in directory: String? = nil) throws -> (output: String, status: Int32) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: DaemonProcessTests.binary)
        process.arguments = arguments
        if let directory { process.currentDirectoryURL = URL(fileURLWithPath: directory) }
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (String(decoding: data, as: UTF8.self), process.terminationStatus)
    }

    func get(_ path: String) -> HTTPAnswer? { httpGet("http://\(listen)\(path)") }

    func remove() { try? FileManager.default.removeItem(atPath: root) }
}

struct HTTPAnswer {
    var status: Int
    var body: String
}

/// One GET with a short timeout; nil when nothing answered.
func httpGet(_ address: String) -> HTTPAnswer? {
    guard let url = URL(string: address) else { return nil }
    var request = URLRequest(url: url)
    request.timeoutInterval = 5
    let done = DispatchSemaphore(value: 0)
    let box = AnswerBox()
    URLSession.shared.dataTask(with: request) { data, response, _ in
        if let http = response as? HTTPURLResponse {
            box.answer = HTTPAnswer(status: http.statusCode, body: String(decoding: data ?? Data(), as: UTF8.self))
        }
        done.signal()
    }.resume()
    _ = done.wait(timeout: .now() + 6)
    return box.answer
}

private final class AnswerBox: @unchecked Sendable {
    // Set by the completion handler before the semaphore is signalled; read after.
    var answer: HTTPAnswer?
}

/// A loopback port nobody listens on: bind port 0, read what the kernel chose, close.
func freeLoopbackPort() throws -> Int {
    let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    guard fd >= 0 else { throw PortError() }
    defer { close(fd) }
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_port = 0
    address.sin_addr.s_addr = inet_addr("127.0.0.1")
    var length = socklen_t(MemoryLayout<sockaddr_in>.size)
    let bound = withUnsafeMutablePointer(to: &address) { pointer in
        pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, length) == 0 && getsockname(fd, $0, &length) == 0 }
    }
    guard bound else { throw PortError() }
    return Int(UInt16(bigEndian: address.sin_port))
}

struct PortError: Error {}
