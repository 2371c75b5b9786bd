/// `{"name", "type": "file"|"stdout", "path"?, "fsync_interval"?, "max_size"?, "rotate_every"?, "keep"?}`.
public struct SinkConfig: Sendable, Equatable {
    public enum Kind: String, Sendable, Equatable, CaseIterable {
        case file, stdout
    }

    public var name: String
    public var kind: Kind
    /// Absolute path of a file sink.
    public var path: String?
    /// Longest a written line waits for fsync before it is acknowledged (default 200 ms).
    public var fsyncInterval: Duration
    /// Rotate when the file would pass this size; nil never rotates (the dead-letter sink defaults to 64 MiB).
    public var maxBytes: Int?
    /// Rotated files kept (`path.1` … `path.N`).
    public var keep: Int
    /// What happens when the sink's own queue is full (`when_full`).
    public var whenFull: SinkQueuePolicy = .block
    /// Rotate when a write falls in a later clock period of this length than the file's lines; nil never.
    public var rotateEvery: Duration?

    public init(
        name: String, kind: Kind, path: String? = nil, fsyncInterval: Duration = .milliseconds(200),
        maxBytes: Int? = nil, keep: Int = 5, rotateEvery: Duration? = nil
    ) {
        self.name = name
        self.kind = kind
        self.path = path
        self.fsyncInterval = fsyncInterval
        self.maxBytes = maxBytes
        self.keep = keep
        self.rotateEvery = rotateEvery
    }
}
