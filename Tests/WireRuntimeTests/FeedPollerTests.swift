import Foundation
import Testing
@testable import WireRuntime

/// The poller against a real HTTP server on loopback: conditional GETs, changed feeds, gzip, charsets,
/// redirects. Each test polls every 100 ms, so a few polls take well under a second.
@Suite(.serialized) struct FeedPollerTests {
    typealias Story = TestFeeds.Story

    @Test func okThenNotModifiedSendsValidatorsAndEmitsNothingMore() async throws {
        let h = try FeedTestHarness()
        try h.server.script("/world.xml", [[
            "body": TestFeeds.rss([TestFeeds.portStory, TestFeeds.ferryStory]), "etag": "\"w1\"",
            "last_modified": "Sat, 13 Apr 2024 12:10:00 GMT", "headers": ["Content-Type": "application/rss+xml"],
        ]])
        try h.start([FeedTestHarness.feed("world", url: h.server.url("/world.xml"))])
        try #require(await h.until { h.server.requests("/world.xml").count >= 4 })
        try await h.stop()
        let requests = h.server.requests("/world.xml")
        #expect(requests[0].headers["if-none-match"] == nil)
        #expect(requests[1].headers["if-none-match"] == "\"w1\"")
        #expect(requests[1].headers["if-modified-since"] == "Sat, 13 Apr 2024 12:10:00 GMT")
        #expect(requests[0].headers["user-agent"] == WireFeedVersion.userAgent)
        #expect(requests[0].headers["accept-encoding"]?.contains("gzip") == true)
        #expect(h.headlines.sorted() == [TestFeeds.ferryStory.title, TestFeeds.portStory.title])
        let first = h.items.first
        #expect((first?["source"] as? [String: Any])?["type"] as? String == "feed")
        try await h.finish()
    }

    @Test func notModifiedWithNewValidatorsUpdatesThemAndKeepsTheOmittedOne() async throws {
        let h = try FeedTestHarness()
        try h.server.script("/world.xml", [
            ["body": TestFeeds.rss([TestFeeds.portStory]), "etag": "\"w1\"", "last_modified": "Sat, 13 Apr 2024 12:10:00 GMT"],
            ["status": 304, "headers": ["ETag": "\"w2\"", "Last-Modified": "Sat, 13 Apr 2024 12:20:00 GMT"]],
            // Only a new ETag: the stored Last-Modified stays.
            ["status": 304, "headers": ["ETag": "\"w3\""]],
        ])
        try h.start([FeedTestHarness.feed("world", url: h.server.url("/world.xml"))])
        try #require(await h.until { h.server.requests("/world.xml").count >= 5 })
        try await h.stop()
        let requests = h.server.requests("/world.xml")
        #expect(requests[1].headers["if-none-match"] == "\"w1\"")
        #expect(requests[1].headers["if-modified-since"] == "Sat, 13 Apr 2024 12:10:00 GMT")
        #expect(requests[2].headers["if-none-match"] == "\"w2\"")
        #expect(requests[2].headers["if-modified-since"] == "Sat, 13 Apr 2024 12:20:00 GMT")
        #expect(requests[3].headers["if-none-match"] == "\"w3\"")
        #expect(requests[3].headers["if-modified-since"] == "Sat, 13 Apr 2024 12:20:00 GMT")
        // Committed, not only remembered: a restart asks with them too.
        let memory = try #require(try h.store.feedMemory(source: "world"))
        #expect(memory.etag == "\"w3\"")
        #expect(memory.lastModified == "Sat, 13 Apr 2024 12:20:00 GMT")
        #expect(memory.bodyHash != nil)
        #expect(try h.store.seenCount(source: "world") == 1)
        #expect(h.headlines == [TestFeeds.portStory.title])
        try await h.finish()
    }

    @Test func changedFeedEmitsOnlyNewAndUpdatedItems() async throws {
        let h = try FeedTestHarness()
        var edited = TestFeeds.ferryStory
        edited.body += " Fares rise by ten percent."
        try h.server.script("/world.xml", [
            ["body": TestFeeds.rss([TestFeeds.portStory, TestFeeds.ferryStory]), "etag": "\"w1\""],
            ["body": TestFeeds.rss([TestFeeds.railStory, TestFeeds.portStory, edited]), "etag": "\"w2\""],
        ])
        try h.start([FeedTestHarness.feed("world", url: h.server.url("/world.xml"))])
        #expect(await h.until { h.items.count >= 4 && h.server.requests("/world.xml").count >= 4 })
        try await h.stop()
        let items = h.items
        #expect(items.count == 4)
        let ferry = items.filter { $0["guid"] as? String == "hw-1002" }
        // The edit is emitted again under its guid, with a new id, for dedupe to mark as an update.
        #expect(ferry.count == 2)
        #expect(Set(ferry.compactMap { $0["id"] as? String }).count == 2)
        #expect(items.filter { $0["guid"] as? String == "hw-1001" }.count == 1)
        #expect(items.filter { $0["guid"] as? String == "hw-1003" }.count == 1)
        #expect(try h.store.seenCount(source: "world") == 3)
        try await h.finish()
    }

    @Test func gzipBodiesAreDecoded() async throws {
        let h = try FeedTestHarness()
        try h.server.script("/gz.xml", [["body": TestFeeds.rss([TestFeeds.railStory]), "gzip": true]])
        try h.start([FeedTestHarness.feed("gz", url: h.server.url("/gz.xml"))])
        #expect(await h.until { h.items.count == 1 })
        #expect(h.headlines == [TestFeeds.railStory.title])
        try await h.finish()
    }

    /// The HTTP charset outranks the document's declaration; a wrong label over valid UTF-8, or over
    /// Latin-1 bytes, still reads correctly (the readers' encoding order).
    @Test func httpCharsetReachesTheReader() async throws {
        let h = try FeedTestHarness()
        let story = Story(guid: "c-1", title: "Caf\u{E9} owners in Incheon", body: "Trade is slow.")
        let latin1 = try #require(TestFeeds.rss([story], encoding: "KOI8-R").data(using: .isoLatin1))
        let utf8 = Data(TestFeeds.rss([story]).utf8)
        try h.server.script("/labelled.xml", [["body_base64": latin1.base64EncodedString(),
                                               "headers": ["Content-Type": "text/xml; charset=ISO-8859-1"]]])
        try h.server.script("/wrong-utf8.xml", [["body_base64": latin1.base64EncodedString(),
                                                 "headers": ["Content-Type": "text/xml; charset=utf-8"]]])
        try h.server.script("/wrong-latin.xml", [["body_base64": utf8.base64EncodedString(),
                                                  "headers": ["Content-Type": "text/xml; charset=iso-8859-1"]]])
        try h.start(["/labelled.xml", "/wrong-utf8.xml", "/wrong-latin.xml"].map { path in
            FeedTestHarness.feed(String(path.dropFirst()), url: h.server.url(path))
        })
        #expect(await h.until { h.items.count == 3 })
        #expect(h.headlines == Array(repeating: story.title, count: 3))
        try await h.finish()
    }

    /// A permanent redirect is followed and its target is the base for relative links.
    @Test func redirectsAreFollowedAndTheFinalURLIsTheBase() async throws {
        let h = try FeedTestHarness()
        let relative = Story(guid: nil, title: "Harbour cranes replaced", body: "New cranes arrive.", link: "stories/cranes.html")
        try h.server.script("/old.xml", [["status": 301, "location": "/desk/new.xml"]])
        try h.server.script("/desk/new.xml", [["body": TestFeeds.rss([relative], channelLink: false)]])
        try h.start([FeedTestHarness.feed("moved", url: h.server.url("/old.xml"))])
        #expect(await h.until { h.items.count == 1 })
        #expect(h.items.first?["url"] as? String == h.server.url("/desk/stories/cranes.html"))
        try await h.finish()
    }
}
