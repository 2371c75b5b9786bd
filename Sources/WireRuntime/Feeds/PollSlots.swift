/// Admission for polls: at most `perHost` in flight to one host and `total` in all, so a newsroom's
/// hundred feeds on one site are polled politely and a thousand feeds do not open a thousand sockets.
///
/// An actor rather than a semaphore: polls run as Swift tasks, which must never block a thread; a
/// waiting poll is a suspended continuation, woken in arrival order.
actor PollSlots {
    private let perHost: Int
    private let total: Int
    private var inFlight = 0
    private var inFlightByHost: [String: Int] = [:]
    private var waiting: [(host: String, continuation: CheckedContinuation<Void, Never>)] = []

    init(perHost: Int, total: Int) {
        self.perHost = max(perHost, 1)
        self.total = max(total, 1)
    }

    /// Waits for a slot for `host`; call `release(host)` exactly once afterwards.
    func acquire(host: String) async {
        if waiting.isEmpty, hasRoom(for: host) {
            take(host)
            return
        }
        await withCheckedContinuation { continuation in
            waiting.append((host, continuation))
        }
    }

    func release(host: String) {
        inFlight -= 1
        let left = (inFlightByHost[host] ?? 1) - 1
        inFlightByHost[host] = left > 0 ? left : nil
        wakeWaiters()
    }

    /// Polls in flight now (for the health snapshot and tests).
    var count: Int { inFlight }

    private func hasRoom(for host: String) -> Bool {
        inFlight < total && inFlightByHost[host, default: 0] < perHost
    }

    private func take(_ host: String) {
        inFlight += 1
        inFlightByHost[host, default: 0] += 1
    }

    /// Wakes, in order, every waiter whose host has room; a full host does not hold up others.
    private func wakeWaiters() {
        var index = 0
        while index < waiting.count, inFlight < total {
            let host = waiting[index].host
            if hasRoom(for: host) {
                take(host)
                waiting.remove(at: index).continuation.resume()
            } else {
                index += 1
            }
        }
    }
}
