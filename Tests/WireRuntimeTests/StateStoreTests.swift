import Foundation
import Testing
@testable import WireRuntime

@Suite struct StateStoreTests {
    @Test(arguments: StateStoreKind.available)
    func claimFinishAndReclaimSurviveReopening(_ kind: StateStoreKind) throws {
        let location = try TestStateLocation(kind)
        defer { location.remove() }
        let key = InboxFileKey(source: "wires", name: "a.txt", contentHash: "h1")
        do {
            let store = try location.open()
            #expect(try store.claim(key, size: 10, at: "t1") == .new)
            #expect(try store.claim(key, size: 10, at: "t2") == .resumed, "claimed but unfinished: a crash")
            try store.finish(key, status: .done, items: 3, reason: nil, at: "t3")
        }
        let reopened = try location.open()
        #expect(try reopened.claim(key, size: 10, at: "t4") == .alreadyFinished(.done))
        let changed = InboxFileKey(source: "wires", name: "a.txt", contentHash: "h2")
        #expect(try reopened.claim(changed, size: 11, at: "t5") == .new, "same name, new bytes: a new arrival")
        let counting = try #require(reopened as? any InboxStatusCounting)
        #expect(try counting.countByStatus() == ["done": 1, "processing": 1])
    }

    @Test(arguments: StateStoreKind.available)
    func aFailedFileDroppedAgainIsRetried(_ kind: StateStoreKind) throws {
        let location = try TestStateLocation(kind)
        defer { location.remove() }
        let store = try location.open()
        let key = InboxFileKey(source: "wires", name: "junk.bin", contentHash: "h")
        _ = try store.claim(key, size: 1, at: "t1")
        try store.finish(key, status: .failed, items: 0, reason: "binary", at: "t2")
        #expect(try store.claim(key, size: 1, at: "t3") == .resumed)
    }
}

@Suite struct ItemIDTests {
    @Test func sameInputSameIDAndEveryPartCounts() {
        let base = ItemID.make(node: "n", sourceName: "wires", inputIdentity: "a.txt", contentHash: "h", ordinal: 0)
        #expect(base == ItemID.make(node: "n", sourceName: "wires", inputIdentity: "a.txt", contentHash: "h", ordinal: 0))
        #expect(base.count == 32)
        let variants = [
            ItemID.make(node: "m", sourceName: "wires", inputIdentity: "a.txt", contentHash: "h", ordinal: 0),
            ItemID.make(node: "n", sourceName: "wire", inputIdentity: "sa.txt", contentHash: "h", ordinal: 0),
            ItemID.make(node: "n", sourceName: "wires", inputIdentity: "b.txt", contentHash: "h", ordinal: 0),
            ItemID.make(node: "n", sourceName: "wires", inputIdentity: "a.txt", contentHash: "g", ordinal: 0),
            ItemID.make(node: "n", sourceName: "wires", inputIdentity: "a.txt", contentHash: "h", ordinal: 1),
        ]
        #expect(Set(variants + [base]).count == 6)
    }

    @Test func contentHashIsSHA256Hex() {
        #expect(ItemID.contentHash(Array("abc".utf8)) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
    }
}
