import Testing
@testable import WireReaders

@Suite struct UnreadableInputTests {
    @Test func describesReasonAndDetail() {
        let error = UnreadableInput(reason: "empty", detail: "the file has no bytes")
        #expect(error.description == "empty: the file has no bytes")
    }
}
