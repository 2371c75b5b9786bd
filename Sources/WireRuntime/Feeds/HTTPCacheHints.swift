import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// What a response's headers say about when to ask again: `Cache-Control: max-age`, `Expires`
/// (relative to the server's `Date`) and `Retry-After` (seconds or an HTTP date).
struct HTTPCacheHints: Sendable, Equatable {
    /// How long the server says the response stays fresh; nil when it says nothing (or 0).
    var freshFor: Duration?
    /// How long the server asks us to wait (429, 503).
    var retryAfter: Duration?

    /// - Parameters:
    ///   - header: the value of a header by lower-cased name (the first one when repeated).
    ///   - now: seconds since 1970, used when the server sends no `Date`.
    static func parse(header: (String) -> String?, now: Double) -> HTTPCacheHints {
        var hints = HTTPCacheHints()
        let serverNow = header("date").flatMap(HTTPDate.parse) ?? now
        if let control = header("cache-control"), let maxAge = maxAge(in: control), maxAge > 0 {
            hints.freshFor = .seconds(maxAge)
        } else if let expires = header("expires"), let when = HTTPDate.parse(expires), when > serverNow {
            // An unparsable or past Expires ("0") means already stale: no hint.
            hints.freshFor = .seconds(Int64(when - serverNow))
        }
        if let retry = header("retry-after")?.trimmingCharacters(in: .whitespaces) {
            if let seconds = Int64(retry), seconds >= 0 {
                hints.retryAfter = .seconds(seconds)
            } else if let when = HTTPDate.parse(retry) {
                hints.retryAfter = .seconds(max(0, Int64(when - serverNow)))
            }
        }
        return hints
    }

    /// The hints with a feed's own lifetime (RSS `<ttl>`) taken like `max-age`: the longer wins, and
    /// the schedule keeps the result within the feed's `min_interval … max_interval`.
    func honouring(ttl: Duration?) -> HTTPCacheHints {
        guard let ttl, ttl > .zero else { return self }
        var hints = self
        hints.freshFor = max(freshFor ?? .zero, ttl)
        return hints
    }

    /// `max-age=N` from a Cache-Control value; `no-store`/`no-cache` mean no freshness at all.
    static func maxAge(in control: String) -> Int64? {
        var maxAge: Int64?
        for directive in control.lowercased().split(separator: ",") {
            let part = directive.trimmingCharacters(in: .whitespaces)
            if part == "no-store" || part == "no-cache" { return nil }
            if part.hasPrefix("max-age=") {
                maxAge = Int64(part.dropFirst("max-age=".count).trimmingCharacters(in: CharacterSet(charactersIn: "\" ")))
            }
        }
        return maxAge
    }
}

/// The IMF-fixdate of RFC 9110 (`Sun, 06 Nov 1994 08:49:37 GMT`), the only date form servers are
/// required to send; the obsolete forms are rare enough to be treated as absent.
enum HTTPDate {
    private static let months = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]

    /// Seconds since 1970, or nil.
    static func parse(_ text: String) -> Double? {
        let fields = text.split(separator: " ", omittingEmptySubsequences: true)
        guard fields.count == 6, fields[5].uppercased() == "GMT" || fields[5].uppercased() == "UTC",
              let day = Int32(fields[1]), let month = months.firstIndex(of: fields[2].lowercased()),
              let year = Int32(fields[3]) else { return nil }
        let clock = fields[4].split(separator: ":")
        guard clock.count == 3, let hour = Int32(clock[0]), let minute = Int32(clock[1]), let second = Int32(clock[2]),
              (1...31).contains(day), (0...23).contains(hour), (0...59).contains(minute), (0...60).contains(second)
        else { return nil }
        var parts = tm()
        parts.tm_year = year - 1900
        parts.tm_mon = Int32(month)
        parts.tm_mday = day
        parts.tm_hour = hour
        parts.tm_min = minute
        parts.tm_sec = second
        return Double(timegm(&parts))
    }
}
