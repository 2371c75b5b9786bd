import Dispatch
import Foundation
import Logging
import WireModel
import WireReaders

/// One polled RSS/Atom feed: a loop that fetches with conditional GETs, hands new and updated items to
/// the pipeline, and commits the validators and seen items only once those items are durable.
///
/// The loop runs as one Swift task and is the only code touching the poll state below, so that state
/// needs no lock. Everything that blocks (reading, the state database, the pipeline's bounded
/// hand-off) runs on the poller's serial `intake` queue, never on a Swift-concurrency thread.
final class FeedSource: @unchecked Sendable {
    let config: FeedSourceConfig
    private let node: String
    private let host: String
    private let shared: FeedPollerContext
    private let schedule: FeedSchedule
    private let logger: Logger
    // Poll state: touched only by `run()`.
    private var memory: FeedMemory
    private var silence = SilenceWatch()
    private var consecutiveErrors = 0
    private var reportedMove: String?
    /// The `<ttl>` of the last body read: it holds while the server answers "not modified".
    private var ttl: Duration?

    init(config: FeedSourceConfig, node: String, shared: FeedPollerContext, logger: Logger) {
        self.config = config
        self.node = node
        self.host = URL(string: config.url)?.host?.lowercased() ?? config.url
        self.shared = shared
        self.schedule = FeedSchedule(config: config)
        self.logger = logger
        self.memory = FeedMemory(url: config.url)
        shared.board.update(config.name, url: config.url) { _ in }
    }

    /// Polls until the task is cancelled.
    func run() async {
        await recall()
        var random = SystemRandomNumberGenerator()
        var delay = schedule.firstDelay(using: &random)
        while true {
            setNextPoll(in: delay)
            do {
                try await Task.sleep(nanoseconds: UInt64(max(delay, 0) * 1e9))
            } catch {
                return
            }
            if let leases = shared.leases {
                switch leases.beginPoll(config.name) {
                case .notHeld:
                    delay = leases.checkInterval
                    continue
                case .held(let fresh):
                    // Another node may have polled it since: its validators and seen items are newer.
                    if fresh { await recall() }
                }
            }
            let result = await pollOnce()
            shared.leases?.endPoll(config.name)
            guard !Task.isCancelled else { return }
            delay = schedule.delay(after: account(result), using: &random)
        }
    }

    /// The memory a previous run committed; a feed whose URL changed starts afresh.
    private func recall() async {
        let name = config.name
        let ledger = shared.ledger
        let stored: FeedMemory? = await shared.onIntake { (try? ledger.feedMemory(source: name)) ?? nil }
        let seen = await shared.onIntake { (try? ledger.seenCount(source: name)) ?? 0 }
        if let stored, stored.url == config.url {
            memory = stored
            silence = SilenceWatch(lastNewItemAt: stored.lastNewItemAt, usualGap: stored.usualGap, gapCount: stored.gapCount)
        }
        shared.board.update(name, url: config.url) { $0.itemsSeen = seen }
    }
}

// MARK: one poll

extension FeedSource {
    enum PollResult: Sendable {
        case notModified(HTTPCacheHints, status: Int)
        case ingested(FeedIngest.Summary, HTTPCacheHints)
        case failed(String, retryAfter: Duration?)
        case networkDown(String)
    }

    func pollOnce() async -> PollResult {
        let request = FeedFetcher.Request(
            url: config.url, etag: memory.etag, lastModified: memory.lastModified, headers: config.headers,
            timeout: config.timeout, maxBodyBytes: config.maxBodyBytes, maxRedirects: config.maxRedirects)
        await shared.slots.acquire(host: host)
        let fetched: Result<FeedResponse, FeedFetchError>
        do throws(FeedFetchError) {
            fetched = .success(try await shared.fetcher.fetch(request))
        } catch {
            fetched = .failure(error)
        }
        await shared.slots.release(host: host)
        switch fetched {
        case .failure(let error):
            if case .connect(_, let unreachable) = error,
               shared.network.connectFailed(host: host, networkUnreachable: unreachable) {
                return .networkDown(error.description)
            }
            return .failed(error.description, retryAfter: nil)
        case .success(let response):
            shared.network.answered()
            return await handle(response)
        }
    }

    private func handle(_ response: FeedResponse) async -> PollResult {
        reportMove(response.movedPermanentlyTo)
        let hints = HTTPCacheHints.parse(header: response.header, now: Date().timeIntervalSince1970)
        switch response.status {
        case 304:
            await refreshValidators(from: response)
            return .notModified(hints, status: 304)
        case 200:
            let bodyHash = ItemID.contentHash(response.body)
            // A server that ignores validators but sends the same bytes costs no re-read.
            if bodyHash == memory.bodyHash { return .notModified(hints, status: 200) }
            let ingest = FeedIngest(
                config: config, node: node, shared: shared, response: response, bodyHash: bodyHash, memory: memory,
                silence: silence, logger: logger)
            let outcome = await ingest.run()
            switch outcome {
            case .committed(let summary):
                memory = summary.memory
                silence = summary.silence
                ttl = summary.ttl
                return .ingested(summary, hints)
            case .failed(let reason):
                return .failed(reason, retryAfter: nil)
            }
        case 429, 503:
            return .failed("HTTP \(response.status)", retryAfter: hints.retryAfter)
        default:
            return .failed("HTTP \(response.status)", retryAfter: nil)
        }
    }

    /// A 304 may carry new validators (RFC 9111 §4.3.4); it emits no items, so they are committed at
    /// once and the next poll asks with them. A validator the 304 leaves out is kept.
    private func refreshValidators(from response: FeedResponse) async {
        var updated = memory
        if let etag = response.header("etag") { updated.etag = etag }
        if let lastModified = response.header("last-modified") { updated.lastModified = lastModified }
        guard updated != memory else { return }
        let refreshed = updated
        let name = config.name
        let ledger = shared.ledger
        let failure: String? = await shared.onIntake {
            do {
                // No items and nothing forgotten: only the feed's memory row changes.
                try ledger.commitPoll(
                    source: name, memory: refreshed, items: [], at: Date().timeIntervalSince1970, forgetBefore: 0)
                return nil
            } catch {
                return "\(error)"
            }
        }
        if let failure {
            logger.warning("could not store the validators of a 304", metadata: ["error": "\(failure)"])
            return
        }
        memory = refreshed
    }

    private func reportMove(_ target: String?) {
        guard let target, target != reportedMove else { return }
        reportedMove = target
        logger.warning(
            "feed moved permanently; update its url in the config",
            metadata: ["url": "\(config.url)", "new_url": "\(target)"])
    }
}

// MARK: health and schedule

extension FeedSource {
    /// Updates the health board and logs; returns what the schedule needs.
    private func account(_ result: PollResult) -> FeedSchedule.Outcome {
        let now = Date()
        let stamp = Timestamp.format(now)
        switch result {
        case .notModified(let hints, let status):
            recovered(status: "\(status)", at: stamp)
            checkSilence(at: now.timeIntervalSince1970)
            return .fresh(freshFor: hints.honouring(ttl: ttl).freshFor)
        case .ingested(let summary, let hints):
            recovered(status: "200", at: stamp)
            shared.board.update(config.name, url: config.url) { health in
                health.itemsEmitted += summary.emitted
                health.itemsSeen = summary.seenCount
                if summary.emitted > 0 { health.lastNewItemAt = stamp }
                health.usualGapSeconds = summary.silence.usualGap
            }
            if summary.emitted > 0 {
                logger.info("feed polled", metadata: [
                    "new": "\(summary.new)", "updated": "\(summary.updated)", "items": "\(summary.total)",
                ])
            }
            checkSilence(at: now.timeIntervalSince1970)
            return .fresh(freshFor: hints.honouring(ttl: ttl).freshFor)
        case .failed(let reason, let retryAfter):
            consecutiveErrors += 1
            let errors = consecutiveErrors
            shared.board.update(config.name, url: config.url) { health in
                health.lastPollAt = stamp
                health.lastStatus = reason
                health.consecutiveErrors = errors
                health.networkDown = false
            }
            logger.warning("feed poll failed", metadata: [
                "url": "\(config.url)", "error": "\(reason)", "consecutive_errors": "\(errors)",
            ])
            return .failed(consecutiveErrors: errors, retryAfter: retryAfter)
        case .networkDown(let reason):
            shared.board.update(config.name, url: config.url) { health in
                health.lastPollAt = stamp
                health.lastStatus = reason
                health.networkDown = true
            }
            logger.notice("network looks down; not counted against the feed", metadata: ["error": "\(reason)"])
            return .networkDown
        }
    }

    private func recovered(status: String, at stamp: String) {
        if consecutiveErrors > 0 {
            logger.info("feed recovered", metadata: ["after_errors": "\(consecutiveErrors)"])
        }
        consecutiveErrors = 0
        shared.board.update(config.name, url: config.url) { health in
            health.lastPollAt = stamp
            health.lastSuccessAt = stamp
            health.lastStatus = status
            health.consecutiveErrors = 0
            health.networkDown = false
        }
    }

    private func checkSilence(at time: Double) {
        let silent = silence.isSilent(at: time, factor: config.silenceFactor)
        var changed = false
        shared.board.update(config.name, url: config.url) { health in
            changed = health.silent != silent
            health.silent = silent
        }
        guard changed else { return }
        if silent {
            logger.warning("feed is silent: nothing new for longer than usual", metadata: [
                "usual_gap_seconds": "\(Int(silence.usualGap ?? 0))", "silence_factor": "\(config.silenceFactor)",
            ])
        } else {
            logger.info("feed is updating again")
        }
    }

    private func setNextPoll(in seconds: Double) {
        let stamp = Timestamp.format(Date().addingTimeInterval(seconds))
        shared.board.update(config.name, url: config.url) { $0.nextPollAt = stamp }
    }
}
