import Testing
@testable import WireExtract

@Suite struct CalendarDayTests {
    @Test func weekdaysOfKnownDays() {
        #expect(CalendarDay(year: 2024, month: 4, day: 13).weekday == 6) // a Saturday
        #expect(CalendarDay(year: 1949, month: 10, day: 6).weekday == 4) // a Thursday
        #expect(CalendarDay(year: 1970, month: 1, day: 1).weekday == 4)
    }

    @Test func dayNumbersRoundTrip() {
        for number in [-800_000, -1, 0, 19_000, 60_000] {
            #expect(CalendarDay(dayNumber: number).dayNumber == number)
        }
        #expect(CalendarDay(year: 2024, month: 2, day: 28).adding(days: 1).iso == "2024-02-29")
        #expect(CalendarDay(year: 2023, month: 12, day: 31).adding(days: 1).iso == "2024-01-01")
    }

    @Test func impossibleDaysAreRefused() {
        #expect(CalendarDay.valid(year: 2023, month: 2, day: 29) == nil)
        #expect(CalendarDay.valid(year: 2024, month: 13, day: 1) == nil)
        #expect(CalendarDay(iso: "2024-04-13T12:10:00Z")?.iso == "2024-04-13")
        #expect(CalendarDay(iso: "not a date") == nil)
    }

    @Test func isoWritesEveryFieldAtItsWidth() {
        #expect(CalendarDay(year: 987, month: 3, day: 5).iso == "0987-03-05")
        #expect(CalendarDay(year: 2019, month: 6, day: 1).isoMonth == "2019-06")
        #expect(CalendarDay(year: 12345, month: 11, day: 30).iso == "12345-11-30")
    }
}
