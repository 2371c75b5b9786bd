import Foundation

/// What `GET /status` answers and `wirefeed status` prints: the operator's first look at a running daemon.
public struct DaemonStatus: Codable, Sendable, Equatable {
    /// Counts over the last minute, the last hour (or since start when younger) and since start.
    public struct Window: Codable, Sendable, Equatable {
        public var lastMinute: Int
        public var lastHour: Int
        public var total: Int

        public init(lastMinute: Int, lastHour: Int, total: Int) {
            self.lastMinute = lastMinute
            self.lastHour = lastHour
            self.total = total
        }

        enum CodingKeys: String, CodingKey {
            case lastMinute = "last_minute", lastHour = "last_hour", total
        }
    }

    public struct Source: Codable, Sendable, Equatable {
        public var name: String
        public var path: String
        /// RFC 3339 time of the last item read, nil before the first.
        public var lastItem: String?
        /// Seconds since the last item, nil before the first.
        public var silentSeconds: Int?
        /// Files waiting in the inbox (in flight ones included).
        public var backlogFiles: Int
        public var items: Window

        enum CodingKeys: String, CodingKey {
            case name, path, lastItem = "last_item", silentSeconds = "silent_seconds", backlogFiles = "backlog_files", items
        }
    }

    public struct Stage: Codable, Sendable, Equatable {
        public var name: String
        public var items: Window
        public var errors: Int
    }

    public struct Sink: Codable, Sendable, Equatable {
        public var name: String
        public var records: Window
        public var errors: Int
        /// Why the last write failed, nil while the sink writes.
        public var failing: String?
    }

    public struct Health: Codable, Sendable, Equatable {
        public var healthy: Bool
        public var draining: Bool
        public var problems: [String]
    }

    public var uptimeSeconds: Int
    public var health: Health
    public var sources: [Source]
    /// Items waiting at each hop (`stage clean`, `delivery`, `sink out`).
    public var queues: [String: Int]
    public var stages: [Stage]
    public var sinks: [Sink]
    public var deadLetters: Window
    public var itemsInFlight: Int
    public var dedupe: [String: Int]

    enum CodingKeys: String, CodingKey {
        case uptimeSeconds = "uptime_seconds", health, sources, queues, stages, sinks
        case deadLetters = "dead_letters", itemsInFlight = "items_in_flight", dedupe
    }
}
