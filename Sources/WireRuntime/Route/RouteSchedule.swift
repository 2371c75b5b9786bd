import Foundation

/// When a route rule is in force: some weekdays, a daily window, read in one time zone.
public struct RouteSchedule: Sendable, Equatable {
    /// ISO weekdays, 1 = Monday … 7 = Sunday; empty means every day.
    public var weekdays: Set<Int>
    public var hours: ClockRange?
    public var timeZone: String

    public init(weekdays: Set<Int> = [], hours: ClockRange? = nil, timeZone: String = "UTC") {
        self.weekdays = weekdays
        self.hours = hours
        self.timeZone = timeZone
    }

    /// Whether the rule applies at `date`. An unknown zone (refused by `check`) is read as UTC.
    public func isActive(at date: Date) -> Bool {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: timeZone) ?? TimeZone(secondsFromGMT: 0) ?? calendar.timeZone
        let parts = calendar.dateComponents([.weekday, .hour, .minute], from: date)
        // Calendar counts Sunday as 1; the config's names run Monday first.
        if !weekdays.isEmpty, let weekday = parts.weekday, !weekdays.contains((weekday + 5) % 7 + 1) { return false }
        if let hours, !hours.contains(minuteOfDay: (parts.hour ?? 0) * 60 + (parts.minute ?? 0)) { return false }
        return true
    }
}
