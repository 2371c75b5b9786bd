import Dispatch
import Foundation
import Hummingbird
import Logging

/// The loopback listener: `/metrics` (Prometheus text), `/health` (200, or 503 while draining or
/// unhealthy) and `/status` (JSON for `wirefeed status`).
///
/// It runs on Hummingbird's own event loop in one detached task; the handlers only read counters
/// under short locks (`DaemonObserver`), so they never block the loop, and the pipeline stays on Dispatch.
public final class HTTPEndpoint: @unchecked Sendable {
    public struct StartError: Error, CustomStringConvertible {
        public var description: String
    }

    private let observer: DaemonObserver
    private let logger: Logger
    private var task: Task<Void, Never>?

    public init(observer: DaemonObserver, logger: Logger) {
        self.observer = observer
        self.logger = logger
    }

    /// Binds `listen` ("host:port") and returns once the server answers, or throws when it cannot bind
    /// within `timeout`. Call from a Dispatch queue or the main thread: it waits on a semaphore.
    public func start(listen: String, timeout: DispatchTimeInterval = .seconds(10)) throws {
        let (host, port) = try Self.split(listen)
        let started = StartSignal()
        let app = Application(
            router: Self.router(observer),
            configuration: ApplicationConfiguration(address: .hostname(host, port: port), serverName: nil),
            onServerRunning: { _ in started.finish(nil) },
            logger: logger)
        let logger = self.logger
        task = Task.detached {
            do {
                // No graceful-shutdown signals: the daemon takes its signals with sigwait.
                try await app.runService(gracefulShutdownSignals: [])
            } catch {
                // Before it ran this is the start's failure; after, the pipeline goes on without its endpoints.
                if !started.finish("\(error)") {
                    logger.error("http listener stopped; metrics and health are gone until a restart", metadata: ["error": "\(error)"])
                }
            }
        }
        guard let outcome = started.wait(timeout: timeout) else {
            throw StartError(description: "http: the listener on \(listen) did not start within the timeout")
        }
        if let failure = outcome {
            throw StartError(description: "http: cannot listen on \(listen): \(failure)")
        }
        logger.info("http listening", metadata: ["listen": "\(listen)"])
    }

    static func router(_ observer: DaemonObserver) -> Router<BasicRequestContext> {
        let router = Router()
        router.get("/metrics") { _, _ -> Response in
            Response(
                status: .ok, headers: [.contentType: "text/plain; version=0.0.4; charset=utf-8"],
                body: ResponseBody(byteBuffer: ByteBuffer(bytes: observer.metricsText())))
        }
        router.get("/health") { _, _ -> Response in
            let check = observer.healthCheck()
            return Response(
                status: check.ok ? .ok : .serviceUnavailable, headers: [.contentType: "text/plain; charset=utf-8"],
                body: ResponseBody(byteBuffer: ByteBuffer(string: check.text)))
        }
        router.get("/status") { _, _ -> Response in
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys]
            let body = (try? encoder.encode(observer.status())) ?? Data("{}".utf8)
            return Response(
                status: .ok, headers: [.contentType: "application/json"],
                body: ResponseBody(byteBuffer: ByteBuffer(bytes: Array(body))))
        }
        return router
    }

    /// "127.0.0.1:9464" or "[::1]:9464" into host and port.
    static func split(_ listen: String) throws -> (String, Int) {
        guard let colon = listen.lastIndex(of: ":"), let port = Int(listen[listen.index(after: colon)...]),
              (0...65535).contains(port)
        else { throw StartError(description: "http.listen: \"\(listen)\" is not host:port") }
        var host = String(listen[..<colon])
        if host.hasPrefix("["), host.hasSuffix("]") { host = String(host.dropFirst().dropLast()) }
        return (host.isEmpty ? "127.0.0.1" : host, port)
    }

    /// The first outcome of the server task: nil once running, or the reason it stopped.
    private final class StartSignal: @unchecked Sendable {
        private let lock = NSLock()
        private let semaphore = DispatchSemaphore(value: 0)
        private var outcome: String??

        /// Records the first outcome; false when one was recorded already.
        @discardableResult
        func finish(_ failure: String?) -> Bool {
            let first = lock.withLock {
                guard outcome == nil else { return false }
                outcome = .some(failure)
                return true
            }
            if first { semaphore.signal() }
            return first
        }

        func wait(timeout: DispatchTimeInterval) -> String?? {
            guard semaphore.wait(timeout: .now() + timeout) == .success else { return nil }
            return lock.withLock { outcome }
        }
    }
}
