import Testing
@testable import WireRuntime

@Suite struct StageFailureTests {
    @Test func describesStageReasonAndDetail() {
        let failure = StageFailure(stage: "clean", reason: "html", detail: "no body")
        #expect(failure.description == "clean: html: no body")
    }
}
