import Dispatch
import Foundation
import Logging
import NIOPosix
import Testing
import WireModel
@testable import WireRuntime

/// Two nodes' dedupe stages on one PostgreSQL ledger: each finds the other's stories, and one story
/// given to both at once is `unique` on one and `duplicate` on the other, never `unique` twice.
@Suite(.enabled(if: StateStoreKind.postgresURL != nil, "needs WIREFEED_TEST_PG_URL (make test starts a server)"))
struct SharedDedupeLedgerTests {
    @Test func eachNodeFindsTheOtherNodesStories() throws {
        let location = try TestStateLocation(.postgres)
        defer { location.remove() }
        let nodeA = DedupeStageTests.makeStage(try location.open(node: "a"))
        let nodeB = DedupeStageTests.makeStage(try location.open(node: "b"))
        let original = try DedupeStageTests.run(nodeA, try DedupeStageTests.story("bridge-original.txt", id: "orig", guid: "tp-1"))
        #expect(original.status == "unique")
        let copy = try DedupeStageTests.run(nodeB, try DedupeStageTests.story("bridge-original.txt", id: "copy", guid: "x-1"))
        #expect(copy.status == "duplicate")
        #expect(copy.duplicateOf == "orig")
        let near = try DedupeStageTests.run(nodeB, try DedupeStageTests.story("bridge-update2.txt", id: "upd", guid: "x-2"))
        #expect(near.status == "near_duplicate")
        #expect(near.duplicateOf == "orig")
        let rewrite = try DedupeStageTests.run(
            nodeA, try DedupeStageTests.story("bridge-rewrite-other-agency.txt", id: "northline", guid: "nl-9"))
        #expect(rewrite.status == "unique")
        #expect(rewrite.storyID == "orig", "the story clusters are shared too")
        let version = try DedupeStageTests.run(
            nodeB, try DedupeStageTests.story("bridge-update2.txt", id: "v2", guid: "tp-1", version: "2"))
        #expect(version.status == "update", "a guid's versions are recognised across nodes")
    }

    @Test func oneStoryGivenToTwoNodesAtOnceIsUniqueOnce() throws {
        let location = try TestStateLocation(.postgres)
        defer { location.remove() }
        let stages = [DedupeStageTests.makeStage(try location.open(node: "a")),
                      DedupeStageTests.makeStage(try location.open(node: "b"))]
        for round in 0..<20 {
            let body = Self.randomStory()
            let statuses = Self.concurrently(stages.count) { node in
                var item = Item(id: "r\(round)-n\(node)", source: ItemSource(type: "inbox", name: "wires"), format: .text,
                                receivedAt: "2025-03-03T09:00:00Z")
                item.body = body
                item.publishedAt = "2025-03-03T09:00:00Z"
                return (try? stages[node].process(item))?.first?.dedupe?.status ?? "failed"
            }
            #expect(statuses.sorted() == ["duplicate", "unique"], "round \(round)")
        }
    }

    /// Runs `body` for 0..<count on separate Dispatch threads released together; returns the results in order.
    static func concurrently(_ count: Int, _ body: @escaping @Sendable (Int) -> String) -> [String] {
        let results = ResultSlots(count)
        let start = DispatchSemaphore(value: 0)
        let done = DispatchGroup()
        for index in 0..<count {
            DispatchQueue.global().async(group: done) {
                start.wait()
                results.set(index, body(index))
            }
        }
        for _ in 0..<count { start.signal() }
        done.wait()
        return results.values
    }

    /// About a hundred made-up words: unrelated to every other call's text.
    static func randomStory() -> String {
        let letters = Array("abcdefghijklmnopqrstuvwxyz")
        return (0..<120).map { _ in String((0..<Int.random(in: 3...9)).compactMap { _ in letters.randomElement() }) }
            .joined(separator: " ")
    }
}

final class ResultSlots: @unchecked Sendable {
    private let lock = NSLock()
    private var slots: [String]

    init(_ count: Int) { slots = Array(repeating: "", count: count) }

    func set(_ index: Int, _ value: String) { lock.withLock { slots[index] = value } }

    var values: [String] { lock.withLock { slots } }
}

/// The PostgreSQL store across a lost connection: reported unreachable, then connected again.
@Suite(.enabled(if: StateStoreKind.postgresURL != nil, "needs WIREFEED_TEST_PG_URL (make test starts a server)"))
struct PostgresOutageTests {
    private static func dropConnections(_ location: TestStateLocation) throws {
        let workspace = ClusterWorkspace(existing: location.url ?? "")
        _ = try workspace.query("""
            SELECT pg_terminate_backend(pid)::text FROM pg_stat_activity
            WHERE datname = current_database() AND pid <> pg_backend_pid()
            """)
    }

    @Test func aDroppedConnectionIsReplacedAndAMissingServerIsReported() throws {
        let location = try TestStateLocation(.postgres)
        defer { location.remove() }
        let store = try #require(try location.open() as? PostgresStateStore)
        #expect(store.ping() && store.isReachable)
        try Self.dropConnections(location)
        // The first query may still meet the dying connection (it fails); the one after runs on a new one.
        _ = store.ping()
        #expect(store.ping() && store.isReachable, "a terminated connection is replaced")

        let nobody = try freeLoopbackPort()
        let group = MultiThreadedEventLoopGroup(numberOfThreads: 1)
        defer { try? group.syncShutdownGracefully() }
        let lane = PostgresLane(
            configuration: try PostgresEndpoint.configuration(url: "postgresql://wirefeed@127.0.0.1:\(nobody)/wirefeed"),
            eventLoop: group.next(), id: 9, logger: Logger(label: "test"))
        #expect(throws: (any Error).self) { try lane.query("SELECT 1") }
        #expect(!lane.reachable, "what /health reads: 503")
    }

    @Test func theDedupeStageWaitsOutALostConnectionInsteadOfFailingTheItem() throws {
        let location = try TestStateLocation(.postgres)
        defer { location.remove() }
        let stage = DedupeStageTests.makeStage(try location.open())
        #expect(try DedupeStageTests.run(stage, try DedupeStageTests.story("bridge-original.txt", id: "orig")).status == "unique")
        try Self.dropConnections(location)
        let copy = try DedupeStageTests.run(stage, try DedupeStageTests.story("bridge-original.txt", id: "copy"))
        #expect(copy.status == "duplicate")
        #expect(copy.duplicateOf == "orig")
    }
}
