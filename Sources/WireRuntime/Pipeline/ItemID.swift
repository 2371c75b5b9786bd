import Crypto

/// The stable `id` of DESIGN §3: the same input arriving again gets the same id; the same bytes under a
/// new name or guid get a new one (and `dedupe` marks them).
public enum ItemID {
    /// Hex SHA-256 (first 128 bits) over the node, the source name, the input's identity (inbox file name or
    /// feed guid/link), the input's content hash and the item's ordinal in the input.
    public static func make(
        node: String, sourceName: String, inputIdentity: String, contentHash: String, ordinal: Int
    ) -> String {
        var hasher = SHA256()
        // Length-prefixing each part keeps ("ab","c") and ("a","bc") apart.
        for part in [node, sourceName, inputIdentity, contentHash, String(ordinal)] {
            let bytes = Array(part.utf8)
            hasher.update(data: Array(String(bytes.count).utf8) + [0x3A] + bytes)
        }
        return hex(hasher.finalize(), count: 16)
    }

    /// Hex SHA-256 of raw input bytes.
    public static func contentHash(_ bytes: [UInt8]) -> String {
        hex(SHA256.hash(data: bytes), count: 32)
    }

    private static func hex<D: Sequence>(_ digest: D, count: Int) -> String where D.Element == UInt8 {
        let digits = Array("0123456789abcdef".utf8)
        var out: [UInt8] = []
        out.reserveCapacity(count * 2)
        for byte in digest.prefix(count) {
            out.append(digits[Int(byte >> 4)])
            out.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: out, as: UTF8.self)
    }
}
