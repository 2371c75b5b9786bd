/// Appends JSON text to a byte buffer with a fixed key order.
///
/// Hand-written because the sinks are on the hot path: JSONEncoder is 5–7× slower on Linux and
/// its key order changes from one process run to the next (research/swift-stack.md §6).
/// Output is UTF-8; `"`, `\` and control characters are escaped, everything else passes through.
public struct JSONWriter {
    public private(set) var bytes: [UInt8]
    /// One flag per open container: has it an element already (so the next needs a comma)?
    private var hasElement: [Bool] = []
    /// A key was just written, so the next value belongs to it and takes no comma.
    private var afterKey = false

    public init(capacity: Int = 2048) {
        bytes = []
        bytes.reserveCapacity(capacity)
    }

    public mutating func beginObject() { separate(); bytes.append(UInt8(ascii: "{")); hasElement.append(false) }
    public mutating func endObject() { bytes.append(UInt8(ascii: "}")); _ = hasElement.popLast() }
    public mutating func beginArray() { separate(); bytes.append(UInt8(ascii: "[")); hasElement.append(false) }
    public mutating func endArray() { bytes.append(UInt8(ascii: "]")); _ = hasElement.popLast() }

    /// Writes `"key":`; the value written next belongs to it.
    public mutating func key(_ name: StaticString) {
        separate()
        bytes.append(UInt8(ascii: "\""))
        name.withUTF8Buffer { bytes.append(contentsOf: $0) }
        bytes.append(UInt8(ascii: "\""))
        bytes.append(UInt8(ascii: ":"))
        afterKey = true
    }

    private mutating func separate() {
        if afterKey { afterKey = false; return }
        guard let last = hasElement.last else { return }
        if last { bytes.append(UInt8(ascii: ",")) } else { hasElement[hasElement.count - 1] = true }
    }

    public mutating func null() { separate(); bytes.append(contentsOf: [0x6E, 0x75, 0x6C, 0x6C]) }

    public mutating func bool(_ value: Bool) {
        separate()
        bytes.append(contentsOf: value ? Array("true".utf8) : Array("false".utf8))
    }

    public mutating func int(_ value: Int) { separate(); bytes.append(contentsOf: String(value).utf8) }

    public mutating func double(_ value: Double) {
        separate()
        guard value.isFinite else { bytes.append(contentsOf: [0x6E, 0x75, 0x6C, 0x6C]); return }
        if value == value.rounded(), abs(value) < 1e15 {
            bytes.append(contentsOf: String(Int(value)).utf8)
        } else {
            bytes.append(contentsOf: String(value).utf8)
        }
    }

    public mutating func string(_ value: String) {
        separate()
        bytes.append(UInt8(ascii: "\""))
        var value = value
        value.withUTF8 { appendEscaped($0) }
        bytes.append(UInt8(ascii: "\""))
    }

    public mutating func string(_ value: String?) {
        if let value { string(value) } else { null() }
    }

    public mutating func int(_ value: Int?) {
        if let value { int(value) } else { null() }
    }

    public mutating func double(_ value: Double?) {
        if let value { double(value) } else { null() }
    }

    /// Embeds JSON that is already encoded (an item inside a dead-letter line).
    public mutating func raw(_ json: [UInt8]) {
        separate()
        bytes.append(contentsOf: json)
    }

    public mutating func strings(_ values: [String]) {
        beginArray()
        for value in values { string(value) }
        endArray()
    }

    private static let hex: [UInt8] = Array("0123456789abcdef".utf8)

    private mutating func appendEscaped(_ utf8: UnsafeBufferPointer<UInt8>) {
        guard let base = utf8.baseAddress else { return }
        let raw = UnsafeRawPointer(base)
        let n = utf8.count
        var runStart = 0
        var i = 0
        while i < n {
            // Eight bytes at a time while none needs escaping: most text has nothing to escape, and a
            // test per byte was the writer's main cost.
            while i + 8 <= n, !Self.anyNeedsEscape(raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)) { i += 8 }
            let end = min(i + 8, n)
            while i < end {
                let b = utf8[i]
                i += 1
                guard b < 0x20 || b == UInt8(ascii: "\"") || b == UInt8(ascii: "\\") else { continue }
                if runStart < i - 1 { bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart..<(i - 1)])) }
                runStart = i
                appendEscape(b)
            }
        }
        if runStart < n {
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart..<n]))
        }
    }

    private mutating func appendEscape(_ b: UInt8) {
        bytes.append(UInt8(ascii: "\\"))
        switch b {
        case UInt8(ascii: "\""): bytes.append(UInt8(ascii: "\""))
        case UInt8(ascii: "\\"): bytes.append(UInt8(ascii: "\\"))
        case 0x0A: bytes.append(UInt8(ascii: "n"))
        case 0x0D: bytes.append(UInt8(ascii: "r"))
        case 0x09: bytes.append(UInt8(ascii: "t"))
        default:
            bytes.append(contentsOf: [UInt8(ascii: "u"), 0x30, 0x30])
            bytes.append(Self.hex[Int(b >> 4)])
            bytes.append(Self.hex[Int(b & 0x0F)])
        }
    }

    /// Whether any of the eight bytes in `word` is a control character, `"` or `\\` (the classic
    /// "has a byte less than n" and "has a zero byte" tricks: never a false negative; a false positive
    /// only sends those eight bytes through the per-byte test).
    private static func anyNeedsEscape(_ word: UInt64) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let high: UInt64 = 0x8080_8080_8080_8080
        let control = (word &- ones &* 0x20) & ~word & high
        let quote = word ^ (ones &* 0x22)
        let backslash = word ^ (ones &* 0x5C)
        let quotes = (quote &- ones) & ~quote & high
        let backslashes = (backslash &- ones) & ~backslash & high
        return (control | quotes | backslashes) != 0
    }
}
