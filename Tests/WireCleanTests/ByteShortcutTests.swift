import Testing
@testable import WireClean

/// The rules' byte-level shortcuts must agree with the `String` and `Character` operations they
/// replaced, also on text where one character spans several scalars (combining marks), on
/// characters whose lower case is ASCII (the Kelvin sign) and on canonical equivalents (the Greek
/// ano teleia is a middle dot).
@Suite struct ByteShortcutTests {
    static let samples = [
        "", "(", ")", "(Yonhap)", "(\u{301}Yonhap)", "[AP]", "x]\u{301}", "© 2024 The Herald", "©\u{301} 2024",
        "Report (AFP)", "x)\u{301}", "e\u{301})", "Seoul.", "He said.”", "He said.”’»", "He said.”’»)", "終わり。",
        "Really?!'", "“Quote”", "a.))))", "Done…", "Ｗｈａｔ？", "AP Photo/Jane Doe", "Kyodo News", "KCNA/Kyodo",
        "bur-jkm/rox", "Agence France-Presse", "Xinhua News Agency Beijing Bureau", "Ça va", "Ça\u{301}",
        "Yonhap\u{0387}", "O'Neil & Co.", "\u{212A}YODO",
    ]

    @Test func characterPrefixAndSuffixTestsMatchTheStringOnes() {
        for text in Self.samples {
            for character in ["(", "[", "©"] {
                #expect(text.startsWithCharacter(character) == text.hasPrefix(character), "\(text) starts with \(character)")
            }
            for character in [")", "]"] {
                #expect(text.endsWithCharacter(character) == text.hasSuffix(character), "\(text) ends with \(character)")
            }
        }
    }

    @Test func sentenceEndsMatchTheScalarReading() {
        func reference(_ text: String) -> Bool {
            for scalar in text.unicodeScalars.suffix(3).reversed() {
                switch scalar {
                case ".", "!", "?", "…", "。", "！", "？": return true
                case "\"", "'", "”", "’", ")", "»": continue
                default: return false
                }
            }
            return false
        }
        for text in Self.samples {
            #expect(LineShape.endsLikeSentence(text) == reference(text), "\(text)")
            #expect(LineShape(text).endsLikeSentence == reference(text), "\(text)")
        }
    }

    @Test func agencyNamesOnBytesMatchTheCharacterTest() {
        func reference(_ text: Substring) -> Bool {
            let words = text.splitASCII(" /")
            guard (1...4).contains(words.count), text.count <= 40 else { return false }
            return words.allSatisfy { word in
                guard let first = word.first, first.isUppercase else { return false }
                return word.allSatisfy { $0.isLetter || $0 == "-" || $0 == "." || $0 == "&" || $0 == "'" }
            }
        }
        for text in Self.samples {
            #expect(SignOff.isAgencyLike(Substring(text)) == reference(Substring(text)), "\(text)")
        }
    }

    @Test func lowerCasedLinesMatchOnEveryWordTheRulesLookUp() {
        #expect(LineShape("\u{212A}YODO").lower == "kyodo")
        #expect(LineShape("Share on FACEBOOK").lower == "share on facebook")
        // Non-ASCII letters keep their case: no rule list holds them, so no comparison can change.
        #expect(LineShape("Ça Va").lower == "Ça va")
        #expect(LineRules.agencyByline(LineShape("\u{212A}yodo")))
    }

    @Test func widgetWordsTrimAndMatchLikeTheStringSets() {
        let words = [
            "share", "•share•", "·link·", "(print)", "[email]", "12", "١٢", "facebook", "kakaotalk", "print-friendly",
            "Share", "shares.", "x", "••", "|", "a+", "copy-link", "\u{0387}", "•\u{301}share", "newsletter", "",
        ]
        for word in words {
            var copy = word
            copy.withUTF8 { bytes in
                let trimmed = String(decoding: WidgetWord.trimmed(bytes), as: UTF8.self)
                #expect(trimmed == word.trimmingCharacters(in: "•·|:!.,()[]"), "\(word)")
                #expect(WidgetWord.isWidget(bytes) == LineRules.widgetWords.contains(word), "\(word)")
                #expect(WidgetWord.isMarker(bytes) == LineRules.widgetMarkers.contains(word), "\(word)")
                if !word.isEmpty { #expect(WidgetWord.isNumber(bytes) == word.allSatisfy(\.isNumber), "\(word)") }
            }
        }
    }
}
