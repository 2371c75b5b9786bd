import Foundation
import Testing
import WireModel
@testable import WireRuntime

/// The route stage against Fixtures/route/desks.json: a desk table with every operator, array paths,
/// a drop rule, a name-only rule, a schedule and a default.
@Suite struct RouteStageTests {
    /// Wednesday 2024-04-17 12:00 in Seoul: the night desk (weekend nights) is off.
    static let weekdayNoon = Date(timeIntervalSince1970: 1_713_322_800)
    /// Saturday 2024-04-13 23:30 in Seoul (14:30 UTC): the night desk is on.
    static let saturdayNight = Date(timeIntervalSince1970: 1_713_018_600)

    static func stage(at date: Date = weekdayNoon) throws -> RouteStage {
        let config = try ConfigLoader.load(path: ConfigTestSupport.repositoryRoot + "/Fixtures/route/desks.json")
        guard case .route(let route)? = config.stages.first else {
            Issue.record("the fixture has no route stage")
            return RouteStage(config: RouteStageConfig())
        }
        return RouteStage(config: route, now: { date })
    }

    static func route(_ item: Item, at date: Date = weekdayNoon) throws -> Item? {
        let out = try stage(at: date).process(item)
        #expect(out.count <= 1)
        return out.first
    }

    @Test func unmatchedItemGoesToDefaultWithNoRoutes() throws {
        let routed = try #require(try Self.route(TestItems.item("Rain expected in the capital")))
        #expect(routed.routes == [])
        #expect(routed.deliverTo == ["all"])
    }

    @Test func arrayContainsOnCountries() throws {
        var item = TestItems.item("Summit talks")
        item.countries = ["CN", "KP"]
        let routed = try #require(try Self.route(item))
        #expect(routed.routes == ["korea-desk"])
        #expect(routed.deliverTo == ["korea"])
    }

    @Test func pathReachesIntoArraysOfObjects() throws {
        var item = TestItems.item("Parade held")
        item.entities = Entities(places: [Entity(name: "Beijing", country: "CN"), Entity(name: "Pyongyang", country: "KP")])
        #expect(try Self.route(item)?.routes == ["korea-desk"])
        item.entities = Entities(places: [Entity(name: "Beijing", country: "CN")])
        #expect(try Self.route(item)?.routes == [])
    }

    @Test func everyMatchingRuleAddsItsSinksOnce() throws {
        var item = TestItems.item("URGENT Missile launch reported")
        item.urgency = 1
        item.countries = ["KP"]
        item.agency = "Yonhap News Agency"
        let routed = try #require(try Self.route(item))
        #expect(routed.routes == ["korea-desk", "flash", "tagged-yonhap"])
        #expect(routed.deliverTo == ["korea", "alerts"])
    }

    @Test func allAndNotCombine() throws {
        var item = TestItems.item("FLASH Quake hits coast")
        item.urgency = 2
        #expect(try Self.route(item)?.routes == ["flash"])
        item.pubStatus = "withheld"
        #expect(try Self.route(item)?.routes == [])
        item.pubStatus = nil
        item.urgency = 4
        #expect(try Self.route(item)?.routes == [])
        item.urgency = 1
        item.headline = "FLASHY new phone unveiled"
        #expect(try Self.route(item)?.routes == [], "\\b in the pattern keeps FLASHY out")
    }

    @Test func regexOnArrayOfObjects() throws {
        var item = TestItems.item("Final whistle")
        item.topics = [Topic(code: "medtop:11000000"), Topic(code: "medtop:15000000", label: "sport")]
        let routed = try #require(try Self.route(item))
        #expect(routed.routes == ["sport"])
        #expect(routed.deliverTo == ["sport"])
    }

    @Test func aRuleWithoutSinksOnlyNamesTheItemAndDefaultStillApplies() throws {
        var item = TestItems.item("Markets open higher")
        item.agency = "Yonhap"
        let routed = try #require(try Self.route(item))
        #expect(routed.routes == ["tagged-yonhap"])
        #expect(routed.deliverTo == ["all"])
    }

    @Test func matchingDropRuleDrops() throws {
        var item = TestItems.item("Summit talks")
        item.countries = ["KP"]
        item.dedupe = DedupeInfo(status: "duplicate")
        #expect(try Self.stage().process(item).isEmpty)
        item.dedupe = DedupeInfo(status: "near_duplicate")
        #expect(try Self.route(item)?.routes == ["korea-desk"])
    }

    @Test func scheduleAppliesOnlyInsideItsWindow() throws {
        let item = TestItems.item("Overnight briefing")
        #expect(try Self.route(item, at: Self.weekdayNoon)?.routes == [])
        let night = try #require(try Self.route(item, at: Self.saturdayNight))
        #expect(night.routes == ["night-desk"])
        #expect(night.deliverTo == ["night"])
        // Sunday 05:59 in Seoul is inside; 06:00 is the window's excluded end.
        #expect(try Self.route(item, at: Date(timeIntervalSince1970: 1_713_041_940))?.routes == ["night-desk"])
        #expect(try Self.route(item, at: Date(timeIntervalSince1970: 1_713_042_000))?.routes == [])
    }

    @Test func routesAreWrittenInTheNDJSONLine() throws {
        var item = TestItems.item("Summit talks")
        item.countries = ["KP"]
        let routed = try #require(try Self.route(item))
        let line = String(decoding: routed.ndjsonLine(), as: UTF8.self)
        #expect(line.contains(#""routes":["korea-desk"]"#))
        #expect(!line.contains("deliver"))
    }
}

/// Each operator alone, on scalars, arrays and absent fields.
@Suite struct RouteOperatorTests {
    func holds(_ condition: RouteCondition, _ item: Item) throws -> Bool {
        let rule = RouteRule(name: "r", to: ["hit"], when: condition)
        let stage = RouteStage(config: RouteStageConfig(rules: [rule], defaultSinks: ["miss"]))
        let out = try stage.process(item)
        return out.first?.deliverTo == ["hit"]
    }

    var sample: Item {
        var item = TestItems.item("Kim Jong-un visits Beijing")
        item.urgency = 3
        item.countries = ["CN", "KP"]
        item.categories = []
        item.dateline = Dateline(place: "SEOUL", date: "2024-04-13")
        return item
    }

    @Test func equals() throws {
        #expect(try holds(.field(path: "urgency", test: .equals(.number(3))), sample))
        #expect(try !holds(.field(path: "urgency", test: .equals(.number(2))), sample))
        #expect(try holds(.field(path: "dateline.place", test: .equals(.string("SEOUL"))), sample))
        #expect(try !holds(.field(path: "urgency", test: .equals(.string("3"))), sample), "types must agree")
        #expect(try holds(.field(path: "countries", test: .equals(.string("KP"))), sample), "any element")
    }

    @Test func contains() throws {
        #expect(try holds(.field(path: "headline", test: .contains(.string("Jong-un"))), sample))
        #expect(try !holds(.field(path: "headline", test: .contains(.string("Seoul"))), sample))
        #expect(try holds(.field(path: "countries", test: .contains(.string("CN"))), sample))
        #expect(try holds(.field(path: "countries", test: .contains(.string("C"))), sample),
                "an element's substring counts too, as for any string reached")
    }

    @Test func isIn() throws {
        #expect(try holds(.field(path: "urgency", test: .isIn([.number(1), .number(3)])), sample))
        #expect(try !holds(.field(path: "urgency", test: .isIn([.number(1), .number(2)])), sample))
        #expect(try holds(.field(path: "countries", test: .isIn([.string("JP"), .string("KP")])), sample))
    }

    @Test func matches() throws {
        #expect(try holds(.field(path: "headline", test: .matches("Kim Jong[- ]?[Uu]n")), sample))
        #expect(try !holds(.field(path: "headline", test: .matches("^Beijing")), sample))
        #expect(try !holds(.field(path: "urgency", test: .matches("3")), sample), "numbers are not strings")
    }

    @Test func exists() throws {
        #expect(try holds(.field(path: "dateline.date", test: .exists(true)), sample))
        #expect(try holds(.field(path: "byline", test: .exists(false)), sample), "null counts as absent")
        #expect(try holds(.field(path: "categories", test: .exists(false)), sample), "an empty array reaches nothing")
        #expect(try holds(.field(path: "entities.people.name", test: .exists(false)), sample))
        #expect(try !holds(.field(path: "countries", test: .exists(false)), sample))
    }

    @Test func combinators() throws {
        let kp = RouteCondition.field(path: "countries", test: .contains(.string("KP")))
        let jp = RouteCondition.field(path: "countries", test: .contains(.string("JP")))
        #expect(try holds(.any([jp, kp]), sample))
        #expect(try !holds(.all([jp, kp]), sample))
        #expect(try holds(.not(jp), sample))
        #expect(try !holds(.not(.any([kp])), sample))
    }

    @Test func anUncompilablePatternDeadLettersInsteadOfNeverMatching() {
        let rule = RouteRule(name: "bad", to: ["x"], when: .field(path: "headline", test: .matches("(unclosed")))
        let stage = RouteStage(config: RouteStageConfig(rules: [rule], defaultSinks: []))
        #expect(throws: StageFailure.self) { try stage.process(sample) }
    }

    @Test func emptyDefaultDropsUnmatchedItems() throws {
        let stage = RouteStage(config: RouteStageConfig(rules: [], defaultSinks: []))
        #expect(try stage.process(sample).isEmpty)
    }
}
