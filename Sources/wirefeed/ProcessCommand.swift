import ArgumentParser
import Foundation
import LibXML
import WireReaders
import WireRuntime

struct ProcessCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "process",
        abstract: "One shot: run the configured stages over files (a folder means its files, sorted) and print "
            + "every item that is not dropped to stdout as NDJSON.",
        discussion: """
            Uses --config, else ./pipeline.json when there is one, else every available stage with defaults. \
            Sources and sinks of the config are ignored; failures go to stderr. Exits 1 if any input failed \
            or any item was dead-lettered.
            """
    )

    @Option(name: .shortAndLong, help: "The pipeline config (default: ./pipeline.json if present).")
    var config: String?

    @Option(help: ArgumentHelp(
        "Worker threads. Files are read, and order-independent stages run, on this many threads; `dedupe` "
            + "still sees items in input order, and lines come out in input order, as with one thread."))
    var threads = 1

    @Argument(help: "Files or folders, processed in the order given.")
    var inputs: [String]

    @OptionGroup var logging: LoggingOptions

    func validate() throws {
        if inputs.isEmpty { throw ValidationError("name at least one file or folder") }
        if threads < 1 || threads > 256 { throw ValidationError("--threads takes a number from 1 to 256") }
    }

    func run() throws {
        _ = logging.makeLogger()
        LibXML.initialize()
        let stages = try loadStages()
        let reader = InputReader()
        let runner = ProcessRunner(
            stages: stages, read: { bytes, context throws(UnreadableInput) in try reader.read(bytes, context: context) },
            node: ProcessInfo.processInfo.hostName)
        let (files, missing) = ProcessRunner.expand(inputs)
        let showProgress = StandardStreams.standardErrorIsTerminal
        let output = BufferedStandardOutput()
        var summary = runner.run(
            files: files, threads: threads,
            emit: { output.append($0.ndjsonLine()) },
            deadLetter: { StandardStreams.write(Runtime.deadLetterLine($0).line, to: 2) },
            progress: showProgress ? { index, total, path in
                StandardStreams.write(Array("\r\u{1B}[K[\(index + 1)/\(total)] \(path)".utf8), to: 2)
            } : nil)
        output.flush()
        if showProgress { StandardStreams.write(Array("\r\u{1B}[K".utf8), to: 2) }
        summary.failed.insert(contentsOf: missing, at: 0)
        for failure in summary.failed { printError("failed: \(failure.path): \(failure.reason)") }
        printError(
            "\(summary.inputs) input(s), \(summary.items) item(s), \(summary.failed.count) failed, "
                + "\(summary.deadLetters) dead-lettered")
        if !summary.succeeded { throw ExitCode(1) }
    }

    private func loadStages() throws -> [any Stage] {
        let path = config ?? (FileManager.default.fileExists(atPath: "pipeline.json") ? "pipeline.json" : nil)
        guard let path else { return try StageFactory.make(StageFactory.defaultConfigs) }
        do {
            let loaded = try ConfigLoader.load(path: path)
            // The config's state folder: a second run remembers what the first one saw. Opened only when a
            // stage keeps state, so a stage-less run (the feed-only benchmark) starts without a database.
            guard StageFactory.needsState(loaded.stages) else { return try StageFactory.make(loaded.stages) }
            return try StageFactory.make(loaded.stages, state: try SQLiteStateStore(directory: loaded.stateDir))
        } catch {
            printError("\(path): \(error)")
            throw ExitCode(2)
        }
    }
}
