import Foundation
import WireModel
#if canImport(Glibc)
import Glibc
#endif

/// File operations of the inbox hand-off: which names count, reading with a cap, and moving a file
/// to `done/` or `failed/` durably.
struct InboxFolder: Sendable {
    let config: InboxSourceConfig

    /// Dot-files and names still being written (`.part`, `.tmp`, `~`, `.swp`) wait until renamed;
    /// our own `.error.json` reports are not inputs.
    static func isCandidate(_ name: String) -> Bool {
        if name.hasPrefix(".") || name.hasSuffix("~") { return false }
        let lower = name.lowercased()
        return ![".part", ".tmp", ".swp", ".crdownload", ".error.json"].contains { lower.hasSuffix($0) }
    }

    enum ReadFailure: Error {
        case vanished
        case unreadable(reason: String, detail: String)
    }

    /// Reads a whole file, refusing anything larger than the configured cap before reading it.
    func read(_ name: String) throws(ReadFailure) -> [UInt8] {
        let path = inboxPath(name)
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
        guard Int(info.st_size) <= config.maxFileBytes else {
            throw .unreadable(
                reason: "too-large", detail: "\(name) has \(info.st_size) bytes; the cap is \(config.maxFileBytes)")
        }
        var bytes = [UInt8](repeating: 0, count: Int(info.st_size))
        var filled = 0
        while true {
            if filled == bytes.count {
                // The file grew after fstat: read on, up to the cap.
                guard bytes.count < config.maxFileBytes else {
                    throw .unreadable(reason: "too-large", detail: "\(name) grew past the cap of \(config.maxFileBytes) bytes")
                }
                bytes.append(contentsOf: repeatElement(0, count: min(64 * 1024, config.maxFileBytes - bytes.count)))
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

    func inboxPath(_ name: String) -> String { (config.path as NSString).appendingPathComponent(name) }

    /// Moves the file into `done/`, never over an existing file there; returns the new path.
    func moveToDone(_ name: String) throws -> String {
        try move(name, into: config.done)
    }

    /// Moves the file into `failed/` and writes `NAME.error.json` beside it saying why.
    func moveToFailed(_ name: String, reason: String, detail: String, source: String) throws -> String {
        let target = try move(name, into: config.failed)
        var w = JSONWriter()
        w.beginObject()
        w.key("file"); w.string(name)
        w.key("source"); w.string(source)
        w.key("reason"); w.string(reason)
        w.key("detail"); w.string(detail)
        w.key("failed_at"); w.string(Timestamp.now())
        w.endObject()
        let report = target + ".error.json"
        try Data(w.bytes + [0x0A]).write(to: URL(fileURLWithPath: report), options: .atomic)
        return target
    }

    private func move(_ name: String, into directory: String) throws -> String {
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let target = Self.freeName(name, in: directory)
        let source = inboxPath(name)
        if rename(source, target) != 0 {
            guard errno == EXDEV else {
                throw CocoaError(.fileWriteUnknown, userInfo: [NSLocalizedDescriptionKey: "rename \(source) → \(target): \(String(cString: strerror(errno)))"])
            }
            // done/ on another filesystem: copy, make it durable, then remove the original.
            try FileManager.default.copyItem(atPath: source, toPath: target)
            Self.fsync(path: target)
            try FileManager.default.removeItem(atPath: source)
        }
        Self.fsync(path: directory)
        return target
    }

    /// `name`, or `name.1`, `name.2`, … when a file of that name is already there (a re-sent story).
    static func freeName(_ name: String, in directory: String) -> String {
        let base = (directory as NSString).appendingPathComponent(name)
        var candidate = base
        var n = 1
        while FileManager.default.fileExists(atPath: candidate) || FileManager.default.fileExists(atPath: candidate + ".error.json") {
            candidate = "\(base).\(n)"
            n += 1
        }
        return candidate
    }

    private static func fsync(path: String) {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return }
        _ = Glibc.fsync(fd)
        close(fd)
    }
}
