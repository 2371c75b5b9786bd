import Logging

/// Builds the sink a `SinkConfig` describes.
public enum SinkFactory {
    /// A sink config that cannot be built (the config checker should have caught it first).
    public struct ConfigurationError: Error, Sendable, Equatable, CustomStringConvertible {
        public var sinkName: String
        public var message: String
        public var description: String { "sink \(sinkName): \(message)" }
    }

    /// A file sink opens (and reconciles) its file here; if that fails it logs why and keeps trying
    /// on each batch, so a missing mount at start does not stop the daemon.
    public static func makeSink(config: SinkConfig, logger: Logger) throws(ConfigurationError) -> any Sink {
        switch config.kind {
        case .stdout:
            return StdoutSink(name: config.name, logger: logger)
        case .file:
            guard let path = config.path, !path.isEmpty else {
                throw ConfigurationError(sinkName: config.name, message: "a file sink needs a \"path\"")
            }
            if let maxBytes = config.maxBytes, maxBytes <= 0 {
                throw ConfigurationError(sinkName: config.name, message: "\"max_size\" must be positive")
            }
            guard config.keep >= 0 else {
                throw ConfigurationError(sinkName: config.name, message: "\"keep\" must not be negative")
            }
            return NDJSONFileSink(
                name: config.name, path: path, fsyncInterval: config.fsyncInterval, maxBytes: config.maxBytes,
                keep: config.keep, rotateEvery: config.rotateEvery, logger: logger)
        }
    }
}
