import Foundation
import Logging
#if canImport(Glibc)
import Glibc
#endif

/// A swift-log handler that writes one JSON object per line to standard error, for journald and log
/// shippers: `{"time", "level", "label", "message", …metadata}`, metadata flattened to top-level keys
/// (`source`, `item`, `stage`, …) so `jq 'select(.item == "…")'` finds everything about one item.
public struct JSONLineLogHandler: LogHandler {
    public var logLevel: Logger.Level = .info
    public var metadata: Logger.Metadata = [:]
    public var metadataProvider: Logger.MetadataProvider?
    private let label: String
    private let write: @Sendable (String) -> Void
    /// Starts each line with its syslog priority (`<3>` for error), which journald strips and files the line
    /// under, so `journalctl -p err` works; on when stderr is the journal (`JOURNAL_STREAM` is set).
    private let syslogPrefix: Bool

    /// The keys the handler itself writes; metadata by these names is prefixed `meta_` instead of clobbering them.
    static let reservedKeys: Set<String> = ["time", "level", "label", "message"]

    public init(
        label: String, syslogPrefix: Bool = false,
        write: @escaping @Sendable (String) -> Void = JSONLineLogHandler.standardError
    ) {
        self.label = label
        self.syslogPrefix = syslogPrefix
        self.write = write
    }

    public subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    public func log(event: LogEvent) {
        var merged = metadata
        if let provided = metadataProvider?.get() { merged.merge(provided) { _, new in new } }
        if let extra = event.metadata { merged.merge(extra) { _, new in new } }
        let line = Self.line(time: Date(), level: event.level, label: label, message: "\(event.message)", metadata: merged)
        write(syslogPrefix ? "<\(Self.syslogPriority(event.level))>" + line : line)
    }

    /// The syslog priority journald files a line of `level` under.
    static func syslogPriority(_ level: Logger.Level) -> Int {
        switch level {
        case .trace, .debug: 7
        case .info: 6
        case .notice: 5
        case .warning: 4
        case .error: 3
        case .critical: 2
        }
    }

    /// One log line, newline included.
    static func line(time: Date, level: Logger.Level, label: String, message: String, metadata: Logger.Metadata) -> String {
        var object: [String: Any] = [
            "time": ISO8601DateFormatter.string(
                from: time, timeZone: TimeZone(identifier: "UTC") ?? .current,
                formatOptions: [.withInternetDateTime, .withFractionalSeconds]),
            "level": level.rawValue, "label": label, "message": message,
        ]
        for (key, value) in metadata {
            object[reservedKeys.contains(key) ? "meta_" + key : key] = jsonValue(value)
        }
        let data = (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes]))
            ?? Data(#"{"message":"unencodable log line"}"#.utf8)
        return String(decoding: data, as: UTF8.self) + "\n"
    }

    private static func jsonValue(_ value: Logger.MetadataValue) -> Any {
        switch value {
        case .string(let string): return string
        case .stringConvertible(let convertible): return convertible.description
        case .array(let values): return values.map(jsonValue)
        case .dictionary(let dictionary): return dictionary.mapValues(jsonValue)
        }
    }

    /// Writes with one `write(2)` per line, so lines from several threads never interleave.
    public static let standardError: @Sendable (String) -> Void = { line in
        let bytes = Array(line.utf8)
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeBytes { buffer -> Int in
                guard let base = buffer.baseAddress else { return 0 }
                return Glibc.write(STDERR_FILENO, base + offset, buffer.count - offset)
            }
            if written < 0, errno == EINTR { continue }
            guard written > 0 else { return }
            offset += written
        }
    }
}
