// Driver for Scripts/language-id-bench.sh: compiled together with Sources/WireLanguage, not part of the package.
import Foundation

@main
enum LanguageBench {
    static func main() throws {
        let folder = CommandLine.arguments.dropFirst().first ?? "../shared/data/lingua-testdata/sentences"
        let loadStart = ContinuousClock.now
        let identifier = LanguageIdentifier()
        let loadTime = ContinuousClock.now - loadStart
        var sentences: [(code: String, text: String)] = []
        for code in identifier.supportedLanguages {
            let url = URL(fileURLWithPath: folder).appendingPathComponent("\(code).txt")
            guard let text = try? String(contentsOf: url, encoding: .utf8) else { continue }
            for line in text.unicodeScalars.split(separator: "\n") { sentences.append((code, String(String.UnicodeScalarView(line)))) }
        }
        let bytes = sentences.reduce(0) { $0 + $1.text.utf8.count }
        let start = ContinuousClock.now
        var correct = 0
        for (code, text) in sentences where identifier.identify(text) == code { correct += 1 }
        let elapsed = ContinuousClock.now - start
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        print("load \(loadTime); \(sentences.count) sentences, \(bytes) bytes in \(elapsed): "
              + String(format: "%.1f MB/s, %.0f sentences/s, accuracy %.2f %%",
                       Double(bytes) / seconds / 1e6, Double(sentences.count) / seconds,
                       100 * Double(correct) / Double(max(sentences.count, 1))))
    }
}
