import Testing
@testable import WireRuntime

/// The feed and poller keys of `pipeline.json`: defaults from the one spec, written values, and the
/// checks `wirefeed check` prints.
@Suite struct FeedConfigTests {
    private let sinks = #""sinks": [{"name": "all", "type": "stdout"}]"#

    @Test func feedScheduleAndLimitKeysHaveDefaults() throws {
        let config = try ConfigTestSupport.load(#"{"sources": [{"type": "feed", "name": "w", "url": "https://a.example/rss"}], \#(sinks)}"#)
        guard case .feed(let feed)? = config.sources.first else {
            Issue.record("no feed source")
            return
        }
        #expect(feed.minInterval == .seconds(60))
        #expect(feed.maxInterval == .seconds(6 * 3600))
        #expect(feed.jitterPercent == 10)
        #expect(feed.maxBodyBytes == 16 << 20)
        #expect(feed.maxRedirects == 5)
        #expect(feed.silenceFactor == 4)
        #expect(config.poller == PollerConfig())
    }

    @Test func writtenValuesAreRead() throws {
        let config = try ConfigTestSupport.load(#"""
        {"sources": [{"type": "feed", "name": "w", "url": "https://a.example/rss", "interval": "2m",
                      "min_interval": "30s", "max_interval": "1h", "jitter_percent": 0, "max_body_size": 1024,
                      "max_redirects": 0, "silence_factor": 0}],
         "poller": {"connect_timeout": "3s", "max_per_host": 8, "max_concurrent": 500, "user_agent": "Desk/1",
                    "seen_retention": "7d"},
         \#(sinks)}
        """#)
        #expect(config.sources == [.feed(FeedSourceConfig(
            name: "w", url: "https://a.example/rss", interval: .seconds(120), minInterval: .seconds(30),
            maxInterval: .seconds(3600), jitterPercent: 0, maxBodyBytes: 1024, maxRedirects: 0, silenceFactor: 0))])
        #expect(config.poller == PollerConfig(
            connectTimeout: .seconds(3), maxPerHost: 8, maxConcurrent: 500, userAgent: "Desk/1", seenRetention: .seconds(7 * 86400)))
    }

    @Test func checkReportsBadFeedAndPollerValues() {
        let issues = ConfigTestSupport.issues(#"""
        {"sources": [{"type": "feed", "name": "w", "url": "ftp://a.example/rss", "interval": "10s"},
                     {"type": "feed", "name": "x", "url": "https://a.example/x", "min_interval": "2h", "max_interval": "1h"}],
         "poller": {"max_per_host": 0, "retries": 3},
         \#(sinks)}
        """#)
        #expect(issues.contains { $0.contains("sources[0].url") })
        #expect(issues.contains { $0.contains("sources[0].interval") && $0.contains("between min_interval and max_interval") })
        #expect(issues.contains { $0.contains("sources[1].min_interval") })
        #expect(issues.contains { $0.contains("poller.max_per_host") })
        #expect(issues.contains { $0.contains("poller.retries") })
    }

    @Test func feedSourcesAreNoLongerRefused() throws {
        let config = try ConfigTestSupport.load(#"{"sources": [{"type": "feed", "name": "w", "url": "https://a.example/rss"}], \#(sinks)}"#)
        #expect(Runtime.unsupported(in: config).isEmpty)
    }
}
