import Testing
import WireModel
@testable import WireExtract

@Suite struct DateExpressionParserTests {
    /// 2024-04-13 was a Saturday.
    static let saturday = CalendarDay(year: 2024, month: 4, day: 13)

    func dates(_ text: String, anchor: CalendarDay? = saturday) -> [String: String?] {
        let mentions = DateExpressionParser(text: TokenText(text), anchor: anchor).mentions()
        return Dictionary(mentions.map { ($0.text, $0.value) }, uniquingKeysWith: { first, _ in first })
    }

    @Test func absoluteAndPartialDatesKeepTheirPrecision() {
        let found = dates("Ties were set up on Oct. 6, 1949, and Xi visited in June 2019. Output will double by 2030.")
        #expect(found["on Oct. 6, 1949"] == "1949-10-06")
        #expect(found["in June 2019"] == "2019-06")
        #expect(found["by 2030"] == "2030")
    }

    @Test func weekdaysResolveAgainstTheAnchor() {
        let found = dates("Zhao met Kim on Saturday after a ceremony held Friday. He arrived on Thursday.")
        #expect(found["on Saturday"] == "2024-04-13") // the story's own day, not a week earlier
        #expect(found["Friday"] == "2024-04-12")
        #expect(found["on Thursday"] == "2024-04-11")
    }

    @Test func futureClausesLookAhead() {
        let found = dates("The minister is scheduled to visit Oslo on Monday.")
        #expect(found["on Monday"] == "2024-04-15")
    }

    @Test func relativeMonthsAndYears() {
        let found = dates("The border reopened in August last year. Talks resumed late last month. Trade fell last year. A strike began in January.")
        #expect(found["in August last year"] == "2023-08")
        #expect(found["late last month"] == "2024-03")
        #expect(found["last year"] == "2023")
        #expect(found["in January"] == "2024-01")
    }

    @Test func noAnchorMeansNoValue() {
        let found = dates("The drill began on Tuesday and the pact was signed in July last year.", anchor: nil)
        #expect(found["on Tuesday"] == .some(nil))
        #expect(found["in July last year"] == .some(nil))
    }

    @Test func countsAndModalsAreNoDates() {
        let found = dates("About 2024 people may attend; 1500 units were sold and 2030 tons shipped.")
        #expect(found.isEmpty)
    }
}
