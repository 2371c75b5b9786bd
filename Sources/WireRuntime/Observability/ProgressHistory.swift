import Dispatch
import Foundation

/// Snapshots of the pipeline's counters taken every few seconds over the last hour, so `status` can say
/// how much moved in the last minute and the last hour without the pipeline keeping time windows.
public final class ProgressHistory: @unchecked Sendable {
    private let progress: PipelineProgress
    private let interval: Duration
    private let horizon: Duration
    private let lock = NSLock()
    private var samples: [PipelineProgress.Snapshot] = []
    private let queue = DispatchQueue(label: "wirefeed.progress-history")
    private var timer: (any DispatchSourceTimer)?

    public init(progress: PipelineProgress, interval: Duration = .seconds(5), horizon: Duration = .seconds(3600)) {
        self.progress = progress
        self.interval = interval
        self.horizon = horizon
    }

    public func start() {
        record()
        let timer = DispatchSource.makeTimerSource(queue: queue)
        let seconds = Double(interval.components.seconds) + Double(interval.components.attoseconds) / 1e18
        timer.schedule(deadline: .now() + seconds, repeating: seconds)
        timer.setEventHandler { [weak self] in self?.record() }
        timer.resume()
        self.timer = timer
    }

    public func stop() { timer?.cancel() }

    /// Takes a sample now and forgets those older than the horizon (keeping one just past it).
    func record() {
        let snapshot = progress.snapshot
        let horizonNanos = UInt64(max(0, horizon.components.seconds)) * 1_000_000_000
        lock.withLock {
            samples.append(snapshot)
            while samples.count > 2, snapshot.takenAt - samples[1].takenAt >= horizonNanos { samples.removeFirst() }
        }
    }

    /// The newest sample at least `age` older than `snapshot`, or the oldest one when the process is younger.
    public func baseline(before snapshot: PipelineProgress.Snapshot, age: Duration) -> PipelineProgress.Snapshot? {
        let ageNanos = UInt64(max(0, age.components.seconds)) * 1_000_000_000
        return lock.withLock {
            samples.last { snapshot.takenAt >= $0.takenAt && snapshot.takenAt - $0.takenAt >= ageNanos } ?? samples.first
        }
    }
}
