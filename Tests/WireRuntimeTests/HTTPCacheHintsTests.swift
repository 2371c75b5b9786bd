import Testing
@testable import WireRuntime

@Suite struct HTTPCacheHintsTests {
    private func hints(_ headers: [String: String], now: Double = 1_713_010_200) -> HTTPCacheHints {
        HTTPCacheHints.parse(header: { headers[$0] }, now: now)
    }

    @Test func maxAgeIsTheFreshnessAndNoCacheCancelsIt() {
        #expect(hints(["cache-control": "public, max-age=900"]).freshFor == .seconds(900))
        #expect(hints(["cache-control": "max-age=900, no-cache"]).freshFor == nil)
        #expect(hints(["cache-control": "max-age=0"]).freshFor == nil)
    }

    @Test func expiresCountsFromTheServersDate() {
        let fresh = hints(["date": "Sat, 13 Apr 2024 12:10:00 GMT", "expires": "Sat, 13 Apr 2024 12:40:00 GMT"], now: 0)
        #expect(fresh.freshFor == .seconds(1800))
        #expect(hints(["expires": "0"]).freshFor == nil)
        // max-age wins over Expires, as in RFC 9111.
        #expect(hints(["cache-control": "max-age=60", "expires": "Sat, 13 Apr 2024 12:40:00 GMT"]).freshFor == .seconds(60))
    }

    @Test func retryAfterInSecondsOrAsADate() {
        #expect(hints(["retry-after": "120"]).retryAfter == .seconds(120))
        let dated = hints(["date": "Sat, 13 Apr 2024 12:10:00 GMT", "retry-after": "Sat, 13 Apr 2024 12:15:00 GMT"])
        #expect(dated.retryAfter == .seconds(300))
        #expect(hints(["retry-after": "soon"]).retryAfter == nil)
    }

    @Test func httpDatesParseOnlyInTheirFixedForm() {
        #expect(HTTPDate.parse("Sun, 06 Nov 1994 08:49:37 GMT") == 784_111_777)
        #expect(HTTPDate.parse("Sunday, 06-Nov-94 08:49:37 GMT") == nil)
        #expect(HTTPDate.parse("Sun, 06 Nov 1994 25:49:37 GMT") == nil)
    }
}
