import Testing
@testable import WireLanguage

/// Sentences written for these tests (not taken from the evaluation data).
@Suite struct LanguageIdentifierTests {
    let identifier = LanguageIdentifier.shared

    @Test(arguments: [
        ("en", "The foreign ministers met in the capital on Saturday to discuss the new trade agreement."),
        ("fr", "Les ministres se sont réunis samedi dans la capitale pour discuter du nouvel accord commercial."),
        ("es", "Los ministros se reunieron el sábado en la capital para hablar del nuevo acuerdo comercial."),
        ("de", "Die Minister trafen sich am Samstag in der Hauptstadt, um über das neue Handelsabkommen zu sprechen."),
        ("ru", "Министры встретились в субботу в столице, чтобы обсудить новое торговое соглашение."),
        ("uk", "Міністри зустрілися в суботу в столиці, щоб обговорити нову торговельну угоду."),
        ("ar", "التقى الوزراء يوم السبت في العاصمة لمناقشة الاتفاق التجاري الجديد بين البلدين."),
        ("ko", "장관들은 토요일 수도에서 만나 새로운 무역 협정을 논의했다."),
        ("ja", "大臣たちは土曜日に首都で会い、新しい貿易協定について話し合った。"),
        ("zh", "部长们星期六在首都会面，讨论新的贸易协定。"),
    ])
    func identifiesSentences(expected: String, sentence: String) {
        #expect(identifier.identify(sentence) == expected)
    }

    @Test func shortLatinLinesAreNotGuessed() {
        #expect(identifier.identify("By Yonhap") == nil)
        #expect(identifier.identify("Link copied") == nil)
        #expect(identifier.identify("") == nil)
        #expect(identifier.identify("12:30 — 2024") == nil)
    }

    @Test func scriptDecidesShortLinesAlone() {
        #expect(identifier.identify("피터빈트") == "ko")
        #expect(identifier.identify("カメラ") == "ja")
        #expect(identifier.identify("北京") == "zh")
        #expect(identifier.identify("Αθήνα") == "el")
    }

    @Test func koreanWithHanjaStaysKorean() {
        #expect(identifier.identify("北韓 김정은 국무위원장이 평양에서 회의를 주재했다") == "ko")
    }

    @Test func supportsAtLeastThirtyLanguagesIncludingTheNewsroomOnes() {
        let supported = Set(identifier.supportedLanguages)
        #expect(supported.count >= 30)
        #expect(supported.isSuperset(of: ["ko", "ja", "zh", "ar", "ru", "fr", "es", "de", "en"]))
    }
}
