import Foundation
import Testing
@testable import WireLanguage

/// `make eval`: single-sentence accuracy on lingua's published test sentences (shared/data/lingua-testdata,
/// never used to build the profiles), per language and overall, for every language this identifier ships.
/// Skips when the shared data is not beside the checkout.
@Suite struct LanguageEval {
    static let bar = 95.0

    static var sentencesFolder: URL? {
        let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
        let candidates = [ProcessInfo.processInfo.environment["WIREFEED_SHARED"].map { URL(fileURLWithPath: $0) },
                          packageRoot.deletingLastPathComponent().appendingPathComponent("shared"),
                          URL(fileURLWithPath: "/work/shared")]
        return candidates.compactMap { $0?.appendingPathComponent("data/lingua-testdata/sentences") }
            .first { FileManager.default.fileExists(atPath: $0.path) }
    }

    @Test(.enabled(if: sentencesFolder != nil, "the shared lingua test sentences are not on this machine"))
    func sentenceAccuracy() throws {
        let folder = try #require(Self.sentencesFolder)
        let loadStart = ContinuousClock.now
        let identifier = LanguageIdentifier()
        let loadTime = ContinuousClock.now - loadStart
        var rows: [(code: String, correct: Int, total: Int)] = []
        var bytes = 0
        var judging = Duration.zero
        for code in identifier.supportedLanguages {
            let file = folder.appendingPathComponent("\(code).txt")
            guard let text = try? String(contentsOf: file, encoding: .utf8) else { continue }
            // Split on scalars: a line that starts with a combining mark would join "\n" in one Character.
            let lines = text.unicodeScalars.split(separator: "\n").map { String(String.UnicodeScalarView($0)) }
                .filter { !$0.isEmpty }
            bytes += lines.reduce(0) { $0 + $1.utf8.count }
            let start = ContinuousClock.now
            let correct = lines.count { identifier.identify($0) == code }
            judging += ContinuousClock.now - start
            rows.append((code, correct, lines.count))
        }
        let correct = rows.reduce(0) { $0 + $1.correct }
        let total = rows.reduce(0) { $0 + $1.total }
        let overall = total == 0 ? 0 : 100 * Double(correct) / Double(total)
        print(Self.table(rows, overall: overall))
        // Figures for the report, not assertions (this build's optimisation level decides them).
        let seconds = Double(judging.components.seconds) + Double(judging.components.attoseconds) / 1e18
        print("  profiles loaded in \(loadTime); \(bytes) bytes judged in \(judging)"
              + " (\(String(format: "%.1f", Double(bytes) / max(seconds, 1e-9) / 1e6)) MB/s)")
        #expect(rows.count >= 30)
        #expect(overall >= Self.bar, "overall sentence accuracy \(overall) % is below the \(Self.bar) % bar")
    }

    static func table(_ rows: [(code: String, correct: Int, total: Int)], overall: Double) -> String {
        var lines = ["language-id sentence accuracy (lingua test data)"]
        for row in rows.sorted(by: { $0.code < $1.code }) {
            let percent = 100 * Double(row.correct) / Double(max(row.total, 1))
            lines.append("  \(row.code)  \(String(format: "%5.1f", percent)) %  (\(row.correct)/\(row.total))")
        }
        lines.append("  overall \(String(format: "%5.2f", overall)) % over \(rows.count) languages")
        return lines.joined(separator: "\n")
    }
}
