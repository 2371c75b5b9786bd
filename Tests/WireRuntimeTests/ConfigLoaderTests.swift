import Foundation
import Testing
@testable import WireRuntime

@Suite struct ConfigLoaderTests {
    private let fixtures = ConfigTestSupport.fixtures

    @Test func loadsTheFullFixture() throws {
        let config = try ConfigLoader.load(path: fixtures + "/full.json")
        #expect(config.path == fixtures + "/full.json")
        #expect(config.stateDir == fixtures + "/state")
        #expect(config.node == "wire-1")
        #expect(config.state == .postgres(url: "postgresql://wirefeed@db.internal/wirefeed"))
        #expect(config.sources == [
            .inbox(InboxSourceConfig(
                name: "wires", path: fixtures + "/inbox", done: fixtures + "/archive/done", failed: "/srv/wirefeed/failed",
                timeZone: "Asia/Seoul", maxFileBytes: 1_048_576
            )),
            .feed(FeedSourceConfig(
                name: "harbour-world", url: "https://news.harbour.example/world/rss.xml", interval: .seconds(90),
                timeout: .seconds(10), headers: ["User-Agent": "WireFeed/1.0"], timeZone: "Europe/London"
            )),
        ])
        #expect(config.stages.map(\.typeName) == StageConfig.typeNames)
        #expect(config.stages[1] == .dedupe(DedupeStageConfig(window: .seconds(7 * 86400), maxItems: 100_000)))
        #expect(config.sinks == [
            SinkConfig(name: "all", kind: .file, path: fixtures + "/out/all.ndjson", fsyncInterval: .milliseconds(50),
                       maxBytes: 104_857_600, keep: 3),
            SinkConfig(name: "korea", kind: .file, path: fixtures + "/out/korea.ndjson"),
            SinkConfig(name: "console", kind: .stdout),
        ])
        #expect(config.deadLetter == SinkConfig(
            name: "rejects", kind: .file, path: fixtures + "/out/dead-letter.ndjson", fsyncInterval: .seconds(1),
            maxBytes: 1_000_000, keep: 2
        ))
        #expect(config.http == HTTPConfig(listen: "127.0.0.1:9464"))
    }

    @Test func decodesRouteRules() throws {
        let config = try ConfigLoader.load(path: fixtures + "/full.json")
        let route = try #require(config.stages.last)
        #expect(route == .route(RouteStageConfig(
            rules: [
                RouteRule(name: "korea-desk", to: ["korea"], when: .any([
                    .field(path: "countries", test: .contains(.string("KP"))),
                    .field(path: "countries", test: .contains(.string("KR"))),
                ])),
                RouteRule(name: "no-dupes", drop: true, when: .field(path: "dedupe.status", test: .equals(.string("duplicate")))),
                RouteRule(name: "urgent", to: ["console", "all"], when: .all([
                    .field(path: "urgency", test: .isIn([.number(1), .number(2)])),
                    .not(.field(path: "pub_status", test: .equals(.string("withheld")))),
                    .field(path: "embargo_until", test: .exists(false)),
                    .field(path: "headline", test: .matches(#"^(URGENT|FLASH)\b"#)),
                ])),
            ],
            defaultSinks: ["all"]
        )))
    }

    @Test func fillsDefaults() throws {
        let config = try ConfigLoader.load(path: fixtures + "/minimal.json")
        #expect(config.stateDir == fixtures + "/var/state")
        #expect(config.node == nil)
        #expect(config.state == .embedded)
        #expect(config.sources == [.inbox(InboxSourceConfig(
            name: "wires", path: fixtures + "/drop/inbox", done: fixtures + "/drop/done", failed: fixtures + "/drop/failed",
            timeZone: nil, maxFileBytes: 64 << 20
        ))])
        #expect(config.stages == [
            .dedupe(DedupeStageConfig(window: .seconds(72 * 3600), maxItems: nil)),
            .route(RouteStageConfig(rules: [], defaultSinks: ["console"])),
        ])
        #expect(config.deadLetter == nil)
        #expect(config.http == nil)
    }

    @Test func fillsFeedFileSinkAndDeadLetterDefaults() throws {
        let config = try ConfigTestSupport.load(#"""
        {"sources": [{"type": "feed", "name": "world", "url": "https://example.com/rss"}],
         "sinks": [{"name": "all", "type": "file", "path": "all.ndjson"}],
         "dead_letter": {"path": "dl.ndjson"}}
        """#)
        #expect(config.sources == [.feed(FeedSourceConfig(
            name: "world", url: "https://example.com/rss", interval: .seconds(300), timeout: .seconds(30), headers: [:]
        ))])
        #expect(config.sinks == [SinkConfig(
            name: "all", kind: .file, path: "/srv/wirefeed/all.ndjson", fsyncInterval: .milliseconds(200), maxBytes: nil, keep: 5
        )])
        #expect(config.deadLetter == SinkConfig(
            name: "dead_letter", kind: .file, path: "/srv/wirefeed/dl.ndjson", fsyncInterval: .milliseconds(200),
            maxBytes: 64 << 20, keep: 5
        ))
        #expect(config.stages.isEmpty)
    }

    @Test func resolvesPathsAgainstTheConfigFolder() throws {
        let config = try ConfigLoader.load(data: Array(#"""
        {"state_dir": "../state/./db//",
         "sources": [{"type": "inbox", "name": "w", "path": "../../../../../in", "done": "/var/spool/wires/done"}],
         "sinks": [{"name": "a", "type": "file", "path": "out/../a.ndjson"}]}
        """#.utf8), baseDirectory: "/etc/wirefeed/conf.d")
        #expect(config.stateDir == "/etc/wirefeed/state/db")
        #expect(config.sources == [.inbox(InboxSourceConfig(
            name: "w", path: "/in", done: "/var/spool/wires/done", failed: "/failed"
        ))])
        #expect(config.sinks.first?.path == "/etc/wirefeed/conf.d/a.ndjson")
        #expect(config.path == nil)
    }

    @Test func resolvesARelativeConfigPathAgainstTheWorkingDirectory() throws {
        let workingDirectory = FileManager.default.currentDirectoryPath
        let relative = ConfigTestSupport.relativePath(from: workingDirectory, to: fixtures + "/minimal.json")
        let config = try ConfigLoader.load(path: relative)
        #expect(config.path == fixtures + "/minimal.json")
        #expect(config.stateDir == fixtures + "/var/state")
    }

    @Test func reportsAMissingFile() {
        #expect(ConfigTestSupport.issues(atPath: fixtures + "/absent.json") == [
            "cannot read \(fixtures)/absent.json: no such file",
        ])
        #expect(ConfigTestSupport.issues(atPath: fixtures) == ["cannot read \(fixtures): it is a folder"])
    }

    @Test func theShippedPipelineLoads() throws {
        let root = ConfigTestSupport.repositoryRoot
        let config = try ConfigLoader.load(path: root + "/pipeline.json")
        #expect(ConfigLoader.describe(config) == "ok: 1 source, 4 stages (clean, dedupe, extract, enrich), 1 sink")
        #expect(config.stateDir == root + "/var/state")
        #expect(config.sources == [.inbox(InboxSourceConfig(
            name: "wires", path: root + "/var/inbox", done: root + "/var/done", failed: root + "/var/failed"
        ))])
        #expect(config.sinks == [SinkConfig(name: "all", kind: .file, path: root + "/var/out/all.ndjson")])
        #expect(config.deadLetter?.path == root + "/var/out/dead-letter.ndjson")
    }

    @Test func describesAFullConfig() throws {
        let config = try ConfigLoader.load(path: fixtures + "/full.json")
        #expect(ConfigLoader.describe(config) == "ok: 2 sources, 5 stages (clean, dedupe, extract, enrich, route), 3 sinks")
    }

    /// DESIGN §4's example, verbatim but for a real feed URL: the contract's keys all load.
    @Test func theDesignExampleLoads() throws {
        let config = try ConfigLoader.load(path: fixtures + "/design-example.json")
        #expect(ConfigLoader.describe(config) == "ok: 2 sources, 5 stages (clean, dedupe, extract, enrich, route), 3 sinks")
        #expect(config.http == HTTPConfig(listen: "127.0.0.1:9464"))
        #expect(config.sinks.map(\.name) == ["all", "korea", "console"])
    }

    @Test func loadsFromData() throws {
        let data = Data(#"{"sinks": [{"name": "a", "type": "file", "path": "a.ndjson"}]}"#.utf8)
        let config = try ConfigLoader.load(data: data, baseDirectory: "/opt/wf", path: "/opt/wf/pipeline.json")
        #expect(config.path == "/opt/wf/pipeline.json")
        #expect(config.sinks.first?.path == "/opt/wf/a.ndjson")
        #expect(config.stateDir == "/opt/wf/var/state")
    }

    @Test func brokenShapesFixture() {
        #expect(ConfigTestSupport.issues(atPath: fixtures + "/broken-shapes.json") == [
            #"sources[1].interval: "5 minutes" is not a duration; expected a number followed by ms, s, m, h or d, e.g. "90s", "5m", "72h""#,
            #"stages[0].type: unknown stage "shred"; expected one of clean, dedupe, extract, enrich, route"#,
            #"stages[1].window: "0h" is not a positive duration; expected a number followed by ms, s, m, h or d, e.g. "90s", "5m", "72h""#,
            "sinks[0].pth: unknown key; expected one of name, type, path, fsync_interval, max_size, keep, rotate_every, when_full",
            "sinks[0].path: required for a file sink",
            "sinks[2].path: required for a file sink",
            #"http.listen: "localhost" is not host:port; expected e.g. "127.0.0.1:9464" or "[::1]:9464""#,
        ])
    }

    @Test func brokenReferencesFixture() {
        #expect(ConfigTestSupport.issues(atPath: fixtures + "/broken-references.json") == [
            "sources[0].done: the same folder as path; expected a folder of its own",
            #"sources[0].time_zone: "Mars/Olympus_Mons" is not a known IANA time zone; expected e.g. "UTC", "Europe/London", "Asia/Seoul""#,
            #"sources[1].name: "wires" is already the name of sources[0]"#,
            #"sources[1].url: "ftp://news.harbour.example/rss.xml" is not an http or https URL"#,
            #"stages[0].rules[0].to[0]: "korea" is not a sink; expected one of all"#,
            #"stages[0].rules[1].to: a rule that drops sends nowhere; remove "to" or "drop""#,
            #"stages[0].rules[1].when.matches: "(unclosed" is not a valid regular expression"#,
            #"stages[0].default[0]: "everything" is not a sink; expected one of all"#,
            #"sinks[1].name: "all" is already the name of sinks[0]"#,
            #"dead_letter.type: "stdout" is not allowed; expected file"#,
            "dead_letter.path: the same file as sinks[0].path; two sinks cannot share a file",
        ])
    }

    @Test func brokenSyntaxFixture() {
        #expect(ConfigTestSupport.issues(atPath: fixtures + "/broken-syntax.json") == [
            "invalid JSON at line 4, column 3: unexpected ']'; expected a value",
        ])
    }
}
