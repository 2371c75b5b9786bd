import Foundation
import Testing
import WireClean
import WireModel
import WireReaders

enum SharedSeeds {
    static let directory = "/work/shared/seeds"
    static let seedA = directory + "/000_d689609cb1ce60ea.txt"
    static let seedB = directory + "/004_cf6556a95dbff13f.txt"
    static var available: Bool { FileManager.default.fileExists(atPath: seedA) && FileManager.default.fileExists(atPath: seedB) }
}

/// The two real seed stories in the workplace's shared folder (never copied into the repository):
/// research §9 lists what cleaning them must give. Skipped where the folder is absent (CI clones).
@Suite(.enabled(if: SharedSeeds.available, "the shared seed stories are not on this machine"))
struct SharedSeedTests {
    static let seedA = SharedSeeds.seedA
    static let seedB = SharedSeeds.seedB

    private func cleaned(_ path: String) throws -> Item {
        let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
        let context = ReadContext(source: ItemSource(type: "file", name: "seed", path: path), receivedAt: "2024-04-13T12:10:03Z")
        var item = try #require(try InputReader().read(bytes, context: context).items.first)
        StoryCleaner().clean(&item)
        return item
    }

    @Test func seedAKeepsNineParagraphsAndRecordsItsFurniture() throws {
        let item = try cleaned(Self.seedA)
        #expect(item.furniture.map(\.kind) == ["site-name", "stray-script", "headline", "byline", "published", "share-widget",
                                              "caption", "duplicate-caption", "sign-off"])
        #expect(item.body?.components(separatedBy: "\n\n").count == 9)
        #expect(item.captions.map(\.credit) == ["KCNA"])
        #expect(item.body?.hasSuffix("(Yonhap)") == false)
    }

    @Test func seedBLosesItsCaptionAndRelatedTailOnly() throws {
        let item = try cleaned(Self.seedB)
        #expect(item.furniture.map(\.kind) == ["caption", "related-heading", "related", "related", "related"])
        #expect(item.body?.components(separatedBy: "\n\n").count == 8)
        #expect(item.captions.map(\.credit) == ["KCNA/Kyodo"])
    }
}
