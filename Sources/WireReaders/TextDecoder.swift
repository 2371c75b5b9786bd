/// Bytes to text for inputs that are not XML (XML declares its own encoding and libxml2 decodes it).
///
/// Order: a byte-order mark wins; then strict UTF-8; then Windows-1252, which decodes every byte, so a
/// story with one stray byte keeps all its text and says that it fell back.
struct TextDecoder {
    enum ByteOrderMark: String {
        case utf8 = "UTF-8", utf16LE = "UTF-16LE", utf16BE = "UTF-16BE", utf32LE = "UTF-32LE", utf32BE = "UTF-32BE"

        var length: Int {
            switch self {
            case .utf8: return 3
            case .utf16LE, .utf16BE: return 2
            case .utf32LE, .utf32BE: return 4
            }
        }
    }

    struct Decoded {
        var text: String
        /// The encoding the text was read as.
        var encoding: String
        /// True when the bytes were not valid in the encoding tried first and Windows-1252 was used.
        var fellBack: Bool
    }

    static func byteOrderMark(_ bytes: [UInt8]) -> ByteOrderMark? {
        let b = bytes.prefix(4)
        // UTF-32LE before UTF-16LE: its mark starts with the UTF-16LE one.
        if b.starts(with: [0xFF, 0xFE, 0x00, 0x00]) { return .utf32LE }
        if b.starts(with: [0x00, 0x00, 0xFE, 0xFF]) { return .utf32BE }
        if b.starts(with: [0xEF, 0xBB, 0xBF]) { return .utf8 }
        if b.starts(with: [0xFF, 0xFE]) { return .utf16LE }
        if b.starts(with: [0xFE, 0xFF]) { return .utf16BE }
        return nil
    }

    static func decode(_ bytes: [UInt8]) -> Decoded {
        let mark = byteOrderMark(bytes)
        let body = bytes.dropFirst(mark?.length ?? 0)
        switch mark {
        case .utf16LE, .utf16BE:
            // A mark is strong evidence: bad units become U+FFFD rather than re-reading the bytes as
            // Windows-1252, which would turn every other byte into a NUL.
            let (text, valid) = decodeUTF16(body, bigEndian: mark == .utf16BE)
            return Decoded(text: text, encoding: mark?.rawValue ?? "UTF-16", fellBack: !valid)
        case .utf32LE, .utf32BE:
            let (text, valid) = decodeUTF32(body, bigEndian: mark == .utf32BE)
            return Decoded(text: text, encoding: mark?.rawValue ?? "UTF-32", fellBack: !valid)
        case .utf8, nil:
            if let text = String(validating: body, as: UTF8.self) {
                return Decoded(text: text, encoding: "UTF-8", fellBack: false)
            }
        }
        return Decoded(text: Windows1252.decode(body), encoding: "windows-1252", fellBack: true)
    }

    private static func decodeUTF16(_ bytes: ArraySlice<UInt8>, bigEndian: Bool) -> (String, Bool) {
        var units: [UInt16] = []
        units.reserveCapacity(bytes.count / 2)
        var index = bytes.startIndex
        while index + 1 < bytes.endIndex {
            let first = UInt16(bytes[index]), second = UInt16(bytes[index + 1])
            units.append(bigEndian ? first << 8 | second : second << 8 | first)
            index += 2
        }
        if bytes.count % 2 == 0, let text = String(validating: units, as: UTF16.self) { return (text, true) }
        return (String(decoding: units, as: UTF16.self), false)
    }

    private static func decodeUTF32(_ bytes: ArraySlice<UInt8>, bigEndian: Bool) -> (String, Bool) {
        var scalars = String.UnicodeScalarView()
        var valid = bytes.count % 4 == 0
        var index = bytes.startIndex
        while index + 3 < bytes.endIndex {
            var value: UInt32 = 0
            for offset in 0..<4 {
                let byte = UInt32(bytes[index + (bigEndian ? offset : 3 - offset)])
                value = value << 8 | byte
            }
            if let scalar = Unicode.Scalar(value) {
                scalars.append(scalar)
            } else {
                scalars.append("\u{FFFD}")
                valid = false
            }
            index += 4
        }
        return (String(scalars), valid)
    }
}
