import Foundation
import Testing
@testable import WireReaders

@Suite struct FeedDateParserTests {
    let parser = FeedDateParser()

    @Test(arguments: [
        ("Tue, 04 Mar 2025 09:15:00 GMT", "2025-03-04T09:15:00Z"),
        ("Tue, 04 Mar 2025 09:15:00 EST", "2025-03-04T14:15:00Z"),
        ("Tue, 04 Mar 2025 09:15:00 EDT", "2025-03-04T13:15:00Z"),
        ("Tue, 04 Mar 2025 09:15:00 CST", "2025-03-04T15:15:00Z"),
        ("Tue, 04 Mar 2025 09:15:00 CDT", "2025-03-04T14:15:00Z"),
        ("Tue, 04 Mar 2025 09:15:00 MST", "2025-03-04T16:15:00Z"),
        ("Tue, 04 Mar 2025 09:15:00 MDT", "2025-03-04T15:15:00Z"),
        ("Tue, 04 Mar 2025 09:15:00 PST", "2025-03-04T17:15:00Z"),
        ("Fri, 04 Jul 2025 09:15:00 PDT", "2025-07-04T16:15:00Z"),
        ("Tue, 04 Mar 2025 09:15:00 UTC", "2025-03-04T09:15:00Z"),
        ("Tue, 04 Mar 2025 09:15:00 Z", "2025-03-04T09:15:00Z"),
        ("Tue, 04 Mar 2025 09:15:00 +0900", "2025-03-04T00:15:00Z"),
        ("Tue, 04 Mar 2025 23:15:00 -0230", "2025-03-05T01:45:00Z"),
        ("Tue, 04 Mar 25 09:15:00 GMT", "2025-03-04T09:15:00Z"),
        ("Sat, 04 Mar 95 09:15:00 GMT", "1995-03-04T09:15:00Z"),
        ("Tue, 04 Mar 2025 09:15 GMT", "2025-03-04T09:15:00Z"),
        ("04 Mar 2025 09:15:00 +0000", "2025-03-04T09:15:00Z"),
        ("Tue,  4 Mar 2025 09:15:00 GMT", "2025-03-04T09:15:00Z"),
        ("Wed, 31 Dec 2025 23:30:00 -0100", "2026-01-01T00:30:00Z"),
        ("2025-03-04T09:15:00Z", "2025-03-04T09:15:00Z"),
        ("2025-03-04T09:15:00.123+05:30", "2025-03-04T03:45:00Z"),
        ("2024-02-29T23:00:00-02:00", "2024-03-01T01:00:00Z"),
    ])
    func parsesWithAZone(raw: String, expected: String) {
        let parsed = parser.parse(raw)
        #expect(parsed?.utc == expected)
        #expect(parsed?.timeZoneAssumed == nil)
    }

    @Test(arguments: [
        "Tue, 04 Mar 2025 09:15:00 IST",   // India, Ireland or Israel: never a guess
        "Tue, 04 Mar 2025 09:15:00 XYZ",
        "Tue, 31 Feb 2025 09:15:00 GMT",
        "Tue, 04 Mar 2025 24:00:00 GMT",
        "2025-03-04T09:61:00Z",
        "1741079700",
        "next Tuesday",
        "",
    ])
    func rejectsWhatItCannotKnow(raw: String) {
        #expect(parser.parse(raw) == nil)
    }

    @Test func zonelessDateUsesTheSourceZoneAndSaysSo() {
        // Seoul is UTC+9 all year.
        let parsed = parser.parse("2025-03-04 09:15:00", assumingTimeZone: "Asia/Seoul")
        #expect(parsed == .init(utc: "2025-03-04T00:15:00Z", timeZoneAssumed: "Asia/Seoul"))
        // New York in July is on daylight time (UTC-4).
        let summer = parser.parse("Fri, 04 Jul 2025 09:15:00", assumingTimeZone: "America/New_York")
        #expect(summer == .init(utc: "2025-07-04T13:15:00Z", timeZoneAssumed: "America/New_York"))
    }

    @Test func zonelessDateWithoutASourceZoneIsMarkedUTC() {
        #expect(parser.parse("2025-03-04T09:15:00") == .init(utc: "2025-03-04T09:15:00Z", timeZoneAssumed: "UTC"))
    }

    @Test func unknownSourceZoneGivesNoDateRatherThanUTC() {
        #expect(parser.parse("2025-03-04T09:15:00", assumingTimeZone: "Mars/Olympus_Mons") == nil)
    }

    // MARK: - Shared conformance table (skipped when /work/shared is not there)

    struct ConformanceCase: Decodable {
        var input: String
        var expected: String?
        var also_ok: [String?]
        var note: String
    }

    struct ConformanceFile: Decodable {
        var cases: [ConformanceCase]
    }

    static let conformancePath = "/work/shared/conformance/feedparser/dates.json"

    /// Rows where the table's recommended answer is itself wrong, with what we give instead and why.
    static let knownDeviations: [String: (ours: String?, reason: String)] = [
        "2023-10-31T12:00:00+0530": ("2023-10-31T06:30:00Z",
                                     "+0530 is five and a half hours; the table copied feedparser, which drops the 30 minutes"),
    ]

    @Test(.enabled(if: FileManager.default.fileExists(atPath: conformancePath),
                   "the shared conformance corpus is not on this machine"))
    func conformanceTable() throws {
        let data = try Data(contentsOf: URL(fileURLWithPath: Self.conformancePath))
        let file = try JSONDecoder().decode(ConformanceFile.self, from: data)
        #expect(file.cases.count > 50)
        for entry in file.cases {
            let got = parser.parse(entry.input)?.utc
            if let deviation = Self.knownDeviations[entry.input] {
                #expect(got == deviation.ours, "\(entry.input): \(deviation.reason)")
                continue
            }
            let allowed = [entry.expected] + entry.also_ok
            #expect(allowed.contains(got), "\(entry.input) (\(entry.note)): got \(got ?? "nil")")
        }
    }
}
