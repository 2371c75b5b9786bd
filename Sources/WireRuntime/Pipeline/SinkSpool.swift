import Foundation

/// A sink's overflow on disk, first in first out: the records a full `spill` lane could not hold in
/// memory, with the callbacks that settle them. Not thread-safe: its lane calls it under its lock.
final class SinkSpool {
    private struct Entry {
        var id: String
        var offset: UInt64
        var length: Int
        var onDurable: @Sendable (SinkOutcome) -> Void
    }

    let path: String
    private let handle: FileHandle
    private var entries: [Entry] = []
    private var head = 0
    private var end: UInt64 = 0

    /// Starts an empty spool at `path`; what an earlier process left there is discarded (its inputs were
    /// never settled, so they are read again from the inbox).
    init(path: String) throws {
        self.path = path
        let folder = (path as NSString).deletingLastPathComponent
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        guard FileManager.default.createFile(atPath: path, contents: nil), let handle = FileHandle(forUpdatingAtPath: path) else {
            throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: path])
        }
        self.handle = handle
    }

    deinit { try? handle.close() }

    var isEmpty: Bool { head == entries.count }
    var count: Int { entries.count - head }

    func append(_ record: SinkRecord, onDurable: @escaping @Sendable (SinkOutcome) -> Void) throws {
        try handle.seek(toOffset: end)
        try handle.write(contentsOf: record.line)
        entries.append(Entry(id: record.id, offset: end, length: record.line.count, onDurable: onDurable))
        end += UInt64(record.line.count)
    }

    /// The oldest record with its callback; the record is a failure when its bytes cannot be read back,
    /// so that its input still settles (and is retried from the inbox).
    func popFirst() -> (record: Result<SinkRecord, any Error>, onDurable: @Sendable (SinkOutcome) -> Void)? {
        guard head < entries.count else { return nil }
        let entry = entries[head]
        head += 1
        let record = Result<SinkRecord, any Error> {
            try handle.seek(toOffset: entry.offset)
            let bytes = try handle.read(upToCount: entry.length) ?? Data()
            guard bytes.count == entry.length else { throw CocoaError(.fileReadCorruptFile, userInfo: [NSFilePathErrorKey: path]) }
            return SinkRecord(id: entry.id, line: Array(bytes))
        }
        if head == entries.count {
            // Drained: start the file over so it never grows past one backlog.
            entries.removeAll(keepingCapacity: true)
            head = 0
            end = 0
            try? handle.truncate(atOffset: 0)
        }
        return (record, entry.onDurable)
    }
}
