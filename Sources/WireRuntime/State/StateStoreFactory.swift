import Foundation
import Logging

/// Opens the state store the config names: the embedded SQLite file under `state_dir` (the default),
/// or the PostgreSQL database several nodes share.
public enum StateStoreFactory {
    public static func open(_ config: PipelineConfig, logger: Logger) throws -> any InboxLedger {
        switch config.state {
        case .embedded:
            return try SQLiteStateStore(directory: config.stateDir)
        case .postgres(let url, _):
            return try PostgresStateStore(url: url, node: nodeName(config), logger: logger)
        }
    }

    /// This node's name: the config's `node`, else the host name.
    public static func nodeName(_ config: PipelineConfig) -> String {
        config.node ?? ProcessInfo.processInfo.hostName
    }
}
