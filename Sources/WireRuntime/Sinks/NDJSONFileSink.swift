import Dispatch
import Logging
#if canImport(Glibc)
import Glibc
#endif

/// Appends NDJSON lines to a file that newsrooms `tail -F`, fsync'd on a cadence, rotated by size, and
/// reconciled on open so that `kill -9` at any instant leaves no line missing, none twice and none torn.
///
/// **Threading.** All state lives on the sink's own serial queue. `write` hands the record to that
/// queue; records that arrive together go out in one `write(2)`, so a reader never sees two lines
/// interleaved. A record's callback runs on that queue after the fsync that made its line durable,
/// in the order the records were written. `write` blocks its caller while `capacity` records wait
/// for their callbacks (backpressure), so callers must be Dispatch queues, never Swift-concurrency
/// tasks. Callbacks must not call `write`, `flush` or `close` on the same sink: they run on its queue,
/// and those calls wait for that queue.
///
/// **Skipping what is already there.** On open the sink cuts a torn last line, then reads the ids of
/// the last lines (at most `reconcileLineBudget` lines and `reconcileByteBudget` bytes, topped up
/// from `path.1` when the file is short). A record whose id is among the ids of the last lines
/// within those same budgets, written by an earlier run or by this one, is acknowledged
/// `.alreadyPresent` and not written. Ids written in this run count too: after a crash the same
/// input is processed again and gives the same ids, and the window is the same one a restart would
/// rebuild, so the sink answers alike with or without a restart in between. A record with an empty id
/// is always written.
///
/// **Cadence.** Callbacks wait at most `fsyncInterval` for their fsync; the sink fsyncs sooner when half
/// of `capacity` records are waiting, so that writers do not stall on a full sink until the timer.
///
/// **Readers.** Each batch is one `write(2)` to the end of the file. A reader polling the file may
/// briefly see the first part of a large batch (Linux grows the file page by page), but the rest
/// follows in the same call, lines are never interleaved, and a crash mid-batch leaves a torn tail
/// that the next open cuts: line-oriented readers (`tail -F`, NDJSON consumers that read up to
/// `\n`) only ever see whole lines.
///
/// **Failures.** When the file cannot be opened, written or fsync'd, the affected records get
/// `.failed(reason)`, a partly written batch is cut back off the file, the file is closed, and the
/// next batch opens it again (reconciling again), so a full disk or a removed directory heals by itself.
public final class NDJSONFileSink: Sink, @unchecked Sendable {
    public static let defaultCapacity = 4096
    public static let defaultReconcileByteBudget = 8 << 20
    public static let defaultReconcileLineBudget = 100_000

    public let name: String
    public let path: String
    /// Longest a written line waits for its fsync; zero fsyncs after every batch.
    public let fsyncInterval: Duration
    /// Rotate before a line would take the file past this size (a line longer than this still gets a
    /// file of its own); nil never rotates.
    public let maxBytes: Int?
    /// Rotated files kept (`path.1` … `path.keep`); zero deletes the file instead of rotating it.
    public let keep: Int
    /// Rotate when a write falls in a later period of this many seconds (periods aligned to the Unix
    /// epoch, so "1h" gives files per clock hour in UTC) than the file's lines; nil never rotates by time.
    /// A quiet file rotates at its next write, not on the boundary.
    public let rotateEverySeconds: Int64?
    /// Records that may wait for their callbacks before `write` blocks.
    public let capacity: Int
    public let reconcileByteBudget: Int
    public let reconcileLineBudget: Int

    private let logger: Logger
    private let queue: DispatchQueue
    /// One slot per record that is written but not yet called back.
    private let slots: DispatchSemaphore

    // Everything below is touched only on `queue`.
    private var fd: Int32 = -1
    private var fileSize = 0
    /// False for a device or pipe (`/dev/stdout`): nothing to fsync, truncate, read back or rotate.
    private var isRegularFile = true
    /// Bytes written since the last fsync, so a batch of skipped records needs no fsync.
    private var hasUnsyncedBytes = false
    private var pending: [PendingRecord] = []
    private var isBatchScheduled = false
    /// Records whose lines are written (or skipped) and whose callbacks wait for the next fsync.
    private var awaitingSync: [WaitingCallback] = []
    private var isSyncTimerArmed = false
    private var recentIDs: RecentIDWindow
    private var lastReconcile: FileSinkReconcileReport?
    /// The time period the current file's lines belong to (see `rotateEverySeconds`); nil when it is empty.
    private var currentPeriod: Int64?
    private var isClosed = false
    /// The last failure logged at error level, so that a disk that stays full logs once, not per batch.
    private var lastLoggedFailure: String?
    /// The reason of the last failure, for the records a failed rotation leaves unwritten.
    private var lastFailureReason = ""
    private var totals = SinkStatistics()
    private var recordsInFlight = 0
    private var peakRecordsInFlight = 0

    private struct PendingRecord {
        var record: SinkRecord
        var onDurable: @Sendable (SinkOutcome) -> Void
    }

    private struct WaitingCallback {
        var onDurable: @Sendable (SinkOutcome) -> Void
        /// What the record gets once the fsync succeeds: `.durable`, or `.alreadyPresent` when skipped.
        var outcome: SinkOutcome
    }

    /// Opens (creating it and its folders) and reconciles the file at once; when that fails the error
    /// is logged and the sink tries again on the first batch. This blocks for the reconcile (up to
    /// `reconcileByteBudget` read back, one fsync), so build sinks on a Dispatch queue or at startup,
    /// not on a Swift-concurrency thread.
    public init(
        name: String, path: String, fsyncInterval: Duration = .milliseconds(200), maxBytes: Int? = nil,
        keep: Int = 5, rotateEvery: Duration? = nil, capacity: Int = NDJSONFileSink.defaultCapacity,
        reconcileByteBudget: Int = NDJSONFileSink.defaultReconcileByteBudget,
        reconcileLineBudget: Int = NDJSONFileSink.defaultReconcileLineBudget, logger: Logger
    ) {
        self.name = name
        self.path = path
        self.fsyncInterval = fsyncInterval
        self.maxBytes = maxBytes.map { max(1, $0) }
        self.keep = max(0, keep)
        self.rotateEverySeconds = rotateEvery.map { max(1, $0.components.seconds) }
        self.capacity = max(1, capacity)
        self.reconcileByteBudget = max(0, reconcileByteBudget)
        self.reconcileLineBudget = max(0, reconcileLineBudget)
        var logger = logger
        logger[metadataKey: "sink"] = "\(name)"
        logger[metadataKey: "path"] = "\(path)"
        self.logger = logger
        queue = DispatchQueue(label: "wirefeed.sink.\(name)")
        slots = DispatchSemaphore(value: self.capacity)
        recentIDs = RecentIDWindow(lineBudget: self.reconcileLineBudget, byteBudget: self.reconcileByteBudget)
        // Nothing else can reach the sink yet, so this runs off its queue without a race.
        _ = openIfNeeded()
    }

    deinit {
        // Pending work and armed timers hold the sink alive, so nothing waits for a callback here.
        if fd >= 0 { POSIXIO.closeDescriptor(fd) }
    }

    // MARK: Sink

    public func write(_ record: SinkRecord, onDurable: @escaping @Sendable (SinkOutcome) -> Void) {
        slots.wait()
        queue.async { self.accept(PendingRecord(record: record, onDurable: onDurable)) }
    }

    /// Writes and fsyncs everything handed over so far and runs its callbacks before returning.
    /// Must not be called from the sink's own queue (that is, from one of its callbacks).
    public func flush() {
        dispatchPrecondition(condition: .notOnQueue(queue))
        queue.sync {
            writePending()
            synchronize()
        }
    }

    /// Flushes and closes the file; records written afterwards fail. Not from the sink's own queue.
    public func close() {
        dispatchPrecondition(condition: .notOnQueue(queue))
        queue.sync {
            writePending()
            synchronize()
            closeFile()
            isClosed = true
        }
    }

    /// What the last open found: the torn bytes it cut and the ids it read back; nil until the file
    /// could be opened. Not from the sink's own queue.
    public var reconcileReport: FileSinkReconcileReport? {
        queue.sync { lastReconcile }
    }

    /// Totals since the sink was made. Not from the sink's own queue.
    public var statistics: SinkStatistics {
        queue.sync { totals }
    }

    // MARK: Test hooks

    /// fsync calls on the file so far.
    var syncCount: Int { statistics.fsyncs }

    /// The most records ever accepted and not yet called back at once; never above `capacity`.
    var peakInFlight: Int { queue.sync { peakRecordsInFlight } }

    /// Returns once every batch scheduled by earlier writes has run (not the fsync timer): the first
    /// barrier follows the records' arrival, which schedules the batch the second one follows.
    func waitForScheduledBatches() {
        queue.sync {}
        queue.sync {}
    }

    // MARK: On the queue

    private func accept(_ pendingRecord: PendingRecord) {
        recordsInFlight += 1
        peakRecordsInFlight = max(peakRecordsInFlight, recordsInFlight)
        guard !isClosed else {
            call(pendingRecord.onDurable, .failed("sink \(name) is closed"))
            return
        }
        pending.append(pendingRecord)
        // Records that reach the queue before this batch runs join it: one write(2) for all of them.
        guard !isBatchScheduled else { return }
        isBatchScheduled = true
        queue.async { self.runBatch() }
    }

    private func runBatch() {
        isBatchScheduled = false
        writePending()
        guard !awaitingSync.isEmpty else { return }
        if !hasUnsyncedBytes || fsyncInterval <= .zero || awaitingSync.count >= capacity / 2 {
            // Nothing to fsync, no cadence asked for, or writers would soon block on a full queue.
            synchronize()
        } else if !isSyncTimerArmed {
            isSyncTimerArmed = true
            queue.asyncAfter(deadline: .now() + fsyncInterval.dispatchInterval) {
                self.isSyncTimerArmed = false
                self.synchronize()
            }
        }
    }

    private func call(_ onDurable: @Sendable (SinkOutcome) -> Void, _ outcome: SinkOutcome) {
        switch outcome {
        case .durable: break
        case .alreadyPresent: totals.recordsSkipped += 1
        case .failed: totals.recordsFailed += 1
        }
        onDurable(outcome)
        recordsInFlight -= 1
        slots.signal()
    }

    /// Appends the pending records, rotating first whenever the next line would pass `maxBytes`.
    private func writePending() {
        guard !pending.isEmpty else { return }
        let batch = pending
        pending.removeAll(keepingCapacity: true)
        if let reason = openIfNeeded() {
            fail(batch[...], reason: reason)
            return
        }
        let period = rotateEverySeconds.map { Int64(time(nil)) / $0 }
        // The file is complete and fsync'd (rotate syncs first) before the next period's file opens.
        if let period, isRegularFile, fileSize > 0, currentPeriod != period, !rotate() {
            fail(batch[...], reason: lastFailureReason)
            return
        }
        defer { if fileSize > 0 { currentPeriod = period } }
        var chunk: [UInt8] = []
        var chunkLines: [(id: String?, bytes: Int)] = []
        var chunkIDSet: Set<String> = []
        var chunkCallbacks: [WaitingCallback] = []
        for (index, item) in batch.enumerated() {
            let id = item.record.id
            let line = item.record.line
            if let problem = Self.lineProblem(line) {
                chunkCallbacks.append(WaitingCallback(onDurable: item.onDurable, outcome: .failed(problem)))
                continue
            }
            if !id.isEmpty, recentIDs.contains(id) || chunkIDSet.contains(id) {
                chunkCallbacks.append(WaitingCallback(onDurable: item.onDurable, outcome: .alreadyPresent))
                continue
            }
            if let maxBytes, isRegularFile, fileSize + chunk.count > 0, fileSize + chunk.count + line.count > maxBytes {
                let rotated = append(chunk, lines: chunkLines, callbacks: chunkCallbacks)
                    && rotate()
                chunk.removeAll(keepingCapacity: true)
                chunkLines.removeAll(keepingCapacity: true)
                chunkCallbacks.removeAll(keepingCapacity: true)
                guard rotated else {
                    fail(batch[index...], reason: lastFailureReason)
                    return
                }
            }
            chunk.append(contentsOf: line)
            chunkLines.append((id.isEmpty ? nil : id, line.count))
            if !id.isEmpty { chunkIDSet.insert(id) }
            chunkCallbacks.append(WaitingCallback(onDurable: item.onDurable, outcome: .durable))
        }
        _ = append(chunk, lines: chunkLines, callbacks: chunkCallbacks)
    }

    /// Why a line cannot be written as one NDJSON line, if it cannot.
    private static func lineProblem(_ line: [UInt8]) -> String? {
        guard line.last == UInt8(ascii: "\n") else { return "line does not end with \\n" }
        guard !line.dropLast().contains(UInt8(ascii: "\n")) else { return "line contains a raw \\n" }
        return nil
    }

    /// One write(2) of `bytes`; on success the callbacks wait for the next fsync, on failure the
    /// partial write is cut off again and they (and everything still waiting) fail.
    private func append(_ bytes: [UInt8], lines: [(id: String?, bytes: Int)], callbacks: [WaitingCallback]) -> Bool {
        guard !bytes.isEmpty else {
            awaitingSync.append(contentsOf: callbacks)
            return true
        }
        let sizeBefore = fileSize
        let (written, error) = POSIXIO.writeFully(fd, bytes)
        if let error {
            let failure = POSIXIO.Failure(operation: "write", path: path, code: error)
            if written > 0 {
                // Leave no torn line for a reader; if even this fails, the reopen cuts it.
                do { try POSIXIO.truncateFile(fd, to: sizeBefore, path: path) } catch { report(error) }
            }
            report(failure)
            // Earlier lines may still be made durable; this batch's callbacks come after theirs.
            synchronize()
            // Skipped duplicates fail too: their first copy may be in this batch. A retry finds out.
            for waiting in callbacks {
                if case .failed = waiting.outcome {
                    call(waiting.onDurable, waiting.outcome)
                } else {
                    call(waiting.onDurable, .failed(failure.description))
                }
            }
            closeFile()
            return false
        }
        fileSize += bytes.count
        hasUnsyncedBytes = true
        totals.bytesWritten += bytes.count
        totals.linesWritten += lines.count
        for line in lines { recentIDs.insert(line.id, bytes: line.bytes) }
        awaitingSync.append(contentsOf: callbacks)
        return true
    }

    /// fsyncs the file and runs the callbacks waiting for it, in order.
    private func synchronize() {
        guard !awaitingSync.isEmpty || hasUnsyncedBytes else { return }
        let waiting = awaitingSync
        awaitingSync.removeAll(keepingCapacity: true)
        if hasUnsyncedBytes, isRegularFile {
            do {
                try POSIXIO.synchronize(fd, path: path)
                totals.fsyncs += 1
            } catch {
                // After a failed fsync the kernel may have dropped the pages; reopening reconciles
                // against what the file really holds.
                report(error)
                hasUnsyncedBytes = false
                for entry in waiting {
                    if case .failed = entry.outcome {
                        call(entry.onDurable, entry.outcome)
                    } else {
                        call(entry.onDurable, .failed(error.description))
                    }
                }
                closeFile()
                return
            }
        }
        hasUnsyncedBytes = false
        for entry in waiting { call(entry.onDurable, entry.outcome) }
    }

    private func fail(_ records: ArraySlice<PendingRecord>, reason: String) {
        synchronize()
        for record in records { call(record.onDurable, .failed(reason)) }
    }

    private func report(_ failure: POSIXIO.Failure) {
        let reason = failure.description
        lastFailureReason = reason
        if reason != lastLoggedFailure {
            logger.error("file sink failed", metadata: ["reason": "\(reason)"])
            lastLoggedFailure = reason
        } else {
            logger.debug("file sink failed again", metadata: ["reason": "\(reason)"])
        }
    }

    private func closeFile() {
        guard fd >= 0 else { return }
        POSIXIO.closeDescriptor(fd)
        fd = -1
    }

    // MARK: Opening, reconciling, rotating

    /// Opens the file unless it is open; returns why it could not.
    private func openIfNeeded() -> String? {
        guard fd < 0 else { return nil }
        do {
            try openAndReconcile()
            currentPeriod = fileSize > 0 ? modificationPeriod() : nil
            if lastLoggedFailure != nil {
                logger.info("file sink writable again")
                lastLoggedFailure = nil
            }
            return nil
        } catch {
            report(error)
            return error.description
        }
    }

    private func openAndReconcile() throws(POSIXIO.Failure) {
        let directory = POSIXIO.directory(of: path)
        try POSIXIO.createDirectories(directory)
        let newFD = try POSIXIO.openForAppend(path, permissions: 0o640)
        do {
            try POSIXIO.lockExclusively(newFD, path: path)
            let status = try POSIXIO.status(newFD, path: path)
            var size = status.size
            let isRegular = status.isRegularFile
            var report = FileSinkReconcileReport(
                path: path, tornBytesCut: 0, linesRead: 0, rotatedLinesRead: 0, idsRecovered: 0)
            var lines: [(id: String?, bytes: Int)] = []
            if isRegular {
                let readFD = try POSIXIO.openForReading(path)
                defer { POSIXIO.closeDescriptor(readFD) }
                let wholeLines = try NDJSONTailReader.lengthOfWholeLines(readFD, size: size, path: path)
                if wholeLines < size {
                    try POSIXIO.truncateFile(newFD, to: wholeLines, path: path)
                    report.tornBytesCut = size - wholeLines
                    size = wholeLines
                }
                // Lines an earlier run wrote but did not fsync are still in the page cache; make
                // them durable before calling them present.
                try POSIXIO.synchronize(newFD, path: path)
                let tail = try NDJSONTailReader.lastLineIDs(
                    readFD, size: size, byteBudget: reconcileByteBudget, lineBudget: reconcileLineBudget, path: path)
                report.linesRead = tail.linesRead
                lines = tail.lines
                if tail.bytesRead < reconcileByteBudget, tail.linesRead < reconcileLineBudget {
                    let older = try rotatedFileIDs(
                        byteBudget: reconcileByteBudget - tail.bytesRead,
                        lineBudget: reconcileLineBudget - tail.linesRead)
                    report.rotatedLinesRead = older.linesRead
                    lines = older.lines + lines
                }
            }
            try POSIXIO.synchronizeDirectory(directory)
            fd = newFD
            fileSize = size
            isRegularFile = isRegular
            recentIDs = RecentIDWindow(lineBudget: reconcileLineBudget, byteBudget: reconcileByteBudget, lines: lines)
            report.idsRecovered = recentIDs.count
            lastReconcile = report
            let metadata: Logger.Metadata = [
                "torn_bytes_cut": "\(report.tornBytesCut)", "lines_read": "\(report.linesRead)",
                "rotated_lines_read": "\(report.rotatedLinesRead)", "ids": "\(report.idsRecovered)",
            ]
            if report.tornBytesCut > 0 {
                logger.warning("file sink cut a torn last line on open", metadata: metadata)
            } else {
                logger.info("file sink opened", metadata: metadata)
            }
        } catch {
            POSIXIO.closeDescriptor(newFD)
            throw error
        }
    }

    /// Ids of the last lines of `path.1`, which was fsync'd whole before it was renamed.
    private func rotatedFileIDs(byteBudget: Int, lineBudget: Int) throws(POSIXIO.Failure) -> NDJSONTailReader.Tail {
        let rotated = rotatedPath(1)
        guard keep > 0, POSIXIO.exists(rotated) else { return NDJSONTailReader.Tail() }
        let readFD = try POSIXIO.openForReading(rotated)
        defer { POSIXIO.closeDescriptor(readFD) }
        let (size, isRegularFile) = try POSIXIO.status(readFD, path: rotated)
        guard isRegularFile else { return NDJSONTailReader.Tail() }
        let whole = try NDJSONTailReader.lengthOfWholeLines(readFD, size: size, path: rotated)
        return try NDJSONTailReader.lastLineIDs(
            readFD, size: whole, byteBudget: byteBudget, lineBudget: lineBudget, path: rotated)
    }

    /// The time period of the open file's last write (its mtime), for rotation by time.
    private func modificationPeriod() -> Int64? {
        guard let every = rotateEverySeconds else { return nil }
        var info = stat()
        guard fstat(fd, &info) == 0 else { return nil }
        return Int64(info.st_mtim.tv_sec) / every
    }

    private func rotatedPath(_ generation: Int) -> String { "\(path).\(generation)" }

    /// fsyncs and closes the file, shifts `path.N` up by one (dropping the oldest), renames the file to
    /// `path.1` and opens a fresh one; `tail -F` follows the rename. Returns false when it failed.
    private func rotate() -> Bool {
        synchronize()
        guard fd >= 0 else { return false }
        closeFile()
        do throws(POSIXIO.Failure) {
            if keep == 0 {
                try POSIXIO.removeItem(path)
            } else {
                try POSIXIO.removeItem(rotatedPath(keep))
                for generation in stride(from: keep - 1, through: 1, by: -1) where POSIXIO.exists(rotatedPath(generation)) {
                    try POSIXIO.renameItem(rotatedPath(generation), to: rotatedPath(generation + 1))
                }
                try POSIXIO.renameItem(path, to: rotatedPath(1))
            }
            let newFD = try POSIXIO.openForAppend(path, permissions: 0o640)
            do throws(POSIXIO.Failure) {
                try POSIXIO.lockExclusively(newFD, path: path)
                fileSize = try POSIXIO.status(newFD, path: path).size
                try POSIXIO.synchronizeDirectory(POSIXIO.directory(of: path))
            } catch {
                POSIXIO.closeDescriptor(newFD)
                throw error
            }
            fd = newFD
            currentPeriod = nil
            totals.rotations += 1
            logger.info("file sink rotated", metadata: ["keep": "\(keep)"])
            return true
        } catch {
            report(error)
            return false
        }
    }
}
