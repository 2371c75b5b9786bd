import Foundation
import Testing
import WireModel
@testable import WireExtract

@Suite struct DebugProbeTests {
    @Test func probe() {
        guard let text = ProcessInfo.processInfo.environment["PROBE"] else { return }
        var item = Item(source: ItemSource(type: "file", name: "p"), format: .text, receivedAt: "2026-11-29T00:00:00Z")
        item.body = text
        let out = StoryExtractor().extract(item)
        print(out.entities ?? Entities())
        print("D", out.dates)
        print("Q", out.quotes)
        let t = TokenText(text)
        print("R", EntityRecognizer(text: t, gazetteer: .shared).recognize().map { "\(t.string($0.range))=\(String(describing: $0.kind)) \($0.entry?.name ?? "")" })
    }
}
