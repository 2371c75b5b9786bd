import Testing
@testable import WireExtract

/// The date parser's scans on raw buffers (`nextMayStart`, `sentenceBounds`, `clauseSpeaksOfFuture`,
/// `yearOffsetInSentence`) must answer what the token-by-token code they replace answers, on ASCII and
/// non-ASCII copy, numbers of every length, long words and clauses cut by commas and semicolons.
@Suite struct DateScanShortcutTests {
    static let saturday = CalendarDay(year: 2024, month: 4, day: 13)

    static let stories = MetadataByteShortcutTests.stories + [
        "Last year the monsoon hit on June 8; next year it will, officials said, come on July 3. The year before, LAST YEAR.",
        "He will visit on Friday, she said; they plan to meet in March, and next year's vote falls on Nov. 5 next year.",
        "A a A. The the THE. Within within WITHIN. 1 12 123 1234 12345 2,024 1.5 2024-04-13 10:30 3rd 1990s the 1990s.",
        "Ｔhe ａ wіthin yеar lаst — «2024» “2023” ‘Monday’ Montag, mardi. "
            + String(repeating: "x", count: 65) + " " + String(repeating: "the", count: 22) + " aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa day",
        "no stop at all " + String(repeating: "and it will go on and on, ", count: 30) + "until next year on Monday",
        "", "2024", "the", "a day", "Monday", ", ; ,",
        "The world, the state, the start of May, THE FINAL QUARTER, the Third quarter, the first half, the 1990S, "
            + "the 2000s, the 19905, the 1a90s, the fifth, the Fｉrst half, the tenth, the sixth month, The end of 2023.",
    ]

    @Test func wordsLeftOutStartNoDate() {
        var kept = 0
        defer { #expect(kept >= 100) }
        for story in Self.stories {
            let parser = DateExpressionParser(text: TokenText(story), anchor: Self.saturday)
            let count = parser.text.tokens.count
            for index in 0..<count {
                let next = parser.nextMayStart(from: index)
                // Nothing between `index` and the next candidate starts a date, and the candidate is one
                // `mayStartDate` lets through.
                for skipped in index..<next {
                    #expect(!parser.text.tokens[skipped].isWord || parser.match(at: skipped) == nil, "\(story) @\(skipped)")
                }
                if next < count { #expect(parser.mayStartDate(next)); kept += 1 }
            }
            #expect(parser.nextMayStart(from: count) == count)
        }
    }

    @Test func sentenceBoundsAreTheSentence() {
        for story in Self.stories {
            let parser = DateExpressionParser(text: TokenText(story), anchor: Self.saturday)
            for index in parser.text.tokens.indices {
                #expect(parser.sentenceBounds(around: index) == parser.text.sentence(around: index), "\(story) @\(index)")
            }
        }
    }

    @Test func clauseDirectionAsTokenByToken() {
        var future = 0
        defer { #expect(future >= 10) }
        for story in Self.stories {
            let parser = DateExpressionParser(text: TokenText(story), anchor: Self.saturday)
            for index in parser.text.tokens.indices {
                let reference = parser.speaksOfFutureByTokens(around: index, in: parser.text.sentence(around: index))
                #expect(parser.clauseSpeaksOfFuture(around: index) == reference, "\(story) @\(index)")
                if reference { future += 1 }
            }
        }
    }

    @Test func sentenceYearAsTokenByToken() {
        var found = 0
        defer { #expect(found >= 5) }
        for story in Self.stories {
            let text = TokenText(story)
            let parser = DateExpressionParser(text: text, anchor: Self.saturday)
            for index in text.tokens.indices {
                let sentence = text.sentence(around: index)
                // The rule as the parser first wrote it: the first word before a "year" that is "last" or "next".
                var reference: Int?
                for position in sentence where position + 1 < sentence.upperBound && text.isWord(position + 1, "year") {
                    if text.isWord(position, "last") { reference = -1; break }
                    if text.isWord(position, "next") { reference = 1; break }
                }
                #expect(parser.yearOffsetInSentence(sentence) == reference, "\(story) @\(index)")
                if reference != nil { found += 1 }
            }
            // Ranges reaching beyond the text read no tokens outside it.
            let count = text.tokens.count
            for range in [-3..<(count + 3), 0..<count, -1..<1, (count - 1)..<(count + 2), count..<count] {
                var reference: Int?
                for position in range where position + 1 < range.upperBound && text.isWord(position + 1, "year") {
                    if text.isWord(position, "last") { reference = -1; break }
                    if text.isWord(position, "next") { reference = 1; break }
                }
                #expect(parser.yearOffsetInSentence(range) == reference, "\(story) \(range)")
                if count > 0 {
                    #expect(parser.clauseSpeaksOfFuture(around: count / 2, in: range)
                        == parser.speaksOfFutureByTokens(around: count / 2, in: range), "\(story) \(range)")
                }
            }
        }
    }

    @Test func schedulingInitialsAreTheLexicons() {
        var expected: [Int: UInt32] = [:]
        for word in ExtractionLexicon.schedulingVerbs.union(["effect"]) {
            let initial = word.utf8.first.map { UInt32($0) - 0x61 } ?? 0
            expected[word.utf8.count, default: 0] |= 1 << initial
        }
        for length in 0...20 {
            #expect(DateExpressionParser.schedulingInitials(length: length) == expected[length, default: 0], "length \(length)")
        }
    }

    @Test func wordsRefusedAsSchedulingAreNone() {
        let words = ExtractionLexicon.schedulingVerbs.sorted()
        let story = words.map { "\($0) \($0.uppercased()) \($0.capitalized) on" }.joined(separator: " ")
            + " effect takes effect take Effect said on from visit\u{301} ｏpen opened @pen [open ~eet 1open É"
        let text = TokenText(story)
        let parser = DateExpressionParser(text: text, anchor: Self.saturday)
        var passed = 0
        for index in text.tokens.indices where text.tokens[index].isWord {
            let word = text.lower(index)
            let named = word == "effect" || ExtractionLexicon.schedulingVerbs.contains(word)
            if named { #expect(parser.mayBeSchedulingWord(index), "\(word)") }
            if parser.mayBeSchedulingWord(index) { passed += 1 }
            if !parser.mayBeSchedulingWord(index) { #expect(!parser.isScheduled(before: index + 1), "\(word)") }
        }
        #expect(passed < text.tokens.count)
        #expect(!parser.mayBeSchedulingWord(-1) && !parser.mayBeSchedulingWord(text.tokens.count))
    }

    @Test func marksMetByTheDateScanAreTheQuotationMarks() {
        var marks = 0
        defer { #expect(marks >= 20) }
        let quoted = [
            #""On Monday," he said, "June 8, 2024" and "the first half" were "last year's" dates." 'Single' “Curly” „Low“"#,
            #"Talks on "Friday" ended; "Oct. 6, 1949", "1990s", "" and " " and "a day earlier"."#,
            "\"\"\"\"\" ″ ＂ \u{201C}2024\u{201D} \u{201E}May 5\u{201C} «March 3» by \"2030\" in \"June\" 2019",
        ]
        for story in Self.stories + QuoteContentShortcutTests.stories + quoted {
            let text = TokenText(story)
            for anchor in [Self.saturday, nil] {
                let found = DateExpressionParser(text: text, anchor: anchor).mentionsAndQuotationMarks()
                #expect(found.marks == QuoteExtractor.quotationMarks(text), "\(story)")
                #expect(found.mentions == DateExpressionParser(text: text, anchor: anchor).mentions())
                marks += found.marks.count
            }
        }
    }
}
