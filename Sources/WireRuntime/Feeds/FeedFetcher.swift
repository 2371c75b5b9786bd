import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1
import NIOPosix

/// Conditional GETs over one shared AsyncHTTPClient: validators sent, redirects followed by hand (so
/// each feed has its own limit, loops are caught and a permanent move is reported), the body streamed
/// and abandoned past its cap, gzip and deflate decoded by the client, only http and https.
final class FeedFetcher: Sendable {
    struct Request: Sendable {
        var url: String
        var etag: String?
        var lastModified: String?
        var headers: [String: String]
        var timeout: Duration
        var maxBodyBytes: Int
        var maxRedirects: Int
    }

    private let client: HTTPClient
    private let userAgent: String

    init(connectTimeout: Duration, maxPerHost: Int, userAgent: String) {
        var configuration = HTTPClient.Configuration(
            redirectConfiguration: .disallow,
            timeout: .init(connect: .nanoseconds(Int64(connectTimeout.inSeconds * 1e9))),
            connectionPool: HTTPClient.Configuration.ConnectionPool(),
            // The body cap is checked on the decoded bytes as they stream; the ratio only stops a
            // decompression bomb before it reaches the cap check.
            decompression: .enabled(limit: .ratio(1000)))
        // Fail a refused connection at once: the schedule, not the pool, decides when to try again.
        configuration.connectionPool.retryConnectionEstablishment = false
        configuration.connectionPool.concurrentHTTP1ConnectionsPerHostSoftLimit = max(maxPerHost, 1)
        client = HTTPClient(eventLoopGroupProvider: .singleton, configuration: configuration)
        self.userAgent = userAgent
    }

    /// Closes idle connections and fails requests in flight; call once, from outside Swift concurrency.
    func shutdown() {
        try? client.syncShutdown()
    }

    func fetch(_ request: Request) async throws(FeedFetchError) -> FeedResponse {
        let deadline = NIODeadline.now() + .nanoseconds(Int64(request.timeout.inSeconds * 1e9))
        var url = request.url
        var visited: Set<String> = [url]
        var movedPermanentlyTo: String?
        var redirects = 0
        while true {
            guard let scheme = URL(string: url)?.scheme?.lowercased(), scheme == "http" || scheme == "https" else {
                throw .unsupportedScheme(url)
            }
            var response = try await fetchOnce(url: url, request: request, deadline: deadline)
            guard [301, 302, 303, 307, 308].contains(response.status) else {
                response.movedPermanentlyTo = movedPermanentlyTo
                return response
            }
            guard let location = response.header("location"),
                  let next = URL(string: location, relativeTo: URL(string: url))?.absoluteURL.absoluteString
            else { throw .badRedirect("\(response.status) without a usable Location") }
            redirects += 1
            guard redirects <= request.maxRedirects else { throw .tooManyRedirects(request.maxRedirects) }
            guard visited.insert(next).inserted else { throw .redirectLoop(next) }
            // Only a move the whole chain agrees is permanent is worth telling the operator about.
            if response.status == 301 || response.status == 308 {
                if redirects == 1 || movedPermanentlyTo != nil { movedPermanentlyTo = next }
            } else {
                movedPermanentlyTo = nil
            }
            url = next
        }
    }

    private func fetchOnce(url: String, request: Request, deadline: NIODeadline) async throws(FeedFetchError) -> FeedResponse {
        var http = HTTPClientRequest(url: url)
        http.method = .GET
        http.headers.add(name: "User-Agent", value: userAgent)
        http.headers.add(
            name: "Accept",
            value: "application/rss+xml, application/atom+xml, application/rdf+xml, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.5")
        for (name, value) in request.headers.sorted(by: { $0.key < $1.key }) {
            http.headers.replaceOrAdd(name: name, value: value)
        }
        // Sent on every hop: they came from the end of the chain, and redirecting hops ignore them.
        if let etag = request.etag { http.headers.replaceOrAdd(name: "If-None-Match", value: etag) }
        if let lastModified = request.lastModified {
            http.headers.replaceOrAdd(name: "If-Modified-Since", value: lastModified)
        }
        do {
            let response = try await client.execute(http, deadline: deadline)
            var headers: [String: String] = [:]
            for (name, value) in response.headers where headers[name.lowercased()] == nil {
                headers[name.lowercased()] = value
            }
            var result = FeedResponse(status: Int(response.status.code), headers: headers, body: [], finalURL: url)
            if response.status == .ok {
                result.body = try await Self.collect(response, limit: request.maxBodyBytes)
            }
            return result
        } catch let error as FeedFetchError {
            throw error
        } catch {
            throw Self.classify(error)
        }
    }

    /// The body, streamed: reading stops (and the connection is dropped) as soon as it passes `limit`.
    private static func collect(_ response: HTTPClientResponse, limit: Int) async throws -> [UInt8] {
        let encoded = response.headers.first(name: "content-encoding").map { $0.lowercased() != "identity" } ?? false
        if !encoded, let length = response.headers.first(name: "content-length").flatMap(Int.init), length > limit {
            throw FeedFetchError.bodyTooLarge(limit: limit)
        }
        var bytes: [UInt8] = []
        for try await buffer in response.body {
            guard bytes.count + buffer.readableBytes <= limit else { throw FeedFetchError.bodyTooLarge(limit: limit) }
            bytes.append(contentsOf: buffer.readableBytesView)
        }
        return bytes
    }

    /// AsyncHTTPClient's and NIO's errors, sorted into what the schedule needs to know.
    static func classify(_ error: any Error) -> FeedFetchError {
        if let error = error as? HTTPClientError {
            switch error {
            case .connectTimeout, .getConnectionFromPoolTimeout, .tlsHandshakeTimeout:
                return .connect("\(error)", networkUnreachable: false)
            case .deadlineExceeded, .readTimeout, .writeTimeout:
                return .timedOut("\(error)")
            default:
                return .other("\(error)")
            }
        }
        if let error = error as? NIOConnectionError {
            let errnos = error.connectionErrors.compactMap { ($0.error as? IOError)?.errnoCode }
            let unreachable = !errnos.isEmpty && errnos.allSatisfy { $0 == ENETUNREACH }
            return .connect("\(error)", networkUnreachable: unreachable)
        }
        if let error = error as? IOError {
            switch error.errnoCode {
            case ECONNREFUSED, EHOSTUNREACH, ETIMEDOUT:
                return .connect("\(error)", networkUnreachable: false)
            case ENETUNREACH, ENETDOWN:
                return .connect("\(error)", networkUnreachable: true)
            default:
                return .other("\(error)")
            }
        }
        if let error = error as? ChannelError, case .connectTimeout = error {
            return .connect("\(error)", networkUnreachable: false)
        }
        if error is CancellationError { return .other("cancelled") }
        return .other("\(error)")
    }
}
