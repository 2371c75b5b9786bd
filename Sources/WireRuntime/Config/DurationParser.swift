/// Reads the durations of `pipeline.json`: a whole, positive number followed by one unit,
/// `ms`, `s`, `m`, `h` or `d` (`"250ms"`, `"90s"`, `"5m"`, `"72h"`, `"7d"`).
///
/// Deliberately strict: no bare numbers (is `300` seconds or milliseconds?), no fractions, no
/// compound forms such as `1h30m`, no spaces, lower-case units only. One spelling per duration keeps
/// configs greppable and the JSON Schema pattern exact.
public enum DurationParser {
    /// What a duration looks like, for error messages.
    public static let expectation = #"expected a number followed by ms, s, m, h or d, e.g. "90s", "5m", "72h""#

    /// The same rule as `parse`, for the JSON Schema (zero is excluded because durations are positive).
    public static let schemaPattern = "^0*[1-9][0-9]*(ms|s|m|h|d)$"

    /// Units in the order they are tried: `ms` before `m` and `s`, because both are its suffixes.
    private static let units: [(suffix: String, milliseconds: Int64)] = [
        ("ms", 1), ("s", 1000), ("m", 60_000), ("h", 3_600_000), ("d", 86_400_000),
    ]

    /// Why a string is not a duration.
    public enum Failure: Error, Sendable, Equatable {
        /// Not of the form number + unit.
        case malformed
        /// Zero: nothing in the config means "no time at all".
        case notPositive
        /// Longer than the clock can count in milliseconds.
        case tooLong
    }

    public static func parse(_ text: String) throws(Failure) -> Duration {
        guard let unit = units.first(where: { text.hasSuffix($0.suffix) }) else { throw .malformed }
        let digits = text.dropLast(unit.suffix.count)
        guard !digits.isEmpty, digits.utf8.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") })
        else { throw .malformed }
        guard let count = Int64(digits) else { throw .tooLong }
        guard count > 0 else { throw .notPositive }
        let (milliseconds, overflow) = count.multipliedReportingOverflow(by: unit.milliseconds)
        guard !overflow else { throw .tooLong }
        return .milliseconds(milliseconds)
    }

    /// The shortest exact spelling of a duration in the largest unit that divides it (`"3d"`, `"90s"`, `"200ms"`),
    /// so summaries and defaults read as an operator would write them.
    public static func format(_ duration: Duration) -> String {
        let (seconds, attoseconds) = duration.components
        let milliseconds = seconds * 1000 + attoseconds / 1_000_000_000_000_000
        for unit in units.reversed() where milliseconds % unit.milliseconds == 0 && milliseconds != 0 {
            return "\(milliseconds / unit.milliseconds)\(unit.suffix)"
        }
        return "\(milliseconds)ms"
    }
}
