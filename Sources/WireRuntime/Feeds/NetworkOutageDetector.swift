import Foundation

/// Tells a feed's own failure from the daemon's network being down, so that an outage on our side
/// does not push every feed into a long backoff (and does not count against their health).
///
/// The network is taken to be down when the kernel says so (no route), or when, since the last time
/// any server answered, connections to at least two different hosts have failed and none succeeded:
/// one refusing host is that host's problem; every host refusing at once is ours.
final class NetworkOutageDetector: @unchecked Sendable {
    private let lock = NSLock()
    /// Hosts that failed to connect since the last answer from any server.
    private var failedHosts: Set<String> = []
    private var down = false

    /// A server answered (any HTTP status): the network is up.
    func answered() {
        lock.withLock {
            failedHosts.removeAll()
            down = false
        }
    }

    /// A connection to `host` failed; returns whether the network as a whole is down.
    func connectFailed(host: String, networkUnreachable: Bool) -> Bool {
        lock.withLock {
            failedHosts.insert(host)
            down = networkUnreachable || failedHosts.count >= 2
            return down
        }
    }

    var isDown: Bool { lock.withLock { down } }
}
