#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The system calls the sinks make, each returning or throwing the `errno` it saw.
///
/// Kept apart so the sinks read as Swift, so every failure names the call and path that failed
/// (that text becomes a record's `.failed` reason), and because a sink's own `write` method would
/// otherwise shadow the C `write` inside it.
public enum POSIXIO {
    /// A failed system call: what was attempted, on what, and the errno.
    struct Failure: Error, Sendable, Equatable, CustomStringConvertible {
        var operation: String
        var path: String
        var code: Int32

        var description: String { "\(operation) \(path): \(POSIXIO.errorText(code)) (errno \(code))" }
    }

    static func errorText(_ code: Int32) -> String {
        guard let text = strerror(code) else { return "error \(code)" }
        return String(cString: text)
    }

    /// Opens `path` for appending, creating it with `permissions`; never inherited by child processes.
    static func openForAppend(_ path: String, permissions: mode_t) throws(Failure) -> Int32 {
        while true {
            let fd = open(path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, permissions)
            if fd >= 0 { return fd }
            if errno != EINTR { throw Failure(operation: "open", path: path, code: errno) }
        }
    }

    static func openForReading(_ path: String) throws(Failure) -> Int32 {
        while true {
            let fd = open(path, O_RDONLY | O_CLOEXEC)
            if fd >= 0 { return fd }
            if errno != EINTR { throw Failure(operation: "open", path: path, code: errno) }
        }
    }

    static func closeDescriptor(_ fd: Int32) {
        // Linux releases the descriptor even when close reports EINTR, so retrying could close
        // a descriptor another thread has just been given.
        _ = close(fd)
    }

    /// Writes all of `bytes` with as few `write(2)` calls as the kernel allows: it goes on after
    /// partial writes and EINTR, and waits for a non-blocking descriptor to drain on EAGAIN.
    /// Returns how many bytes went out and, when it stopped early, the errno that stopped it.
    public static func writeFully(_ fd: Int32, _ bytes: [UInt8]) -> (written: Int, error: Int32?) {
        bytes.withUnsafeBytes { buffer -> (Int, Int32?) in
            guard let base = buffer.baseAddress else { return (0, nil) }
            var offset = 0
            while offset < buffer.count {
                let n = write(fd, base + offset, buffer.count - offset)
                if n > 0 {
                    offset += n
                    continue
                }
                if n == 0 { return (offset, ENOSPC) }
                let code = errno
                if code == EINTR { continue }
                if code == EAGAIN || code == EWOULDBLOCK {
                    var waitFor = pollfd(fd: fd, events: Int16(POLLOUT), revents: 0)
                    _ = poll(&waitFor, 1, -1)
                    continue
                }
                return (offset, code)
            }
            return (offset, nil)
        }
    }

    /// Reads up to `count` bytes at `offset`; fewer only at end of file.
    static func readBytes(_ fd: Int32, count: Int, at offset: Int, path: String) throws(Failure) -> [UInt8] {
        guard count > 0 else { return [] }
        var result = [UInt8](repeating: 0, count: count)
        var filled = 0
        while filled < count {
            let n = result.withUnsafeMutableBytes { buffer -> Int in
                guard let base = buffer.baseAddress else { return 0 }
                return pread(fd, base + filled, count - filled, off_t(offset + filled))
            }
            if n > 0 {
                filled += n
            } else if n == 0 {
                break
            } else if errno != EINTR {
                throw Failure(operation: "read", path: path, code: errno)
            }
        }
        result.removeLast(count - filled)
        return result
    }

    static func synchronize(_ fd: Int32, path: String) throws(Failure) {
        while fsync(fd) != 0 {
            if errno != EINTR { throw Failure(operation: "fsync", path: path, code: errno) }
        }
    }

    static func truncateFile(_ fd: Int32, to size: Int, path: String) throws(Failure) {
        while ftruncate(fd, off_t(size)) != 0 {
            if errno != EINTR { throw Failure(operation: "ftruncate", path: path, code: errno) }
        }
    }

    /// Size of an open file and whether it is a regular file (not a pipe, tty or device such as
    /// /dev/stdout, which cannot be truncated or read back).
    static func status(_ fd: Int32, path: String) throws(Failure) -> (size: Int, isRegularFile: Bool) {
        var info = stat()
        guard fstat(fd, &info) == 0 else { throw Failure(operation: "fstat", path: path, code: errno) }
        return (Int(info.st_size), (info.st_mode & S_IFMT) == S_IFREG)
    }

    static func exists(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0
    }

    /// Takes an exclusive advisory lock so that a second daemon cannot append to the same file:
    /// two writers would break the reconcile-on-open guarantees.
    ///
    /// A lock that is busy is tried again for about a second before giving up: a process forked
    /// anywhere in the daemon holds a copy of every descriptor until it execs, so a lock just
    /// released (a sink closed and reopened) can look taken for a moment.
    static func lockExclusively(_ fd: Int32, path: String) throws(Failure) {
        var busyAttempts = 0
        while flock(fd, LOCK_EX | LOCK_NB) != 0 {
            let code = errno
            if code == EINTR { continue }
            if code == EWOULDBLOCK, busyAttempts < 50 {
                busyAttempts += 1
                usleep(20_000)
                continue
            }
            throw Failure(operation: "flock (is another process writing it?)", path: path, code: code)
        }
    }

    static func renameItem(_ from: String, to destination: String) throws(Failure) {
        guard rename(from, destination) == 0 else {
            throw Failure(operation: "rename to \(destination)", path: from, code: errno)
        }
    }

    /// Removes a file; one that is already gone is not an error.
    static func removeItem(_ path: String) throws(Failure) {
        guard unlink(path) == 0 || errno == ENOENT else { throw Failure(operation: "unlink", path: path, code: errno) }
    }

    /// fsyncs a directory so that a file created or renamed in it survives a power cut.
    static func synchronizeDirectory(_ path: String) throws(Failure) {
        let fd = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard fd >= 0 else { throw Failure(operation: "open directory", path: path, code: errno) }
        defer { closeDescriptor(fd) }
        // Some file systems cannot fsync a directory (EINVAL); their metadata needs no help.
        while fsync(fd) != 0 {
            let code = errno
            if code == EINTR { continue }
            if code == EINVAL || code == EROFS { return }
            throw Failure(operation: "fsync directory", path: path, code: code)
        }
    }

    /// `mkdir -p`.
    static func createDirectories(_ path: String) throws(Failure) {
        var info = stat()
        if stat(path, &info) == 0 {
            guard (info.st_mode & S_IFMT) == S_IFDIR else { throw Failure(operation: "mkdir", path: path, code: ENOTDIR) }
            return
        }
        let parent = directory(of: path)
        if parent != path { try createDirectories(parent) }
        guard mkdir(path, 0o750) == 0 || errno == EEXIST else { throw Failure(operation: "mkdir", path: path, code: errno) }
    }

    /// The folder holding `path`: "." for a bare name, "/" for a file at the root.
    static func directory(of path: String) -> String {
        var trimmed = Substring(path)
        while trimmed.count > 1, trimmed.hasSuffix("/") { trimmed = trimmed.dropLast() }
        guard let slash = trimmed.lastIndex(of: "/") else { return "." }
        if slash == trimmed.startIndex { return "/" }
        return String(trimmed[..<slash])
    }
}
