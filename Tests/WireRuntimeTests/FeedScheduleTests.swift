import Testing
@testable import WireRuntime

/// The schedule's arithmetic, with a seeded generator so every rule is checked exactly.
@Suite struct FeedScheduleTests {
    /// A deterministic generator (SplitMix64).
    struct SeededGenerator: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    private func schedule(jitter: Int = 0) -> FeedSchedule {
        FeedSchedule(config: FeedSourceConfig(
            name: "f", url: "http://x/", interval: .seconds(300), minInterval: .seconds(60),
            maxInterval: .seconds(6 * 3600), jitterPercent: jitter))
    }

    @Test func freshPollsWaitTheIntervalOrTheServersLongerHint() {
        var random = SeededGenerator(state: 1)
        let s = schedule()
        #expect(s.delay(after: .fresh(freshFor: nil), using: &random) == 300)
        #expect(s.delay(after: .fresh(freshFor: .seconds(60)), using: &random) == 300)
        #expect(s.delay(after: .fresh(freshFor: .seconds(3600)), using: &random) == 3600)
        // A hint beyond max_interval is capped.
        #expect(s.delay(after: .fresh(freshFor: .seconds(86_400 * 7)), using: &random) == 6 * 3600)
    }

    @Test func errorsBackOffExponentiallyUpToTheCapAndKeepGoing() {
        var random = SeededGenerator(state: 2)
        let s = schedule()
        let delays = (1...12).map { s.delay(after: .failed(consecutiveErrors: $0, retryAfter: nil), using: &random) }
        #expect(Array(delays.prefix(4)) == [300, 600, 1200, 2400])
        #expect(delays.last == 6.0 * 3600)
        // Past the cap the feed is still polled at the cap: it is never given up.
        #expect(s.delay(after: .failed(consecutiveErrors: 10_000, retryAfter: nil), using: &random) == 6 * 3600)
    }

    @Test func jitterSpreadsDelaysWithinItsShareAndTheBounds() {
        var random = SeededGenerator(state: 3)
        let s = schedule(jitter: 10)
        let fresh = (0..<200).map { _ in s.delay(after: .fresh(freshFor: nil), using: &random) }
        #expect(fresh.allSatisfy { $0 >= 270 && $0 <= 330 })
        #expect(Set(fresh).count > 150)
        // Errors: at most the jitter share below the backoff, never above it.
        let third = (0..<200).map { _ in s.delay(after: .failed(consecutiveErrors: 3, retryAfter: nil), using: &random) }
        #expect(third.allSatisfy { $0 >= 1080 && $0 <= 1200 })
        #expect(Set(third).count > 150)
    }

    @Test func retryAfterStretchesTheBackoffWithinTheBounds() {
        var random = SeededGenerator(state: 4)
        let s = schedule()
        #expect(s.delay(after: .failed(consecutiveErrors: 1, retryAfter: .seconds(900)), using: &random) == 900)
        #expect(s.delay(after: .failed(consecutiveErrors: 1, retryAfter: .seconds(1)), using: &random) == 300)
        #expect(s.delay(after: .failed(consecutiveErrors: 1, retryAfter: .seconds(86_400)), using: &random) == 6 * 3600)
    }

    @Test func networkOutagesRetrySoonWithoutBackoff() {
        var random = SeededGenerator(state: 5)
        let s = schedule()
        // min(interval, 30 s), raised to min_interval.
        #expect(s.delay(after: .networkDown, using: &random) == 60)
    }

    @Test func firstPollsAreSpreadOverTheJitterShare() {
        var random = SeededGenerator(state: 6)
        let firsts = (0..<100).map { _ in schedule(jitter: 50).firstDelay(using: &random) }
        #expect(firsts.allSatisfy { $0 >= 0 && $0 <= 15 })
        #expect(Set(firsts).count > 90)
        #expect(schedule(jitter: 0).firstDelay(using: &random) == 0)
    }
    /// The feed's `<ttl>` goes the way of `max-age`: through the hints, the longer one winning, into
    /// the same `.fresh` rule and its bounds.
    @Test func feedTTLDelaysTheNextPollLikeMaxAgeWithinTheBounds() {
        var random = SeededGenerator(state: 7)
        let s = schedule()
        func delay(maxAge: Int64?, ttlMinutes: Int64?) -> Double {
            let hints = HTTPCacheHints(freshFor: maxAge.map { .seconds($0) }, retryAfter: nil)
            let freshFor = hints.honouring(ttl: ttlMinutes.map { .seconds($0 * 60) }).freshFor
            return s.delay(after: .fresh(freshFor: freshFor), using: &random)
        }
        #expect(delay(maxAge: nil, ttlMinutes: 30) == 1800)
        // Shorter than the interval: the interval still holds.
        #expect(delay(maxAge: nil, ttlMinutes: 2) == 300)
        // Beyond max_interval: capped.
        #expect(delay(maxAge: nil, ttlMinutes: 24 * 60) == 6 * 3600)
        // With a Cache-Control max-age the longer of the two wins.
        #expect(delay(maxAge: 3600, ttlMinutes: 20) == 3600)
        #expect(delay(maxAge: 3600, ttlMinutes: 120) == 7200)
        #expect(delay(maxAge: 3600, ttlMinutes: nil) == 3600)
        #expect(delay(maxAge: nil, ttlMinutes: nil) == 300)
        #expect(HTTPCacheHints().honouring(ttl: .zero) == HTTPCacheHints())
    }
}
