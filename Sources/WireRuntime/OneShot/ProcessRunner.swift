import Foundation
import Logging
import WireModel
import WireReaders

/// `wirefeed process`: the configured stages over files given on the command line, in order, inline,
/// each surviving item handed to `emit` as one NDJSON line.
public struct ProcessRunner: Sendable {
    public struct Summary: Sendable, Equatable {
        public var inputs = 0
        public var items = 0
        public var deadLetters = 0
        /// (path, reason) of every input that could not be read at all.
        public var failed: [Failure] = []
        public var succeeded: Bool { failed.isEmpty && deadLetters == 0 }
    }

    public struct Failure: Sendable, Equatable {
        public var path: String
        public var reason: String
    }

    public let stages: [any Stage]
    public let read: ReadFunction
    public let node: String
    public let maxFileBytes: Int

    public init(stages: [any Stage], read: @escaping ReadFunction, node: String, maxFileBytes: Int = 64 << 20) {
        self.stages = stages
        self.read = read
        self.node = node
        self.maxFileBytes = maxFileBytes
    }

    /// A directory stands for its files (not its subfolders), sorted by name; dot-files and temporary
    /// names are skipped as the inbox skips them.
    public static func expand(_ paths: [String]) -> (files: [String], missing: [Failure]) {
        var files: [String] = []
        var missing: [Failure] = []
        for path in paths {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
                missing.append(Failure(path: path, reason: "no such file or directory"))
                continue
            }
            guard isDirectory.boolValue else { files.append(path); continue }
            let names = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
            for name in names.sorted() where InboxFolder.isCandidate(name) {
                let full = (path as NSString).appendingPathComponent(name)
                var sub: ObjCBool = false
                if FileManager.default.fileExists(atPath: full, isDirectory: &sub), !sub.boolValue { files.append(full) }
            }
        }
        return (files, missing)
    }

    /// Runs every file; `emit` gets each item's line, `deadLetter` each failure, `progress` (index, total,
    /// path) before each file.
    public func run(
        files: [String], emit: (Item) -> Void, deadLetter: (DeadLetterInput) -> Void,
        progress: ((Int, Int, String) -> Void)? = nil
    ) -> Summary {
        var summary = Summary()
        let pipeline = EmbeddedPipeline(stages: stages)
        for (index, path) in files.enumerated() {
            progress?(index, files.count, path)
            summary.inputs += 1
            let items: ReadResult
            do {
                items = try readFile(path)
            } catch {
                summary.failed.append(Failure(path: path, reason: error.description))
                continue
            }
            for issue in items.issues where !issue.isInformational {
                summary.deadLetters += 1
                let failure = StageFailure(stage: "read", reason: issue.reason, detail: "\(path): \(issue.detail)")
                deadLetter(DeadLetterInput(failure: failure, source: fileSource(path)))
            }
            for item in items.items {
                let result = pipeline.run(item)
                result.emitted.forEach(emit)
                summary.items += result.emitted.count
                summary.deadLetters += result.deadLetters.count
                result.deadLetters.forEach(deadLetter)
            }
        }
        return summary
    }

    func fileSource(_ path: String) -> ItemSource {
        ItemSource(type: "file", name: "process", path: path)
    }

    func readFile(_ path: String) throws(UnreadableInput) -> ReadResult {
        let bytes: [UInt8]
        do {
            bytes = try CappedFileReader.read(path: path, cap: maxFileBytes)
        } catch {
            switch error {
            case .vanished: throw UnreadableInput(reason: "vanished", detail: "\(path) went away")
            case .unreadable(let reason, let detail): throw UnreadableInput(reason: reason, detail: detail)
            }
        }
        let name = (path as NSString).lastPathComponent
        let context = ReadContext(source: fileSource(path), receivedAt: Timestamp.now())
        var result = try read(bytes, context)
        let hash = ItemID.contentHash(bytes)
        for index in result.items.indices {
            result.items[index].id = ItemID.make(
                node: node, sourceName: "process", inputIdentity: name, contentHash: hash, ordinal: index)
        }
        return result
    }
}
