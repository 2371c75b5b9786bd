import Testing
@testable import WireRuntime

/// The file sink's memory of recent ids (named for the `Sink` test filter).
@Suite struct RecentIDWindowSinkTests {
    @Test func evictsTheOldestLinesPastTheLineBudget() {
        var window = RecentIDWindow(lineBudget: 3, byteBudget: 1_000)
        for id in ["a", "b", "c", "d"] { window.insert(id, bytes: 10) }
        #expect(!window.contains("a"))
        #expect(["b", "c", "d"].allSatisfy { window.contains($0) })
        #expect(window.count == 3)
    }

    @Test func evictsTheOldestLinesPastTheByteBudget() {
        var window = RecentIDWindow(lineBudget: 100, byteBudget: 25)
        window.insert("a", bytes: 10)
        window.insert("b", bytes: 10)
        window.insert("c", bytes: 10)
        #expect(!window.contains("a"))
        #expect(window.contains("b") && window.contains("c"))
        window.insert("huge", bytes: 26)
        #expect(window.count == 0, "a line past the byte budget cannot be read back either")
    }

    @Test func anIDTwiceInTheWindowSurvivesEvictingItsOlderCopy() {
        var window = RecentIDWindow(lineBudget: 2, byteBudget: 1_000)
        window.insert("x", bytes: 1)
        window.insert("x", bytes: 1)
        window.insert("y", bytes: 1)
        #expect(window.contains("x"))
        window.insert("z", bytes: 1)
        #expect(!window.contains("x"))
    }

    @Test func linesWithoutAnIDTakeTheirShareOfTheBudget() {
        var window = RecentIDWindow(lineBudget: 2, byteBudget: 1_000, lines: [(id: "a", bytes: 5), (id: nil, bytes: 5)])
        #expect(window.contains("a"))
        window.insert(nil, bytes: 5)
        #expect(!window.contains("a"))
    }

    @Test func staysCorrectOverManyEvictions() {
        var window = RecentIDWindow(lineBudget: 1_000, byteBudget: 1 << 30)
        for n in 0..<20_000 { window.insert("id-\(n)", bytes: 50) }
        #expect(window.count == 1_000)
        #expect(window.contains("id-19000"))
        #expect(!window.contains("id-18999"))
    }
}
