import Testing
@testable import WireClean

/// Caption credits are read as agency names on their bytes in place: the byte reading must give the
/// verdict of the `Substring` one wherever it gives one (ASCII without CR), and captions closed by an
/// agency credit must still be told from story text.
@Suite struct CreditBytesTests {
    static let credits = [
        "Yonhap", "AP", "KCNA/Kyodo", "Xinhua News Agency", "Agence France-Presse", "O'Neil & Co.", "yonhap", "AP Photo",
        "Reuters/Jane Doe", "A B C D E", "", " ", "Kyodo\r", "Ça Presse", "\u{212A}yodo", "File photo", "EPA-EFE",
        "Associated Press Television News Service Worldwide", "NATO", "2024", "Seoul-based",
    ]

    @Test func byteVerdictIsTheSubstringVerdict() {
        for credit in Self.credits {
            let bytes = credit.withUTF8Bytes(SignOff.asciiAgencyLike)
            let isASCII = credit.utf8.allSatisfy { $0 < 0x80 && $0 != 0x0D }
            #expect((bytes == nil) == !isASCII, "\(credit)")
            #expect((bytes ?? SignOff.isAgencyLike(Substring(credit))) == SignOff.isAgencyLike(Substring(credit)), "\(credit)")
        }
    }

    @Test func agencyCreditsCloseCaptionsButNotTheLastParagraph() {
        let caption = LineShape("Rescue workers search the rubble in Antakya on Monday. (Yonhap)")
        #expect(CaptionRules.isCaption(caption, isLast: false))
        #expect(!CaptionRules.isCaption(caption, isLast: true))
        #expect(!CaptionRules.isCaption(LineShape("The ministry said it would respond within days. (lower case)"), isLast: false))
        #expect(CaptionRules.isCaption(LineShape("Crowds gather in Zürich on Friday. (Ça Presse)"), isLast: false))
    }
}
