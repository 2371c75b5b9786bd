import Testing
import WireModel
@testable import WireRuntime

/// The route stage encodes for its rules only the fields they name; the item it passes on stays whole.
@Suite struct RouteItemViewTests {
    static func rule(_ name: String, _ condition: RouteCondition) -> RouteRule {
        RouteRule(name: name, to: ["desk"], when: condition)
    }

    @Test func rootsComeFromEveryNestedPath() throws {
        let matcher = try RouteMatcher(.all([
            .field(path: "entities.places.name", test: .equals(.string("Portvale"))),
            .not(.any([.field(path: "body", test: .contains(.string("strike"))), .field(path: "format", test: .exists(true))])),
        ]))
        #expect(RouteItemView([matcher]).roots == ["entities", "body", "format"])
    }

    @Test func slimmedKeepsNamedFieldsAndEmptiesTheRest() throws {
        var item = TestItems.item("Dockers strike")
        item.body = "Dock workers walked out."
        item.summary = "A strike."
        let view = RouteItemView([try RouteMatcher(.field(path: "body", test: .exists(true)))])
        let slim = view.slimmed(item)
        #expect(slim.body == "Dock workers walked out.")
        #expect(slim.summary == nil)
        #expect(slim.headline == item.headline)
    }

    @Test func ruleOnBodyStillMatchesAndOutputKeepsEveryField() throws {
        var item = TestItems.item("Dockers strike")
        item.body = "Dock workers walked out on Monday."
        item.summary = "A strike at the port."
        var config = RouteStageConfig()
        config.rules = [Self.rule("port", .field(path: "body", test: .contains(.string("walked out"))))]
        config.defaultSinks = ["all"]
        let routed = try #require(try RouteStage(config: config).process(item).first)
        #expect(routed.routes == ["port"])
        #expect(routed.summary == "A strike at the port.")
        #expect(routed.body == item.body)
    }
}
