/// A daily window `HH:MM-HH:MM` in minutes after midnight: start included, end excluded; a window whose
/// end is not after its start passes midnight (`22:00-06:00`).
public struct ClockRange: Sendable, Equatable {
    public var startMinute: Int
    public var endMinute: Int

    static let schemaPattern = "^([01][0-9]|2[0-3]):[0-5][0-9]-([01][0-9]|2[0-4]):[0-5][0-9]$"

    public init?(_ text: String) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 2, let start = Self.minutes(parts[0]), let end = Self.minutes(parts[1]),
              start < 24 * 60, start != end || start == 0
        else { return nil }
        startMinute = start
        endMinute = end
    }

    /// Whether a minute of the day (0…1439) falls inside the window.
    public func contains(minuteOfDay minute: Int) -> Bool {
        if startMinute == endMinute { return true }
        if startMinute < endMinute { return minute >= startMinute && minute < endMinute }
        return minute >= startMinute || minute < endMinute
    }

    private static func minutes(_ text: Substring) -> Int? {
        let fields = text.split(separator: ":", omittingEmptySubsequences: false)
        guard fields.count == 2, fields.allSatisfy({ $0.count == 2 && $0.allSatisfy(\.isASCII) }),
              let hours = Int(fields[0]), let minutes = Int(fields[1]),
              (0...24).contains(hours), (0..<60).contains(minutes), hours * 60 + minutes <= 24 * 60
        else { return nil }
        return hours * 60 + minutes
    }
}
