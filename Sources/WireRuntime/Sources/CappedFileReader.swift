import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Reads a whole regular file with a size cap, so that no input can make the daemon allocate without bound.
public enum CappedFileReader {
    public enum Failure: Error, Sendable {
        /// The file went away before it could be opened (someone else took it).
        case vanished
        case unreadable(reason: String, detail: String)
    }

    public static func read(path: String, cap: Int) throws(Failure) -> [UInt8] {
        let name = (path as NSString).lastPathComponent
        let fd = open(path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW)
        guard fd >= 0 else {
            if errno == ENOENT { throw .vanished }
            throw .unreadable(reason: "unreadable", detail: "open \(name): \(String(cString: strerror(errno)))")
        }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else {
            throw .unreadable(reason: "not-a-file", detail: "\(name) is not a regular file")
        }
        guard Int(info.st_size) <= cap else {
            throw .unreadable(reason: "too-large", detail: "\(name) has \(info.st_size) bytes; the cap is \(cap)")
        }
        return try readAll(fd, name: name, expected: Int(info.st_size), cap: cap)
    }

    private static func readAll(_ fd: Int32, name: String, expected: Int, cap: Int) throws(Failure) -> [UInt8] {
        var bytes = [UInt8](repeating: 0, count: expected)
        var filled = 0
        while true {
            if filled == bytes.count {
                // The file grew after fstat: read on, up to the cap.
                guard bytes.count < cap else {
                    throw .unreadable(reason: "too-large", detail: "\(name) grew past the cap of \(cap) bytes")
                }
                bytes.append(contentsOf: repeatElement(0, count: min(64 * 1024, cap - bytes.count)))
            }
            let n = bytes.withUnsafeMutableBytes { buffer -> Int in
                guard let base = buffer.baseAddress else { return 0 }
                return Glibc.read(fd, base + filled, buffer.count - filled)
            }
            if n < 0 {
                if errno == EINTR { continue }
                throw .unreadable(reason: "unreadable", detail: "read \(name): \(String(cString: strerror(errno)))")
            }
            if n == 0 { break }
            filled += n
        }
        bytes.removeSubrange(filled...)
        return bytes
    }
}
