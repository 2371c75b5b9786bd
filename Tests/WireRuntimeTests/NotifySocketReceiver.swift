import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// systemd's side of `sd_notify` for tests: an AF_UNIX datagram socket bound to a path or, for an
/// address starting with `@`, to an abstract name; each received datagram is one message.
final class NotifySocketReceiver {
    /// The value for `NOTIFY_SOCKET`.
    let address: String
    private let fd: Int32

    struct SocketError: Error, CustomStringConvertible {
        var description: String
    }

    init(address: String) throws {
        self.address = address
        fd = socket(AF_UNIX, Int32(SOCK_DGRAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        guard fd >= 0 else { throw SocketError(description: "socket: errno \(errno)") }
        var bytes = Array(address.utf8)
        let isAbstract = bytes.first == UInt8(ascii: "@")
        if isAbstract { bytes[0] = 0 }
        var socketAddress = sockaddr_un()
        socketAddress.sun_family = sa_family_t(AF_UNIX)
        guard bytes.count < MemoryLayout.size(ofValue: socketAddress.sun_path) else {
            close(fd)
            throw SocketError(description: "address too long: \(address)")
        }
        withUnsafeMutableBytes(of: &socketAddress.sun_path) { path in
            for (index, byte) in bytes.enumerated() { path[index] = byte }
        }
        let length = socklen_t(MemoryLayout<sa_family_t>.size + bytes.count + (isAbstract ? 0 : 1))
        let bound = withUnsafePointer(to: &socketAddress) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, length) }
        }
        guard bound == 0 else {
            let code = errno
            close(fd)
            throw SocketError(description: "bind \(address): errno \(code)")
        }
    }

    deinit {
        close(fd)
        if !address.hasPrefix("@") { unlink(address) }
    }

    /// The next message, or nil when none comes within `seconds`.
    func receive(within seconds: Double) -> String? {
        var poller = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
        guard poll(&poller, 1, Int32(seconds * 1000)) == 1 else { return nil }
        var buffer = [UInt8](repeating: 0, count: 4096)
        let count = buffer.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
        guard count >= 0 else { return nil }
        return String(decoding: buffer[..<count], as: UTF8.self)
    }

    /// Every message already waiting, without blocking.
    func drain() -> [String] {
        var messages: [String] = []
        while let message = receive(within: 0) { messages.append(message) }
        return messages
    }

    /// Messages received until one contains `assignment` (included) or `seconds` pass.
    func messages(until assignment: String, within seconds: Double) -> [String] {
        let deadline = Date().addingTimeInterval(seconds)
        var messages: [String] = []
        while Date() < deadline, let message = receive(within: deadline.timeIntervalSinceNow) {
            messages.append(message)
            if message.split(separator: "\n").contains(where: { $0 == assignment }) { break }
        }
        return messages
    }
}
