import ArgumentParser
import WireRuntime

struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Validate a pipeline config; print every error with its JSON path; exit non-zero if any."
    )

    @Argument(help: "The pipeline config to check.")
    var file: String = "pipeline.json"

    func run() throws {
        let config: PipelineConfig
        do {
            config = try ConfigLoader.load(path: file)
        } catch {
            printError("\(file): invalid\n\(error)")
            throw ExitCode(1)
        }
        let unsupported = Runtime.unsupported(in: config)
        guard unsupported.isEmpty else {
            printError("\(file): valid, but this build cannot run it\n" + unsupported.joined(separator: "\n"))
            throw ExitCode(1)
        }
        print("\(file): \(ConfigLoader.describe(config))")
    }
}
