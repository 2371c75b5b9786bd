import Foundation
import Testing
import WireModel
@testable import WireRuntime

/// Embargoed items: held in the state database, kept across a restart, released when the embargo passes.
@Suite struct EmbargoTests {
    final class Clock: @unchecked Sendable {
        private let lock = NSLock()
        private var current: Date
        init(_ date: Date) { current = date }
        var now: Date { lock.withLock { current } }
        func set(_ date: Date) { lock.withLock { current = date } }
    }

    static func at(_ text: String) -> Date { ISO8601DateFormatter().date(from: text) ?? .distantPast }

    static let koreaDesk = RouteStageConfig(
        rules: [RouteRule(name: "korea-desk", to: ["korea"], when: .field(path: "countries", test: .contains(.string("KP"))))],
        defaultSinks: ["all"])

    static func embargoed(_ headline: String, until: String?) -> Item {
        var item = TestItems.item(headline)
        item.countries = ["KP"]
        item.embargoUntil = until
        return item
    }

    @Test func heldItemsSurviveARestartAndAreReleasedToTheirSinksWhenDue() throws {
        let directory = try temporaryDirectory()
        let clock = Clock(Self.at("2024-04-13T14:00:00Z"))
        do {
            let shelf = try EmbargoShelf(store: try SQLiteStateStore(directory: directory))
            let stage = RouteStage(config: Self.koreaDesk, now: { clock.now })
            stage.holdEmbargoes(on: shelf)
            #expect(try stage.process(Self.embargoed("Budget speech text", until: "2024-04-13T15:00:00Z")).isEmpty)
            #expect(try stage.process(Self.embargoed("Already public", until: "2024-04-13T13:00:00Z")).count == 1)
            #expect(try stage.process(Self.embargoed("No embargo", until: nil)).count == 1)
            #expect(try shelf.count() == 1)
        }

        // A new process: the same state folder, a fresh store and shelf.
        let shelf = try EmbargoShelf(store: try SQLiteStateStore(directory: directory))
        #expect(try shelf.count() == 1)
        #expect(try shelf.due(at: Self.at("2024-04-13T14:59:59Z")).isEmpty)
        let korea = MemorySink(name: "korea"), all = MemorySink(name: "all"), dead = MemorySink(name: "dead")
        let pipeline = QueuedPipeline(
            stages: [], sinks: [korea, all], deadLetter: dead, encodeDeadLetter: testDeadLetterEncoder, logger: quietLogger)
        let releaser = EmbargoReleaser(shelf: shelf, pipeline: pipeline, now: { clock.now }, logger: quietLogger)
        clock.set(Self.at("2024-04-13T14:30:00Z"))
        releaser.releaseDue()
        #expect(pipeline.drain(timeout: .now() + 5))
        #expect(korea.ids.isEmpty)

        clock.set(Self.at("2024-04-13T15:00:00Z"))
        releaser.releaseDue()
        #expect(pipeline.drain(timeout: .now() + 5))
        #expect(korea.ids == ["Budget speech text"], "released to the sinks its rules chose")
        #expect(all.ids.isEmpty)
        #expect(korea.lines.first?.contains(#""routes":["korea-desk"]"#) == true)
        #expect(eventually { (try? shelf.count()) == 0 }, "off the shelf once durable")
    }

    @Test func aReleaseThatFailsStaysOnTheShelfAndIsTriedAgain() throws {
        let shelf = try EmbargoShelf(store: try SQLiteStateStore(directory: try temporaryDirectory()))
        var item = Self.embargoed("Held", until: "2024-04-13T15:00:00Z")
        item.deliverTo = ["korea"]
        try shelf.hold(item, until: Self.at("2024-04-13T15:00:00Z"))
        let korea = MemorySink(name: "korea"), dead = MemorySink(name: "dead")
        korea.fail(with: "disk full")
        let pipeline = QueuedPipeline(
            stages: [], sinks: [korea], deadLetter: dead, encodeDeadLetter: testDeadLetterEncoder, logger: quietLogger)
        let releaser = EmbargoReleaser(shelf: shelf, pipeline: pipeline, now: { Self.at("2024-04-13T16:00:00Z") }, logger: quietLogger)
        releaser.releaseDue()
        #expect(pipeline.drain(timeout: .now() + 5))
        #expect(try shelf.count() == 1)
        korea.fail(with: nil)
        releaser.releaseDue()
        #expect(pipeline.drain(timeout: .now() + 5))
        #expect(korea.ids == ["Held"])
        #expect(eventually { (try? shelf.count()) == 0 })
    }

    @Test func configCanRouteEmbargoedItemsAtOnce() throws {
        let shelf = try EmbargoShelf(store: try SQLiteStateStore(directory: try temporaryDirectory()))
        var config = Self.koreaDesk
        config.holdEmbargoes = false
        let stage = RouteStage(config: config, now: { Self.at("2024-04-13T14:00:00Z") })
        stage.holdEmbargoes(on: shelf)
        #expect(try stage.process(Self.embargoed("Story", until: "2024-04-13T15:00:00Z")).first?.deliverTo == ["korea"])
        #expect(try shelf.count() == 0)
        let loaded = try ConfigTestSupport.load(#"""
            {"sinks": [{"name": "all", "type": "stdout"}], "stages": [{"type": "route", "default": ["all"], "embargo": "ignore"}]}
            """#)
        guard case .route(let route)? = loaded.stages.first else {
            Issue.record("no route stage")
            return
        }
        #expect(route.holdEmbargoes == false)
    }

    @Test func embargoTimesAreReadAsRFC3339() {
        var item = TestItems.item("x")
        item.embargoUntil = "2024-04-13T15:00:00.250Z"
        #expect(EmbargoShelf.releaseTime(of: item) == Self.at("2024-04-13T15:00:00Z").addingTimeInterval(0.25))
        item.embargoUntil = "next Tuesday"
        #expect(EmbargoShelf.releaseTime(of: item) == nil)
    }
}
