import Dispatch

extension Duration {
    /// The duration as a Dispatch interval, for timers on the sinks' queues; negative counts as zero
    /// and anything too long for nanoseconds in an `Int` as never.
    var dispatchInterval: DispatchTimeInterval {
        let (seconds, attoseconds) = components
        guard seconds >= 0 else { return .nanoseconds(0) }
        let (wholeNanoseconds, overflow) = seconds.multipliedReportingOverflow(by: 1_000_000_000)
        let (total, overflowAdding) = wholeNanoseconds.addingReportingOverflow(attoseconds / 1_000_000_000)
        guard !overflow, !overflowAdding, let nanoseconds = Int(exactly: total) else { return .never }
        return .nanoseconds(nanoseconds)
    }
}
