import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Tells systemd about the daemon's state (`sd_notify(3)`) without linking libsystemd: one datagram
/// per message to the AF_UNIX socket named by `$NOTIFY_SOCKET`.
///
/// Without `$NOTIFY_SOCKET` (run by hand, or by a unit that is not `Type=notify`) every call is a
/// no-op that returns false. A failed send is reported to the caller and never stops the daemon:
/// systemd being gone must not take the pipeline down with it.
public final class SystemdNotifier: Sendable {
    /// The socket address as systemd gives it: a path, or `@name` for the abstract namespace.
    public let socketAddress: String?
    /// Half of this is how often to send `WATCHDOG=1`; nil when systemd asked for no watchdog, or
    /// asked it of another process (`$WATCHDOG_PID`).
    public let watchdogInterval: Duration?

    /// Reads `NOTIFY_SOCKET`, `WATCHDOG_USEC` and `WATCHDOG_PID` from `environment`.
    public init(environment: [String: String] = ProcessInfo.processInfo.environment, processID: Int32 = getpid()) {
        let address = environment["NOTIFY_SOCKET"].flatMap { $0.isEmpty ? nil : $0 }
        socketAddress = address
        watchdogInterval = address == nil ? nil : Self.watchdogInterval(in: environment, processID: processID)
    }

    public var isEnabled: Bool { socketAddress != nil }

    /// Sends `assignments` ("READY=1", "STATUS=…") as one message; true when systemd got it.
    @discardableResult
    public func notify(_ assignments: [String]) -> Bool {
        guard let socketAddress, !assignments.isEmpty else { return false }
        // STATUS= is one line: a newline would start a bogus assignment.
        let message = assignments.map { $0.replacingOccurrences(of: "\n", with: " ") }.joined(separator: "\n")
        return Self.send(Array(message.utf8), to: socketAddress)
    }

    @discardableResult
    public func ready(status: String) -> Bool { notify(["READY=1", "STATUS=\(status)"]) }

    /// `RELOADING=1` with the monotonic timestamp systemd ≥ 253 requires next to it.
    @discardableResult
    public func reloading(status: String) -> Bool {
        notify(["RELOADING=1", "MONOTONIC_USEC=\(MonotonicClock.microseconds())", "STATUS=\(status)"])
    }

    @discardableResult
    public func stopping(status: String) -> Bool { notify(["STOPPING=1", "STATUS=\(status)"]) }

    @discardableResult
    public func status(_ status: String) -> Bool { notify(["STATUS=\(status)"]) }

    @discardableResult
    public func watchdogPing() -> Bool { notify(["WATCHDOG=1"]) }

    static func watchdogInterval(in environment: [String: String], processID: Int32) -> Duration? {
        guard let text = environment["WATCHDOG_USEC"], let usec = UInt64(text), usec > 0 else { return nil }
        // WATCHDOG_PID names the process systemd watches; a child that inherited the variable is not it.
        if let owner = environment["WATCHDOG_PID"], Int32(owner) != processID { return nil }
        return .microseconds(Int64(clamping: usec))
    }

    private static func send(_ message: [UInt8], to address: String) -> Bool {
        guard var socketAddress = unixAddress(address) else { return false }
        let fd = socket(AF_UNIX, Int32(SOCK_DGRAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        guard fd >= 0 else { return false }
        defer { close(fd) }
        // An abstract name is not NUL-terminated: the address length says where it ends.
        let length = socklen_t(MemoryLayout<sa_family_t>.size + Self.pathLength(address))
        let sent = message.withUnsafeBytes { bytes in
            withUnsafePointer(to: &socketAddress) { pointer in
                pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                    sendto(fd, bytes.baseAddress, bytes.count, Int32(MSG_NOSIGNAL), $0, length)
                }
            }
        }
        return sent == message.count
    }

    /// Bytes of `sun_path` used: the path and its NUL, or the abstract name after its leading NUL.
    private static func pathLength(_ address: String) -> Int {
        address.hasPrefix("@") ? address.utf8.count : address.utf8.count + 1
    }

    private static func unixAddress(_ address: String) -> sockaddr_un? {
        var bytes = Array(address.utf8)
        let isAbstract = bytes.first == UInt8(ascii: "@")
        guard isAbstract || bytes.first == UInt8(ascii: "/") else { return nil }
        if isAbstract { bytes[0] = 0 }
        var result = sockaddr_un()
        result.sun_family = sa_family_t(AF_UNIX)
        let capacity = MemoryLayout.size(ofValue: result.sun_path)
        // A path needs room for its NUL; an abstract name may use every byte.
        guard bytes.count + (isAbstract ? 0 : 1) <= capacity else { return nil }
        withUnsafeMutableBytes(of: &result.sun_path) { path in
            for (index, byte) in bytes.enumerated() { path[index] = byte }
        }
        return result
    }
}
