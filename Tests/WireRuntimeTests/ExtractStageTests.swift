import Testing
import WireModel
@testable import WireRuntime

@Suite struct ExtractStageTests {
    static func config(_ stage: String) -> String {
        #"{"stages": [\#(stage)], "sinks": [{"name": "all", "type": "stdout"}]}"#
    }

    @Test func rulesFamiliesSwitchOffFromTheConfig() throws {
        let config = try ConfigTestSupport.load(Self.config(#"{"type": "extract", "quotes": false, "dates": false, "time_zone": "Asia/Seoul"}"#))
        guard case .extract(let extract)? = config.stages.first else {
            Issue.record("expected an extract stage, got \(config.stages)")
            return
        }
        #expect(extract.options.quotes == false)
        #expect(extract.options.dates == false)
        #expect(extract.options.entities == true)
        #expect(extract.options.defaultTimeZone == "Asia/Seoul")
    }

    @Test func badOptionsAreRefusedWithTheirPath() {
        let issues = ConfigTestSupport.issues(Self.config(#"{"type": "extract", "quotes": "no", "time_zone": "Mars/Olympus"}"#))
        #expect(issues.contains { $0.hasPrefix("stages[0].quotes:") })
        #expect(issues.contains { $0.hasPrefix("stages[0].time_zone:") })
    }

    @Test func theFactoryBuildsAWorkingStage() throws {
        let stages = try StageFactory.make([.extract(ExtractStageConfig())])
        #expect(stages.map(\.name) == ["extract"])
        var item = Item(source: ItemSource(type: "file", name: "t"), format: .text, receivedAt: "2026-11-29T00:00:00Z")
        item.body = "SEOUL, Oct. 9 (Yonhap) -- Foreign Minister Olvira Tesk arrived in Pyongyang on Wednesday."
        let out = try #require(try stages.first?.process(item).first)
        #expect(out.agency == "Yonhap")
        #expect(out.dateline?.place == "SEOUL")
        #expect(out.entities?.people.map(\.name) == ["Olvira Tesk"])
        #expect(out.body == item.body)
    }
}
