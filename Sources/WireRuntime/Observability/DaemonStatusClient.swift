import AsyncHTTPClient
import NIOCore

/// The one GET `wirefeed status` makes: the daemon's `/status` on its loopback listener.
///
/// Through AsyncHTTPClient, which the feed poller links anyway, rather than Foundation's URLSession:
/// URLSession lives in FoundationNetworking, which drags libcurl and its TLS, LDAP and Kerberos
/// libraries into every start of the binary (a few MB of resident memory even for `--help`).
public enum DaemonStatusClient {
    public struct FetchError: Error, CustomStringConvertible, Equatable {
        public var description: String
    }

    /// The body of a 200 answer to GET `url`; any other status, no answer within `timeout` seconds, or
    /// no connection is a `FetchError` saying which. Blocks the calling thread (never call it on an
    /// event loop or from async code).
    public static func fetch(_ url: String, timeout: Double) throws(FetchError) -> [UInt8] {
        guard timeout > 0, timeout.isFinite else {
            throw FetchError(description: "the timeout must be a positive number of seconds")
        }
        let wait = TimeAmount.milliseconds(Int64(min(timeout, 86_400) * 1000))
        // One client for one request, without retried connection attempts: a daemon that is not running
        // refuses the connection at once, and that should be said at once, not after the whole timeout.
        var configuration = HTTPClient.Configuration()
        configuration.connectionPool.retryConnectionEstablishment = false
        configuration.timeout = HTTPClient.Configuration.Timeout(connect: wait, read: wait)
        let client = HTTPClient(eventLoopGroupProvider: .singleton, configuration: configuration)
        defer { try? client.syncShutdown() }
        let response: HTTPClient.Response
        do {
            response = try client.get(url: url, deadline: .now() + wait).wait()
        } catch let error as HTTPClientError where error == .deadlineExceeded || error == .readTimeout {
            throw FetchError(description: "no answer within \(timeout)s")
        } catch {
            throw FetchError(description: "\(error)")
        }
        guard response.status == .ok else {
            throw FetchError(description: "HTTP \(response.status.code)")
        }
        guard var body = response.body else { return [] }
        return body.readBytes(length: body.readableBytes) ?? []
    }
}
