import Dispatch
import Foundation
import Logging
#if canImport(Glibc)
import Glibc
#endif

/// The long-running process: builds a `Runtime` from the config, reloads it on SIGHUP (keeping the old
/// one when the new config is bad), and drains it on SIGTERM/SIGINT before exiting 0.
///
/// Signal handling and reloads are serialised on one queue; signal sources are created here, in
/// nonisolated code, because handlers built in main-actor code crash when Dispatch runs them elsewhere.
public final class Daemon: @unchecked Sendable {
    private let configPath: String
    private let logger: Logger
    private let drainTimeout: Duration
    private let control = DispatchQueue(label: "wirefeed.daemon")
    private var runtime: Runtime?
    private var ledger: SQLiteStateStore?
    private var signals: [any DispatchSourceSignal] = []

    public init(configPath: String, logger: Logger, drainTimeout: Duration = .seconds(30)) {
        self.configPath = configPath
        self.logger = logger
        self.drainTimeout = drainTimeout
    }

    /// Loads the config and starts; throws when the first config is unusable (nothing to fall back on).
    public func start() throws {
        let config = try ConfigLoader.load(path: configPath)
        let ledger = try SQLiteStateStore(directory: config.stateDir)
        let runtime = try Runtime(config: config, ledger: ledger, logger: logger)
        try runtime.start()
        control.sync {
            self.ledger = ledger
            self.runtime = runtime
        }
        installSignalHandlers()
        logger.info("wirefeed running", metadata: ["config": "\(configPath)", "state": "\(config.stateDir)"])
    }

    private func installSignalHandlers() {
        for (signalNumber, action) in [(SIGTERM, Action.stop), (SIGINT, .stop), (SIGHUP, .reload)] {
            signal(signalNumber, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: signalNumber, queue: control)
            source.setEventHandler { [weak self] in self?.handle(action) }
            source.resume()
            signals.append(source)
        }
    }

    private enum Action { case stop, reload }

    private func handle(_ action: Action) {
        switch action {
        case .reload: reload()
        case .stop: stopAndExit()
        }
    }

    /// Runs on `control`. The new runtime is built (config checked, sinks opened) before the old one
    /// stops, so a bad config or an unwritable sink leaves the running daemon as it was.
    private func reload() {
        logger.info("SIGHUP: reloading", metadata: ["config": "\(configPath)"])
        guard let ledger else { return }
        let next: Runtime
        do {
            let config = try ConfigLoader.load(path: configPath)
            next = try Runtime(config: config, ledger: ledger, logger: logger)
        } catch {
            logger.error("reload refused; keeping the running config", metadata: ["error": "\(error)"])
            return
        }
        let old = runtime
        if let old, !old.stop(timeout: drainTimeout) {
            logger.warning("reload: drain timed out; unfinished files stay in the inbox and are picked up again")
        }
        do {
            try next.start()
            runtime = next
            logger.info("reloaded", metadata: ["status": "\(next.statusLine)"])
        } catch {
            logger.error("reload: the new config's sources would not start; restoring the old config", metadata: ["error": "\(error)"])
            restore(old?.config, ledger: ledger)
        }
    }

    private func restore(_ config: PipelineConfig?, ledger: SQLiteStateStore) {
        do {
            guard let config else { throw Runtime.BuildError(description: "no earlier config") }
            let again = try Runtime(config: config, ledger: ledger, logger: logger)
            try again.start()
            runtime = again
        } catch {
            logger.critical("cannot restore the old config either; exiting", metadata: ["error": "\(error)"])
            exit(1)
        }
    }

    private func stopAndExit() {
        logger.info("stopping: draining items in flight")
        let drained = runtime?.stop(timeout: drainTimeout) ?? true
        if drained {
            logger.info("stopped", metadata: ["status": "\(runtime?.statusLine ?? "")"])
        } else {
            logger.warning("drain timed out; unfinished files stay in the inbox and are picked up on start")
        }
        exit(0)
    }
}
