import Foundation
import Testing
@testable import WireRuntime

/// `wirefeed status`'s GET against a scripted loopback server: the body of a 200, and a clear error
/// for any other status, a server that never answers, and a port nobody listens on.
@Suite(.serialized) struct DaemonStatusClientTests {
    @Test func aSuccessfulAnswerComesBackByteForByte() throws {
        let server = try FeedTestServer()
        defer { server.stop() }
        let body = #"{"health":{"healthy":true},"note":"café"}"#
        try server.script("/status", [["body": body]])
        let fetched = try DaemonStatusClient.fetch(server.url("/status"), timeout: 10)
        #expect(fetched == Array(body.utf8))
        #expect(server.requests("/status").count == 1)
    }

    @Test func anErrorStatusIsReportedWithItsCode() throws {
        let server = try FeedTestServer()
        defer { server.stop() }
        try server.script("/status", [["status": 503, "body": "draining"]])
        #expect(throws: DaemonStatusClient.FetchError(description: "HTTP 503")) {
            try DaemonStatusClient.fetch(server.url("/status"), timeout: 10)
        }
    }

    @Test func aServerThatNeverAnswersTimesOut() throws {
        let server = try FeedTestServer()
        defer { server.stop() }
        try server.script("/status", [["hang": 5, "body": "late"]])
        let started = Date()
        #expect(throws: DaemonStatusClient.FetchError(description: "no answer within 0.5s")) {
            try DaemonStatusClient.fetch(server.url("/status"), timeout: 0.5)
        }
        #expect(Date().timeIntervalSince(started) < 4.5)
    }

    /// A refused connection is said at once, not retried until the timeout runs out.
    @Test func noListenerIsAnErrorNotAHang() throws {
        let port = try freeLoopbackPort()
        let started = Date()
        #expect(throws: DaemonStatusClient.FetchError.self) {
            try DaemonStatusClient.fetch("http://127.0.0.1:\(port)/status", timeout: 8)
        }
        #expect(Date().timeIntervalSince(started) < 4)
    }

    @Test func aTimeoutThatIsNotPositiveIsRefused() {
        #expect(throws: DaemonStatusClient.FetchError.self) {
            try DaemonStatusClient.fetch("http://127.0.0.1:1/status", timeout: 0)
        }
    }
}
