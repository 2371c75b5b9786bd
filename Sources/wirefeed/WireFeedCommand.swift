import ArgumentParser
import Foundation
import LibXML
import Logging
import WireRuntime
#if canImport(Glibc)
import Glibc
#endif

@main
struct WireFeedCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "wirefeed",
        abstract: "Turns news wire copy into clean, structured, de-duplicated NDJSON.",
        version: "\(WireFeedVersion.number) (libxml2 \(LibXML.version))",
        subcommands: [
            RunCommand.self, CheckCommand.self, ProcessCommand.self, ReplayCommand.self, StatusCommand.self, SchemaCommand.self,
        ]
    )
}

/// Options every command that logs shares.
struct LoggingOptions: ParsableArguments {
    @Option(help: "Log level: trace, debug, info, notice, warning, error or critical.")
    var logLevel: String = "info"

    @Option(help: "Log format: human, json (one object per line, for journald), or auto: human on a terminal, json otherwise.")
    var logFormat: LogFormat = .auto

    enum LogFormat: String, ExpressibleByArgument, CaseIterable {
        case auto, human, json
    }

    func makeLogger(label: String = "wirefeed") -> Logger {
        let level = Logger.Level(rawValue: logLevel) ?? .info
        let json = logFormat == .json || (logFormat == .auto && isatty(STDERR_FILENO) == 0)
        LoggingSystem.bootstrap { label in
            guard json else {
                var handler = StreamLogHandler.standardError(label: label)
                handler.logLevel = level
                return handler
            }
            let journal = ProcessInfo.processInfo.environment["JOURNAL_STREAM"] != nil
            var handler = JSONLineLogHandler(label: label, syslogPrefix: journal)
            handler.logLevel = level
            return handler
        }
        var logger = Logger(label: label)
        logger.logLevel = level
        return logger
    }
}
