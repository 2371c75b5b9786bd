import Dispatch
import Foundation
import Logging
import WireModel
import WireReaders
#if canImport(Glibc)
import Glibc
#endif

/// Turns the bytes of one input into items; the daemon passes `InputReader().read`.
public typealias ReadFunction = @Sendable ([UInt8], ReadContext) throws(UnreadableInput) -> ReadResult

/// An inbox folder watched with inotify: each complete file is read, its items go through the pipeline,
/// and the file moves to `done/` once every item is durable, or to `failed/` with the reason beside it.
///
/// All state is confined to `queue`. Files already there at start are processed; a periodic rescan
/// catches anything inotify missed (queue overflow, a writer that held the file at the first look) and
/// retries files whose sinks failed.
public final class InboxSource: @unchecked Sendable {
    public let config: InboxSourceConfig
    private let node: String
    private let pipeline: QueuedPipeline
    private let ledger: any InboxLedger
    private let readInput: ReadFunction
    private let logger: Logger
    private let folder: InboxFolder
    private let queue: DispatchQueue
    private let rescanInterval: DispatchTimeInterval
    private var watcher: InotifyWatcher?
    private var rescanTimer: (any DispatchSourceTimer)?
    /// Names read and not yet settled: a second event for them is ignored.
    private var inFlight: Set<String> = []
    private var stopped = false
    /// Files found by the last scan and not yet considered, newest first (the next is `popLast`).
    private var backlog: [String] = []
    private var isBacklogStepQueued = false
    /// Set by `stop` from outside `queue`, so that a long scan (a backlog is read within one scan)
    /// stops at the next file instead of reading the whole backlog before the daemon may exit.
    private let stopRequest = StopRequest()

    private final class StopRequest: @unchecked Sendable {
        private let lock = NSLock()
        private var requested = false
        var isRequested: Bool { lock.withLock { requested } }
        func request() { lock.withLock { requested = true } }
    }

    public init(
        config: InboxSourceConfig, node: String, pipeline: QueuedPipeline, ledger: any InboxLedger,
        read: @escaping ReadFunction, logger: Logger, rescanInterval: DispatchTimeInterval = .seconds(30)
    ) {
        self.config = config
        self.node = node
        self.pipeline = pipeline
        self.ledger = ledger
        self.readInput = read
        self.logger = logger
        self.folder = InboxFolder(config: config)
        self.queue = DispatchQueue(label: "wirefeed.inbox.\(config.name)")
        self.rescanInterval = rescanInterval
    }

    /// Starts watching, then processes the backlog.
    public func start() throws {
        for directory in [config.path, config.done, config.failed] {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        }
        let watcher = InotifyWatcher(directory: config.path, queue: queue) { [weak self] event in
            self?.handle(event)
        }
        try watcher.start()
        self.watcher = watcher
        let timer = DispatchSource.makeTimerSource(queue: queue)
        timer.schedule(deadline: .now() + rescanInterval, repeating: rescanInterval)
        timer.setEventHandler { [weak self] in self?.scan() }
        timer.resume()
        rescanTimer = timer
        queue.async { [self] in scan() }
        logger.info("watching inbox", metadata: ["source": "\(config.name)", "path": "\(config.path)"])
    }

    /// Stops taking new files; files already read still settle through the pipeline.
    public func stop() {
        stopRequest.request()
        queue.sync {
            stopped = true
            watcher?.stop()
            rescanTimer?.cancel()
        }
    }

    /// Returns once the files whose items have settled so far are moved to `done/`: a settled ticket
    /// queues its move on this source's queue, so after the pipeline drains this lets the moves finish
    /// before the process exits.
    public func finishSettledFiles() {
        queue.sync {}
    }

    /// Names read and not yet settled (for status and tests).
    public var inFlightCount: Int { queue.sync { inFlight.count } }

    private func handle(_ event: InotifyWatcher.Event) {
        switch event {
        case .completed(let name): consider(name)
        case .overflow:
            logger.warning("inotify overflow or inbox moved; rescanning", metadata: ["source": "\(config.name)"])
            scan()
        }
    }

    private func scan() {
        guard !stopped else { return }
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: config.path)
        } catch {
            logger.error("cannot list inbox", metadata: ["path": "\(config.path)", "error": "\(error)"])
            return
        }
        // Oldest first, so a backlog comes out in arrival order.
        let dated = names.filter(InboxFolder.isCandidate).map { name -> (String, Date) in
            let attributes = try? FileManager.default.attributesOfItem(atPath: folder.inboxPath(name))
            return (name, attributes?[.modificationDate] as? Date ?? .distantPast)
        }
        backlog = dated.sorted(by: { ($0.1, $0.0) > ($1.1, $1.0) }).map(\.0)
        scheduleBacklogStep()
    }

    /// Reads the backlog one file per queue item, each step queued behind whatever arrived meanwhile:
    /// the moves to done/ of files already written (queued by their tickets) take turns with the
    /// backlog instead of waiting until all of it has been read, and a stop is not kept waiting.
    private func scheduleBacklogStep() {
        guard !isBacklogStepQueued, !backlog.isEmpty else { return }
        isBacklogStepQueued = true
        queue.async { [weak self] in
            guard let self else { return }
            isBacklogStepQueued = false
            guard let name = backlog.popLast() else { return }
            consider(name)
            scheduleBacklogStep()
        }
    }

    private func consider(_ name: String) {
        guard !stopped, !stopRequest.isRequested, InboxFolder.isCandidate(name), !inFlight.contains(name) else { return }
        let path = folder.inboxPath(name)
        var info = stat()
        guard lstat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return }
        switch WriterProbe.probe(path) {
        case .openForWriting:
            return  // its IN_CLOSE_WRITE, or the rescan, brings it back
        case .unknown where Date().timeIntervalSince1970 - Double(info.st_mtim.tv_sec) < 2:
            // Cannot ask the kernel: wait until the file has been quiet for two seconds.
            queue.asyncAfter(deadline: .now() + 2) { [weak self] in self?.consider(name) }
            return
        default:
            process(name)
        }
    }
}

extension InboxSource {
    private func process(_ name: String) {
        let bytes: [UInt8]
        do {
            bytes = try folder.read(name)
        } catch {
            switch error {
            case .vanished:
                logger.info("file vanished before it was read", metadata: ["file": "\(name)"])
            case .unreadable(let reason, let detail):
                fail(name, key: nil, reason: reason, detail: detail)
            }
            return
        }
        let key = InboxFileKey(source: config.name, name: name, contentHash: ItemID.contentHash(bytes))
        switch claim(key, size: bytes.count) {
        case .alreadyFinished:
            logger.notice("file was already processed; moving it to done without reprocessing", metadata: ["file": "\(name)"])
            finishDone(name, key: key, items: 0)
            return
        case .resumed:
            logger.notice("resuming a file an earlier run had not finished", metadata: ["file": "\(name)"])
        case .new:
            break
        }
        let source = ItemSource(type: "inbox", name: config.name, path: folder.inboxPath(name))
        let context = ReadContext(source: source, receivedAt: Timestamp.now(), timeZone: config.timeZone)
        let result: ReadResult
        do {
            result = try readInput(bytes, context)
        } catch {
            fail(name, key: key, reason: error.reason, detail: error.detail)
            return
        }
        submit(result, name: name, key: key, source: source)
    }

    private func submit(_ result: ReadResult, name: String, key: InboxFileKey, source: ItemSource) {
        inFlight.insert(name)
        let count = result.items.count
        let queue = self.queue
        let ticket = pipeline.makeTicket(label: name) { [weak self] outcome in
            queue.async { [weak self] in self?.settled(name, key: key, items: count, outcome: outcome) }
        }
        for (ordinal, var item) in result.items.enumerated() {
            item.id = ItemID.make(
                node: node, sourceName: config.name, inputIdentity: name, contentHash: key.contentHash, ordinal: ordinal)
            pipeline.submit(item, ticket: ticket)
        }
        for issue in result.issues {
            if issue.isInformational {
                logger.notice("\(issue.reason)", metadata: ["file": "\(name)", "detail": "\(issue.detail)"])
                continue
            }
            let failure = StageFailure(stage: "read", reason: issue.reason, detail: "\(name): \(issue.detail)")
            pipeline.deadLetter(DeadLetterInput(failure: failure, source: source), ticket: ticket)
        }
        ticket.close()
    }

    private func settled(_ name: String, key: InboxFileKey, items: Int, outcome: InputTicket.Outcome) {
        inFlight.remove(name)
        guard outcome.succeeded else {
            // The file stays in the inbox; the next rescan tries it again and the sinks skip the lines
            // they already hold.
            logger.error(
                "a sink failed; the file stays in the inbox and will be retried",
                metadata: ["file": "\(name)", "errors": "\(outcome.failures.prefix(3))"])
            return
        }
        finishDone(name, key: key, items: items)
        logger.info(
            "file done",
            metadata: ["file": "\(name)", "items": "\(items)", "written": "\(outcome.written)",
                       "dead_lettered": "\(outcome.deadLettered)", "dropped": "\(outcome.dropped)"])
    }

    private func claim(_ key: InboxFileKey, size: Int) -> InboxClaim {
        do {
            return try ledger.claim(key, size: size, at: Timestamp.now())
        } catch {
            // Without the ledger the sinks' reconcile still keeps lines from repeating: go on.
            logger.error("state ledger unavailable", metadata: ["error": "\(error)"])
            return .new
        }
    }

    private func finishDone(_ name: String, key: InboxFileKey, items: Int) {
        do {
            _ = try folder.moveToDone(name)
        } catch {
            logger.error("cannot move file to done", metadata: ["file": "\(name)", "error": "\(error)"])
        }
        record(key, status: .done, items: items, reason: nil)
    }

    private func fail(_ name: String, key: InboxFileKey?, reason: String, detail: String) {
        logger.warning("file failed", metadata: ["file": "\(name)", "reason": "\(reason)", "detail": "\(detail)"])
        do {
            _ = try folder.moveToFailed(name, reason: reason, detail: detail, source: config.name)
        } catch {
            logger.error("cannot move file to failed", metadata: ["file": "\(name)", "error": "\(error)"])
        }
        if let key { record(key, status: .failed, items: 0, reason: "\(reason): \(detail)") }
    }

    private func record(_ key: InboxFileKey, status: InboxFileStatus, items: Int, reason: String?) {
        do {
            try ledger.finish(key, status: status, items: items, reason: reason, at: Timestamp.now())
        } catch {
            logger.error("state ledger unavailable", metadata: ["error": "\(error)"])
        }
    }
}
