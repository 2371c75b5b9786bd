#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Windows-1252, the encoding of most mislabelled "Latin-1" wire copy and "smart quotes".
enum Windows1252 {
    /// 0x80–0x9F. The five bytes cp1252 leaves undefined map to the C1 control of the same value (as the
    /// WHATWG decoder does), so every byte decodes and nothing is lost.
    private static let high: [UInt32] = [
        0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
        0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008D, 0x017D, 0x008F,
        0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
        0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178,
    ]

    static func scalar(for byte: UInt8) -> Unicode.Scalar {
        let value = (0x80...0x9F).contains(byte) ? high[Int(byte) - 0x80] : UInt32(byte)
        // Every table entry is a valid scalar; the fallback is unreachable but keeps this total.
        return Unicode.Scalar(value) ?? Unicode.Scalar(byte)
    }

    static func decode<Bytes: Sequence<UInt8>>(_ bytes: Bytes) -> String {
        var scalars = String.UnicodeScalarView()
        for byte in bytes { scalars.append(scalar(for: byte)) }
        return String(scalars)
    }

    /// Text with C1 control characters (U+0080–U+009F) replaced by the Windows-1252 characters of the
    /// same byte value. Such controls never belong in news copy; they come from cp1252 text decoded as
    /// Latin-1 or from references such as `&#146;` (meant as a right single quote), and the normaliser
    /// would otherwise drop them, turning "don’t" into "dont".
    static func repairC1(_ text: String) -> String {
        guard hasC1(text) else { return text }
        var scalars = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if (0x80...0x9F).contains(scalar.value) {
                scalars.append(Self.scalar(for: UInt8(scalar.value)))
            } else {
                scalars.append(scalar)
            }
        }
        return String(scalars)
    }

    /// U+0080–U+009F are `C2 80`…`C2 9F` in UTF-8: a byte scan, since this runs on every run of text a
    /// reader sees.
    private static func hasC1(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            guard var cursor = bytes.baseAddress else { return false }
            let end = cursor + bytes.count
            // memchr finds the rare lead byte far faster than a byte loop.
            while cursor < end, let found = memchr(cursor, 0xC2, end - cursor) {
                let lead = UnsafePointer(found.assumingMemoryBound(to: UInt8.self))
                if lead + 1 < end, lead[1] & 0xE0 == 0x80 { return true }
                cursor = lead + 1
            }
            return false
        }
    }
}
