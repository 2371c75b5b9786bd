import Testing
@testable import WireRuntime

@Suite struct ConfigDurationTests {
    @Test(arguments: [
        ("250ms", Duration.milliseconds(250)),
        ("90s", .seconds(90)),
        ("5m", .seconds(300)),
        ("72h", .seconds(72 * 3600)),
        ("7d", .seconds(7 * 86400)),
        ("007s", .seconds(7)),
    ])
    func parsesNumberAndUnit(text: String, expected: Duration) throws {
        #expect(try DurationParser.parse(text) == expected)
    }

    @Test(arguments: ["300", "", "ms", "1.5h", "1h30m", " 5m", "5m ", "5M", "-5m", "+5m", "5 minutes", "5w", "٣s"])
    func rejectsAnythingElse(text: String) {
        #expect(throws: DurationParser.Failure.malformed) { try DurationParser.parse(text) }
    }

    @Test func rejectsZero() {
        #expect(throws: DurationParser.Failure.notPositive) { try DurationParser.parse("0s") }
        #expect(throws: DurationParser.Failure.notPositive) { try DurationParser.parse("000ms") }
    }

    @Test func rejectsWhatOverflows() {
        #expect(throws: DurationParser.Failure.tooLong) { try DurationParser.parse("999999999999999999d") }
        #expect(throws: DurationParser.Failure.tooLong) { try DurationParser.parse("99999999999999999999999ms") }
    }

    @Test func formatsInTheLargestWholeUnit() {
        #expect(DurationParser.format(.seconds(72 * 3600)) == "3d")
        #expect(DurationParser.format(.seconds(25 * 3600)) == "25h")
        #expect(DurationParser.format(.milliseconds(200)) == "200ms")
        #expect(DurationParser.format(.seconds(90)) == "90s")
        #expect(DurationParser.format(.seconds(7 * 86400)) == "7d")
        #expect(DurationParser.format(.milliseconds(1500)) == "1500ms")
    }

    @Test func formatRoundTripsThroughParse() throws {
        for text in ["1ms", "59s", "61m", "25h", "400d"] {
            #expect(DurationParser.format(try DurationParser.parse(text)) == text)
        }
    }
}
