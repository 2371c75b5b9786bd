/// Learns a feed's usual gap between new items and says when it has been quiet for too long
/// (Huginn's "expected update period", learnt instead of configured).
struct SilenceWatch: Sendable, Equatable {
    /// Seconds since 1970 of the last poll that brought something new.
    var lastNewItemAt: Double?
    /// Moving average of the gaps between such polls, in seconds.
    var usualGap: Double?
    /// Gaps measured so far; the alarm waits for a few so one early burst does not define "usual".
    var gapCount = 0

    static let gapsBeforeAlarm = 3
    /// Weight of the newest gap in the average: recent habits count most, one odd gap does not swing it.
    static let smoothing = 0.3

    mutating func newItems(at time: Double) {
        if let last = lastNewItemAt, time > last {
            let gap = time - last
            usualGap = usualGap.map { $0 + Self.smoothing * (gap - $0) } ?? gap
            gapCount += 1
        }
        lastNewItemAt = time
    }

    /// Quiet for longer than `factor` times the usual gap; never for a feed without a habit yet, nor
    /// when `factor` is 0 (the alarm is off).
    func isSilent(at time: Double, factor: Int) -> Bool {
        guard factor > 0, gapCount >= Self.gapsBeforeAlarm, let last = lastNewItemAt, let gap = usualGap, gap > 0
        else { return false }
        return time - last > Double(factor) * gap
    }
}
