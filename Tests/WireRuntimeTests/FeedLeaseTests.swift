import Foundation
import Testing
@testable import WireRuntime

/// Feed leases on one PostgreSQL shared by two nodes: fair shares, fencing, takeover after expiry.
@Suite(.enabled(if: StateStoreKind.postgresURL != nil, "needs WIREFEED_TEST_PG_URL (make test starts a server)"))
struct FeedLeaseTests {
    private let feeds = ["f1", "f2", "f3", "f4"]
    private let memory = FeedMemory(url: "http://x/")

    private func open(_ location: TestStateLocation, _ node: String) throws -> PostgresStateStore {
        try #require(try location.open(node: node) as? PostgresStateStore)
    }

    @Test func nodesShareTheFeedsAndOnlyTheOwnerCommits() throws {
        let location = try TestStateLocation(.postgres)
        defer { location.remove() }
        let a = try open(location, "a")
        let b = try open(location, "b")
        let ttl = Duration.seconds(30)
        #expect(try a.refreshLeases(feeds: feeds, ttl: ttl, idle: []).held.count == 4, "alone, a owns every feed")
        #expect(try b.refreshLeases(feeds: feeds, ttl: ttl, idle: []).held.isEmpty, "b waits: every lease is live")
        let busy: Set<String> = ["f1", "f2", "f3"]
        let afterShedding = try a.refreshLeases(feeds: feeds, ttl: ttl, idle: Set(feeds).subtracting(busy))
        #expect(afterShedding.held.count == 3, "a gives back only idle feeds: f4")
        #expect(afterShedding.held.contains("f1"))
        #expect(try a.refreshLeases(feeds: feeds, ttl: ttl, idle: Set(feeds)).held.count == 2)
        let bRound = try b.refreshLeases(feeds: feeds, ttl: ttl, idle: [])
        #expect(bRound.held.count == 2)
        #expect(bRound.takenOver.isEmpty, "given back, not expired: no takeover")
        let bFeed = try #require(bRound.held.sorted().first)
        #expect(throws: LeaseLost.self) {
            try a.commitPoll(source: bFeed, memory: memory, items: [], at: 1, forgetBefore: 0)
        }
        try b.commitPoll(source: bFeed, memory: memory, items: [SeenFeedItem(key: "k", contentHash: "h")], at: 1, forgetBefore: 0)
        #expect(try a.seenVersions(source: bFeed, keys: ["k"]) == ["k": "h"], "every node reads every feed's memory")
    }

    @Test func aDeadNodesFeedsAreTakenOverAfterItsLeaseExpires() throws {
        let location = try TestStateLocation(.postgres)
        defer { location.remove() }
        let a = try open(location, "a")
        let b = try open(location, "b")
        let ttl = Duration.milliseconds(400)
        #expect(try a.refreshLeases(feeds: feeds, ttl: ttl, idle: []).held.count == 4)
        let aFeed = "f1"
        // a stops renewing (killed, or paused); b claims once the leases lapse.
        Thread.sleep(forTimeInterval: 0.5)
        let round = try b.refreshLeases(feeds: feeds, ttl: .seconds(30), idle: [])
        #expect(round.held.count == 4, "a's heartbeat lapsed too: b is alone")
        #expect(round.takenOver.sorted() == feeds)
        #expect(throws: LeaseLost.self, "the paused old owner cannot commit") {
            try a.commitPoll(source: aFeed, memory: memory, items: [], at: 1, forgetBefore: 0)
        }
    }
}
