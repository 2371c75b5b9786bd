import Foundation
import Testing
@testable import WireExtract

/// The byte readings of stamps whose month is not the first word, of the sign-off's parentheses and of
/// ISO days must give what the general `String` code gives, on ASCII and non-ASCII text alike.
@Suite struct StampLeadBytesTests {
    /// Stamps with labels, clocks or a day before the month, and near misses of each.
    static let stamps = [
        "KYODO NEWS - Jul 9, 2024 - 18:40 | Business", "KYODO NEWS - Jul 9 2024 18:40 JST", "14 October 2024 11:15",
        "14 October 2024, 11:15 pm", "31 Feb 2024 10:00", "32 October 2024 11:15", "0 October 2024 11:15", "+14 October 2024 11:15",
        "-1 October 2024", "14 October", "14 October 2024 Updated 15 October 2024 09:00", "Updated 4:37 PM MST, June 16, 2024",
        "Updated 4:37 pm MST June 16, 2024", "4:37PM MST, June 16, 2024 5:00", "12:30 am KST June 16, 2024", "12:30 AM, June 16, 2024",
        "4:37 MST 9:15 June 16, 2024", "MST 4:37 June 16, 2024", "4:37:59 PM UTC June 16, 2024", "4:37:xx June 16, 2024",
        "24:37 PM June 16, 2024", "+4:-37 pm June 16, 2024", "4:37 PM ZZZ June 16, 2024", "4:37 PM June", "Posted on September 3, 2024 10:00",
        "Posted Sept. 3 2024", "Posted S.e.p.t.e.m.b.e.r 3 2024", "Posted Septembers 3 2024", "Posted Septembe 3 2024",
        "by staff | 3 Dec 2024 | 10:00", "The 9 Jan 2024 10:00 KST", "Tuesday, 9 January 2024, 10:00 GMT", "no month at all 10:00",
        "Published 12 March 2025 6:40pm", "Published 12 March 2025 6:40 PM WIB", "x x x x 2 Apr 2024 99:99",
        "KYODO NEWS – Jul 9, 2024 - 18:40", "Mise à jour 14 October 2024 11:15", "14 octobre 2024 11:15", "4:37 PM\u{00A0}MST, June 16, 2024",
        "\u{212A}ST 4:37 June 16, 2024", "Updated\r\n4:37 PM, June 16, 2024", "4:37 PM MST, June\u{301} 16, 2024", "14 October 2024 \u{FF11}1:15",
        "Jun 1 2024 99999999999999999999:00", "Updated 99999999999999999999:00 June 16, 2024", "14 Oct. 2024, 10:00, pm",
    ]

    @Test func stampsReadAsByWords() {
        var decided = 0
        for stamp in Self.stamps {
            let reference = PublishedTimeParser.parseWords(stamp)
            #expect(PublishedTimeParser.parse(stamp) == reference, "\(stamp)")
            guard let fast = PublishedTimeParser.monthStampOnBytes(stamp) else { continue }
            decided += 1
            #expect(fast == reference, "\(stamp)")
        }
        #expect(decided >= 35) // the ASCII lines are read on bytes
        #expect(PublishedTimeParser.monthStampOnBytes("Updated 4:37 PM MST, June 16, 2024")??.hour == 16)
        #expect(PublishedTimeParser.monthStampOnBytes("14 October 2024 11:15")??.day == CalendarDay(year: 2024, month: 10, day: 14))
    }

    @Test func monthWordsOfAnyLengthAreTheLexicons() {
        let words = ["september", "SEPTEMBER", "Sept.", "s.e.p.t.e.m.b.e.r", "septembe", "septembers", "september.", "may", "Mayo", "x"]
        for word in words {
            let reference = ExtractionLexicon.months[word.lowercased().filter { $0 != "." }]
            var copy = word
            #expect(copy.withUTF8 { PublishedTimeParser.anyMonthNumber($0) } == reference, "\(word)")
        }
    }

    @Test func signOffTextIsWhatFollowsTheLastParenthesis() {
        let bodies = [
            "Talks resumed. (Yonhap)", "A (first) and (second)", "()", "(", "No parenthesis)", "Text (é)", "Text é(Yonhap)",
            "Text (\u{301}Yonhap)", "Text (Yonhap) (\u{301}x)", "Früher (AFP)", "(Reporting by Maya Okonkwo; editing by Lars Brenner)",
            "a\n(Kyodo)", "Ünïcödé (Ünï)", "((nested))",
        ]
        for body in bodies where body.hasSuffix(")") {
            #expect(StoryExtractor.signOffText(body) == StoryExtractor.signOffTextByCharacters(body), "\(body)")
        }
        #expect(StoryExtractor.signOffText("Talks resumed. (Yonhap)") == "Yonhap")
    }

    @Test func isoDaysReadOnDigitsAsBySplitting() {
        let stamps = ["2024-04-13", "2024-04-13T12:10:00Z", "2024-02-30", "2024-13-01", "0000-01-01", "2024-4-13", "2024-04-1x",
                      "2024-04-13\u{301}", "2024/04/13", "abcd-ef-gh", "2024-04-13é", "202a-04-13", "2024-00-10", "2024-04-00"]
        for stamp in stamps {
            let parts = stamp.prefix(10).split(separator: "-")
            var reference: CalendarDay?
            if parts.count == 3, let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2]) {
                reference = CalendarDay.valid(year: year, month: month, day: day)
            }
            #expect(CalendarDay(iso: stamp) == reference, "\(stamp)")
        }
    }

    /// Roles in non-ASCII bylines: the byte test before Foundation's search must not change its answer.
    @Test func nonASCIIRolesAsFoundationFindsThem() {
        let parts = [
            "Zoë Kim", "Zoë Kim, Staff Reporter", "Éditor Ünal", "José Núñez, REPORTER", "Ана Editor", "İSTAFF Öz", "ÉDİTOR Öz",
            "Ünal Staff\u{301}", "Ünal Stafé", "Ünal Repórter", "Ünal Correspondent", "Ünal photographerë", "Ünal \u{212A}ST writer",
            "Ünal Wri\u{301}ter", "Çolumnist Ça", "Ünal Columnist", "Ünal ﬁeld editor", "ünal staff", "Łukasz Contributor",
        ]
        for part in parts {
            let reference = (part.first.map { !$0.isUppercase } ?? true)
                || BylineParser.roleWords.contains { part.lowercased().contains($0) }
            #expect(BylineParser.isRole(part) == reference, "\(part)")
        }
        #expect(BylineParser.isRole("José Núñez, REPORTER"))
        #expect(!BylineParser.isRole("Zoë Kim"))
    }

    /// Dateline days read with the packed month keys, as the `String` reading gives them.
    @Test func datelineMonthsByPackedKeysAsByStrings() {
        let parts = ["September 5", "SEPTEMBER 30", "Sept. 9", "S.e.p.t. 9", "Septembers 9", "Septembe 9", "May\u{0} 5", "Ma.y. 5",
                     "DEC. 31", "dec 1", "Dece 1", "Oct 1x", "June +7", "July -7", "Août 5", "Mar\u{301} 5", ".May 2", "May. 2"]
        for part in parts {
            var copy = part
            let onBytes = copy.withUTF8 { DatelineParser.monthDay($0) }
            let onString = DatelineParser.monthDay(part)
            #expect(onBytes?.month == onString?.month && onBytes?.day == onString?.day, "\(part)")
        }
    }

    /// Heads of one to five comma parts: the place is what stands before the date and the year.
    @Test func datelineHeadsKeepThePlaceBeforeTheDate() {
        let cases: [(String, String?, Int?, Int?, Int?)] = [
            ("PENICHE, Portugal, May 3, 2024 (AFP) -", "PENICHE, Portugal", 5, 3, 2024),
            ("PENICHE, Portugal, May 3 (AFP) -", "PENICHE, Portugal", 5, 3, nil),
            ("SEOUL, Oct. 9 (Yonhap) --", "SEOUL", 10, 9, nil),
            ("SEOUL, September 30, 2023 (Yonhap) --", "SEOUL", 9, 30, 2023),
            ("NEW DELHI, Delhi, India, May 28 (PTI) The", "NEW DELHI, Delhi, India", 5, 28, nil),
            ("PENICHE, Portugal (AFP) -", "PENICHE, Portugal", nil, nil, nil),
            ("TOKYO, May 3, 1850 (Kyodo) -", nil, nil, nil, nil), // no year that old: "3" is no place word
        ]
        for (line, place, month, day, year) in cases {
            let parsed = DatelineParser.parse(line)
            #expect(parsed?.place == place, "\(line)")
            #expect(parsed?.month == month && parsed?.day == day && parsed?.year == year, "\(line)")
        }
    }

    /// The case-free search tests every byte for ASCII before it searches: a match before a non-ASCII
    /// byte still goes to Foundation, and the first of several matches is the one found.
    @Test func caseFreeSearchAsFoundationFindsIt() {
        let texts = [
            "Published : May 2, 2024 Updated : May 3", "UPDATED updated", "uupdated", "Updated é", "é Updated", "updatE", "UPDATED",
            "", "u", "Published: 2024-03-12 | UpDaTeD: 2024-03-13", "Upd\u{301}ated", "Updated\u{301}", "x\u{212A}updated", "Up dated",
        ]
        for text in texts {
            let fast = StoryExtractor.rangeIgnoringCase(of: "updated", in: text).map { text[$0] }
            let reference = text.range(of: "updated", options: .caseInsensitive).map { text[$0] }
            #expect(fast == reference, "\(text)")
        }
        #expect(StoryExtractor.rangeIgnoringCase(of: "updated", in: "UPDATED updated")?.lowerBound == "UPDATED updated".startIndex)
    }
}
