import Dispatch
import Foundation
import Testing
@testable import WireRuntime

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The headline promise (DESIGN §1): `kill -9` at any instant leaves no acknowledged line missing,
/// none written twice once the input is processed again, and no torn line.
///
/// The parent test runs this test binary again as a child that writes and records each id it gets
/// `.durable` for, kills it with SIGKILL part-way, then reopens the file as a restarted daemon would
/// and processes the whole input again.
@Suite struct NDJSONFileSinkCrashTests {
    static let childFolderVariable = "WIREFEED_SINK_CRASH_CHILD"
    static let childFolder = ProcessInfo.processInfo.environment[childFolderVariable]
    static let recordCount = 20_000

    static func record(_ n: Int) -> SinkRecord { testRecord(id: "c-\(n)", n: n, length: 30 + n % 90) }

    @Test(.enabled(if: childFolder != nil, "runs only as the child of the kill test"))
    func crashChildWritesUntilKilled() async throws {
        let folder = try #require(Self.childFolder)
        try await onDispatchThread {
            let acks = open("\(folder)/acks", O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0o600)
            let sink = NDJSONFileSink(
                name: "crash", path: "\(folder)/out.ndjson", fsyncInterval: .milliseconds(2), logger: sinkTestLogger())
            for n in 0..<Self.recordCount {
                sink.write(Self.record(n)) { outcome in
                    guard outcome == .durable else { return }
                    // No fsync needed here: SIGKILL loses no page cache, only power loss would.
                    _ = POSIXIO.writeFully(acks, Array("c-\(n)\n".utf8))
                }
            }
            sink.flush()
            // Wait to be killed; give up after a while in case the parent is gone.
            Thread.sleep(forTimeInterval: 120)
        }
    }

    @Test(
        .enabled(if: childFolder == nil && FileManager.default.fileExists(atPath: "/proc/self/exe")),
        arguments: [1, 500, 5_000])
    func aKillDashNineAtAnyMomentLosesNothingAndRepeatsNothing(killAfterAcks: Int) async throws {
        let folder = try TemporaryFolder()
        let executable = try FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")
        let outcome = try await onDispatchThread { () -> (acked: [String], before: [String], after: [String]?) in
            let child = Process()
            child.executableURL = URL(fileURLWithPath: executable)
            child.arguments = ["--testing-library", "swift-testing", "--filter", "crashChildWritesUntilKilled"]
            child.environment = ProcessInfo.processInfo.environment.merging(
                [Self.childFolderVariable: folder.path]) { _, new in new }
            child.standardOutput = FileHandle.nullDevice
            child.standardError = FileHandle.nullDevice
            try child.run()
            let acksPath = folder.file("acks")
            let deadline = Date(timeIntervalSinceNow: 60)
            while child.isRunning, Date() < deadline,
                  fileBytes(acksPath).count(where: { $0 == UInt8(ascii: "\n") }) < killAfterAcks {
                usleep(200)
            }
            kill(child.processIdentifier, SIGKILL)
            child.waitUntilExit()

            let acked = (wholeLines(acksPath) ?? []).filter { !$0.isEmpty }
            let outPath = folder.file("out.ndjson")
            let bytes = fileBytes(outPath)
            let whole = bytes.lastIndex(of: UInt8(ascii: "\n")).map { bytes[...$0] } ?? []
            let before = decodeTestLines(
                whole.split(separator: UInt8(ascii: "\n")).map { String(decoding: $0, as: UTF8.self) }
            ).map { $0?.id ?? "undecodable" }

            // The restarted daemon processes the same input again.
            let restarted = NDJSONFileSink(name: "crash", path: outPath, logger: sinkTestLogger())
            for n in 0..<Self.recordCount { restarted.write(Self.record(n)) { _ in } }
            restarted.close()
            return (acked, before, wholeLines(outPath))
        }
        #expect(!outcome.acked.isEmpty, "the child acknowledged something before it was killed")
        let before = Set(outcome.before)
        let lost = outcome.acked.filter { !before.contains($0) }
        #expect(lost.isEmpty, "acknowledged but missing after kill -9: \(lost.prefix(5))")
        #expect(!outcome.before.contains("undecodable"), "every whole line left by the kill decodes")
        let after = try #require(outcome.after, "no torn line after the restart")
        let ids = decodeTestLines(after).map { $0?.id }
        #expect(ids == (0..<Self.recordCount).map { "c-\($0)" }, "every line exactly once, in order")
    }
}
