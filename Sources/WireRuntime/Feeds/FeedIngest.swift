import Dispatch
import Foundation
import Logging
import WireModel
import WireReaders

/// One 200 response taken through the pipeline: read, filtered against the seen items, submitted, and
/// committed (validators and seen items in one transaction) only when its ticket says every item is
/// durable. Runs on the poller's intake queue; a sink failure commits nothing, so the next poll asks
/// with the old validators and the sinks skip what they already hold.
struct FeedIngest: Sendable {
    struct Summary: Sendable {
        var new = 0
        var updated = 0
        var total = 0
        var seenCount = 0
        var memory: FeedMemory
        var silence: SilenceWatch
        /// The feed's own `<ttl>`, if it gave one.
        var ttl: Duration?
        var emitted: Int { new + updated }
    }

    enum Outcome: Sendable {
        case committed(Summary)
        case failed(String)
    }

    let config: FeedSourceConfig
    let node: String
    let shared: FeedPollerContext
    let response: FeedResponse
    let bodyHash: String
    let memory: FeedMemory
    let silence: SilenceWatch
    let logger: Logger

    func run() async -> Outcome {
        await withCheckedContinuation { continuation in
            shared.intake.async { start { continuation.resume(returning: $0) } }
        }
    }

    private func start(_ finish: @escaping @Sendable (Outcome) -> Void) {
        guard !shared.isStopping else {
            finish(.failed("stopping"))
            return
        }
        let source = ItemSource(type: "feed", name: config.name, url: config.url)
        let context = ReadContext(
            source: source, receivedAt: Timestamp.now(), documentURL: response.finalURL,
            declaredCharset: response.charset, timeZone: config.timeZone)
        let result: ReadResult
        do {
            result = try shared.read(response.body, context)
        } catch {
            finish(.failed("unreadable feed: \(error)"))
            return
        }
        let keys = FeedItemIdentity.keys(of: result.items)
        let hashes = result.items.map(FeedItemIdentity.contentHash)
        let known: [String: String]
        do {
            known = try shared.ledger.seenVersions(source: config.name, keys: keys)
        } catch {
            finish(.failed("state database: \(error)"))
            return
        }
        let fresh = keys.indices.filter { known[keys[$0]] != hashes[$0] }
        let new = fresh.filter { known[keys[$0]] == nil }.count
        let summary = Summary(
            new: new, updated: fresh.count - new, total: result.items.count, memory: memory, silence: silence,
            ttl: result.ttl)
        let seen = zip(keys, hashes).map { SeenFeedItem(key: $0, contentHash: $1) }
        let ticket = shared.pipeline.makeTicket(label: "\(config.name) \(response.finalURL)") { [self] outcome in
            shared.intake.async { settle(outcome, summary: summary, seen: seen, finish: finish) }
        }
        for index in fresh {
            var item = result.items[index]
            // Under a shared state a feed belongs to the cluster, not to the node that holds its lease today:
            // an item re-polled by the node that took the feed over keeps its id, so the ledger hands back
            // the decision already made (a repeat is the same item, never a `duplicate` of a line that a
            // dead node may not have written).
            item.id = ItemID.make(
                node: shared.leases == nil ? node : "", sourceName: config.name, inputIdentity: keys[index], contentHash: hashes[index], ordinal: 0)
            shared.pipeline.submit(item, ticket: ticket)
        }
        for issue in result.issues {
            if issue.isInformational {
                logger.notice("\(issue.reason)", metadata: ["url": "\(response.finalURL)", "detail": "\(issue.detail)"])
                continue
            }
            let failure = StageFailure(stage: "read", reason: issue.reason, detail: "\(response.finalURL): \(issue.detail)")
            shared.pipeline.deadLetter(DeadLetterInput(failure: failure, source: source), ticket: ticket)
        }
        ticket.close()
    }

    /// On the intake queue, once every item of the response is settled.
    private func settle(
        _ outcome: InputTicket.Outcome, summary: Summary, seen: [SeenFeedItem], finish: @Sendable (Outcome) -> Void
    ) {
        guard outcome.succeeded else {
            finish(.failed("a sink failed: \(outcome.failures.first ?? "unknown")"))
            return
        }
        var summary = summary
        let now = Date().timeIntervalSince1970
        if summary.emitted > 0 { summary.silence.newItems(at: now) }
        summary.memory = FeedMemory(
            url: config.url, etag: response.header("etag"), lastModified: response.header("last-modified"),
            bodyHash: bodyHash, lastNewItemAt: summary.silence.lastNewItemAt, usualGap: summary.silence.usualGap,
            gapCount: summary.silence.gapCount)
        do {
            try shared.ledger.commitPoll(
                source: config.name, memory: summary.memory, items: seen, at: now,
                forgetBefore: now - shared.seenRetention)
            summary.seenCount = try shared.ledger.seenCount(source: config.name)
        } catch {
            // The items are durable; without the commit the next poll re-sends them and the sinks skip them.
            finish(.failed("state database: \(error)"))
            return
        }
        finish(.committed(summary))
    }
}
