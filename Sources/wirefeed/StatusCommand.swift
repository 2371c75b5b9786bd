import ArgumentParser
import Foundation
import WireRuntime
#if canImport(Glibc)
import Glibc
#endif

struct StatusCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status",
        abstract: "Ask the running daemon, on its loopback http.listen port, how it is doing."
    )

    @Option(name: .shortAndLong, help: "The pipeline config whose http.listen to ask.")
    var config: String = "pipeline.json"

    @Option(help: "The daemon's base URL, e.g. http://127.0.0.1:9464 (instead of reading --config).")
    var url: String?

    @Flag(help: "Print the daemon's JSON answer as is, for scripts.")
    var json = false

    @Option(help: "Seconds to wait for the daemon.")
    var timeout: Double = 5

    func run() throws {
        let base = try baseURL()
        guard let endpoint = URL(string: base.hasSuffix("/") ? base + "status" : base + "/status") else {
            printError("status: \(base) is not a URL")
            throw ExitCode(2)
        }
        let body: [UInt8]
        do {
            body = try DaemonStatusClient.fetch(endpoint.absoluteString, timeout: timeout)
        } catch {
            printError("status: cannot reach the daemon at \(endpoint.absoluteString): \(error)")
            throw ExitCode(1)
        }
        if json {
            StandardStreams.write(body + [0x0A])
            return
        }
        let status: DaemonStatus
        do {
            status = try JSONDecoder().decode(DaemonStatus.self, from: Data(body))
        } catch {
            printError("status: the daemon's answer is not a status: \(error)")
            throw ExitCode(1)
        }
        let renderer = StatusRenderer(colour: isatty(1) == 1 && ProcessInfo.processInfo.environment["NO_COLOR"] == nil)
        StandardStreams.write(Array(renderer.render(status).utf8))
    }

    private func baseURL() throws -> String {
        if let url { return url }
        let loaded: PipelineConfig
        do {
            loaded = try ConfigLoader.load(path: config)
        } catch {
            printError("status: \(config): invalid\n\(error)")
            throw ExitCode(2)
        }
        guard let http = loaded.http else {
            printError("status: \(config) has no http.listen, so the daemon has no port to ask; add one or pass --url")
            throw ExitCode(2)
        }
        return "http://" + http.listen
    }
}
