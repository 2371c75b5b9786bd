import Testing
import WireClean
import WireModel
@testable import WireRuntime

@Suite struct CleanStageTests {
    private let sinks = #""sinks": [{"name": "all", "type": "stdout"}]"#

    @Test func cleanWithoutOptionsRunsEveryRuleAndDropsContentHTML() throws {
        let config = try ConfigTestSupport.load(#"{\#(sinks), "stages": [{"type": "clean"}]}"#)
        #expect(config.stages == [.clean(CleanStageConfig())])
    }

    @Test func eachRuleFamilyCanBeSwitchedOffInTheConfig() throws {
        let json = #"{\#(sinks), "stages": [{"type": "clean", "bylines": false, "sign_offs": false, "keep_content_html": true}]}"#
        let config = try ConfigTestSupport.load(json)
        var options = CleanOptions()
        options.bylines = false
        options.signOffs = false
        #expect(config.stages == [.clean(CleanStageConfig(options: options, keepContentHTML: true))])
    }

    @Test func aRuleSwitchMustBeABoolean() {
        let issues = ConfigTestSupport.issues(#"{\#(sinks), "stages": [{"type": "clean", "captions": "no"}]}"#)
        #expect(issues.count == 1)
        #expect(issues.first?.hasPrefix("stages[0].captions") == true)
    }

    @Test func theFactoryBuildsTheStageThatCleansItems() throws {
        let stages = try StageFactory.make([.clean(CleanStageConfig())])
        #expect(stages.map(\.name) == ["clean"])
        var item = Item(source: ItemSource(type: "file", name: "t"), format: .html, receivedAt: "2024-01-01T00:00:00Z")
        item.contentHTML = "<p>By Jane Doe</p><p>Ferries resumed on Monday after a storm closed the port for three days, officials said.</p>"
        let out = try stages[0].process(item)
        #expect(out.count == 1)
        #expect(out[0].body == "Ferries resumed on Monday after a storm closed the port for three days, officials said.")
        #expect(out[0].furniture == [Furniture(kind: "byline", text: "By Jane Doe")])
        #expect(out[0].contentHTML == nil)
    }

    @Test func theDefaultStagesIncludeClean() {
        #expect(StageFactory.defaultConfigs.map(\.typeName).contains("clean"))
    }
}
