import Testing
import WireModel
@testable import WireRuntime

@Suite struct EmbeddedPipelineTests {
    @Test func runsStagesInOrderInline() {
        let first = ClosureStage(name: "first") { item in
            var item = item
            item.headline = (item.headline ?? "") + "-1"
            return [item]
        }
        let second = ClosureStage(name: "second") { item in
            var item = item
            item.headline = (item.headline ?? "") + "-2"
            return [item, item]
        }
        let result = EmbeddedPipeline(stages: [first, second]).run(TestItems.item("x"))
        #expect(result.emitted.map(\.headline) == ["x-1-2", "x-1-2"])
        #expect(result.deadLetters.isEmpty)
    }

    @Test func aThrowingStageDeadLettersItsInputAndOthersGoOn() {
        let failing = ClosureStage(name: "picky") { item in
            if item.headline == "bad" { throw StageFailure(stage: "picky", reason: "nope", detail: "bad headline") }
            return [item]
        }
        let splitter = ClosureStage(name: "split") { _ in [TestItems.item("ok"), TestItems.item("bad")] }
        let result = EmbeddedPipeline(stages: [splitter, failing]).run(TestItems.item("in"))
        #expect(result.emitted.map(\.headline) == ["ok"])
        #expect(result.deadLetters.count == 1)
        #expect(result.deadLetters.first?.failure.reason == "nope")
        #expect(result.deadLetters.first?.item?.headline == "bad")
    }

    @Test func anyErrorBecomesAStageFailureNamingTheStage() {
        struct Boom: Error {}
        let stage = ClosureStage(name: "boom") { _ in throw Boom() }
        let result = EmbeddedPipeline(stages: [stage]).run(TestItems.item("x"))
        #expect(result.deadLetters.first?.failure.stage == "boom")
        #expect(result.deadLetters.first?.failure.reason == "error")
    }

    @Test func noStagesPassesItemsThrough() {
        #expect(EmbeddedPipeline(stages: []).run(TestItems.item("x")).emitted.map(\.headline) == ["x"])
    }
}
