import Foundation
import Testing
@testable import WireRuntime
#if canImport(Glibc)
import Glibc
#endif

/// How the poller fails: backoff that grows and never stops, Retry-After, hung servers, redirect
/// loops, oversized bodies, and an unreachable network.
@Suite(.serialized) struct FeedPollerFailureTests {
    /// Timing is checked only from below (a loaded machine adds latency, never removes it): each gap is
    /// at least its backoff less the jitter. The cap itself is checked exactly in `FeedScheduleTests`.
    @Test func serverErrorsBackOffWithGrowingGapsAndNeverGiveUp() async throws {
        let h = try FeedTestHarness()
        try h.server.script("/flaky.xml", [["status": 500, "body": "oops"]])
        try h.start([FeedTestHarness.feed("flaky", url: h.server.url("/flaky.xml"), maxInterval: .milliseconds(800), jitterPercent: 20)])
        try #require(await h.until { h.server.requests("/flaky.xml").count >= 8 })
        let health = h.health("flaky")
        try await h.stop()
        let times = h.server.requests("/flaky.xml").map(\.time)
        let gaps = zip(times.dropFirst(), times).map { $0 - $1 }
        // 100, 200, 400 ms, then 800 ms, each less up to 20% jitter.
        let floors = [0.08, 0.16, 0.32, 0.64, 0.64, 0.64, 0.64]
        for (gap, floor) in zip(gaps, floors) { #expect(gap >= floor - 0.005) }
        #expect((health?.consecutiveErrors ?? 0) >= 7)
        #expect(health?.lastStatus == "HTTP 500")
        #expect(health?.lastSuccessAt == nil)
        try await h.finish()
    }

    @Test func retryAfterIsHonouredThenTheFeedRecovers() async throws {
        let h = try FeedTestHarness()
        try h.server.script("/busy.xml", [
            ["status": 429, "headers": ["Retry-After": "1"]],
            ["body": TestFeeds.rss([TestFeeds.portStory])],
        ])
        try h.start([FeedTestHarness.feed("busy", url: h.server.url("/busy.xml"), maxInterval: .seconds(5))])
        // The line is durable a moment before the poll's outcome is recorded.
        #expect(await h.until { h.items.count == 1 && h.health("busy")?.lastSuccessAt != nil })
        let health = h.health("busy")
        try await h.stop()
        let times = h.server.requests("/busy.xml").map(\.time)
        try #require(times.count >= 2)
        #expect(times[1] - times[0] >= 0.95)
        #expect(health?.consecutiveErrors == 0)
        #expect(health?.lastStatus == "200" || health?.lastStatus == "304")
        try await h.finish()
    }

    @Test func aServerThatNeverAnswersBlocksNoOtherFeed() async throws {
        let h = try FeedTestHarness()
        try h.server.script("/hung.xml", [["hang": 30]])
        try h.server.script("/live.xml", [["body": TestFeeds.rss([TestFeeds.ferryStory])]])
        let started = Date()
        try h.start([
            FeedTestHarness.feed("hung", url: h.server.url("/hung.xml"), timeout: .milliseconds(500)),
            FeedTestHarness.feed("live", url: h.server.url("/live.xml")),
        ])
        #expect(await h.until { h.items.count == 1 })
        // Well before the hung request would end (30 s).
        #expect(Date().timeIntervalSince(started) < 25)
        #expect(await h.until { (h.health("hung")?.consecutiveErrors ?? 0) >= 1 })
        #expect(h.health("hung")?.lastStatus?.hasPrefix("timed out") == true)
        try await h.finish()
    }

    @Test func aRedirectLoopIsAnError() async throws {
        let h = try FeedTestHarness()
        try h.server.script("/a.xml", [["status": 302, "location": "/b.xml"]])
        try h.server.script("/b.xml", [["status": 307, "location": "/a.xml"]])
        try h.start([FeedTestHarness.feed("loop", url: h.server.url("/a.xml"))])
        #expect(await h.until { (h.health("loop")?.consecutiveErrors ?? 0) >= 2 })
        #expect(h.health("loop")?.lastStatus?.hasPrefix("redirect loop") == true)
        #expect(h.items.isEmpty)
        try await h.finish()
    }

    @Test func aFiftyMegabyteBodyIsAbortedAtTheCap() async throws {
        let h = try FeedTestHarness()
        try h.server.script("/huge.xml", [["body": "<rss version=\"2.0\"><channel>", "filler_bytes": 50 << 20]])
        try h.start([FeedTestHarness.feed("huge", url: h.server.url("/huge.xml"), maxInterval: .seconds(5), maxBodyBytes: 1 << 20)])
        #expect(await h.until { (h.health("huge")?.consecutiveErrors ?? 0) >= 1 })
        #expect(h.health("huge")?.lastStatus?.contains("larger than 1048576 bytes") == true)
        #expect(h.items.isEmpty)
        try await h.finish()
    }

    /// Two hosts refusing at once is an outage on our side: the feeds are retried, not marked failing.
    @Test func refusedConnectionsToEveryHostAreNotCountedAsFeedErrors() async throws {
        let h = try FeedTestHarness()
        let port = try closedPort()
        try h.start([
            FeedTestHarness.feed("one", url: "http://127.0.0.1:\(port)/feed.xml"),
            FeedTestHarness.feed("two", url: "http://127.0.0.2:\(port)/feed.xml"),
        ])
        #expect(await h.until { h.health("one")?.networkDown == true && h.health("two")?.networkDown == true })
        // Polled several times more each, and at most the very first failure counted.
        try await Task.sleep(nanoseconds: 500_000_000)
        #expect((h.health("one")?.consecutiveErrors ?? 99) <= 1)
        #expect((h.health("two")?.consecutiveErrors ?? 99) <= 1)
        try await h.finish()
    }

    /// A loopback port nothing listens on.
    private func closedPort() throws -> Int {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { raw in
                bind(fd, raw, length) == 0 && getsockname(fd, raw, &length) == 0
            }
        }
        try #require(bound)
        return Int(UInt16(bigEndian: address.sin_port))
    }
}
