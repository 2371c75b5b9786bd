import WireClean

/// Turns a validated config into `PipelineConfig`: defaults from `ConfigSpec`, paths made absolute.
struct PipelineConfigBuilder {
    private let baseDirectory: String

    private init(baseDirectory: String) {
        self.baseDirectory = baseDirectory
    }

    static func build(_ root: ConfigJSON, baseDirectory: String, path: String?) throws(ConfigError) -> PipelineConfig {
        let builder = PipelineConfigBuilder(baseDirectory: baseDirectory)
        let reader = builder.reader(root, ConfigSpec.pipeline.root, at: "")
        var sources: [SourceConfig] = []
        for (index, element) in (root["sources"]?.elements ?? []).enumerated() {
            sources.append(try builder.source(element, at: ConfigJSONPath.element("sources", index)))
        }
        var stages: [StageConfig] = []
        for (index, element) in (root["stages"]?.elements ?? []).enumerated() {
            stages.append(try builder.stage(element, at: ConfigJSONPath.element("stages", index)))
        }
        var sinks: [SinkConfig] = []
        for (index, element) in (root["sinks"]?.elements ?? []).enumerated() {
            sinks.append(try builder.sink(element, at: ConfigJSONPath.element("sinks", index)))
        }
        return PipelineConfig(
            path: path,
            stateDir: try reader.required(reader.path("state_dir"), "state_dir"),
            node: reader.string("node"),
            state: try reader.child("state", ConfigSpec.stateObject).map(builder.state) ?? .embedded,
            sources: sources,
            stages: stages,
            sinks: sinks,
            deadLetter: try reader.child("dead_letter", ConfigSpec.deadLetterObject).map(builder.deadLetter),
            http: try reader.child("http", ConfigSpec.httpObject).map { http throws(ConfigError) in
                HTTPConfig(listen: try http.required(http.string("listen"), "listen"))
            },
            poller: try builder.poller(reader.child("poller", ConfigSpec.pollerObject)
                ?? builder.reader(ConfigJSON(value: .object([]), offset: 0, endOffset: 0), ConfigSpec.pollerObject, at: "poller"))
        )
    }

    private func reader(_ json: ConfigJSON, _ object: ConfigSpec.Object, at path: String) -> ConfigObjectReader {
        ConfigObjectReader(json: json, object: object, path: path, baseDirectory: baseDirectory)
    }

    /// The variant a tagged object is, or an error: validation has already rejected unknown tags.
    private func variant(_ json: ConfigJSON, of union: ConfigSpec.TaggedUnion, at path: String) throws(ConfigError) -> ConfigSpec.Variant {
        guard let tag = json[union.tagKey]?.string, let variant = union.variant(tag) else {
            throw ConfigError(issues: [ConfigIssue(path: ConfigJSONPath.member(path, union.tagKey), message: "unknown after validation (a WireFeed bug)")])
        }
        return variant
    }

    /// A tag the spec accepts but this builder has no case for: the spec grew and the builder did not.
    private static func unbuildable(_ variant: ConfigSpec.Variant, at path: String) -> ConfigError {
        ConfigError(issues: [ConfigIssue(path: ConfigJSONPath.member(path, "type"),
                                         message: "\(variant.object.title) cannot be built yet (a WireFeed bug)")])
    }

    // MARK: sources

    private func source(_ json: ConfigJSON, at path: String) throws(ConfigError) -> SourceConfig {
        let variant = try variant(json, of: ConfigSpec.sourceUnion, at: path)
        let fields = reader(json, variant.object, at: path)
        let name = try fields.required(fields.string("name"), "name")
        let timeZone = fields.string("time_zone")
        guard variant.tag == "inbox" || variant.tag == "feed" else { throw Self.unbuildable(variant, at: path) }
        if variant.tag == "feed" {
            return .feed(FeedSourceConfig(
                name: name,
                url: try fields.required(fields.string("url"), "url"),
                interval: try fields.required(fields.duration("interval"), "interval"),
                timeout: try fields.required(fields.duration("timeout"), "timeout"),
                headers: fields.stringMap("headers") ?? [:],
                timeZone: timeZone,
                minInterval: try fields.required(fields.duration("min_interval"), "min_interval"),
                maxInterval: try fields.required(fields.duration("max_interval"), "max_interval"),
                jitterPercent: try fields.required(fields.integer("jitter_percent"), "jitter_percent"),
                maxBodyBytes: try fields.required(fields.integer("max_body_size"), "max_body_size"),
                maxRedirects: try fields.required(fields.integer("max_redirects"), "max_redirects"),
                silenceFactor: try fields.required(fields.integer("silence_factor"), "silence_factor")
            ))
        }
        let inbox = try fields.required(fields.path("path"), "path")
        return .inbox(InboxSourceConfig(
            name: name,
            path: inbox,
            done: fields.path("done") ?? ConfigConsistencyChecker.defaultSibling("done", of: inbox),
            failed: fields.path("failed") ?? ConfigConsistencyChecker.defaultSibling("failed", of: inbox),
            timeZone: timeZone,
            maxFileBytes: try fields.required(fields.integer("max_file_size"), "max_file_size")
        ))
    }

    private func poller(_ fields: ConfigObjectReader) throws(ConfigError) -> PollerConfig {
        PollerConfig(
            connectTimeout: try fields.required(fields.duration("connect_timeout"), "connect_timeout"),
            maxPerHost: try fields.required(fields.integer("max_per_host"), "max_per_host"),
            maxConcurrent: try fields.required(fields.integer("max_concurrent"), "max_concurrent"),
            userAgent: fields.string("user_agent"),
            seenRetention: try fields.required(fields.duration("seen_retention"), "seen_retention")
        )
    }

    // MARK: stages

    private func stage(_ json: ConfigJSON, at path: String) throws(ConfigError) -> StageConfig {
        let variant = try variant(json, of: ConfigSpec.stageUnion, at: path)
        let fields = reader(json, variant.object, at: path)
        switch variant.tag {
        case "dedupe":
            return .dedupe(DedupeStageConfig(
                window: try fields.required(fields.duration("window"), "window"),
                maxItems: fields.integer("max_items")
            ))
        case "route":
            var rules: [RouteRule] = []
            for (index, element) in (json["rules"]?.elements ?? []).enumerated() {
                rules.append(try rule(element, at: ConfigJSONPath.element(ConfigJSONPath.member(path, "rules"), index)))
            }
            return .route(RouteStageConfig(
                rules: rules, defaultSinks: try fields.required(fields.strings("default"), "default"),
                holdEmbargoes: fields.string("embargo") != "ignore"))
        case "clean": return .clean(cleanStage(fields))
        case "extract": return .extract(ExtractStageConfig(fields))
        case "enrich": return .enrich
        default: throw Self.unbuildable(variant, at: path)
        }
    }

    /// Each rule family is a boolean key named as its `CleanOptions.Rule`, on unless set false.
    private func cleanStage(_ fields: ConfigObjectReader) -> CleanStageConfig {
        var options = CleanOptions()
        for rule in CleanOptions.Rule.allCases {
            options[rule] = fields.bool(rule.rawValue) ?? true
        }
        return CleanStageConfig(options: options, keepContentHTML: fields.bool("keep_content_html") ?? false)
    }

    private func rule(_ json: ConfigJSON, at path: String) throws(ConfigError) -> RouteRule {
        let fields = reader(json, ConfigSpec.routeRuleObject, at: path)
        let when = try fields.required(json["when"], "when")
        return RouteRule(
            name: try fields.required(fields.string("name"), "name"),
            to: fields.strings("to") ?? [],
            drop: fields.bool("drop") ?? false,
            when: try condition(when, at: ConfigJSONPath.member(path, "when")),
            schedule: json["schedule"].map { schedule($0, at: ConfigJSONPath.member(path, "schedule")) }
        )
    }

    private func schedule(_ json: ConfigJSON, at path: String) -> RouteSchedule {
        let fields = reader(json, ConfigSpec.routeScheduleObject, at: path)
        let days = (fields.strings("weekdays") ?? []).compactMap { ConfigSpec.weekdayNames.firstIndex(of: $0) }
        return RouteSchedule(
            weekdays: Set(days.map { $0 + 1 }),
            hours: fields.string("hours").flatMap(ClockRange.init),
            timeZone: fields.string("time_zone") ?? "UTC")
    }

    private func condition(_ json: ConfigJSON, at path: String) throws(ConfigError) -> RouteCondition {
        let members = json.members ?? []
        let tags = ConfigSpec.conditionUnion.variants.map(\.tag)
        guard let telling = members.first(where: { tags.contains($0.key) }) else {
            throw ConfigError(issues: [ConfigIssue(path: path, message: "not a condition after validation (a WireFeed bug)")])
        }
        switch telling.key {
        case "all", "any":
            var conditions: [RouteCondition] = []
            for (index, element) in (telling.value.elements ?? []).enumerated() {
                conditions.append(try condition(element, at: ConfigJSONPath.element(ConfigJSONPath.member(path, telling.key), index)))
            }
            return telling.key == "all" ? .all(conditions) : .any(conditions)
        case "not":
            return .not(try condition(telling.value, at: ConfigJSONPath.member(path, "not")))
        default:
            let field = telling.value.string ?? ""
            guard let test = members.first(where: { ConfigSpec.conditionOperators.contains($0.key) }) else {
                throw ConfigError(issues: [ConfigIssue(path: path, message: "no test after validation (a WireFeed bug)")])
            }
            return .field(path: field, test: try fieldTest(test, at: ConfigJSONPath.member(path, test.key)))
        }
    }

    private func fieldTest(_ test: ConfigJSON.Member, at path: String) throws(ConfigError) -> FieldTest {
        switch test.key {
        case "equals": return .equals(Self.scalar(test.value))
        case "contains": return .contains(Self.scalar(test.value))
        case "in": return .isIn((test.value.elements ?? []).map(Self.scalar))
        case "matches":
            guard let pattern = test.value.string else { break }
            return .matches(pattern)
        default:
            guard case .bool(let exists) = test.value.value else { break }
            return .exists(exists)
        }
        throw ConfigError(issues: [ConfigIssue(path: path, message: "wrong type after validation (a WireFeed bug)")])
    }

    private static func scalar(_ json: ConfigJSON) -> ConfigValue {
        switch json.value {
        case .string(let string): .string(string)
        case .number(let literal): Double(literal).map(ConfigValue.number) ?? .null
        case .bool(let bool): .bool(bool)
        case .null, .object, .array: .null
        }
    }

    // MARK: sinks and settings

    private func sink(_ json: ConfigJSON, at path: String) throws(ConfigError) -> SinkConfig {
        let variant = try variant(json, of: ConfigSpec.sinkUnion, at: path)
        let fields = reader(json, variant.object, at: path)
        let name = try fields.required(fields.string("name"), "name")
        var config: SinkConfig
        switch variant.tag {
        case "file": config = try fileSink(name: name, fields)
        case "stdout": config = SinkConfig(name: name, kind: .stdout)
        default: throw Self.unbuildable(variant, at: path)
        }
        config.whenFull = fields.string("when_full").flatMap(SinkQueuePolicy.init(rawValue:)) ?? .block
        return config
    }

    private func deadLetter(_ fields: ConfigObjectReader) throws(ConfigError) -> SinkConfig {
        try fileSink(name: try fields.required(fields.string("name"), "name"), fields)
    }

    private func fileSink(name: String, _ fields: ConfigObjectReader) throws(ConfigError) -> SinkConfig {
        SinkConfig(
            name: name,
            kind: .file,
            path: try fields.required(fields.path("path"), "path"),
            fsyncInterval: try fields.required(fields.duration("fsync_interval"), "fsync_interval"),
            maxBytes: fields.integer("max_size"),
            keep: try fields.required(fields.integer("keep"), "keep"),
            rotateEvery: fields.duration("rotate_every")
        )
    }

    private func state(_ fields: ConfigObjectReader) throws(ConfigError) -> StateConfig {
        guard fields.string("type") == "postgres" else { return .embedded }
        return .postgres(
            url: try fields.required(fields.string("url"), "url"),
            leaseTTL: try fields.required(fields.duration("lease_ttl"), "lease_ttl"))
    }
}
