import Foundation
import Testing
@testable import WireRuntime

/// A restart in the middle: items durable in the sink but their poll never committed (a crash between
/// the write and the commit) are neither lost nor written twice, and the next run emits only news.
@Suite(.serialized) struct FeedRestartTests {
    /// The real store, except that commits never happen: the process "dies" before each one.
    final class CrashBeforeCommitLedger: InboxLedger, FeedLedger, @unchecked Sendable {
        let store: SQLiteStateStore
        init(_ store: SQLiteStateStore) { self.store = store }

        struct Crash: Error {}

        func claim(_ file: InboxFileKey, size: Int, at time: String) throws -> InboxClaim {
            try store.claim(file, size: size, at: time)
        }
        func finish(_ file: InboxFileKey, status: InboxFileStatus, items: Int, reason: String?, at time: String) throws {
            try store.finish(file, status: status, items: items, reason: reason, at: time)
        }
        func feedMemory(source: String) throws -> FeedMemory? { try store.feedMemory(source: source) }
        func seenVersions(source: String, keys: [String]) throws -> [String: String] {
            try store.seenVersions(source: source, keys: keys)
        }
        func commitPoll(source: String, memory: FeedMemory, items: [SeenFeedItem], at time: Double, forgetBefore: Double) throws {
            throw Crash()
        }
        func seenCount(source: String) throws -> Int { try store.seenCount(source: source) }
    }

    @Test func restartBetweenWriteAndCommitLosesNothingAndRepeatsNothing() async throws {
        let h = try FeedTestHarness()
        let path = "/world.xml"
        try h.server.script(path, [["body": TestFeeds.rss([TestFeeds.portStory, TestFeeds.ferryStory]), "etag": "\"w1\""]])
        let feed = FeedTestHarness.feed("world", url: h.server.url(path))

        // Run 1: the items reach the file, the commit never happens.
        try h.start([feed], ledger: CrashBeforeCommitLedger(h.store))
        #expect(await h.until { h.items.count == 2 && h.server.requests(path).count >= 3 })
        try await h.stop()
        #expect(try h.store.feedMemory(source: "world") == nil)
        // Without validators every poll was a full 200, and still nothing was written twice.
        #expect(h.server.requests(path).allSatisfy { $0.headers["if-none-match"] == nil })
        #expect(h.items.count == 2)

        // Run 2: the real store; the same response is read again, the sink already holds its lines.
        let before = h.server.requests(path).count
        try h.start([feed])
        #expect(await h.until { h.server.requests(path).count >= before + 3 })
        #expect(h.items.count == 2)
        #expect(try h.store.feedMemory(source: "world")?.etag == "\"w1\"")
        #expect(h.server.requests(path).last?.headers["if-none-match"] == "\"w1\"")

        // The feed gains a story: only that one is written.
        try h.server.script(path, [["body": TestFeeds.rss([TestFeeds.railStory, TestFeeds.portStory, TestFeeds.ferryStory]), "etag": "\"w2\""]])
        #expect(await h.until { h.items.count == 3 })
        try await h.stop()

        // Run 3: a plain restart re-emits nothing.
        try h.start([feed])
        let third = h.server.requests(path).count
        #expect(await h.until { h.server.requests(path).count >= third + 3 })
        try await h.stop()
        let ids = h.items.compactMap { $0["id"] as? String }
        #expect(ids.count == 3)
        #expect(Set(ids).count == 3)
        #expect(Set(h.headlines) == [TestFeeds.portStory.title, TestFeeds.ferryStory.title, TestFeeds.railStory.title])
        try await h.finish()
    }
}
