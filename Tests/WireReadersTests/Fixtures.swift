import Foundation
import WireModel
import WireReaders

/// Test inputs under the repository's `Fixtures/`, found relative to this file so that tests run from
/// any working directory.
enum Fixtures {
    static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()  // WireReadersTests
        .deletingLastPathComponent()  // Tests
        .deletingLastPathComponent()  // repository root
        .appendingPathComponent("Fixtures")

    static func url(_ relative: String) -> URL {
        root.appendingPathComponent(relative)
    }

    static func bytes(_ relative: String) throws -> [UInt8] {
        Array(try Data(contentsOf: url(relative)))
    }

    static func context(documentURL: String? = nil, timeZone: String? = nil) -> ReadContext {
        ReadContext(source: ItemSource(type: "file", name: "fixtures"), receivedAt: "2025-03-04T12:00:00Z",
                    documentURL: documentURL, timeZone: timeZone)
    }
}
