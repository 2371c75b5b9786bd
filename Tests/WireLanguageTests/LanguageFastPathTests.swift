import Foundation
import Testing
@testable import WireLanguage

/// The integer-quarter scoring and the open-addressing row index must decide as the `Float` sums and
/// the dictionary do.
@Suite struct LanguageFastPathTests {
    let identifier = LanguageIdentifier.shared

    static let sentences: [String] = [
        "The foreign ministers met in the capital on Saturday to discuss the new trade agreement.",
        "Les ministres se sont réunis samedi dans la capitale pour discuter du nouvel accord commercial.",
        "Los ministros se reunieron el sábado en la capital para hablar del nuevo acuerdo comercial.",
        "Die Minister trafen sich am Samstag in der Hauptstadt, um über das neue Handelsabkommen zu sprechen.",
        "Os ministros reuniram-se no sábado na capital para discutir o novo acordo comercial entre os países.",
        "I ministri si sono incontrati sabato nella capitale per discutere il nuovo accordo commerciale.",
        "De ministers kwamen zaterdag in de hoofdstad bijeen om de nieuwe handelsovereenkomst te bespreken.",
        "Ministrowie spotkali się w sobotę w stolicy, aby omówić nową umowę handlową między krajami.",
        "Bakanlar cumartesi günü başkentte bir araya gelerek yeni ticaret anlaşmasını görüştü.",
        "Министры встретились в субботу в столице, чтобы обсудить новое торговое соглашение.",
        "Міністри зустрілися в суботу в столиці, щоб обговорити нову торговельну угоду.",
        "التقى الوزراء يوم السبت في العاصمة لمناقشة الاتفاق التجاري الجديد بين البلدين.",
        "وزیران روز شنبه در پایتخت برای گفتگو درباره توافق تجاری جدید دیدار کردند.",
        "Mawaziri walikutana Jumamosi katika mji mkuu kujadili makubaliano mapya ya biashara.",
        "Các bộ trưởng đã gặp nhau tại thủ đô vào thứ Bảy để thảo luận về hiệp định thương mại mới.",
        "SEOUL (Yonhap) -- North Korea fired a ballistic missile toward the East Sea on Friday, officials said.",
        "Short mixed text: Kim met Putin in Vladivostok, and Путин said да to the deal.",
    ]

    @Test func quarterSumsPickTheFloatSumsWinner() {
        #expect(identifier.scoresInQuarters)
        for sentence in Self.sentences {
            #expect(identifier.identify(sentence) == identifier.referenceIdentify(sentence), "\(sentence)")
            // Prefixes change the totals at every length, ties included.
            for length in stride(from: 20, to: sentence.count, by: 7) {
                let prefix = String(sentence.prefix(length))
                #expect(identifier.identify(prefix) == identifier.referenceIdentify(prefix), "\(prefix)")
            }
        }
    }

    @Test(.enabled(if: LanguageEval.sentencesFolder != nil, "the shared lingua test sentences are not on this machine"))
    func quarterSumsAgreeOnSharedSentences() throws {
        let folder = try #require(LanguageEval.sentencesFolder)
        for code in identifier.supportedLanguages {
            guard let text = try? String(contentsOf: folder.appendingPathComponent("\(code).txt"), encoding: .utf8) else { continue }
            for line in text.split(separator: "\n").prefix(150) {
                #expect(identifier.identify(String(line)) == identifier.referenceIdentify(String(line)), "\(code): \(line)")
            }
        }
    }

    @Test func rowIndexFindsEveryRowAndNothingElse() {
        let table = TrigramTable(profiles: TrigramProfiles.all)
        for (key, row) in table.rows { #expect(table.rowIndex.row(for: key) == row) }
        var absent = [TrigramTable.key(0, 0x71, 0x71), TrigramTable.key(0x7A, 0x7A, 0x7A), 0, UInt64.max, TrigramTable.key(0x60, 0x61, 0x61)]
        // Every a–z bigram and trigram, most absent: the dense table must say so too.
        let letters = UInt32(0x61)...0x7A
        for a in [0] + Array(letters) { for b in letters { for c in letters { absent.append(TrigramTable.key(a, b, c)) } } }
        for key in absent where table.rows[key] == nil {
            #expect(table.rowIndex.row(for: key) == nil)
        }
    }

    @Test func quarterCostsRefuseCostsThatAreNotWholeQuarters() {
        #expect(QuarterCosts(costs: [0.25, 1.5], bigramFloors: [2], trigramFloors: [3]) != nil)
        #expect(QuarterCosts(costs: [0.3], bigramFloors: [2], trigramFloors: [3]) == nil)
        #expect(QuarterCosts(costs: [64], bigramFloors: [2], trigramFloors: [3]) == nil)
    }
}
