import Foundation
import Testing
@testable import WireDedupe

/// `NameWord.split` reads bytes through a class table; these tests hold it to the plain reading below
/// (one comparison per class, word hashes through `NameWord.hash`), on the fixtures and on generated
/// texts full of the bytes the reader treats specially.
@Suite struct NameWordSplitTests {
    /// The plain reading: the specification the table-driven `split` must agree with, word for word.
    static func referenceSplit(_ bytes: UnsafeBufferPointer<UInt8>) -> [NameWord] {
        func isLetter(_ byte: UInt8) -> Bool { byte >= 0x80 || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A) }
        func isWordByte(_ byte: UInt8) -> Bool { isLetter(byte) || (byte >= 0x30 && byte <= 0x39) }
        let enders = Array(".!?\n\":(-".utf8)
        var words: [NameWord] = []
        var index = 0
        var sentenceStart = true
        var onlySpaceSince = false
        while index < bytes.count {
            let byte = bytes[index]
            guard isWordByte(byte) || byte == UInt8(ascii: "&") else {
                let hyphenJoin = byte == UInt8(ascii: "-") && index > 0 && index + 1 < bytes.count
                    && isWordByte(bytes[index - 1]) && isWordByte(bytes[index + 1])
                let initial = byte == UInt8(ascii: ".") && words.last.map { $0.end == index && $0.end - $0.start == 1 && $0.shape == .capitalised } == true
                if !hyphenJoin, !initial {
                    if enders.contains(byte) { sentenceStart = true }
                    if byte != UInt8(ascii: " ") { onlySpaceSince = false }
                }
                index += 1
                continue
            }
            let start = index
            index += 1
            if byte != UInt8(ascii: "&") {
                while index < bytes.count {
                    let next = bytes[index]
                    let initialStop = next == UInt8(ascii: ".") && index + 1 < bytes.count && isLetter(bytes[index + 1])
                    guard isWordByte(next) || next == UInt8(ascii: "'") || initialStop else { break }
                    index += 1
                }
            }
            var bareEnd = index
            if bareEnd - start > 2, bytes[bareEnd - 2] == UInt8(ascii: "'"), bytes[bareEnd - 1] | 0x20 == UInt8(ascii: "s") { bareEnd -= 2 }
            while bareEnd > start, bytes[bareEnd - 1] == UInt8(ascii: "'") { bareEnd -= 1 }
            let slice = UnsafeBufferPointer(rebasing: bytes[start..<bareEnd])
            let shape = NameWord.shape(slice)
            let connector = NameWord.isConnector(slice)
            if shape == .lower, !connector, start == 0 || bytes[start - 1] != UInt8(ascii: "-") {
                sentenceStart = false
                onlySpaceSince = false
                continue
            }
            words.append(NameWord(
                start: start, end: index, bareEnd: bareEnd, hash: NameWord.hash(slice),
                innerHash: NameWord.hash(UnsafeBufferPointer(rebasing: bytes[start..<index])),
                shape: shape, sentenceStart: sentenceStart, joinedToPrevious: onlySpaceSince, connector: connector,
                isASCII: !bytes[start..<index].contains { $0 >= 0x80 }))
            sentenceStart = false
            onlySpaceSince = true
        }
        return words
    }

    static func agree(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { bytes in NameWord.split(bytes) == referenceSplit(bytes) }
    }

    @Test func agreesWithThePlainReadingOnEveryFixture() throws {
        let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Fixtures/dedupe").path
        for name in try FileManager.default.contentsOfDirectory(atPath: folder).filter({ $0.hasSuffix(".txt") }) {
            let text = try String(contentsOfFile: folder + "/" + name, encoding: .utf8)
            var copy = text
            #expect(copy.withUTF8 { NameWord.split($0).count } > 5, "\(name) has names")
            #expect(Self.agree(text), "\(name)")
        }
    }

    /// Texts drawn from pieces that exercise every branch: initials, possessives, hyphens, apostrophes,
    /// connectors, capitals, digits, sentence ends, non-ASCII letters, at every position.
    @Test func agreesWithThePlainReadingOnGeneratedTexts() {
        let pieces = [
            " ", " ", "  ", "-", ".", ". ", "'", "'s", "’", "&", "of", "de", "al", "the", "Korea", "KCNA", "N", "U.S", "U.S.",
            "Ryong", "hae", "Türkiye", "São", "é", "3", "1990s", "!", "?", "\n", "\"", ":", "(", ")", ",", ";", "O'Neil",
            "Smith's", "ABC's", "x", "Mr", "St.", "--", "a.b", "Zhao", "é.", "\u{300}", "日本",
        ]
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        var disagreements: [String] = []
        for _ in 0..<3000 {
            var text = ""
            for _ in 0..<Int(state % 24) + 1 {
                state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
                text += pieces[Int((state >> 33) % UInt64(pieces.count))]
            }
            if !Self.agree(text) { disagreements.append(text) }
        }
        #expect(disagreements.isEmpty, "\(disagreements.prefix(5))")
    }

    @Test func readsNamesInitialsAndHyphenedWords() {
        var text = "Officials said N. Korea's Choe Ryong-hae met KCNA staff."
        let words = text.withUTF8 { bytes in NameWord.split(bytes).map { String(decoding: UnsafeBufferPointer(rebasing: bytes[$0.start..<$0.bareEnd]), as: UTF8.self) } }
        #expect(words == ["Officials", "N", "Korea", "Choe", "Ryong", "hae", "KCNA"])
    }
}
