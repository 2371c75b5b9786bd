import Testing
@testable import WireClean

/// Line rules decided on bytes must agree with the `String` and `Character` readings they replaced:
/// bylines, prefix lists, case-blind prefix and suffix tests, headline comparison, block sets.
@Suite struct RuleByteShortcutTests {
    /// The `Character` reading of `LineRules.byline`.
    enum Reference {
        static let connectors: Set<String> = [
            "and", "&", "of", "in", "for", "de", "da", "van", "von", "al", "bin", "la", "le", "du", "und", "y", "|", "/",
            "-", "—", "staff", "reporter", "reporters", "correspondent", "writer", "writers", "editor",
        ]
        static let roles = ["reporter", "correspondent", "writer", "editor", "columnist", "contributor", "staff", "journalist"]

        static func namesOnly(_ words: [Substring]) -> Bool {
            guard let first = words.first, first.first?.isUppercase == true else { return false }
            var previousThe = false
            for word in words {
                let bare = word.trimmingCharacters(in: ",;")
                guard let letter = bare.first else { continue }
                let capital = letter.isUppercase
                if previousThe, !capital { return false }
                previousThe = bare.lowercased() == "the"
                if capital || previousThe || connectors.contains(bare.lowercased()) { continue }
                return false
            }
            return !previousThe
        }

        static func byline(_ shape: LineShape) -> Bool {
            guard shape.words >= 2, shape.words <= 14, shape.bytes <= 140, shape.lastByte != UInt8(ascii: ".") || shape.words <= 4
            else { return false }
            let text = shape.text
            if text.lowercased().hasPrefix("by ") {
                return namesOnly(Array(text.split(separator: " ").dropFirst()))
            }
            guard shape.words <= 8, let comma = text.firstIndex(of: ",") else { return false }
            let name = text[..<comma].split(separator: " ")
            let role = text[text.index(after: comma)...].lowercased()
            guard (2...4).contains(name.count), namesOnly(Array(name)) else { return false }
            return roles.contains { role.contains($0) }
        }
    }

    static let bylines = [
        "By Jane Doe", "BY JANE DOE Associated Press", "by jane doe", "By Yonhap", "By the Associated Press", "By The Associated Press",
        "By Jane Doe and John Roe", "By Jane Doe, the", "By  Jane  Doe", "By ,Jane", "By Jane ,;", "Bylines matter", "By Jane Doe.",
        "Jane Doe, Staff reporter", "Jane Doe, staff Reporter", "jane Doe, Staff reporter", "Jane Doe Roe Poe Zoe, Staff writer",
        "Jane, Staff writer", "Jane van Doe, Correspondent", "Jane the Doe, Editor", "Jane Doe, chef", "Ça Doe, Staff writer",
        "By Jürgen Müller", "By Émile Zola", "By e\u{301}mile", "By Jane \u{212A}elvin", "By Jane Doe\r", "By The", "By the end",
        "By Jane — Doe", "By Jane - Doe", "By Jane & Doe | AP", "By Jane Doe; John Roe", "By 2024", "Jane Doe,", ", Staff writer",
    ]

    @Test func bylinesOnBytesMatchTheCharacterReading() {
        for text in Self.bylines {
            let shape = LineShape(text)
            #expect(LineRules.byline(shape) == Reference.byline(shape), "\(text)")
        }
        #expect(LineRules.byline(LineShape("By Jane Doe")))
        #expect(!LineRules.byline(LineShape("By the end")))
    }

    @Test func prefixListsMatchACaseBlindScan() {
        let prefixes = ["reporting by", "additional reporting by", "writing by", "r", "read:", "related:", "photo", "photo shows",
                        "a file photo", "tags |", "for more news, follow"]
        let list = PrefixList(prefixes)
        let texts = [
            "", "r", "R", "Reporting by Jane", "REPORTING BY", "Reporting b", "Reporting byline", "ADDITIONAL REPORTING BY x",
            "Read: more", "Related:", "Photo Shows a", "PHOTO", "A File Photo of", "Tags | a", "For More News, Follow us",
            "Ça", "Writing By", "Writing\u{301} by", "Reportin", "Photo\u{212A}", "reporting by\u{301}",
        ]
        for text in texts {
            let lowered = String(decoding: text.utf8.map { $0 &- 0x41 < 26 ? $0 | 0x20 : $0 }, as: UTF8.self)
            let firstByte = lowered.utf8.first
            let expected = prefixes.first { $0.utf8.first == firstByte && lowered.utf8.starts(with: $0.utf8) }
            #expect(list.match(text) == expected, "\(text)")
        }
    }

    @Test func caseBlindPrefixAndSuffixTestsMatchLowerCasing() {
        let texts = ["", "Copyright 2024", "COPYRIGHT ", "All Rights Reserved.", "x all rights reserved", "Ça", "(C) 2024", "by"]
        for text in texts {
            let lowered = String(decoding: text.utf8.map { $0 &- 0x41 < 26 ? $0 | 0x20 : $0 }, as: UTF8.self)
            for affix in ["copyright ", "(c) ", "by ", "", "all rights reserved.", "all rights reserved"] {
                #expect(text.hasPrefixIgnoringCase(affix) == lowered.utf8.starts(with: affix.utf8), "\(text) \(affix)")
                #expect(text.hasSuffixIgnoringCase(affix) == lowered.utf8.reversed().starts(with: affix.utf8.reversed()), "\(text) \(affix)")
            }
            #expect(text.containsByte(UInt8(ascii: " ")) == text.utf8.contains(0x20), "\(text)")
        }
        let suffixes: [[UInt8]] = [" report.", " story."].map { Array($0.utf8) }
        #expect("They contributed to this report.".hasAnyByteSuffix(suffixes))
        #expect(!"They contributed to this Report.".hasAnyByteSuffix(suffixes))
        #expect(!"report.".hasAnyByteSuffix(suffixes))
    }

    @Test func asciiHeadlineComparisonMatchesLowerCasing() {
        let pairs = [("Seoul Rally", "SEOUL RALLY"), ("Seoul Rally", "Seoul Rall"), ("a[b", "A{B"), ("", ""), ("@", "`")]
        for (a, b) in pairs {
            #expect(CleaningPass.sameASCIIIgnoringCase(a, b) == (a.lowercased() == b.lowercased()), "\(a) \(b)")
        }
        // Non-ASCII text is left to `lowercased()`: the Kelvin sign lower-cases to "k".
        #expect(CleaningPass.sameASCIIIgnoringCase("\u{212A}yodo", "kyodo") == nil)
    }

    @Test func relatedHeadingsOnBytesMatchTheCharacterReading() {
        // Headings of the rule's list; the trimming by `Character` is the reading the bytes replace.
        let headings: Set<String> = ["related coverage", "read more", "more stories", "related", "most read", "more in this section"]
        let lines = ["Related coverage:", "READ MORE >>", "More stories :", "Related::", "Related »", "Related:»", "Most read ",
                     "Related coverage: Seoul", ":", "", "Related\u{301}", "More in this section:", "Related\r\n"]
        for line in lines {
            let shape = LineShape(line)
            var text = shape.lower
            while let last = text.last, last == ":" || last == " " || last == "»" || last == ">" { text.removeLast() }
            #expect(LineRules.relatedHeading(shape) == (shape.words <= 6 && headings.contains(text)), "\(line)")
        }
    }

    /// `SignOff.splitTrailing` skips the end-marker look-up for longer last words.
    @Test func endMarkersAreShortASCII() {
        #expect(LineRules.endMarkers.allSatisfy { $0.utf8.count <= 7 && $0.utf8.allSatisfy { $0 < 0x80 } })
        #expect(SignOff.splitTrailing("The talks ended on Friday. (END)")?.signOff == "(END)")
    }

    @Test func twoByteSearchFindsWhatAScanFinds() {
        let texts = ["", "-", "abc", "Seoul -- AFP", "a\u{2014}b", String(repeating: "x", count: 17) + "P", "P" + String(repeating: "y", count: 20),
                     "The Photo Image", String(repeating: "ab", count: 30) + "I-"]
        for text in texts {
            let bytes = Array(text.utf8)
            bytes.withUnsafeBufferPointer { buffer in
                for (a, b) in [(UInt8(ascii: "-"), UInt8(0xE2)), (UInt8(ascii: "P"), UInt8(ascii: "I"))] {
                    for start in 0...(bytes.count + 1) {
                        let expected = start < bytes.count ? bytes[start...].firstIndex { $0 == a || $0 == b } : nil
                        #expect(buffer.firstIndex(of: a, or: b, from: start) == expected, "\(text) \(start)")
                    }
                }
            }
        }
        // Dashes before an agency at the end: found by the search, as by a scan.
        #expect(SignOff.splitTrailing("The talks ended on Friday. -- AFP")?.signOff == "-- AFP")
        #expect(SignOff.splitTrailing("The talks ended on Friday. \u{2014} AFP")?.signOff == "\u{2014} AFP")
        #expect(SignOff.splitTrailing("The talks ended on Friday. - AFP") == nil)
    }

    @Test func blockSetsHoldWhatWasInserted() {
        var set = BlockSet()
        let inserted = [0, 1, 63, 64, 65, 127, 128, 300]
        for index in inserted { set.insert(index) }
        for index in -1...320 {
            #expect(set.contains(index) == inserted.contains(index), "\(index)")
        }
    }
}
