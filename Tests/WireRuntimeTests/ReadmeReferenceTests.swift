import Foundation
import Testing
@testable import WireRuntime

/// The README's configuration reference is generated from `ConfigSpec`, like `check` and the schema;
/// this keeps the copy in the README from drifting.
@Suite struct ReadmeReferenceTests {
    @Test func readmeHoldsTheCurrentGeneratedReference() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        let readme = try String(contentsOf: root.appendingPathComponent("README.md"), encoding: .utf8)
        let begin = try #require(readme.range(of: "<!-- config-reference:begin"))
        let bodyStart = try #require(readme[begin.upperBound...].firstIndex(of: "\n"))
        let end = try #require(readme.range(of: "<!-- config-reference:end -->"))
        let section = String(readme[readme.index(after: bodyStart)..<end.lowerBound])
        #expect(
            section == ConfigReference.markdown(),
            "README.md's key reference is stale: replace it with the output of `wirefeed schema --markdown`")
    }
}
