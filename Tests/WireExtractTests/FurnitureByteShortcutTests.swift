import Foundation
import Testing
@testable import WireExtract

/// The byte shortcuts that read furniture lines (bylines, credits, sign-offs, time stamps) must give
/// what the `String` and `Character` code they replaced gives, also where a separator carries a
/// combining mark, a line holds a no-break space or a Kelvin sign stands for a K.
@Suite struct FurnitureByteShortcutTests {
    static let lines = [
        "", " ", "By Yonhap", "by  TOM BECKER and ANA RUIZ Associated Press", "Published : May 2, 2024 - 09:45",
        "Published - May 28, 2024 04:32 pm IST", "(Reporting by Maya Okonkwo; Editing by Ines Albrecht)", "bur-jkm/rox",
        "Lee Jae-won, Staff reporter", "Tom Aldridge (AAP)", "Updated 4:37 PM MST, June 16, 2024", "a ,b,, c ",
        "Lucía Ferrer , Kim", "x \u{301}y", "x\u{301} y", "word, \u{0308}mark", "May\u{00A0}2,\u{00A0}2024", "\r\n x",
        "By\u{301} Kim", "BY KIM", "Bystander says", "By", "by ", "By é", "By\u{00A0}Kim", "Ｂｙ Kim", "\u{212A}ST 10:00",
    ]

    @Test func byteSplitsGiveTheCharacterSplits() {
        for line in Self.lines {
            #expect(line.splitBytes(" ") == line.split(separator: " "), "\(line)")
            #expect(line.splitBytes(" ,") == line.split(whereSeparator: { $0 == " " || $0 == "," }), "\(line)")
            #expect(line.splitBytes(";") == line.split(separator: ";"), "\(line)")
            let inner = line.dropFirst()
            #expect(inner.splitBytes(" ") == inner.split(separator: " "), "\(line)")
        }
    }

    @Test func spanCopiesGiveTheJoins() {
        for line in Self.lines {
            let words = line.splitBytes(" ")
            for start in words.indices {
                for end in start...words.count {
                    let slice = words[start..<end]
                    #expect(slice.joinedBySpaces(in: line) == slice.joined(separator: " "), "\(line) \(start) \(end)")
                }
            }
        }
    }

    @Test func byPrefixIsTheLowerCasedPrefix() {
        for line in Self.lines {
            #expect(BylineParser.startsWithBy(line) == line.lowercased().hasPrefix("by "), "\(line)")
        }
    }

    @Test func roleWordsAreFoundAsBefore() {
        for part in ["Staff reporter", "Associated Press Writer", "Kim Tong-hyung", "EDITOR", "Ni Putu Sari", "lower case", "Über Reporter", "\u{212A}orrespondent"] {
            let reference = ["reporter", "writer", "correspondent", "staff", "editor", "columnist", "contributor", "photographer"]
                .contains { part.lowercased().contains($0) } || part.first.map { !$0.isUppercase } ?? true
            #expect(BylineParser.isRole(part) == reference, "\(part)")
        }
    }

    @Test func stampWordsZonesMeridiemsAndMonthsAsBefore() {
        let words = ["pm", "PM", "4:37pm", "6:40PM", "12:05am", "am", "xam", "9am", "10:02", "Sept.", "MAY", "Apr.", "IST", "KST",
                     "\u{212A}ST", "kst", "NZST", "E", "ABCDE", "4:37p\u{301}m", "é:00pm", "Ｐm", "13:00\r\npm"]
        for text in words {
            let word = Substring(text)
            #expect(PublishedTimeParser.zone(word) == PublishedTimeParser.zoneAbbreviations[text], "\(text)")
            let lower = word.lowercased()
            let meridiem: (Substring, String?) = word.count > 2 && (lower.hasSuffix("am") || lower.hasSuffix("pm")) && word.dropLast(2).last?.isNumber == true
                ? (word.dropLast(2), String(lower.suffix(2))) : (word, nil)
            let split = PublishedTimeParser.splitMeridiem(word)
            #expect(split.time == meridiem.0 && split.meridiem == meridiem.1, "\(text)")
            #expect(PublishedTimeParser.monthKey(word) == String(word.lowercased().filter { $0 != "." }), "\(text)")
        }
        for line in Self.lines {
            #expect(PublishedTimeParser.words(line) == line.split(whereSeparator: { $0 == " " || $0 == "," || $0 == "\u{00A0}" }), "\(line)")
        }
    }

    @Test func asciiTrimsKeepWhatTheScalarTrimKeeps() {
        func reference(_ text: Substring, _ set: String) -> String {
            let scalars = Array(text.unicodeScalars)
            let unwanted = Array(set.unicodeScalars)
            guard let first = scalars.firstIndex(where: { !unwanted.contains($0) }),
                  let last = scalars.lastIndex(where: { !unwanted.contains($0) }) else { return "" }
            var kept = String.UnicodeScalarView()
            kept.append(contentsOf: scalars[first...last])
            return String(kept)
        }
        for line in Self.lines + ["(KCNA/Kyodo)", "[ (é) ]", "()", " .(Yonhap). ", "(\u{301}x)", "é "] {
            for set in [" ", "() ", "()[] ", "() .", " :-–—\u{00A0}"] {
                #expect(line.trimming(set) == reference(line[...], set), "\(line) \(set)")
                let inner = line.dropFirst()
                #expect(inner.trimming(set) == reference(inner, set), "\(line) \(set)")
            }
        }
    }
}
