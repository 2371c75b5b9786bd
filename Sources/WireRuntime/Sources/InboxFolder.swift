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

    /// Reads a whole file, refusing anything larger than the configured cap.
    func read(_ name: String) throws(CappedFileReader.Failure) -> [UInt8] {
        try CappedFileReader.read(path: inboxPath(name), cap: config.maxFileBytes)
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
        // No fsync of the folder: if a crash undoes the rename, the file is back in the inbox and the
        // ledger (which says it is done) moves it again without reprocessing.
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
