import Dispatch
import Logging

/// Sends `WATCHDOG=1` at half of systemd's watchdog interval, but only while the pipeline is healthy,
/// and keeps `STATUS=` current. A wedged stage or a sink that cannot write makes the pings stop, and
/// systemd restarts the daemon after `WatchdogSec=`; the status line says why meanwhile.
///
/// Runs on its own queue, never on the daemon's control queue, so a long reload drain does not delay
/// the pings of a pipeline that is still draining fine.
public final class SystemdWatchdog: @unchecked Sendable {
    /// What one beat looks at: the pipeline's health and the one-line summary for `STATUS=`.
    public struct Report: Sendable {
        public var health: PipelineHealth
        public var status: String

        public init(health: PipelineHealth, status: String) {
            self.health = health
            self.status = status
        }
    }

    public let notifier: SystemdNotifier
    /// Time between beats: half of `WATCHDOG_USEC`, or `statusInterval` when there is no watchdog.
    public let period: Duration
    private let check: @Sendable () -> Report
    private let logger: Logger
    private let queue = DispatchQueue(label: "wirefeed.watchdog")

    // Touched only on `queue`.
    private var timer: (any DispatchSourceTimer)?
    private var lastStatus: String?
    private var wasHealthy = true

    public init(
        notifier: SystemdNotifier, statusInterval: Duration = .seconds(10), logger: Logger,
        check: @escaping @Sendable () -> Report
    ) {
        self.notifier = notifier
        self.period = notifier.watchdogInterval.map { $0 / 2 } ?? statusInterval
        self.check = check
        self.logger = logger
    }

    public var isPinging: Bool { notifier.watchdogInterval != nil }

    public func start() {
        queue.sync {
            guard timer == nil else { return }
            let timer = DispatchSource.makeTimerSource(queue: queue)
            timer.schedule(deadline: .now() + period.dispatchInterval, repeating: period.dispatchInterval)
            timer.setEventHandler { [weak self] in self?.beat() }
            timer.resume()
            self.timer = timer
        }
    }

    public func stop() {
        queue.sync {
            timer?.cancel()
            timer = nil
        }
    }

    /// One beat now, as the timer does it; returns whether it pinged. For tests and for a prompt
    /// status after a change.
    @discardableResult
    public func beatNow() -> Bool { queue.sync { beat() } }

    @discardableResult
    private func beat() -> Bool {
        let report = check()
        let healthy = report.health.isHealthy
        if healthy != wasHealthy {
            if healthy {
                logger.notice("pipeline healthy again; watchdog pings resume")
            } else {
                logger.error(
                    "pipeline unhealthy; watchdog pings withheld so systemd restarts the daemon",
                    metadata: ["health": "\(report.health)"])
            }
            wasHealthy = healthy
        }
        let status = healthy ? report.status : "\(report.health) | \(report.status)"
        var assignments: [String] = []
        if healthy && isPinging { assignments.append("WATCHDOG=1") }
        if status != lastStatus {
            assignments.append("STATUS=\(status)")
            lastStatus = status
        }
        guard !assignments.isEmpty else { return false }
        let sent = notifier.notify(assignments)
        return sent && healthy && isPinging
    }
}
