import WireClean
import WireModel

/// A story of ordinary prose around the lines a test is about, so that rules see a real story shape.
enum StoryFixture {
    static let lede = "SEOUL, March 4 (Yonhap) -- The port city of Mokpo will open a ferry route to the southern islands next month, officials said Monday."
    static let middle = "The route will carry about 300 passengers a day between the harbor and three islands, the city said in a statement."
    static let last = "Officials expect the service to shorten the trip by about an hour compared with the current boats."

    /// Paragraphs joined as plain copy: blank lines between them.
    static func copy(_ paragraphs: [String]) -> String { paragraphs.joined(separator: "\n\n") }

    static func clean(_ paragraphs: [String], options: CleanOptions = CleanOptions(), context: CopyContext = CopyContext()) -> CleanedStory {
        StoryCleaner(options: options).clean(text: copy(paragraphs), context: context)
    }
}

extension CleanedStory {
    var paragraphs: [String] { body.map { $0.components(separatedBy: "\n\n") } ?? [] }
    func kinds(of text: String) -> [String] { furniture.filter { $0.text == text }.map(\.kind) }
}
