#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Converts the bytes of one legacy charset (Shift_JIS, EUC-KR, GB18030, Big5, KOI8-R, ISO-8859-x,
/// windows-125x, UTF-16/32, …) to UTF-8 through the C library's iconv.
///
/// Owns one `iconv_t`, so one instance converts on one thread at a time; make one per input. Bytes that
/// are not valid in the charset become U+FFFD one byte at a time (the rest of the text survives) and are
/// counted, so the caller can report the input rather than drop it.
final class CharsetConverter {
    struct UnknownCharset: Error, Equatable, CustomStringConvertible {
        var label: String
        var description: String { "unknown charset \"\(label)\"" }
    }

    struct Converted {
        var bytes: [UInt8]
        /// Byte sequences that were invalid in the charset (each replaced by U+FFFD).
        var invalidSequences: Int
    }

    /// The iconv name this converter reads.
    let iconvName: String
    private let descriptor: iconv_t

    /// - Parameter label: a charset label as documents and HTTP headers write it (`Shift_JIS`,
    ///   `ks_c_5601-1987`, `"gb2312"`); aliases map to the superset browsers use for the label.
    init(label: String) throws(UnknownCharset) {
        guard let name = Self.iconvName(for: label) else { throw UnknownCharset(label: label) }
        let opened = iconv_open("UTF-8", name)
        // iconv_open signals failure with (iconv_t)-1, not NULL.
        guard let opened, Int(bitPattern: opened) != -1 else { throw UnknownCharset(label: label) }
        iconvName = name
        descriptor = opened
    }

    deinit {
        iconv_close(descriptor)
    }

    /// A label lower-cased, with quotes and surrounding white space removed.
    static func normalizedLabel(_ label: String) -> String {
        let quotes: Set<Character> = ["\"", "'"]
        let unquoted = label.trimmingWhitespace().drop(while: { quotes.contains($0) })
        let trimmed = String(unquoted.reversed().drop(while: { quotes.contains($0) }).reversed())
        return trimmed.trimmingWhitespace().lowercased()
    }

    /// Labels whose usual meaning is a larger charset than the name says (what WHATWG decoders do), and
    /// common spellings iconv does not know.
    private static let aliases: [String: String] = [
        "gb2312": "GB18030", "gbk": "GB18030", "x-gbk": "GB18030", "cp936": "GB18030", "windows-936": "GB18030",
        "gb_2312-80": "GB18030", "csgb2312": "GB18030", "chinese": "GB18030", "euc-cn": "GB18030",
        "iso-ir-58": "GB18030", "gb18030": "GB18030",
        "euc-kr": "CP949", "ks_c_5601-1987": "CP949", "ks_c_5601-1989": "CP949", "ksc5601": "CP949",
        "ksc_5601": "CP949", "korean": "CP949", "csksc56011987": "CP949", "windows-949": "CP949", "cp949": "CP949",
        "uhc": "CP949", "iso-ir-149": "CP949",
        "shift_jis": "CP932", "shift-jis": "CP932", "sjis": "CP932", "x-sjis": "CP932", "ms_kanji": "CP932",
        "csshiftjis": "CP932", "windows-31j": "CP932", "cp932": "CP932", "ms932": "CP932",
        "big5": "BIG5", "big-5": "BIG5", "cn-big5": "BIG5", "x-x-big5": "BIG5", "csbig5": "BIG5",
        "big5-hkscs": "BIG5-HKSCS",
        "koi8-r": "KOI8-R", "koi8r": "KOI8-R", "koi": "KOI8-R", "cskoi8r": "KOI8-R", "koi8-u": "KOI8-U",
        "koi8-ru": "KOI8-U",
        "utf-8": "UTF-8", "utf8": "UTF-8", "unicode-1-1-utf-8": "UTF-8",
        "utf-16": "UTF-16", "utf16": "UTF-16", "unicode": "UTF-16", "ucs-2": "UTF-16", "iso-10646-ucs-2": "UTF-16",
        "utf-16le": "UTF-16LE", "utf-16be": "UTF-16BE", "utf-32": "UTF-32", "utf-32le": "UTF-32LE",
        "utf-32be": "UTF-32BE", "ucs-4": "UTF-32", "iso-10646-ucs-4": "UTF-32",
        "tis-620": "CP874", "windows-874": "CP874", "iso-8859-11": "CP874",
    ]

    /// The iconv name for a label, or nil when the label is not a charset name at all (iconv itself
    /// decides whether it knows the name).
    static func iconvName(for label: String) -> String? {
        let key = normalizedLabel(label)
        guard !key.isEmpty, key.count <= 40,
              key.unicodeScalars.allSatisfy({
                  $0.isASCII && ($0.properties.isAlphabetic || "0123456789-_.:".unicodeScalars.contains($0))
              })
        else { return nil }
        if let alias = aliases[key] { return alias }
        // windows-1250…1258 and their cp / x-cp spellings.
        for prefix in ["windows-", "x-cp", "cp", "win"] where key.hasPrefix(prefix) {
            let number = key.dropFirst(prefix.count)
            if number.count == 4, number.hasPrefix("125"), number.allSatisfy(\.isNumber) { return "CP\(number)" }
        }
        // iso-8859-N in its spellings (iso8859-2, iso_8859-2, iso-8859-2:1987, l2 aside).
        for prefix in ["iso-8859-", "iso8859-", "iso_8859-", "iso8859_"] where key.hasPrefix(prefix) {
            let number = key.dropFirst(prefix.count).prefix(while: \.isNumber)
            if let value = Int(number), (1...16).contains(value) { return "ISO-8859-\(value)" }
        }
        return key.uppercased()
    }

    /// Whether two labels name the same charset once aliases are applied (`gb2312` and `GB18030` do).
    static func sameCharset(_ a: String, _ b: String) -> Bool {
        (iconvName(for: a) ?? normalizedLabel(a)) == (iconvName(for: b) ?? normalizedLabel(b))
    }

    func convert(_ input: [UInt8]) -> Converted {
        var out = [UInt8](repeating: 0, count: input.count * 3 + 16)
        var written = 0
        var consumed = 0
        var invalid = 0
        let replacement: [UInt8] = [0xEF, 0xBF, 0xBD]
        _ = iconv(descriptor, nil, nil, nil, nil)
        while consumed < input.count {
            if out.count - written < 16 { out.append(contentsOf: repeatElement(0, count: out.count)) }
            let (read, wrote, error) = step(input, from: consumed, into: &out, at: written)
            consumed = read
            written = wrote
            switch error {
            case 0:
                continue
            case E2BIG:
                out.append(contentsOf: repeatElement(0, count: out.count))
            case EILSEQ, EINVAL:
                // EILSEQ: an invalid sequence; EINVAL: one cut off by the end of the input.
                invalid += 1
                if out.count - written < replacement.count { out.append(contentsOf: repeatElement(0, count: 16)) }
                out.replaceSubrange(written..<(written + replacement.count), with: replacement)
                written += replacement.count
                consumed = error == EINVAL ? input.count : consumed + 1
                _ = iconv(descriptor, nil, nil, nil, nil)
            default:
                // Anything else would loop forever: keep what converted and say the rest was invalid.
                invalid += 1
                consumed = input.count
            }
        }
        out.removeSubrange(written...)
        return Converted(bytes: out, invalidSequences: invalid)
    }

    /// One iconv call from `consumed` into `out` at `written`: the new positions and errno (0 when the
    /// call converted everything it could without error).
    private func step(_ input: [UInt8], from consumed: Int, into out: inout [UInt8],
                      at written: Int) -> (Int, Int, Int32) {
        input.withUnsafeBufferPointer { inBuffer in
            out.withUnsafeMutableBufferPointer { outBuffer in
                guard let inBase = inBuffer.baseAddress, let outBase = outBuffer.baseAddress else {
                    return (input.count, written, 0)
                }
                var inPointer: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(mutating: inBase + consumed)
                    .assumingMemoryBound(to: CChar.self)
                var inLeft = inBuffer.count - consumed
                var outPointer: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(outBase + written)
                    .assumingMemoryBound(to: CChar.self)
                var outLeft = outBuffer.count - written
                let result = iconv(descriptor, &inPointer, &inLeft, &outPointer, &outLeft)
                let error: Int32 = result == -1 ? errno : 0
                return (inBuffer.count - inLeft, outBuffer.count - outLeft, error)
            }
        }
    }
}
