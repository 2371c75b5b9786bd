import Dispatch
import Foundation

/// What every feed source of one runtime shares: the HTTP client, the admission slots, the outage
/// detector, the health board, the state and the pipeline, and the one serial queue where reading,
/// state access and the pipeline's blocking hand-off happen.
final class FeedPollerContext: @unchecked Sendable {
    let fetcher: FeedFetcher
    let slots: PollSlots
    let network = NetworkOutageDetector()
    let board: FeedHealthBoard
    let ledger: any FeedLedger
    let pipeline: QueuedPipeline
    let read: ReadFunction
    let intake = DispatchQueue(label: "wirefeed.feeds.intake")
    /// Seconds an item that left its feed is still remembered.
    let seenRetention: Double
    /// Several nodes sharing the state: a feed polls only while this node holds its lease.
    let leases: FeedLeaseKeeper?
    private let lock = NSLock()
    private var stopping = false

    init(
        fetcher: FeedFetcher, slots: PollSlots, board: FeedHealthBoard, ledger: any FeedLedger,
        pipeline: QueuedPipeline, read: @escaping ReadFunction, seenRetention: Double, leases: FeedLeaseKeeper? = nil
    ) {
        self.fetcher = fetcher
        self.slots = slots
        self.board = board
        self.ledger = ledger
        self.pipeline = pipeline
        self.read = read
        self.seenRetention = seenRetention
        self.leases = leases
    }

    /// Runs blocking work on the intake queue and returns its result to the calling task.
    func onIntake<T: Sendable>(_ work: @escaping @Sendable () -> T) async -> T {
        await withCheckedContinuation { continuation in
            intake.async { continuation.resume(returning: work()) }
        }
    }

    /// Once set, no new response enters the pipeline (a stopping runtime is draining it).
    var isStopping: Bool {
        get { lock.withLock { stopping } }
        set { lock.withLock { stopping = newValue } }
    }
}
