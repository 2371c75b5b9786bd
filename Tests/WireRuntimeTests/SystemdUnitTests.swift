import Foundation
import Testing

/// The shipped unit as systemd's own tools judge it: `verify` prints nothing (it exits 0 even on parse
/// errors, so any output fails the test) and `security` rates its exposure at most 2.5. Skipped where
/// systemd-analyze is not installed.
@Suite struct SystemdUnitTests {
    static let analyzer = "/usr/bin/systemd-analyze"
    static let hasAnalyzer = FileManager.default.isExecutableFile(atPath: analyzer)
    static let unitPath = DaemonProcessTests.repositoryRoot + "/systemd/wirefeed.service"

    struct Run {
        var status: Int32
        var output: String
    }

    static func run(_ executable: String, _ arguments: [String]) throws -> Run {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Run(status: process.terminationStatus, output: String(decoding: data, as: UTF8.self))
    }

    /// The unit with its ExecStart binary pointed at one that exists here (verify checks it does),
    /// under the same file name so that systemd reads it as wirefeed.service.
    static func unitCopy() throws -> (folder: String, path: String) {
        let binary = FileManager.default.isExecutableFile(atPath: DaemonProcessTests.binary) ? DaemonProcessTests.binary : "/bin/true"
        let text = try String(contentsOfFile: unitPath, encoding: .utf8)
            .replacingOccurrences(of: "/usr/local/bin/wirefeed", with: binary)
        let folder = try temporaryDirectory()
        let path = folder + "/wirefeed.service"
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return (folder, path)
    }

    @Test(.enabled(if: hasAnalyzer, "systemd-analyze is not installed"))
    func verifyFindsNothingToSay() throws {
        let unit = try Self.unitCopy()
        defer { try? FileManager.default.removeItem(atPath: unit.folder) }
        let result = try Self.run(Self.analyzer, ["verify", unit.path])
        #expect(result.status == 0)
        #expect(result.output.isEmpty, "systemd-analyze verify: \(result.output)")
    }

    @Test(.enabled(if: hasAnalyzer, "systemd-analyze is not installed"))
    func exposureIsAtMostTwoPointFive() throws {
        let unit = try Self.unitCopy()
        defer { try? FileManager.default.removeItem(atPath: unit.folder) }
        let result = try Self.run(Self.analyzer, ["security", "--offline=true", "--threshold=25", "--no-pager", unit.path])
        let verdict = result.output.split(separator: "\n").first { $0.contains("Overall exposure level") } ?? "no verdict"
        #expect(result.status == 0, "\(verdict)")
        let score = verdict.split(separator: " ").compactMap { Double($0) }.first
        #expect(score.map { $0 <= 2.5 } == true, "\(verdict)")
    }

    @Test func theUnitKeepsTheSettingsTheDaemonRelies() throws {
        let lines = Set(try String(contentsOfFile: Self.unitPath, encoding: .utf8).split(separator: "\n").map(String.init))
        for setting in [
            "Type=notify", "NotifyAccess=main", "Restart=on-failure", "ExecReload=/bin/kill -HUP $MAINPID",
            "StateDirectory=wirefeed", "LogsDirectory=wirefeed", "ReadWritePaths=/var/spool/wirefeed",
            "SystemCallFilter=setpriority", "TimeoutAbortSec=5s", "UMask=0027",
        ] {
            #expect(lines.contains(setting), "missing \(setting)")
        }
        #expect(lines.contains { $0.hasPrefix("WatchdogSec=") })
        #expect(lines.contains { $0.hasPrefix("ExecStartPre=/usr/local/bin/wirefeed check ") })
    }

    @Test(.enabled(
        if: FileManager.default.isExecutableFile(atPath: DaemonProcessTests.binary), "build the wirefeed executable first"))
    func theShippedConfigPassesCheck() throws {
        let result = try Self.run(
            DaemonProcessTests.binary, ["check", DaemonProcessTests.repositoryRoot + "/systemd/pipeline.json"])
        #expect(result.status == 0, "\(result.output)")
    }

    @Test(.enabled(
        if: FileManager.default.isExecutableFile(atPath: "/usr/bin/make")
            && FileManager.default.isExecutableFile(atPath: DaemonProcessTests.binary),
        "needs make and the built wirefeed executable"))
    func makeInstallPlacesEveryFileAndKeepsAnExistingConfig() throws {
        let stage = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: stage) }
        let arguments = [
            "-s", "-C", DaemonProcessTests.repositoryRoot, "install-files", "DESTDIR=\(stage)", "PREFIX=/usr",
            "BIN=\(DaemonProcessTests.binary)",
        ]
        let first = try Self.run("/usr/bin/make", arguments)
        #expect(first.status == 0, "\(first.output)")
        for path in [
            "/usr/bin/wirefeed", "/usr/lib/systemd/system/wirefeed.service", "/usr/lib/sysusers.d/wirefeed.conf",
            "/usr/lib/tmpfiles.d/wirefeed.conf", "/etc/wirefeed/pipeline.json",
        ] {
            #expect(FileManager.default.fileExists(atPath: stage + path), "missing \(path)")
        }
        let unit = try String(contentsOfFile: stage + "/usr/lib/systemd/system/wirefeed.service", encoding: .utf8)
        #expect(unit.contains("ExecStart=/usr/bin/wirefeed run --config /etc/wirefeed/pipeline.json"))
        #expect(!unit.contains("/usr/local/bin"))

        let edited = Data(#"{"edited": "by the operator"}"#.utf8)
        try edited.write(to: URL(fileURLWithPath: stage + "/etc/wirefeed/pipeline.json"))
        let second = try Self.run("/usr/bin/make", arguments)
        #expect(second.status == 0, "\(second.output)")
        #expect(FileManager.default.contents(atPath: stage + "/etc/wirefeed/pipeline.json") == edited)
    }
}
