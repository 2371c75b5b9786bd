import ArgumentParser
import LibXML
import Logging
import WireRuntime

@main
struct WireFeedCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "wirefeed",
        abstract: "Turns news wire copy into clean, structured, de-duplicated NDJSON.",
        version: "\(WireFeedVersion.number) (libxml2 \(LibXML.version))",
        subcommands: [RunCommand.self, CheckCommand.self, ProcessCommand.self, ReplayCommand.self, SchemaCommand.self]
    )
}

/// Options every command that logs shares.
struct LoggingOptions: ParsableArguments {
    @Option(help: "Log level: trace, debug, info, notice, warning, error or critical.")
    var logLevel: String = "info"

    func makeLogger(label: String = "wirefeed") -> Logger {
        let level = Logger.Level(rawValue: logLevel) ?? .info
        LoggingSystem.bootstrap { label in
            var handler = StreamLogHandler.standardError(label: label)
            handler.logLevel = level
            return handler
        }
        var logger = Logger(label: label)
        logger.logLevel = level
        return logger
    }
}
