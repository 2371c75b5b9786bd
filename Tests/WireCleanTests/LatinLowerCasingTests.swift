import Testing
@testable import WireClean

/// The Latin-1 table must lower-case exactly as `lowercased()` does, on every Latin-1 scalar and on
/// text mixing them with ASCII and with scalars the table leaves to `lowercaseMapping`.
@Suite struct LatinLowerCasingTests {
    @Test func everyLatin1ScalarLowerCasesAsTheStandardLibraryDoes() {
        for value in UInt32(0)...0xFF {
            guard let scalar = Unicode.Scalar(value) else { continue }
            let text = String(Character(scalar))
            #expect(Array(text.lowercasedWithLatin1Table().utf8) == Array(text.lowercased().utf8), "U+\(String(value, radix: 16))")
        }
    }

    @Test func mixedTextLowerCasesAsTheStandardLibraryDoes() {
        let texts = [
            "", "Seoul", "ÉCOLE NATIONALE", "Müller Wins in ZÜRICH", "Straße ÀÞ×÷ßÿ", "© 2024 Agence «France»", "\u{212A}YODO",
            "İSTANBUL", "ΟΔΟΣ ΑΘΗΝΩΝ", "Ｗｈａｔ ＡＢＣ", "서울 SEOUL", "東京 Tokyo", "e\u{301}COLE", "ǄUNGLA ǅ", "Ωhm Å",
        ]
        for text in texts {
            #expect(Array(text.lowercasedWithLatin1Table().utf8) == Array(text.lowercased().utf8), "\(text)")
        }
    }
}
