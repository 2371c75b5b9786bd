import ArgumentParser
import LibXML
import WireRuntime

struct ReplayCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "replay",
        abstract: "Feed dead-lettered items back through the stages (from the one that failed them) into the sinks."
    )

    @Option(name: .shortAndLong, help: "The pipeline config whose stages and sinks to use.")
    var config: String = "pipeline.json"

    @Argument(help: "A dead-letter NDJSON file.")
    var deadLetterFile: String

    @OptionGroup var logging: LoggingOptions

    func run() throws {
        let logger = logging.makeLogger()
        LibXML.initialize()
        let summary: ReplayRunner.Summary
        do {
            let loaded = try ConfigLoader.load(path: config)
            summary = try ReplayRunner(config: loaded, logger: logger).run(deadLetterFile: deadLetterFile)
        } catch {
            printError("replay: \(error)")
            throw ExitCode(1)
        }
        print(
            "\(summary.lines) line(s): \(summary.replayed) replayed, \(summary.written) written, "
                + "\(summary.deadLetteredAgain) dead-lettered again, \(summary.notReplayable) not replayable")
        if !summary.sinkFailures.isEmpty {
            printError("sink failures: \(summary.sinkFailures.prefix(5).joined(separator: "; "))")
            throw ExitCode(1)
        }
    }
}
