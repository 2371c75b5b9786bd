import Testing
@testable import WireRuntime

/// What `wirefeed check` says about route rules beyond their shape: fields the item lacks, schedules.
@Suite struct RouteConfigTests {
    private let sinks = #""sinks": [{"name": "all", "type": "stdout"}]"#

    @Test func unknownItemFieldsAreRefusedWithTheirPath() {
        let json = #"""
        {\#(sinks), "stages": [{"type": "route", "default": ["all"], "rules": [
          {"name": "a", "to": ["all"], "when": {"any": [{"field": "country", "contains": "KP"},
                                                       {"field": "entities.places.name", "equals": "Seoul"}]}},
          {"name": "b", "to": ["all"], "when": {"not": {"field": "dedupe.state", "equals": "duplicate"}}}]}]}
        """#
        let issues = ConfigTestSupport.issues(json)
        #expect(issues.count == 2)
        #expect(issues.first?.hasPrefix(#"stages[0].rules[0].when.any[0].field: "country" is not a field of the item"#) == true)
        #expect(issues.last?.hasPrefix(#"stages[0].rules[1].when.not.field: "dedupe.state" is not a field of the item"#) == true)
    }

    @Test func schedulesAreCheckedAndLoaded() throws {
        let bad = #"""
        {\#(sinks), "stages": [{"type": "route", "default": ["all"], "rules": [
          {"name": "n", "to": ["all"], "when": {"field": "headline", "exists": true},
           "schedule": {"weekdays": ["sat", "sunday"], "hours": "22-06", "time_zone": "Mars/Olympus"}}]}]}
        """#
        let issues = ConfigTestSupport.issues(bad)
        #expect(issues.count == 3)
        #expect(issues.contains { $0.hasPrefix("stages[0].rules[0].schedule.weekdays[1]:") })
        #expect(issues.contains { $0.hasPrefix(#"stages[0].rules[0].schedule.hours: "22-06" is not a daily window"#) })
        #expect(issues.contains { $0.hasPrefix("stages[0].rules[0].schedule.time_zone:") })

        let good = bad.replacingOccurrences(of: #""sunday""#, with: #""sun""#)
            .replacingOccurrences(of: #""22-06""#, with: #""22:00-06:00""#)
            .replacingOccurrences(of: "Mars/Olympus", with: "Asia/Seoul")
        let config = try ConfigTestSupport.load(good)
        guard case .route(let route)? = config.stages.first else {
            Issue.record("no route stage")
            return
        }
        #expect(route.rules.first?.schedule == RouteSchedule(weekdays: [6, 7], hours: ClockRange("22:00-06:00"), timeZone: "Asia/Seoul"))
    }

    @Test func clockRanges() {
        #expect(ClockRange("06:00-18:00")?.contains(minuteOfDay: 6 * 60) == true)
        #expect(ClockRange("06:00-18:00")?.contains(minuteOfDay: 18 * 60) == false)
        #expect(ClockRange("22:00-06:00")?.contains(minuteOfDay: 23 * 60) == true)
        #expect(ClockRange("22:00-06:00")?.contains(minuteOfDay: 7 * 60) == false)
        #expect(ClockRange("00:00-24:00")?.contains(minuteOfDay: 23 * 60 + 59) == true)
        #expect(ClockRange("6:00-18:00") == nil)
        #expect(ClockRange("25:00-26:00") == nil)
        #expect(ClockRange("10:00-10:00") == nil)
    }

    @Test func theRouteStageIsAvailable() {
        #expect(StageFactory.available.contains("route"))
        #expect(!StageFactory.defaultConfigs.contains { $0.typeName == "route" }, "no sinks to route to without a config")
    }
}
