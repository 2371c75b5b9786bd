import Testing
@testable import WireRuntime

@Suite struct ConfigReferenceTests {
    private let markdown = ConfigReference.markdown()

    @Test func hasASectionPerObjectWithARowPerKey() {
        let objects: [ConfigSpec.Object] = [
            ConfigSpec.pipeline.root, ConfigSpec.inboxSourceObject, ConfigSpec.feedSourceObject, ConfigSpec.dedupeStageObject,
            ConfigSpec.routeStageObject, ConfigSpec.routeRuleObject, ConfigSpec.fileSinkObject, ConfigSpec.stdoutSinkObject,
            ConfigSpec.deadLetterObject, ConfigSpec.httpObject, ConfigSpec.stateObject,
        ] + ConfigSpec.conditionUnion.variants.map(\.object)
        for object in objects {
            let sections = markdown.components(separatedBy: "### ")
            guard let section = sections.first(where: { $0.hasPrefix(object.title + "\n") }) else {
                Issue.record("no section for \(object.title)")
                continue
            }
            for key in object.keys {
                #expect(section.contains("| `\(key.name)` |"), "\(object.title).\(key.name)")
            }
        }
    }

    @Test func showsDefaultsAndTheOneTestRule() {
        #expect(markdown.contains(#"| `window` | duration (`90s`, `5m`, `72h`) | default `"72h"` |"#))
        #expect(markdown.contains("Exactly one of `equals`, `contains`, `in`, `matches`, `exists`."))
        #expect(markdown.components(separatedBy: "### route rule\n").count == 2)
    }
}
