import Dispatch
import Foundation
import Logging
#if canImport(Glibc)
import Glibc
#endif

/// The long-running process: builds a `Runtime` from the config, reloads it on SIGHUP (keeping the old
/// one when the new config is bad), drains it on SIGTERM/SIGINT before exiting 0, and keeps systemd
/// informed (`READY=1`, `RELOADING=1`, `STOPPING=1`, `STATUS=`, and `WATCHDOG=1` while healthy).
///
/// Startup, reloads and the stop are serialised on one queue. Signals are taken with `sigwait(2)` on the
/// main thread (`runSignalLoop`), not with Dispatch signal sources: libdispatch on Linux re-raises a
/// signal at its event thread as it was when the signal source was registered, and under load that
/// thread can be gone, so a SIGTERM was lost while the pipeline was busy (seen in the SIGTERM-under-load
/// test). With the signals blocked in every thread (`blockSignals` before any thread exists) the
/// kernel keeps them pending for `sigwait`, so none is lost, even one sent during startup.
public final class Daemon: @unchecked Sendable {
    private let configPath: String
    private let logger: Logger
    private let drainTimeout: Duration
    private let stallLimit: Duration
    private let notifier: SystemdNotifier
    /// Shared by every generation: totals and stall clocks carry across reloads.
    private let progress = PipelineProgress()
    private let control = DispatchQueue(label: "wirefeed.daemon")
    /// Guards `current`, which the watchdog reads from its own queue (only `control` replaces it), and
    /// `reloadQueued`.
    private let runtimeLock = NSLock()
    private var current: Runtime?
    /// A reload is queued on `control` and has not begun: further SIGHUPs join it.
    private var reloadQueued = false
    // Touched only on `control`.
    private var ledger: (any InboxLedger)?
    private var watchdog: SystemdWatchdog?
    /// What `/metrics`, `/health` and `/status` read; one per process, like `progress`.
    public private(set) lazy var observer = DaemonObserver(progress: progress, stallLimit: stallLimit) { [weak self] in
        self?.runtime
    }
    private var endpoint: HTTPEndpoint?
    /// The listen address the endpoint bound at start; a reload cannot move it.
    private var boundListen: String?

    /// The signals the daemon acts on.
    static let handledSignals: [Int32] = [SIGTERM, SIGINT, SIGHUP]

    /// - Parameters:
    ///   - drainTimeout: longest wait for items in flight on SIGTERM or reload.
    ///   - stallLimit: how long a hop (stage, delivery, sink) may hold items without moving one before
    ///     the pipeline counts as wedged and the watchdog stops pinging.
    public init(
        configPath: String, logger: Logger, drainTimeout: Duration = .seconds(30), stallLimit: Duration = .seconds(120),
        notifier: SystemdNotifier = SystemdNotifier()
    ) {
        self.configPath = configPath
        self.logger = logger
        self.drainTimeout = drainTimeout
        self.stallLimit = stallLimit
        self.notifier = notifier
        // Made here, before any thread can ask for it: a lazy property is not safe to race on.
        _ = observer
    }

    /// Loads the config and starts; throws when the first config is unusable (nothing to fall back on).
    /// Sends `READY=1` once the sources are watching.
    /// Call `blockSignals()` before, and `runSignalLoop()` after: a signal sent during startup waits,
    /// blocked, and is handled once READY=1 is out.
    public func start() throws {
        // Before any stage makes its latency timer, so the timers report to Prometheus.
        ProcessMetrics.bootstrap()
        try control.sync { try startFirstRuntime() }
    }

    /// Blocks SIGTERM, SIGINT and SIGHUP in the calling thread. Call it first thing on the main thread,
    /// before any other thread exists: threads inherit the mask, so every signal stays pending for
    /// `runSignalLoop` instead of reaching a thread that would ignore it or die of it.
    public static func blockSignals() {
        var set = signalSet()
        pthread_sigmask(SIG_BLOCK, &set, nil)
    }

    private static func signalSet() -> sigset_t {
        var set = sigset_t()
        sigemptyset(&set)
        for signalNumber in handledSignals { sigaddset(&set, signalNumber) }
        return set
    }

    /// Takes signals on the calling thread, forever, and hands each to the control queue: SIGTERM and
    /// SIGINT drain and exit, SIGHUP reloads. Several SIGHUPs before a queued reload begins make one reload;
    /// one that arrives during a reload makes one more, so the config read last is the newest.
    /// A second SIGTERM or SIGINT during the drain (a second Ctrl-C) exits at once with status 1: whatever
    /// was not finished stays in the inbox and is resumed on the next start.
    public func runSignalLoop() -> Never {
        var set = Self.signalSet()
        var stopping = false
        while true {
            var signalNumber: Int32 = 0
            guard sigwait(&set, &signalNumber) == 0 else { continue }
            if signalNumber == SIGHUP {
                queueReload()
            } else if stopping {
                logger.warning("second stop signal: exiting without waiting for the drain; unfinished files stay in the inbox")
                _exit(1)
            } else {
                stopping = true
                control.async { self.stopAndExit() }
            }
        }
    }

    private func queueReload() {
        let alreadyQueued = runtimeLock.withLock {
            defer { reloadQueued = true }
            return reloadQueued
        }
        guard !alreadyQueued else { return }
        control.async {
            self.runtimeLock.withLock { self.reloadQueued = false }
            self.handleReload()
        }
    }

    /// The running generation, for status and tests.
    public var runtime: Runtime? { runtimeLock.withLock { current } }

    private func replaceRuntime(_ runtime: Runtime?) { runtimeLock.withLock { current = runtime } }

    private func startFirstRuntime() throws {
        let runtime: Runtime
        do {
            let config = try ConfigLoader.load(path: configPath)
            let ledger = try StateStoreFactory.open(config, logger: logger)
            runtime = try Runtime(config: config, ledger: ledger, progress: progress, logger: logger)
            try runtime.start()
            self.ledger = ledger
        } catch {
            notifier.status("cannot start: \(error)")
            throw error
        }
        replaceRuntime(runtime)
        try startEndpoint(runtime.config.http)
        startWatchdog()
        notifier.ready(status: runtime.statusLine)
        logger.info("wirefeed running", metadata: ["config": "\(configPath)", "state": "\(runtime.config.stateDir)"])
    }

    private func startEndpoint(_ http: HTTPConfig?) throws {
        observer.history.start()
        guard let http else { return }
        let endpoint = HTTPEndpoint(observer: observer, logger: logger)
        do {
            try endpoint.start(listen: http.listen)
        } catch {
            notifier.status("cannot start: \(error)")
            throw error
        }
        self.endpoint = endpoint
        boundListen = http.listen
    }

    private func startWatchdog() {
        guard notifier.isEnabled else { return }
        let stallLimit = self.stallLimit
        let watchdog = SystemdWatchdog(notifier: notifier, logger: logger) { [weak self] in
            guard let runtime = self?.runtime else {
                return SystemdWatchdog.Report(health: PipelineHealth(problems: []), status: "starting")
            }
            let snapshot = runtime.pipeline.progress.snapshot
            return SystemdWatchdog.Report(
                health: PipelineHealth.evaluate(snapshot, stallLimit: stallLimit),
                status: runtime.statusLine(snapshot))
        }
        watchdog.start()
        self.watchdog = watchdog
        if let interval = notifier.watchdogInterval {
            logger.info("systemd watchdog armed", metadata: ["interval": "\(interval)", "stall_limit": "\(stallLimit)"])
        }
    }

    private func handleReload() {
        // Several SIGHUPs before this began arrive here as one; the config is read as it is now.
        notifier.reloading(status: "reloading \(configPath)")
        let outcome = reload()
        notifier.ready(status: "\(outcome) | \(runtime?.statusLine ?? "")")
    }

    /// Runs on `control`; returns a short outcome for `STATUS=`. The new config is loaded and checked
    /// while the old generation runs, so a bad config leaves the daemon as it was. The old generation
    /// drains and stops before the new one is built: its sinks hold their files' locks, and the new
    /// sinks (often on the same files) would otherwise wait for them and fail their first open.
    private func reload() -> String {
        logger.info("SIGHUP: reloading", metadata: ["config": "\(configPath)"])
        guard let ledger else { return "reload skipped: not started yet" }
        let config: PipelineConfig
        do {
            config = try ConfigLoader.load(path: configPath)
            let problems = Runtime.unsupported(in: config)
            guard problems.isEmpty else { throw Runtime.BuildError(description: problems.joined(separator: "\n")) }
        } catch {
            logger.error("reload refused; keeping the running config", metadata: ["error": "\(error)"])
            return "reload refused, old config kept: \(error)"
        }
        if config.http?.listen != boundListen {
            logger.warning(
                "reload: http.listen changed; the listener stays where it is until the daemon restarts",
                metadata: ["listening": "\(boundListen ?? "none")", "configured": "\(config.http?.listen ?? "none")"])
        }
        let old = runtime
        observer.draining = true
        defer { observer.draining = false }
        if let old, !old.stop(timeout: drainTimeout) {
            logger.warning("reload: drain timed out; unfinished files stay in the inbox and are picked up again")
        }
        do {
            let next = try Runtime(config: config, ledger: ledger, progress: progress, logger: logger)
            try next.start()
            replaceRuntime(next)
            logger.info("reloaded", metadata: ["status": "\(next.statusLine)"])
            return "reloaded"
        } catch {
            logger.error("reload: the new config would not start; restoring the old config", metadata: ["error": "\(error)"])
            restore(old?.config, ledger: ledger)
            return "reload failed, old config restored: \(error)"
        }
    }

    private func restore(_ config: PipelineConfig?, ledger: any InboxLedger) {
        do {
            guard let config else { throw Runtime.BuildError(description: "no earlier config") }
            let again = try Runtime(config: config, ledger: ledger, progress: progress, logger: logger)
            try again.start()
            replaceRuntime(again)
        } catch {
            logger.critical("cannot restore the old config either; exiting", metadata: ["error": "\(error)"])
            notifier.status("cannot restore the old config: \(error)")
            exit(1)
        }
    }

    private func stopAndExit() {
        // The watchdog stops first so that nothing follows STOPPING=1 but the exit.
        watchdog?.stop()
        observer.draining = true
        let runtime = self.runtime
        notifier.stopping(status: "stopping: draining \(runtime?.pipeline.progress.snapshot.inFlight ?? 0) item(s) in flight")
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
