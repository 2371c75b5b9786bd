#if canImport(Glibc)
import Glibc
#endif

/// Writes whole buffers to a descriptor with write(2): unbuffered, so nothing is lost on a signal and a
/// reader of a pipe never sees half a line.
enum StandardStreams {
    static func write(_ bytes: [UInt8], to fd: Int32 = 1) {
        var offset = 0
        while offset < bytes.count {
            let n = bytes.withUnsafeBytes { raw -> Int in
                guard let base = raw.baseAddress else { return 0 }
                return Glibc.write(fd, base + offset, raw.count - offset)
            }
            if n < 0, errno == EINTR { continue }
            if n <= 0 { return }
            offset += n
        }
    }

    static var standardErrorIsTerminal: Bool { isatty(2) == 1 }
}

func printError(_ message: String) {
    StandardStreams.write(Array((message + "\n").utf8), to: 2)
}
