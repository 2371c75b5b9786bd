import Foundation
import Testing
import WireGazetteer
@testable import WireExtract

/// The byte readings of byline and credit agencies and of month-first time stamps must give what the
/// word-by-word readings they stand in front of give, wherever they decide.
@Suite struct MetadataSpanBytesTests {
    static let bylineTexts = [
        "", "Yonhap", "Tom Aldridge (AAP)", "Tom Aldridge [AAP]", "Tom  Aldridge (AAP)", "Tom Aldridge  (AAP)",
        "HELENA MARQUES Associated Press", "Maya Okonkwo and Lars Brenner", "Maya Okonkwo, Lars Brenner, Reuters",
        "Kim Tong-hyung The Associated Press", "Ana Ruiz AFP", "Ana Ruiz ( AFP )", "Ana Ruiz Agence France-Presse",
        "Ana Ruiz Kyodo News", "Staff reporter", "Lee Jae-won, Staff reporter Yonhap", "Lucía Ferrer EFE",
        "Lucía Ferrer", "Ana Ruiz (Yonhap)", "(AAP)", "AAP Tom", "a b c d e f Reuters", "Ana Ruiz U.S.",
        "Ana Ruiz\tReuters", "Ana Ruiz Reuters ", "Ana Ruiz WHO", "Ana Ruiz Xinhua's", "One Two Three Four Five",
        "K\u{301}im Reuters", "Ana Ruiz Korean Central News Agency", "Ana Ruiz the Korean Central News Agency",
    ]

    @Test func trailingAgencyOnBytesIsTheWordReading() {
        var decided = 0
        for text in Self.bylineTexts {
            let reference = BylineParser.trailingAgency(text)
            guard let fast = BylineParser.trailingAgencyASCII(text) else {
                #expect(text.utf8.contains { $0 >= 0x80 } || text.contains("  "), "\(text)")
                continue
            }
            decided += 1
            #expect(fast.names == reference.names, "\(text)")
            #expect(fast.agency == reference.agency, "\(text)")
        }
        #expect(decided >= 25)
        #expect(BylineParser.trailingAgencyASCII("Tom Aldridge (AAP)")?.agency?.shortName == "AAP")
    }

    static let creditTexts = [
        "", "Reuters", "Photo: Reuters", "Reporting by Maya Okonkwo; Editing by Ines Albrecht", "Yonhap photo",
        "Writing by Ana Ruiz for Korean Central News Agency staff", "AFP PHOTO / JUNG YEON-JE", "Kyodo News  Ana Ruiz",
        "Additional reporting by the Associated Press", "U.N. photo", "WHO", "Reporting by Lucía Ferrer, EFE",
        "x y z Xinhua", "AP", "by AP and Reuters", "Korean Central News", "Agence France-Presse, Seoul",
        "Edited by Tom, Reuters Breakingviews", "Ana (Yonhap) photo", "Photo by Ana/Yonhap", "A. B. C. D. E. Reuters",
    ]

    @Test func creditSpansOnBytesAreTheWordReading() {
        let extractor = StoryExtractor()
        var found = 0
        for text in Self.creditTexts {
            let stripped = text.trimming("() .")
            let reference = extractor.agencyNamedInSpans(stripped)
            guard let fast = BylineParser.agencyInSpansASCII(stripped, gazetteer: .shared) else {
                #expect(text.utf8.contains { $0 >= 0x80 }, "\(text)")
                continue
            }
            let name = fast.map { $0.shortName ?? $0.name }
            #expect(name == reference, "\(text)")
            if name != nil { found += 1 }
        }
        #expect(found >= 8)
    }

    static let stamps = [
        "May 2, 2024 - 09:45", "Sept. 10, 2024 - 14:12", "Jul 4, 2024, 04:20 PM", "May 28, 2024 04:32 pm IST",
        "MAY 28, 2024 12:05 am", "May 28, 2024 12:05am KST", "May 28, 2024 12:05 AM", "Jun 1, 2024 25:00",
        "Jun 1, 2024 10:60", "Jun 1, 2024 10::30", "Jun 1, 2024 :10:30", "Jun 1, 2024 10:30:15", "Jun 1, 2024 +1:30",
        "Jun 1, 2024 -1:30", "Jun 1, 2024 1a:30", "Feb 30, 2024 10:00", "Feb 29, 2024 10:00", "Feb 29, 2023 10:00",
        "May 2", "May", "May 2, 2024", "May 2, 2024 | 10:00", "May | 2, 2024", "May 2, 2024 Updated: May 3, 2024 11:00",
        "May 2, 2024 UPDATED 11:00", "May 2, 2024 updatedx 11:00", "May 2, 2024 10:00 XYZ", "May 2, 2024 10:00 EST pm",
        "September 3, 2024 10:00", "Sep 3, 2024 10:00", "Sep. 3, 2024 10:00", "Dec 31, 99999999999999999999 10:00",
        "May 02, 0002024 09:45", "May 2, 2024 0000000000000000009:45", "May 2, 2024 00000000000000000009:45",
        "May\u{0}\u{0} 2, 2024 09:45", "Ma.y 2, 2024", "Mayo 2, 2024 09:45", "May 2, 2024 - 09:45\r", "May 2, 2024 pm 10:00",
        "Apr 13, 2024 - 21:10 pm", "Apr 13, 2024 9:10pm", "Apr 13, 2024 9:10 p.m.", "Jan 1, 2024 12:00 pm", "Jan 1, 2024 10:00pmx",
        "Jan 1, 2024 ,10:00, pm", "Jan 1, 2024 10:00 Pm", "Jan 1, 2024 10:00 pM", "Jan 1, 2024 10:00 IST JST",
        "12 March 2025, 6:40pm", "KYODO NEWS - Jul 9, 2024 - 18:40 | Business", "May 2, 2024 — 09:45", "May 2, 2024 10:00 K",
    ]

    @Test func monthStampsOnBytesAreTheWordReading() {
        var decided = 0
        for stamp in Self.stamps {
            let reference = PublishedTimeParser.parseWords(stamp)
            guard let fast = PublishedTimeParser.monthStampOnBytes(stamp) else { continue }
            decided += 1
            #expect(fast == reference, "\(stamp)")
        }
        #expect(decided >= 35)
        #expect(PublishedTimeParser.monthStampOnBytes("May 2, 2024 - 09:45") != nil)
        #expect(PublishedTimeParser.monthStampOnBytes("Jul 4, 2024, 04:20 PM")??.hour == 16)
    }

    @Test func peopleAndRolesAreReadAsBefore() {
        let lists = [
            "", " ", ",", "Baltic Wire Service", " Maya Okonkwo ", "Maya Okonkwo, Lars Brenner", "Lee Jae-won, Staff reporter",
            "HELENA MARQUES", "staff", "Ana, , Ruiz", "Über Reporter", "\u{212A}orrespondent Kim", "Kim Photographer", "PhotoGrapher Kim",
            "Rex Editorial", "Writers Guild", "Kim Columnist", "Co Contributor", "reporte", "Ana Correspondent,", ", Ana", "Lucía Ferrer",
        ]
        for list in lists {
            let reference = list.splitBytes(",").map { $0.trimming(" ") }.filter { !$0.isEmpty && !isRoleReference($0) }
                .map { BylineParser.titleCased($0) }
            #expect(BylineParser.people(list) == reference, "\(list)")
        }
    }

    @Test func everyRoleWordIsFoundInAnyCase() {
        for word in BylineParser.roleWords {
            let capitalised: String = word.prefix(1).uppercased() + word.dropFirst()
            let shortened = String(word.dropLast())
            let spaced: String = word.prefix(1) + " " + word.dropFirst()
            var parts: [String] = ["Kim " + word, "Kim " + capitalised, "KIM " + word.uppercased(), capitalised + "s Guild"]
            parts += ["Kim " + shortened, "Kim " + capitalised.dropLast() + "X", "Ana" + word, "Kim " + spaced]
            for part in parts {
                #expect(BylineParser.isRole(part) == isRoleReference(part), "\(part)")
            }
            #expect(BylineParser.isRole("Kim " + capitalised))
        }
    }

    /// What `isRole` answered before its one-pass search: any role word anywhere, lower-cased.
    func isRoleReference(_ part: String) -> Bool {
        if part.first.map({ !$0.isUppercase }) ?? true { return true }
        return BylineParser.roleWords.contains { part.lowercased().contains($0) }
    }

    @Test func isoDatesOnBytesAreTheStringReading() {
        for word in ["2024-03-12", "2024-02-30", "2024-02-29", "2023-02-29", "0000-01-01", "2024-13-01", "2024-00-10", "2024-1-123",
                     "20240-1-12", "2024-03-1x", "+024-03-12", "2024-03-12T", "9999-12-31", "2024--3-12"] {
            let day = Array(word.utf8).withUnsafeBufferPointer { PublishedTimeParser.isoDay($0) }
            #expect(day == CalendarDay(iso: word), "\(word)")
        }
    }

    /// Stamps in UTC skip Foundation's zone arithmetic: its offset must be 0 at every instant.
    @Test func utcHasNoOffsetAtAnyInstant() throws {
        let utc = try #require(TimeZone(identifier: "UTC"))
        #expect(PublishedTimeParser.utcIsKnown)
        for seconds in stride(from: -4_000_000_000, through: 8_000_000_000, by: 9_876_543) {
            #expect(utc.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(seconds))) == 0)
        }
        let parsed = try #require(PublishedTimeParser.parse("2025-04-01 02:13 EET Link copied"))
        #expect(PublishedTimeParser.utcTimestamp(parsed, zone: "UTC") == "2025-04-01T02:13:00Z")
        #expect(PublishedTimeParser.utcTimestamp(parsed, zone: "Asia/Seoul") == "2025-03-31T17:13:00Z")
    }

    @Test func caseFreeSearchIsFoundationsOnMoreShapes() {
        for text in ["uupdated", "updatedupdated", "updat", "u", "x UPDATED", "Published: x Updated é", "é updated", "Updated\u{301} x",
                     "Published : Apr. 20, 2024 - 08:30 Updated : Apr. 20, 2024 - 10:02", "upDATEd", "updateD!", "\r\nupdated"] {
            #expect(StoryExtractor.rangeIgnoringCase(of: "updated", in: text) == text.range(of: "updated", options: .caseInsensitive), "\(text)")
        }
    }
}
