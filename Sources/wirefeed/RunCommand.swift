import ArgumentParser
import Dispatch
#if canImport(Glibc)
import Glibc
#endif
import LibXML
import WireRuntime

struct RunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Run the daemon: watch the inboxes, write NDJSON; SIGHUP reloads, SIGTERM drains and exits."
    )

    @Option(name: .shortAndLong, help: "The pipeline config.")
    var config: String = "pipeline.json"

    @Option(help: "Longest wait, in seconds, for items in flight on SIGTERM or reload.")
    var drainTimeout: Int = 30

    @Option(help: ArgumentHelp(
        "Seconds a stage or sink may hold items without finishing one before the pipeline counts as wedged "
            + "and the systemd watchdog stops being pinged."))
    var stallLimit: Int = 120

    @OptionGroup var logging: LoggingOptions

    func run() throws {
        // Before anything starts a thread: every thread inherits the blocked mask (see Daemon).
        Daemon.blockSignals()
        let logger = logging.makeLogger()
        // A stdout sink read by a pipe that closes must fail its writes, not kill the daemon.
        signal(SIGPIPE, SIG_IGN)
        // Past RLIMIT_FSIZE a write must fail with EFBIG (the sink stops acknowledging and retries), not
        // kill the daemon: a size limit is one way a disk is "full".
        signal(SIGXFSZ, SIG_IGN)
        LibXML.initialize()
        let daemon = Daemon(
            configPath: config, logger: logger, drainTimeout: .seconds(drainTimeout), stallLimit: .seconds(stallLimit))
        do {
            try daemon.start()
        } catch {
            logger.critical("cannot start", metadata: ["error": "\(error)"])
            throw ExitCode(1)
        }
        daemon.runSignalLoop()
    }
}
