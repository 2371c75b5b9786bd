/// When a feed is polled next, from what its last poll came to.
///
/// Pure arithmetic on seconds so that tests can check every rule with a seeded generator:
/// - a good poll waits the interval, or longer when the server's cache hints say so;
/// - an error waits an exponential backoff from the interval, capped at `max_interval` and never
///   abandoned, stretched by `Retry-After` when the server sends one;
/// - while the network itself is down, errors are not counted and the feed is retried soon;
/// - every delay is moved at random (jitter) so feeds that failed together do not retry together;
/// - every delay stays within `min_interval … max_interval`.
struct FeedSchedule: Sendable, Equatable {
    enum Outcome: Sendable, Equatable {
        /// 200 or 304; `freshFor` is the server's cache hint or the feed's `<ttl>` (the longer), if any.
        case fresh(freshFor: Duration?)
        /// The `consecutiveErrors`-th error in a row (1 for the first); `retryAfter` from a 429/503.
        case failed(consecutiveErrors: Int, retryAfter: Duration?)
        /// Every host was unreachable at once: the error says nothing about the feed.
        case networkDown
    }

    var interval: Double
    var minInterval: Double
    var maxInterval: Double
    /// 0…100.
    var jitterPercent: Int
    /// How soon a feed is retried while the network is down.
    static let networkRetry = 30.0

    init(config: FeedSourceConfig) {
        interval = config.interval.inSeconds
        minInterval = config.minInterval.inSeconds
        maxInterval = config.maxInterval.inSeconds
        jitterPercent = min(max(config.jitterPercent, 0), 100)
    }

    /// The first poll of a run comes at a random point within one jittered interval's spread, so a
    /// daemon starting with hundreds of feeds does not send them all in the same second.
    func firstDelay(using random: inout some RandomNumberGenerator) -> Double {
        let spread = min(interval, Self.networkRetry) * Double(jitterPercent) / 100
        return spread > 0 ? Double.random(in: 0...spread, using: &random) : 0
    }

    func delay(after outcome: Outcome, using random: inout some RandomNumberGenerator) -> Double {
        let fraction = Double(jitterPercent) / 100
        switch outcome {
        case .fresh(let freshFor):
            let base = max(interval, freshFor?.inSeconds ?? 0)
            return clamp(spread(base, by: fraction, using: &random))
        case .failed(let errors, let retryAfter):
            // Equal jitter below the backoff (at most half of it), so each gap is at least as long
            // as the one before while the backoff doubles.
            let exponent = Double(min(max(errors - 1, 0), 62))
            let backoff = min(maxInterval, interval * pow2(exponent))
            let jittered = backoff * (1 - min(fraction, 0.5) * Double.random(in: 0...1, using: &random))
            return clamp(max(jittered, retryAfter?.inSeconds ?? 0))
        case .networkDown:
            return clamp(spread(min(interval, Self.networkRetry), by: fraction, using: &random))
        }
    }

    private func spread(_ base: Double, by fraction: Double, using random: inout some RandomNumberGenerator) -> Double {
        guard fraction > 0 else { return base }
        return base * (1 + Double.random(in: -fraction...fraction, using: &random))
    }

    private func clamp(_ seconds: Double) -> Double {
        min(max(seconds, minInterval), maxInterval)
    }

    private func pow2(_ exponent: Double) -> Double {
        var result = 1.0
        for _ in 0..<Int(exponent) { result *= 2; if result > 1e12 { break } }
        return result
    }
}

extension Duration {
    /// Seconds as a Double, for schedule arithmetic.
    var inSeconds: Double {
        Double(components.seconds) + Double(components.attoseconds) / 1e18
    }
}
