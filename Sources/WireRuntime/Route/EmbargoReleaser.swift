import Dispatch
import Foundation
import Logging
import WireModel

/// Polls the embargo shelf and hands each item whose embargo has passed to its sinks; an item leaves the
/// shelf only once every sink has it durably, so a crash in between releases it again (file sinks
/// reconcile by id, so it is not written twice).
public final class EmbargoReleaser: @unchecked Sendable {
    private let shelf: EmbargoShelf
    private let pipeline: QueuedPipeline
    private let interval: Duration
    private let now: @Sendable () -> Date
    private let logger: Logger
    private let queue = DispatchQueue(label: "wirefeed.embargo")
    private let lock = NSLock()
    private var releasing: Set<String> = []
    private var timer: DispatchSourceTimer?

    public init(
        shelf: EmbargoShelf, pipeline: QueuedPipeline, interval: Duration = .seconds(1),
        now: @escaping @Sendable () -> Date = { Date() }, logger: Logger
    ) {
        self.shelf = shelf
        self.pipeline = pipeline
        self.interval = interval
        self.now = now
        self.logger = logger
    }

    public func start() {
        let timer = DispatchSource.makeTimerSource(queue: queue)
        timer.schedule(deadline: .now(), repeating: interval.dispatchInterval)
        timer.setEventHandler { [weak self] in self?.releaseDue() }
        lock.withLock { self.timer = timer }
        timer.resume()
    }

    public func stop() {
        lock.withLock { timer }?.cancel()
        queue.sync {}
    }

    private func finishRelease(_ id: String) {
        _ = lock.withLock { releasing.remove(id) }
    }

    /// Releases what is due now; the timer calls it, tests may too.
    public func releaseDue() {
        let held: [EmbargoShelf.Held]
        do {
            held = try shelf.due(at: now())
        } catch {
            logger.error("cannot read embargoed items", metadata: ["error": "\(error)"])
            return
        }
        for entry in held where lock.withLock({ releasing.insert(entry.item.id).inserted }) {
            let id = entry.item.id
            let shelf = self.shelf
            let logger = self.logger
            let ticket = pipeline.makeTicket(label: "embargo \(id)") { [weak self] outcome in
                if outcome.succeeded {
                    do { try shelf.remove(id: id) } catch {
                        logger.error("released item stays on the embargo shelf", metadata: ["id": "\(id)", "error": "\(error)"])
                    }
                }
                self?.finishRelease(id)
            }
            pipeline.deliverRouted(entry.item, ticket: ticket)
            ticket.close()
        }
    }
}
