/// Decodes one flat JSON object (`{"name": value, ...}`), keeping the string values of "key" and
/// "text" as UTF-8 bytes with their escapes decoded. Other members are parsed and skipped; nested
/// objects and arrays are refused, since texts.jsonl has none.
struct JSONLineParser {
    private let bytes: UnsafeBufferPointer<UInt8>
    private let line: Int
    private var position = 0

    init(bytes: UnsafeBufferPointer<UInt8>, line: Int) {
        self.bytes = bytes
        self.line = line
    }

    private func failure(_ reason: String) -> TextsLineReader.BadLine {
        TextsLineReader.BadLine(line: line, reason: "\(reason) at byte \(position)")
    }

    mutating func parseObject(key: inout [UInt8], text: inout [UInt8]) throws {
        var name: [UInt8] = []
        var sawKey = false
        var sawText = false
        try expect(UInt8(ascii: "{"))
        skipSpace()
        if peek() == UInt8(ascii: "}") {
            position += 1
        } else {
            while true {
                skipSpace()
                name.removeAll(keepingCapacity: true)
                try parseString(into: &name)
                skipSpace()
                try expect(UInt8(ascii: ":"))
                skipSpace()
                if name.elementsEqual("key".utf8) {
                    key.removeAll(keepingCapacity: true)
                    try parseString(into: &key)
                    sawKey = true
                } else if name.elementsEqual("text".utf8) {
                    text.removeAll(keepingCapacity: true)
                    try parseString(into: &text)
                    sawText = true
                } else {
                    try skipValue()
                }
                skipSpace()
                guard let separator = peek() else { throw failure("unterminated object") }
                position += 1
                if separator == UInt8(ascii: "}") { break }
                guard separator == UInt8(ascii: ",") else { throw failure("expected , or }") }
            }
        }
        skipSpace()
        guard position == bytes.count else { throw failure("text after the object") }
        guard sawKey, sawText else { throw failure("no \"key\" and \"text\" strings") }
    }

    private func peek() -> UInt8? { position < bytes.count ? bytes[position] : nil }

    private mutating func expect(_ byte: UInt8) throws {
        guard peek() == byte else { throw failure("expected \(Character(Unicode.Scalar(byte)))") }
        position += 1
    }

    private mutating func skipSpace() {
        while let byte = peek(), byte == 0x20 || byte == 0x09 || byte == 0x0D || byte == 0x0A { position += 1 }
    }

    /// Numbers, true, false, null and strings; a nested value is an error.
    private mutating func skipValue() throws {
        guard let first = peek() else { throw failure("missing value") }
        if first == UInt8(ascii: "\"") {
            var ignored: [UInt8] = []
            try parseString(into: &ignored)
            return
        }
        guard first != UInt8(ascii: "{"), first != UInt8(ascii: "[") else { throw failure("nested value") }
        while let byte = peek(), byte != UInt8(ascii: ","), byte != UInt8(ascii: "}") { position += 1 }
    }

    /// A string starting at the opening quote, appended to `out` as UTF-8. Runs without escapes are
    /// copied whole.
    private mutating func parseString(into out: inout [UInt8]) throws {
        try expect(UInt8(ascii: "\""))
        while true {
            let runStart = position
            skipPlainRun()
            out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<position]))
            guard let byte = peek() else { throw failure("unterminated string") }
            position += 1
            if byte == UInt8(ascii: "\"") { return }
            try parseEscape(into: &out)
        }
    }

    /// Moves `position` to the next quote or backslash (or the end), eight bytes a step: texts run
    /// a hundred bytes or so between escapes.
    private mutating func skipPlainRun() {
        let raw = UnsafeRawBufferPointer(bytes)
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highs: UInt64 = 0x8080_8080_8080_8080
        while position + 8 <= raw.count {
            let word = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: position, as: UInt64.self))
            let quotes = word ^ (ones &* 0x22)
            let backslashes = word ^ (ones &* 0x5C)
            // A byte of `x` is zero exactly where (x - 0x01..) & ~x & 0x80.. has its high bit (the
            // lowest such byte is always exact, which is the one wanted).
            let found = ((quotes &- ones) & ~quotes | (backslashes &- ones) & ~backslashes) & highs
            if found != 0 {
                position += found.trailingZeroBitCount / 8
                return
            }
            position += 8
        }
        while position < bytes.count, bytes[position] != UInt8(ascii: "\""), bytes[position] != UInt8(ascii: "\\") {
            position += 1
        }
    }

    private mutating func parseEscape(into out: inout [UInt8]) throws {
        guard let escaped = peek() else { throw failure("unterminated escape") }
        position += 1
        switch escaped {
        case UInt8(ascii: "n"): out.append(0x0A)
        case UInt8(ascii: "t"): out.append(0x09)
        case UInt8(ascii: "r"): out.append(0x0D)
        case UInt8(ascii: "b"): out.append(0x08)
        case UInt8(ascii: "f"): out.append(0x0C)
        case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): out.append(escaped)
        case UInt8(ascii: "u"): try parseUnicodeEscape(into: &out)
        default: throw failure("unknown escape")
        }
    }

    /// `\uXXXX`, joining a surrogate pair; a lone surrogate becomes U+FFFD, as Foundation's parser
    /// would refuse it and the text's words do not depend on it.
    private mutating func parseUnicodeEscape(into out: inout [UInt8]) throws {
        var value = try hexQuad()
        if value & 0xFC00 == 0xD800, position + 1 < bytes.count, bytes[position] == UInt8(ascii: "\\"),
            bytes[position + 1] == UInt8(ascii: "u")
        {
            let saved = position
            position += 2
            let low = try hexQuad()
            if low & 0xFC00 == 0xDC00 {
                value = 0x10000 + ((value - 0xD800) << 10) + (low - 0xDC00)
            } else {
                position = saved
            }
        }
        let scalar = Unicode.Scalar(value) ?? "\u{FFFD}"
        out.append(contentsOf: String(Character(scalar)).utf8)
    }

    private mutating func hexQuad() throws -> UInt32 {
        guard position + 4 <= bytes.count else { throw failure("short \\u escape") }
        var value: UInt32 = 0
        for _ in 0..<4 {
            let byte = bytes[position]
            let digit: UInt8
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
            default: throw failure("bad \\u escape")
            }
            value = value << 4 | UInt32(digit)
            position += 1
        }
        return value
    }
}
