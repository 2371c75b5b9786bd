import Foundation

/// Reads back the end of an NDJSON file when a file sink opens it: where its last whole line ends,
/// and the `"id"` of each of its last lines.
enum NDJSONTailReader {
    /// What was read from one file's tail.
    struct Tail {
        /// Each line's id (nil when it has none) and length with its `\n`, oldest first.
        var lines: [(id: String?, bytes: Int)] = []
        var linesRead: Int { lines.count }
        var bytesRead = 0
    }

    private static let newline = UInt8(ascii: "\n")
    private static let chunkSize = 64 * 1024

    /// The length of the file up to and including its last `\n`: anything after it is a line
    /// that a crash interrupted.
    static func lengthOfWholeLines(_ fd: Int32, size: Int, path: String) throws(POSIXIO.Failure) -> Int {
        var end = size
        while end > 0 {
            let start = max(0, end - chunkSize)
            let chunk = try POSIXIO.readBytes(fd, count: end - start, at: start, path: path)
            if let last = chunk.lastIndex(of: newline) { return start + last + 1 }
            end = start
        }
        return 0
    }

    /// The ids of the last lines of a file that ends with a whole line, reading at most
    /// `byteBudget` bytes and `lineBudget` lines from its end.
    static func lastLineIDs(_ fd: Int32, size: Int, byteBudget: Int, lineBudget: Int, path: String)
        throws(POSIXIO.Failure) -> Tail
    {
        guard size > 0, byteBudget > 0, lineBudget > 0 else { return Tail() }
        let start = max(0, size - byteBudget)
        var bytes = try POSIXIO.readBytes(fd, count: size - start, at: start, path: path)
        // Reading from the middle of the file, the bytes up to the first newline may be the end of a
        // line cut by the budget: drop them (at worst one whole line, which the budget allows).
        if start > 0 {
            guard let firstNewline = bytes.firstIndex(of: newline) else { return Tail() }
            bytes.removeSubrange(...firstNewline)
        }
        let lines = bytes.split(separator: newline, omittingEmptySubsequences: true)
        let kept = lines.suffix(lineBudget)
        var tail = Tail()
        tail.bytesRead = size - start
        tail.lines.reserveCapacity(kept.count)
        for line in kept { tail.lines.append((lineID(line), line.count + 1)) }
        return tail
    }

    private static let idPrefix: [UInt8] = Array(#"{"id":""#.utf8)

    /// The `"id"` of one line. Our encoders write the id first, so the fast path reads it straight
    /// from `{"id":"…"`; any other line (other key order, escapes in the id) is decoded as JSON.
    static func lineID(_ line: some Collection<UInt8>) -> String? {
        if line.starts(with: idPrefix) {
            let valueStart = line.index(line.startIndex, offsetBy: idPrefix.count)
            var i = valueStart
            while i != line.endIndex {
                let byte = line[i]
                if byte == UInt8(ascii: "\"") { return String(decoding: line[valueStart..<i], as: UTF8.self) }
                if byte == UInt8(ascii: "\\") || byte < 0x20 { break }
                i = line.index(after: i)
            }
        }
        return try? JSONDecoder().decode(IDField.self, from: Data(line)).id
    }

    private struct IDField: Decodable {
        var id: String?
    }
}
