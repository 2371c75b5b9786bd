import Testing
@testable import WireRuntime

/// Each kind of issue `wirefeed check` reports, with its exact path and message.
@Suite struct ConfigIssueTests {
    private let stdoutSink = #""sinks": [{"name": "all", "type": "stdout"}]"#

    private func issues(_ json: String) -> [String] { ConfigTestSupport.issues(json) }

    // MARK: shapes

    @Test func unknownStage() {
        #expect(issues(#"{\#(stdoutSink), "stages": [{"type": "clean"}, {"type": "shred"}]}"#) == [
            #"stages[1].type: unknown stage "shred"; expected one of clean, dedupe, extract, enrich, route"#,
        ])
    }

    @Test func missingTag() {
        #expect(issues(#"{\#(stdoutSink), "stages": [{"window": "5m"}]}"#) == [
            "stages[0].type: required; expected one of clean, dedupe, extract, enrich, route",
        ])
    }

    @Test func unknownSinkAndSourceTypes() {
        #expect(issues(#"{"sinks": [{"name": "q", "type": "kafka"}], "sources": [{"name": "s", "type": 3}]}"#) == [
            #"sinks[0].type: unknown sink type "kafka"; expected one of file, stdout"#,
            "sources[0].type: expected one of inbox, feed, got a number",
        ])
    }

    @Test func durationThatIsNotOne() {
        let json = #"""
        {\#(stdoutSink), "sources": [
          {"type": "inbox", "name": "wires", "path": "in"},
          {"type": "feed", "name": "world", "url": "https://example.com/rss", "interval": "5 minutes"}]}
        """#
        #expect(issues(json) == [
            #"sources[1].interval: "5 minutes" is not a duration; expected a number followed by ms, s, m, h or d, e.g. "90s", "5m", "72h""#,
        ])
    }

    @Test func durationWrittenAsANumberOrZero() {
        #expect(issues(#"{\#(stdoutSink), "stages": [{"type": "dedupe", "window": 3600}, {"type": "dedupe", "window": "0h"}]}"#) == [
            #"stages[0].window: expected a duration string such as "90s" or "5m", got a number"#,
            #"stages[1].window: "0h" is not a positive duration; expected a number followed by ms, s, m, h or d, e.g. "90s", "5m", "72h""#,
        ])
    }

    @Test func requiredForAFileSink() {
        #expect(issues(#"{"sinks": [{"name": "a", "type": "stdout"}, {"name": "b", "type": "stdout"}, {"name": "c", "type": "file"}]}"#) == [
            "sinks[2].path: required for a file sink",
        ])
    }

    @Test func unknownKeyThenTheKeyItMisspelt() {
        #expect(issues(#"{"sinks": [{"name": "all", "type": "file", "pth": "out.ndjson"}]}"#) == [
            "sinks[0].pth: unknown key; expected one of name, type, path, fsync_interval, max_size, keep, rotate_every, when_full",
            "sinks[0].path: required for a file sink",
        ])
    }

    @Test func keyOfAnotherVariant() {
        #expect(issues(#"{"sinks": [{"name": "all", "type": "stdout", "path": "out.ndjson"}]}"#) == [
            "sinks[0].path: not used by a stdout sink; expected one of name, type, when_full",
        ])
    }

    @Test func unknownTopLevelKeyAndMissingSinks() {
        #expect(issues(#"{"stages": [], "sink": []}"#) == [
            "sink: unknown key; expected one of $schema, state_dir, node, state, sources, stages, sinks, dead_letter, poller, http",
            "sinks: required",
        ])
    }

    @Test func wrongTypes() {
        let json = #"""
        {"sinks": [{"name": "all", "type": "file", "path": "a", "keep": "5", "max_size": 1.5}],
         "sources": {"type": "inbox"}, "state_dir": ["x"], "http": "127.0.0.1:9464"}
        """#
        #expect(issues(json) == [
            "sinks[0].keep: expected a whole number, got a string",
            "sinks[0].max_size: expected a whole number, got 1.5",
            "sources: expected an array, got an object",
            "state_dir: expected a path string, got an array",
            "http: expected an object, got a string",
        ])
    }

    @Test func integerBelowItsMinimum() {
        #expect(issues(#"{"sinks": [{"name": "all", "type": "file", "path": "a", "keep": -1, "max_size": 0}]}"#) == [
            "sinks[0].keep: must be at least 0, got -1",
            "sinks[0].max_size: must be at least 1, got 0",
        ])
    }

    @Test func emptySinksAndEmptyStrings() {
        #expect(issues(#"{"sinks": [], "state_dir": "", "node": ""}"#) == [
            "sinks: must list at least 1 entry",
            "state_dir: must not be empty",
            "node: must not be empty",
        ])
    }

    @Test func duplicateKey() {
        #expect(issues(#"{"sinks": [{"name": "all", "type": "stdout", "name": "again"}]}"#) == [
            "sinks[0].name: duplicate key; each key may appear once",
        ])
    }

    @Test func oddKeysAreQuotedInPaths() {
        #expect(issues(#"{\#(stdoutSink), "foo bar": 1, "$schema": 2}"#) == [
            #"["foo bar"]: unknown key; expected one of $schema, state_dir, node, state, sources, stages, sinks, dead_letter, poller, http"#,
            #"["$schema"]: expected a string, got a number"#,
        ])
    }

    @Test func topLevelNotAnObject() {
        #expect(issues("[]") == ["expected a JSON object at the top level, got an array"])
    }

    @Test func syntaxErrorWithLineAndColumn() {
        #expect(issues("{\n  \"sinks\": [\n    {\"name\": \"all\", \"type\": \"stdout\"},\n  ]\n}\n") == [
            "invalid JSON at line 4, column 3: unexpected ']'; expected a value",
        ])
    }

    @Test func unknownTimeZone() {
        #expect(issues(#"{\#(stdoutSink), "sources": [{"type": "inbox", "name": "w", "path": "in", "time_zone": "Mars/Olympus_Mons"}]}"#) == [
            #"sources[0].time_zone: "Mars/Olympus_Mons" is not a known IANA time zone; expected e.g. "UTC", "Europe/London", "Asia/Seoul""#,
        ])
    }

    @Test func feedURLMustBeHTTP() {
        let json = #"""
        {\#(stdoutSink), "sources": [{"type": "feed", "name": "a", "url": "ftp://example.com/rss"},
                                      {"type": "feed", "name": "b", "url": "example.com/rss"},
                                      {"type": "feed", "name": "c", "url": "HTTPS://example.com/rss"}]}
        """#
        #expect(issues(json) == [
            #"sources[0].url: "ftp://example.com/rss" is not an http or https URL"#,
            #"sources[1].url: "example.com/rss" is not an http or https URL"#,
        ])
    }

    @Test func listenMustBeHostAndPort() {
        for listen in ["127.0.0.1:9464", "[::1]:9464", "localhost:80", "0.0.0.0:65535"] {
            #expect(issues(#"{\#(stdoutSink), "http": {"listen": "\#(listen)"}}"#) == [], "\(listen)")
        }
        for listen in ["localhost", ":9464", "::1:9464", "127.0.0.1:0", "127.0.0.1:70000", "127.0.0.1:http", "[::1]9464"] {
            #expect(issues(#"{\#(stdoutSink), "http": {"listen": "\#(listen)"}}"#) == [
                #"http.listen: "\#(listen)" is not host:port; expected e.g. "127.0.0.1:9464" or "[::1]:9464""#,
            ])
        }
        #expect(issues(#"{\#(stdoutSink), "http": {}}"#) == ["http.listen: required"])
    }

    @Test func deadLetterIsAFile() {
        #expect(issues(#"{\#(stdoutSink), "dead_letter": {"type": "stdout", "path": "dl.ndjson"}}"#) == [
            #"dead_letter.type: "stdout" is not allowed; expected file"#,
        ])
        #expect(issues(#"{\#(stdoutSink), "dead_letter": {"type": "file"}}"#) == ["dead_letter.path: required"])
    }

    // MARK: route conditions

    @Test func badRegularExpression() {
        let json = #"""
        {\#(stdoutSink), "stages": [{"type": "route", "default": ["all"],
          "rules": [{"name": "r", "to": ["all"], "when": {"field": "headline", "matches": "(unclosed"}}]}]}
        """#
        #expect(issues(json) == [#"stages[0].rules[0].when.matches: "(unclosed" is not a valid regular expression"#])
    }

    @Test func conditionNeedsExactlyOneTest() {
        let json = #"""
        {\#(stdoutSink), "stages": [{"type": "route", "default": ["all"], "rules": [
          {"name": "none", "when": {"field": "headline"}},
          {"name": "two", "when": {"field": "urgency", "equals": 1, "in": [1, 2]}},
          {"name": "nested", "when": {"not": {"any": [{"field": "byline", "exists": "yes"}, {"fields": "y"}]}}},
          {"name": "empty", "when": {"all": []}}]}]}
        """#
        #expect(issues(json) == [
            "stages[0].rules[0].when: needs one test beside field; expected one of equals, contains, in, matches, exists",
            #"stages[0].rules[1].when.in: only one test per condition; combine conditions with "all""#,
            "stages[0].rules[2].when.not.any[0].exists: expected true or false, got a string",
            "stages[0].rules[2].when.not.any[1]: expected a route condition: an object with one of all, any, not, field",
            "stages[0].rules[3].when.all: must list at least 1 entry",
        ])
    }

    @Test func routeNeedsADefaultAndRulesNeedNamesAndConditions() {
        #expect(issues(#"{\#(stdoutSink), "stages": [{"type": "route", "rules": [{"to": ["all"]}]}]}"#) == [
            "stages[0].rules[0].name: required",
            "stages[0].rules[0].when: required",
            "stages[0].default: required for a route stage",
        ])
    }

    // MARK: cross-references

    @Test func duplicateNames() {
        let json = #"""
        {"sources": [{"type": "inbox", "name": "wires", "path": "a"}, {"type": "feed", "name": "wires", "url": "https://example.com/"}],
         "sinks": [{"name": "all", "type": "stdout"}, {"name": "all", "type": "file", "path": "all.ndjson"}]}
        """#
        #expect(issues(json) == [
            #"sources[1].name: "wires" is already the name of sources[0]"#,
            #"sinks[1].name: "all" is already the name of sinks[0]"#,
        ])
    }

    @Test func routeTargetsMustBeSinks() {
        let json = #"""
        {"sinks": [{"name": "all", "type": "stdout"}, {"name": "console", "type": "stdout"}],
         "stages": [{"type": "route", "default": ["everything"],
                     "rules": [{"name": "k", "to": ["all", "korea"], "when": {"field": "countries", "contains": "KP"}},
                               {"name": "k", "when": {"field": "countries", "contains": "KR"}}]}]}
        """#
        #expect(issues(json) == [
            #"stages[0].default[0]: "everything" is not a sink; expected one of all, console"#,
            #"stages[0].rules[0].to[1]: "korea" is not a sink; expected one of all, console"#,
            #"stages[0].rules[1].name: "k" is already the name of stages[0].rules[0]"#,
        ])
    }

    @Test func aDroppingRuleSendsNowhere() {
        let json = #"""
        {\#(stdoutSink), "stages": [{"type": "route", "default": [],
          "rules": [{"name": "d", "to": ["all"], "drop": true, "when": {"field": "byline", "exists": true}}]}]}
        """#
        #expect(issues(json) == [#"stages[0].rules[0].to: a rule that drops sends nowhere; remove "to" or "drop""#])
    }

    @Test func inboxFoldersAreDistinct() {
        let json = #"""
        {\#(stdoutSink), "sources": [
          {"type": "inbox", "name": "a", "path": "wires/in", "done": "wires/./in/", "failed": "wires/failed-a"},
          {"type": "inbox", "name": "b", "path": "b/in", "failed": "b/done"},
          {"type": "inbox", "name": "c", "path": "/srv/wirefeed/wires/in"},
          {"type": "inbox", "name": "d", "path": "d/done", "failed": "d/failed-d"}]}
        """#
        #expect(issues(json) == [
            "sources[0].done: the same folder as path; expected a folder of its own",
            "sources[1].failed: the same folder as the default done folder; expected a folder of its own",
            "sources[2].path: the same folder as sources[0].path",
            "sources[3].path: the same folder as the default done folder (/srv/wirefeed/d/done); set done to a folder of its own",
        ])
    }

    @Test func fileSinksDoNotShareAFile() {
        let json = #"""
        {"sinks": [{"name": "a", "type": "file", "path": "out/all.ndjson"}, {"name": "b", "type": "file", "path": "/srv/wirefeed/out/all.ndjson"}],
         "dead_letter": {"path": "out/../out/all.ndjson"}}
        """#
        #expect(issues(json) == [
            "sinks[1].path: the same file as sinks[0].path; two sinks cannot share a file",
            "dead_letter.path: the same file as sinks[0].path; two sinks cannot share a file",
        ])
    }

    @Test func postgresStateNeedsItsURL() {
        #expect(issues(#"{\#(stdoutSink), "state": {"type": "postgres"}}"#) == ["state.url: required when type is postgres"])
        #expect(issues(#"{\#(stdoutSink), "state": {"type": "postgres", "url": "mysql://db/x"}}"#) == [
            #"state.url: "mysql://db/x" is not a postgresql:// URL"#,
        ])
        #expect(issues(#"{\#(stdoutSink), "state": {"type": "embedded", "url": "postgresql://db/x"}}"#) == [
            "state.url: only used when type is postgres",
        ])
    }

    // MARK: many at once

    @Test func everyIssueInDocumentOrder() {
        // A cross-reference issue (duplicate name) sits between shape issues; all come out in file order.
        let json = #"""
        {"sinks": [{"name": "all", "type": "file"}, {"name": "all", "type": "stdout", "colour": "red"}],
         "stages": [{"type": "shred"}, {"type": "route", "default": ["nowhere"]}],
         "http": {"listen": "localhost"}}
        """#
        #expect(issues(json) == [
            "sinks[0].path: required for a file sink",
            #"sinks[1].name: "all" is already the name of sinks[0]"#,
            "sinks[1].colour: unknown key; expected one of name, type, when_full",
            #"stages[0].type: unknown stage "shred"; expected one of clean, dedupe, extract, enrich, route"#,
            #"stages[1].default[0]: "nowhere" is not a sink; expected one of all"#,
            #"http.listen: "localhost" is not host:port; expected e.g. "127.0.0.1:9464" or "[::1]:9464""#,
        ])
    }

    @Test func errorRendersOneIssuePerLine() {
        let error = ConfigError(issues: [
            ConfigIssue(path: "sinks[0].path", message: "required for a file sink"),
            ConfigIssue(path: "", message: "invalid JSON at line 1, column 1: x"),
        ])
        #expect(error.description == "sinks[0].path: required for a file sink\ninvalid JSON at line 1, column 1: x")
    }
}
