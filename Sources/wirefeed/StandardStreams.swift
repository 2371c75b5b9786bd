import WireRuntime
#if canImport(Glibc)
import Glibc
#endif

/// Writes whole buffers to stdout/stderr with write(2): unbuffered, so nothing is lost on a signal and a
/// reader of a pipe never sees half a line.
enum StandardStreams {
    static func write(_ bytes: [UInt8], to fd: Int32 = 1) {
        _ = POSIXIO.writeFully(fd, bytes)
    }

    static var standardErrorIsTerminal: Bool { isatty(2) == 1 }
}

func printError(_ message: String) {
    StandardStreams.write(Array((message + "\n").utf8), to: 2)
}
