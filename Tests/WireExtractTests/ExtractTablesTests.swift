import Testing
@testable import WireExtract
@testable import WireGazetteer

/// The hash tables and byte shortcuts that replaced `Dictionary`, `Set` and `Character` code in
/// extraction give the answers the code they replaced gave.
@Suite struct ExtractTablesTests {
    @Test func hashIndexKeepsTheFirstValueOrTheLastSet() {
        var index = HashIndex(capacity: 2)
        #expect(index.value(for: 42, orInsert: 0) == 0)
        #expect(index.value(for: 42, orInsert: 7) == 0)
        index[9] = 3
        index[9] = 5
        #expect(index[9] == 5)
        #expect(index[10] == nil)
        // Far past the first capacity: growing keeps every value.
        for hash in UInt64(100)..<UInt64(400) { index[hash &* 0x9E37_79B9_7F4A_7C15] = Int(hash) }
        for hash in UInt64(100)..<UInt64(400) { #expect(index[hash &* 0x9E37_79B9_7F4A_7C15] == Int(hash)) }
        #expect(index[42] == 0)
    }

    /// The table read through its buffer's pointer answers as a `Dictionary` does, through growth,
    /// keep-or-replace writes, inserts and copies (a copy written to leaves the original as it was).
    @Test func hashIndexAnswersAsADictionary() {
        var index = HashIndex(capacity: 1)
        var reference: [UInt64: Int] = [:]
        var state: UInt64 = 0x1234_5678
        var copies: [(HashIndex, [UInt64: Int])] = []
        for step in 0..<3000 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            // Few distinct hashes, some sharing their low bits, so that probes collide and values are replaced.
            let hash = (state >> 40) % 700 &* (step % 3 == 0 ? 0x1_0000_0000 : 1)
            let value = Int(state >> 50)
            switch step % 4 {
            case 0:
                #expect(index.value(for: hash, orInsert: value) == reference[hash, default: value])
                if reference[hash] == nil { reference[hash] = value }
            case 1:
                index[hash] = value
                reference[hash] = value
            case 2:
                index.store(value, for: hash) { $0 > value }
                if let stored = reference[hash], stored > value {} else { reference[hash] = value }
            default:
                #expect(index[hash] == reference[hash])
                #expect(index.insert(hash, value: value) == (reference[hash] == nil))
                if reference[hash] == nil { reference[hash] = value }
            }
            if step % 500 == 0 { copies.append((index, reference)) }
        }
        for hash in UInt64(0)..<700 { #expect(index[hash] == reference[hash]) }
        for (copy, expected) in copies {
            for hash in UInt64(0)..<700 { #expect(copy[hash] == expected[hash]) }
        }
        #expect(index[0xFFFF_FFFF_FFFF] == nil)
    }

    @Test func wordHashSetAnswersAsASet() {
        let hashes: [UInt64] = [0, 1, 17, 0xFFFF_FFFF_FFFF_FFFF] + (2..<200).map { $0 &* 0x100_0000_01b3 }
        let set = WordHashSet(hashes)
        for hash in hashes { #expect(set.contains(hash)) }
        #expect(!set.contains(2))
        #expect(!WordHashSet([5]).contains(0))
    }

    @Test func titleCasingOnBytesMatchesTheCharacterRules() {
        #expect(BylineParser.titleCased("HELENA MARQUES") == "Helena Marques")
        #expect(BylineParser.titleCased("JEAN-PAUL  KIM") == "Jean-Paul Kim")
        #expect(BylineParser.titleCased("KIM TONG-HYUNG") == "Kim Tong-hyung")
        #expect(BylineParser.titleCased("Mixed Case") == "Mixed Case")
        #expect(BylineParser.titleCased("-A-") == "-a-")
        #expect(BylineParser.titleCased("ÉLODIE GRANDE") == "Élodie Grande")
    }

    @Test func titleStrippingKeepsNamesWithoutTitles() {
        #expect(NameNormalizer.strippingTitles("Xi Jinping") == "Xi Jinping")
        #expect(NameNormalizer.strippingTitles("President Xi Jinping") == "Xi Jinping")
        #expect(NameNormalizer.strippingTitles("Dr. Ama Owusu") == "Ama Owusu")
        #expect(NameNormalizer.strippingTitles("The Hague") == "Hague")
    }

    @Test func datelineMonthDayOnBytes() {
        #expect(DatelineParser.parse("SEOUL, Oct. 9 (Yonhap) -- Talks resumed.")?.day == 9)
        #expect(DatelineParser.parse("SEOUL, Oct. 9 (Yonhap) -- Talks resumed.")?.month == 10)
        #expect(DatelineParser.parse("LISBON, March +5 (Lusa) - Talks.")?.day == 5)
        #expect(DatelineParser.parse("LISBON, March 32 (Lusa) - Talks.")?.day == nil)
        #expect(DatelineParser.parse("PENICHE, Portugal, May 28, 2024 (Lusa) - Boats.")?.place == "PENICHE, Portugal")
        #expect(DatelineParser.parse("PENICHE, Portugal, May 28, 2024 (Lusa) - Boats.")?.year == 2024)
    }

    @Test func sortedWordsAndInitialsOnBytes() {
        #expect(EntityCollector.sortedWords("yuko nakagawa") == "nakagawa yuko")
        #expect(EntityCollector.sortedWords("kim jong un") == "jong kim un")
        #expect(EntityCollector.sortedWords("ana") == "ana")
        #expect(EntityCollector.initials("india meteorological department") == "imd")
        #expect(EntityCollector.initials("bank of korea") == "bk")
    }
}
