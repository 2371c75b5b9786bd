import Foundation

/// Reads a texts.jsonl (`{"key": "...", "text": "..."}` a line) in fixed-size chunks and hands out
/// each line's two strings as UTF-8 bytes, escapes decoded.
///
/// The bench's wall time includes reading its input, and Foundation's `Data.split` plus
/// `JSONSerialization` cost about as much as the dedupe core itself; the file is also larger than
/// the core's whole index, so it is streamed rather than held. The decoder knows only what this file
/// holds: one flat object a line, string values (any other scalar value is skipped), standard escapes.
struct TextsLineReader {
    struct BadLine: Error, CustomStringConvertible {
        var line: Int
        var reason: String
        var description: String { "line \(line): \(reason)" }
    }

    private let descriptor: Int32
    private var buffer: [UInt8]
    /// Unread bytes are `buffer[start..<end]`.
    private var start = 0
    private var end = 0
    private var atEndOfFile = false
    private(set) var lineNumber = 0

    init?(path: String, chunkSize: Int = 1 << 20) {
        descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else { return nil }
        buffer = [UInt8](repeating: 0, count: chunkSize)
    }

    func close() { _ = Foundation.close(descriptor) }

    /// Decodes the next non-empty line's "key" and "text" into `key` and `text` (replacing their
    /// contents); false at the end of the file.
    mutating func next(key: inout [UInt8], text: inout [UInt8]) throws -> Bool {
        while let line = try nextLine() {
            lineNumber += 1
            if line.isEmpty { continue }
            key.removeAll(keepingCapacity: true)
            text.removeAll(keepingCapacity: true)
            let lineNumber = self.lineNumber
            try buffer.withUnsafeBufferPointer { whole in
                var parser = JSONLineParser(bytes: UnsafeBufferPointer(rebasing: whole[line]), line: lineNumber)
                try parser.parseObject(key: &key, text: &text)
            }
            return true
        }
        return false
    }

    /// The next line's byte range in `buffer` (without its newline), reading more as needed.
    private mutating func nextLine() throws -> Range<Int>? {
        var searched = start
        while true {
            let newline = buffer.withUnsafeBufferPointer { bytes -> Int? in
                guard searched < end, let base = bytes.baseAddress,
                    let found = memchr(base + searched, 0x0A, end - searched)
                else { return nil }
                return base.distance(to: found.assumingMemoryBound(to: UInt8.self))
            }
            if let newline {
                let line = start..<newline
                start = newline + 1
                return line
            }
            if atEndOfFile {
                guard start < end else { return nil }
                let line = start..<end
                start = end
                return line
            }
            searched = end
            try refill(searchedUpTo: &searched)
        }
    }

    /// Moves the unread bytes to the front, grows the buffer if a line fills it, and reads on.
    private mutating func refill(searchedUpTo searched: inout Int) throws {
        if start > 0 {
            let unread = end - start
            buffer.withUnsafeMutableBufferPointer { bytes in
                guard let base = bytes.baseAddress else { return }
                memmove(base, base + start, unread)
            }
            searched -= start
            end = unread
            start = 0
        }
        if end == buffer.count { buffer.append(contentsOf: repeatElement(0, count: buffer.count)) }
        let count = buffer.count
        let read = buffer.withUnsafeMutableBufferPointer { bytes in
            Foundation.read(descriptor, bytes.baseAddress.map { $0 + end }, count - end)
        }
        guard read >= 0 else { throw BadLine(line: lineNumber + 1, reason: "read failed (errno \(errno))") }
        if read == 0 { atEndOfFile = true }
        end += read
    }
}
