import Foundation
import Testing
import WireModel
@testable import WireExtract

/// The byte shortcuts in dates and metadata (date refusal, numbers, scheduling verbs, ISO stamps,
/// labels, byline pieces) must give what the general `String` code gives, on ASCII and non-ASCII
/// text, carriage returns and combining marks included.
@Suite struct MetadataByteShortcutTests {
    static let saturday = CalendarDay(year: 2024, month: 4, day: 13)

    /// Copy that exercises every date rule and many near misses.
    static let stories = [
        "Talks resume on Monday. The ban takes effect on Friday, officials said Tuesday. He left Sunday morning.",
        "In the first half of 2024 sales rose; the third quarter fell. By the end of March, the 1990s, the early 2000s and "
            + "the late 1980s were gone. A day earlier, within two weeks, a day later the end of the year came.",
        "The first nine months of the year, the final quarter of last year, the middle of next year and the start of 2030.",
        "On Oct. 6, 1949, and in June 2019; by 2030 there were 2024 units, 1,000 people and $2025. Feb. 10 this year, "
            + "June 8 last year, March 3, 2021 and May 5. She may march in May.",
        "THE FIRST HALF. The Decade. the 2000S. A DAY EARLIER. Within 3 days. a day. the the the end of.",
        "Yesterday, today and tomorrow. Christmas Eve 2023, New Year's Day, Halloween, Boxing Day and Valentine's Day.",
        "Früher am Montag: the ｆirst half, the é, the 1990s\u{301}, +2024, -1999, 2024a, 007 days, 99999999999999999999999.",
        "Late last month and early this year, mid-2024, last week, next month, this summer, later that winter.",
        "\u{212A}ST talks OPEN on Wednesday; Opens Thursday; REOPENS Saturday; visit\u{301}s Friday; r\u{00E9}sume Monday.",
    ]

    @Test func refusedWordsStartNoDate() {
        var found = 0
        defer { #expect(found >= 60) } // the stories hold dates of every rule
        for story in Self.stories {
            for anchor in [Self.saturday, nil] {
                let parser = DateExpressionParser(text: TokenText(story), anchor: anchor)
                var reference: [DateMention] = []
                var index = 0
                while index < parser.text.tokens.count {
                    guard parser.text.tokens[index].isWord, let match = parser.match(at: index) else { index += 1; continue }
                    reference.append(DateMention(text: parser.text.string(match.range), value: match.value))
                    index = match.range.upperBound
                }
                found += reference.count
                #expect(parser.mentions() == reference, "\(story)")
            }
        }
    }

    @Test func numbersReadAsIntReadsThem() {
        let text = TokenText(Self.stories.joined(separator: " ") + " 12 0 00 +7 -7 - + 1e3 9223372036854775807 9223372036854775808")
        for index in text.tokens.indices {
            #expect(text.integer(index) == Int(text.string(index)), "\(text.string(index))")
        }
        #expect(text.integer(-1) == nil && text.integer(text.tokens.count) == nil)
    }

    @Test func schedulingVerbsFoundAsByTheirLowerCase() {
        #expect(DateExpressionParser.schedulingVerbOfHash.count == ExtractionLexicon.schedulingVerbs.count)
        let words = ExtractionLexicon.schedulingVerbs.sorted()
        let story = words.map { "\($0) \($0.uppercased()) \($0.capitalized)" }.joined(separator: " ")
            + " effect takes effect take Effect visit\u{301} ｏpen opened closing \u{212A}eep"
        let text = TokenText(story)
        let parser = DateExpressionParser(text: text, anchor: Self.saturday)
        for start in 1...text.tokens.count {
            let previous = start - 1
            var reference = false
            if text.tokens[previous].isWord {
                let word = text.lower(previous)
                reference = word == "effect" ? start > 1 && (text.isWord(start - 2, "takes") || text.isWord(start - 2, "take"))
                    : ExtractionLexicon.schedulingVerbs.contains(word)
            }
            #expect(parser.isScheduled(before: start) == reference, "\(text.string(previous))")
        }
    }

    @Test func isoDaysWrittenAsInterpolated() {
        for (year, month, day) in [(2024, 4, 13), (0, 1, 1), (9999, 12, 31), (10000, 1, 1), (-5, 3, 9), (987, 10, 7), (2024, 99, 99)] {
            let date = CalendarDay(year: year, month: month, day: day)
            #expect(date.iso == "\(CalendarDay.pad(year, 4))-\(CalendarDay.pad(month, 2))-\(CalendarDay.pad(day, 2))")
            #expect(date.isoMonth == "\(CalendarDay.pad(year, 4))-\(CalendarDay.pad(month, 2))")
        }
    }

    @Test func utcStampsWrittenAsInterpolated() {
        let cases: [(CalendarDay, Int, Int, Int, String)] = [
            (CalendarDay(year: 2024, month: 4, day: 13), 21, 10, 0, "Asia/Seoul"), (CalendarDay(year: 2024, month: 1, day: 1), 0, 5, 9, "Asia/Kolkata"),
            (CalendarDay(year: 2023, month: 12, day: 31), 23, 59, 59, "America/New_York"), (CalendarDay(year: 9999, month: 12, day: 31), 23, 0, 0, "Pacific/Auckland"),
            (CalendarDay(year: 9999, month: 12, day: 31), 23, 0, 0, "America/Los_Angeles"), (CalendarDay(year: 1, month: 1, day: 1), 0, 0, 0, "UTC"),
        ]
        for (day, hour, minute, second, zone) in cases {
            var parsed = PublishedTimeParser.Parsed(day: day, hour: hour, minute: minute)
            parsed.second = second
            let stamp = PublishedTimeParser.utcTimestamp(parsed, zone: zone)
            guard let timeZone = PublishedTimeParser.timeZone(zone) else { Issue.record("no zone \(zone)"); continue }
            let local = day.dayNumber * 86_400 + hour * 3_600 + minute * 60 + second
            let utc = local - timeZone.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(local)))
            let utcDay = CalendarDay(dayNumber: utc >= 0 ? utc / 86_400 : (utc - 86_399) / 86_400)
            let seconds = utc - utcDay.dayNumber * 86_400
            let reference = "\(utcDay.iso)T\(CalendarDay.pad(seconds / 3_600, 2)):\(CalendarDay.pad(seconds % 3_600 / 60, 2)):\(CalendarDay.pad(seconds % 60, 2))Z"
            #expect(stamp == reference, "\(zone)")
        }
    }

    static let stampLines = [
        "Published: 2025-04-01 02:13 EET Link copied", "Published : April 13, 2024 - 21:10", "PUBLISHED - May 28, 2024 04:32 pm IST",
        "Updated: 2025-04-01 02:13 EST | Updated: 2025-04-02 03:14", "published", "Publishedé 2024-03-12", "Published\u{301}: 2024-03-12 14:35",
        "Published\r\n2024-03-12 14:35", "Publish", "", "Updated 4:37 PM MST, June 16, 2024", "UPDATED–2024-03-12 14:35:20",
        "Published:\u{00A0}2024-03-12\u{00A0}14:35", "\u{212A}ST Published", "Published: 2024-3-121 10:00", "Published: 20240-3-12 10:00",
        "Published: 2024-02-30 10:00", "Published: 2024-02-29, 6:40pm", "Published: 2024-02-29 12:05AM", "Published: 2024-02-29 12:05:07:01",
        "Published: 2024-02-29 ::5", "Published: 2024-02-29 +1:-0", "Published: 2024-02-29 99:00", "Published: 2024-02-29\r\n10:00",
        "Published: 2024-02-29 am", "Published: x 2024-02-29 1:2pm y", "Published: 12-2024-02 10:00", "Published: 2024-02-29",
    ]

    @Test func publishedLabelsStrippedAsLowerCasedPrefixes() {
        for line in Self.stampLines {
            for label in ["published", "updated"] {
                let reference = line.lowercased().hasPrefix(label) ? String(line.dropFirst(label.count)).trimming(" :-–—\u{00A0}") : nil
                #expect(PublishedTimeParser.stripLabel(line, label: label) == reference, "\(line)")
            }
        }
    }

    @Test func isoStampsOnBytesReadAsByWords() {
        var readOnBytes = 0
        for line in Self.stampLines {
            let rest = PublishedTimeParser.stripLabel(line, label: "published") ?? line
            for text in [line, rest] {
                #expect(PublishedTimeParser.parse(text) == PublishedTimeParser.parseWords(text), "\(text)")
                if let fast = PublishedTimeParser.isoStampOnBytes(text) {
                    readOnBytes += 1
                    #expect(fast == PublishedTimeParser.parseWords(text), "\(text)")
                }
            }
        }
        #expect(readOnBytes >= 20) // the shortcut is what these lines exercise
        for word in ["2024-03-12", "2024-03-1é", "2024-03-12\u{301}", "a024-03-12", "2024-0312-", "2024--0312", "2024-03-123", "2024-03-1\r\n"] {
            let reference = word.utf8.count >= 10 && word.count == 10 && word.filter({ $0 == "-" }).count == 2 && word.first?.isNumber == true
            #expect(PublishedTimeParser.isISODateWord(Substring(word)) == reference, "\(word)")
        }
    }

    @Test func refusedMonthWordsAreNoMonths() {
        let words = ["Jan", "jan.", ".Jan", "J.a.n", "Sept.", "SEPTEMBER", "Septembers", "May", "ma", "Mayo", "Oct", "Dec.", "Nov",
                     "2024", "09:45", "pm", "IST", "Published", "Apr", "Aug.", "\u{212A}an", "Mär", "Jänner", "Ｊan", "", "."]
        for text in words + Self.stampLines.flatMap({ PublishedTimeParser.words($0).map(String.init) }) {
            let word = Substring(text)
            if !PublishedTimeParser.mayBeMonth(word) {
                #expect(ExtractionLexicon.months[PublishedTimeParser.monthKey(word)] == nil, "\(text)")
            }
        }
        #expect(ExtractionLexicon.months.keys.allSatisfy { PublishedTimeParser.mayBeMonth(Substring($0)) })
    }

    @Test func datelineDaysOnBytesAsOnStrings() {
        for part in ["March 5", "Oct. 9", "SEPT. 10", "May  5", " May 5", "May 5 ", "May", "May 5 2024", "May +5", "May 05",
                     "May 32", "May 0", "Mai 5", "Jan. 1", "jan 31", "", " ", "5 May", "Dec 999999999999999999999", "Mär 5"] {
            var copy = part
            let onBytes = copy.withUTF8 { DatelineParser.monthDay($0) }
            let onString = DatelineParser.monthDay(part)
            #expect(onBytes?.month == onString?.month && onBytes?.day == onString?.day, "\(part)")
        }
    }

    @Test func bylinePiecesAsTheStringCodeMakesThem() {
        let names = ["Baltic Wire Service", "HELENA MARQUES", "Helena Marques", "JEAN-PAUL KIM", "KIM TONG-HYUNG", "Ni Putu Sari", "x",
                     "", "ÉLODIE DURAND", "ANNA é", "anna MARIA", "O'BRIEN", "LEE  JAE-WON", "A-", "-B"]
        for name in names {
            let reference: String
            if name.contains(where: \.isLetter), !name.contains(where: \.isLowercase) {
                reference = name.split(separator: " ").map { word in
                    word.split(separator: "-", omittingEmptySubsequences: false).enumerated().map { offset, part in
                        offset > 0 && !BylineParser.capitalisedCompoundParts.contains(part.lowercased()) ? part.lowercased()
                            : part.prefix(1).uppercased() + part.dropFirst().lowercased()
                    }.joined(separator: "-")
                }.joined(separator: " ")
            } else {
                reference = name
            }
            #expect(BylineParser.titleCased(name) == reference, "\(name)")
            #expect(BylineParser.commaForAnd(name + " and " + name) == (name + " and " + name).replacingOccurrences(of: " and ", with: ", "))
            #expect(BylineParser.commaForAnd(name) == name.replacingOccurrences(of: " and ", with: ", "), "\(name)")
        }
        for part in ["\r\nStaff", "a", "É", "Émile Zola", "E\u{301}mile", "1abc", "Ab", "Kim Writer", "Kim", "\u{212A}im"] {
            let reference = part.first.map { !$0.isUppercase } ?? true
                || BylineParser.roleWords.contains { part.lowercased().contains($0) }
            #expect(BylineParser.isRole(part) == reference, "\(part)")
        }
    }

    @Test func headlineCountsAndCaseFreeSearchAsBefore() {
        for text in ["The Seoul Ledger reports", "lower case words here", "  Two  Spaces ", "Émile Zola writes", "", "A b C d"] {
            let words = text.split(separator: " ")
            let counts = StoryExtractor.capitalisedWords(text)
            #expect(counts.words == words.count && counts.capitalised == words.filter { $0.first?.isUppercase ?? false }.count, "\(text)")
        }
        for text in ["Published: 2025-04-01 UPDATED: 2025-04-02", "updated", "xupdatedx", "Update", "", "UpDaTeD again", "Published: é Updated: x"] {
            let found = StoryExtractor.rangeIgnoringCase(of: "updated", in: text)
            let reference = text.range(of: "updated", options: .caseInsensitive)
            #expect(found == reference, "\(text)")
        }
    }
}
