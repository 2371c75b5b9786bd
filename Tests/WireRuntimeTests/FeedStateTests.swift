import Foundation
import Testing
import WireModel
@testable import WireRuntime

/// Item identity, the seen-items store, the silence alarm and the admission slots.
@Suite struct FeedStateTests {
    private func item(guid: String?, link: String?, title: String, body: String) -> Item {
        var item = Item(source: ItemSource(type: "feed", name: "f"), format: .rss, receivedAt: "2024-04-13T12:10:03Z")
        item.guid = guid
        item.url = link
        item.headline = title
        item.contentHTML = body
        return item
    }

    @Test func keyIsGuidElseLinkElseTitleAndContent() {
        #expect(FeedItemIdentity.key(of: item(guid: "g1", link: "https://a/1", title: "t", body: "b")) == "guid:g1")
        #expect(FeedItemIdentity.key(of: item(guid: " ", link: "https://a/1", title: "t", body: "b")) == "link:https://a/1")
        let hashed = FeedItemIdentity.key(of: item(guid: nil, link: nil, title: "t", body: "b"))
        #expect(hashed.hasPrefix("hash:"))
        #expect(hashed != FeedItemIdentity.key(of: item(guid: nil, link: nil, title: "t", body: "c")))
    }

    @Test func contentHashFollowsTheTextNotTheFetchTime() {
        let a = item(guid: "g", link: nil, title: "t", body: "b")
        var later = a
        later.receivedAt = "2025-01-01T00:00:00Z"
        later.publishedAt = "2025-01-01T00:00:00Z"
        #expect(FeedItemIdentity.contentHash(of: a) == FeedItemIdentity.contentHash(of: later))
        var killed = a
        killed.pubStatus = "canceled"
        #expect(FeedItemIdentity.contentHash(of: a) != FeedItemIdentity.contentHash(of: killed))
    }

    @Test func repeatedGuidsInOneResponseStayApart() {
        let twice = [item(guid: "g", link: nil, title: "a", body: "1"), item(guid: "g", link: nil, title: "b", body: "2")]
        #expect(FeedItemIdentity.keys(of: twice) == ["guid:g", "guid:g#2"])
    }

    @Test(arguments: StateStoreKind.available)
    func seenItemsAndValidatorsCommitTogetherAndDepartedItemsAreForgotten(_ kind: StateStoreKind) throws {
        let location = try TestStateLocation(kind)
        defer { location.remove() }
        let store = try location.open()
        #expect(try store.feedMemory(source: "f") == nil)
        let memory = FeedMemory(url: "http://x/", etag: "\"1\"", lastModified: nil, bodyHash: "h", gapCount: 0)
        try store.commitPoll(source: "f", memory: memory, items: [SeenFeedItem(key: "a", contentHash: "1"),
                                                                  SeenFeedItem(key: "b", contentHash: "1")],
                             at: 1000, forgetBefore: 0)
        #expect(try store.feedMemory(source: "f") == memory)
        #expect(try store.seenVersions(source: "f", keys: ["a", "b", "c"]) == ["a": "1", "b": "1"])
        #expect(try store.seenVersions(source: "other", keys: ["a"]).isEmpty)
        // b left the feed; a changed; both remembered until b is older than the retention.
        try store.commitPoll(source: "f", memory: memory, items: [SeenFeedItem(key: "a", contentHash: "2")], at: 2000, forgetBefore: 1500)
        #expect(try store.seenVersions(source: "f", keys: ["a", "b"]) == ["a": "2"])
        #expect(try store.seenCount(source: "f") == 1)
    }

    @Test func silenceAlarmNeedsAHabitAndRespectsTheFactor() {
        var watch = SilenceWatch()
        for hour in 0..<4 { watch.newItems(at: Double(hour) * 3600) }
        #expect(watch.usualGap == 3600)
        #expect(!watch.isSilent(at: 3 * 3600 + 3 * 3600, factor: 4))
        #expect(watch.isSilent(at: 3 * 3600 + 5 * 3600, factor: 4))
        #expect(!watch.isSilent(at: 3 * 3600 + 5 * 3600, factor: 0))
        var young = SilenceWatch()
        young.newItems(at: 0)
        young.newItems(at: 60)
        #expect(!young.isSilent(at: 1_000_000, factor: 2))
    }

    @Test func pollSlotsCapEachHostWithoutHoldingUpOthers() async {
        let slots = PollSlots(perHost: 1, total: 3)
        await slots.acquire(host: "a")
        let waiter = Task { await slots.acquire(host: "a"); return true }
        await slots.acquire(host: "b")
        #expect(await slots.count == 2)
        await slots.release(host: "a")
        #expect(await waiter.value)
        #expect(await slots.count == 2)
    }

    @Test func networkIsDownOnlyWhenSeveralHostsFailTogether() {
        let detector = NetworkOutageDetector()
        #expect(!detector.connectFailed(host: "a", networkUnreachable: false))
        #expect(detector.connectFailed(host: "b", networkUnreachable: false))
        detector.answered()
        #expect(!detector.connectFailed(host: "a", networkUnreachable: false))
        #expect(detector.connectFailed(host: "a", networkUnreachable: true))
    }
}
