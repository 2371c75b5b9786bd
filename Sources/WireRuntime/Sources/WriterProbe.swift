import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Tells whether some process still has a file open for writing, so the inbox never reads a file early.
///
/// Uses a read lease (`F_SETLEASE`, `F_RDLCK`): the kernel refuses it with `EAGAIN` while any
/// descriptor holds the file open for writing. Leases need the file's owner or `CAP_LEASE`; where they
/// are refused for that reason the answer is `.unknown` and the caller falls back to a settle time.
enum WriterProbe {
    enum Answer: Equatable {
        case noWriters
        case openForWriting
        case unknown
    }

    // From <linux/fcntl.h>; not always exported by Glibc's module.
    private static let setLease: Int32 = 1024
    private static let readLease: Int32 = 0  // F_RDLCK
    private static let unlock: Int32 = 2  // F_UNLCK

    static func probe(_ path: String) -> Answer {
        let fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOFOLLOW)
        guard fd >= 0 else { return .unknown }
        defer { close(fd) }
        if fcntl(fd, setLease, readLease) == 0 {
            _ = fcntl(fd, setLease, unlock)
            return .noWriters
        }
        return errno == EAGAIN ? .openForWriting : .unknown
    }
}
