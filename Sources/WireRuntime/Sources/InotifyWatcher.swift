import Dispatch
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Watches one folder with inotify and reports names that became complete there: closed after
/// writing (`IN_CLOSE_WRITE`, a `cp`) or moved in (`IN_MOVED_TO`, a rename: the producer's right way).
///
/// The inotify descriptor is read by a Dispatch read source on `queue`; everything here runs there.
final class InotifyWatcher: @unchecked Sendable {
    enum Event: Sendable, Equatable {
        case completed(String)
        /// The kernel dropped events (queue overflow) or the folder went away: rescan.
        case overflow
    }

    let directory: String
    private let queue: DispatchQueue
    private let handler: @Sendable (Event) -> Void
    private var fd: Int32 = -1
    private var source: (any DispatchSourceRead)?

    init(directory: String, queue: DispatchQueue, handler: @escaping @Sendable (Event) -> Void) {
        self.directory = directory
        self.queue = queue
        self.handler = handler
    }

    struct WatchError: Error, CustomStringConvertible {
        var description: String
    }

    func start() throws(WatchError) {
        let fd = inotify_init1(Int32(IN_NONBLOCK | IN_CLOEXEC))
        guard fd >= 0 else { throw WatchError(description: "inotify_init1: \(String(cString: strerror(errno)))") }
        let mask = UInt32(IN_CLOSE_WRITE | IN_MOVED_TO | IN_ONLYDIR | IN_DELETE_SELF | IN_MOVE_SELF)
        guard inotify_add_watch(fd, directory, mask) >= 0 else {
            let message = String(cString: strerror(errno))
            close(fd)
            throw WatchError(description: "inotify_add_watch \(directory): \(message)")
        }
        self.fd = fd
        let source = DispatchSource.makeReadSource(fileDescriptor: fd, queue: queue)
        source.setEventHandler { [weak self] in self?.drain() }
        source.setCancelHandler { close(fd) }
        self.source = source
        source.resume()
    }

    func stop() {
        source?.cancel()
        source = nil
    }

    private func drain() {
        var buffer = [UInt8](repeating: 0, count: 64 * 1024)
        while true {
            let n = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if n <= 0 { return }  // EAGAIN: all read
            parse(buffer, count: n)
        }
    }

    /// `struct inotify_event { int wd; uint32_t mask, cookie, len; char name[len]; }`, back to back.
    private func parse(_ buffer: [UInt8], count: Int) {
        var offset = 0
        let header = MemoryLayout<inotify_event>.size
        while offset + header <= count {
            let (mask, length) = buffer.withUnsafeBytes { raw in
                (raw.loadUnaligned(fromByteOffset: offset + 4, as: UInt32.self),
                 Int(raw.loadUnaligned(fromByteOffset: offset + 12, as: UInt32.self)))
            }
            let nameBytes = buffer[(offset + header)..<min(offset + header + length, count)].prefix { $0 != 0 }
            offset += header + length
            if mask & UInt32(IN_Q_OVERFLOW) != 0 || mask & UInt32(IN_DELETE_SELF | IN_MOVE_SELF | IN_IGNORED) != 0 {
                handler(.overflow)
            } else if mask & UInt32(IN_ISDIR) == 0, !nameBytes.isEmpty {
                handler(.completed(String(decoding: nameBytes, as: UTF8.self)))
            }
        }
    }
}
