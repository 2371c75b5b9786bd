import WireClean

extension ConfigSpec {
    /// `pipeline.json` as DESIGN §4 defines it.
    public static let pipeline = ConfigSpec(
        root: Object(
            title: "WireFeed pipeline",
            doc: "Sources, stages, sinks and daemon settings of one WireFeed pipeline. Relative paths are relative to this file's folder.",
            keys: [
                Key("$schema", .string(.anyString), .optional,
                    doc: "The JSON Schema editors check this file against; ignored by WireFeed."),
                Key("state_dir", .string(.path), .defaulted(.string("var/state")),
                    doc: "Folder of the embedded state database (seen items, dedupe index, story clusters, feed validators, file claims)."),
                Key("node", .string(.text), .optional,
                    doc: "This node's name when several nodes share one state database; absent means the host name."),
                Key("state", .object(stateObject), .optional,
                    doc: "Where state lives; absent means the embedded database under state_dir."),
                Key("sources", .array(of: .taggedUnion(sourceUnion), minItems: 0), .defaulted(.array([])),
                    doc: "Where copy comes from: inbox folders and RSS/Atom feeds. Source names are unique."),
                Key("stages", .array(of: .taggedUnion(stageUnion), minItems: 0), .defaulted(.array([])),
                    doc: "The stages every item passes through, in order; any may be left out."),
                Key("sinks", .array(of: .taggedUnion(sinkUnion), minItems: 1), .required,
                    doc: "Where items are written. Sink names are unique. Without a route stage every item goes to every sink."),
                Key("dead_letter", .object(deadLetterObject), .optional,
                    doc: "The file that receives items a stage rejected, with the reason; absent means state_dir/dead-letter.ndjson, capped at 64 MiB."),
                Key("poller", .object(pollerObject), .optional,
                    doc: "Settings shared by the feed sources; absent means the defaults below."),
                Key("http", .object(httpObject), .optional,
                    doc: "The loopback HTTP listener for metrics and health; absent means no listener."),
            ]
        ),
        // Variants of unions become definitions of their own as the schema is written; these are the
        // shapes referred to by name, the condition because it contains itself.
        definitions: [
            ("route_rule", .object(routeRuleObject)),
            ("condition", .keyedUnion(conditionUnion)),
        ]
    )

    // MARK: sources

    static let sourceUnion = TaggedUnion(tagKey: "type", tagNoun: "source type", variants: [
        Variant(tag: "inbox", definitionName: "inbox_source", object: inboxSourceObject),
        Variant(tag: "feed", definitionName: "feed_source", object: feedSourceObject),
    ])

    static let inboxSourceObject = Object(
        title: "inbox source",
        doc: "A folder watched with inotify; each file ends up in done or failed.",
        keys: [
            Key("name", .string(.text), .required, doc: "The source's name, recorded in every item's source.name."),
            Key("type", .tag, .required, doc: "inbox"),
            Key("path", .string(.path), .required, doc: "The inbox folder."),
            Key("done", .string(.path), .optional,
                doc: "Where processed files move; absent means a folder named done beside the inbox folder."),
            Key("failed", .string(.path), .optional,
                doc: "Where unreadable files move with NAME.error.json; absent means a folder named failed beside the inbox folder."),
            Key("time_zone", .string(.timeZone), .optional,
                doc: "IANA zone assumed for times the copy gives without one; absent means UTC."),
            Key("max_file_size", .integer(minimum: 1), .defaulted(.integer(sixtyFourMebibytes)),
                doc: "Files larger than this many bytes go to failed unread."),
        ]
    )

    static let feedSourceObject = Object(
        title: "feed source",
        doc: "An RSS or Atom feed polled over HTTP with conditional requests.",
        keys: [
            Key("name", .string(.text), .required, doc: "The source's name, recorded in every item's source.name."),
            Key("type", .tag, .required, doc: "feed"),
            Key("url", .string(.httpURL), .required, doc: "The feed's http or https URL."),
            Key("interval", .string(.duration), .defaulted(.string("5m")),
                doc: "Usual time between polls; the server's Cache-Control max-age or Expires may lengthen it, within min_interval and max_interval."),
            Key("timeout", .string(.duration), .defaulted(.string("30s")),
                doc: "Longest one poll may take, connection, redirects and body included."),
            Key("headers", .stringMap, .defaulted(.object([:])), doc: "Extra HTTP request headers, name to value."),
            Key("time_zone", .string(.timeZone), .optional,
                doc: "IANA zone assumed for times the feed gives without one; absent means UTC."),
            Key("min_interval", .string(.duration), .defaulted(.string("1m")),
                doc: "Shortest time between polls, whatever the server asks (Retry-After included)."),
            Key("max_interval", .string(.duration), .defaulted(.string("6h")),
                doc: "Longest time between polls: the cap of the error backoff and of the server's cache hints. Failing feeds are retried at least this often, forever."),
            Key("jitter_percent", .integer(minimum: 0), .defaulted(.integer(10)),
                doc: "Each delay is moved at random by up to this share of it, so feeds do not poll in step."),
            Key("max_body_size", .integer(minimum: 1), .defaulted(.integer(sixteenMebibytes)),
                doc: "A response body (after decompression) larger than this many bytes aborts the poll."),
            Key("max_redirects", .integer(minimum: 0), .defaulted(.integer(5)),
                doc: "Redirects followed in one poll; a loop or more than this is an error. A permanent redirect is logged with its new URL."),
            Key("silence_factor", .integer(minimum: 0), .defaulted(.integer(4)),
                doc: "Alarm when a feed that usually updates brings nothing new for this many times its usual gap; 0 turns the alarm off."),
        ]
    )

    static let sixteenMebibytes = 16_777_216

    static let pollerObject = Object(
        title: "feed poller",
        doc: "Settings shared by every feed source.",
        keys: [
            Key("connect_timeout", .string(.duration), .defaulted(.string("10s")),
                doc: "Longest a TCP (and TLS) connection may take to open."),
            Key("max_per_host", .integer(minimum: 1), .defaulted(.integer(2)),
                doc: "Polls in flight at once to one host, so a newsroom's many feeds on one site stay polite."),
            Key("max_concurrent", .integer(minimum: 1), .defaulted(.integer(64)),
                doc: "Polls in flight at once in all."),
            Key("user_agent", .string(.text), .optional,
                doc: "The User-Agent header; absent means WireFeed/VERSION with the project's URL."),
            Key("seen_retention", .string(.duration), .defaulted(.string("30d")),
                doc: "How long an item that left its feed is remembered as seen."),
        ]
    )

    // MARK: stages

    static let stageUnion = TaggedUnion(tagKey: "type", tagNoun: "stage", variants: [
        Variant(tag: "clean", definitionName: "clean_stage", object: cleanStageObject),
        Variant(tag: "dedupe", definitionName: "dedupe_stage", object: dedupeStageObject),
        Variant(tag: "extract", definitionName: "extract_stage", object: ExtractStageConfig.specObject),
        Variant(tag: "enrich", definitionName: "enrich_stage", object: plainStageObject("enrich", doc: "Canonical entities, countries, language, topics, word count.")),
        Variant(tag: "route", definitionName: "route_stage", object: routeStageObject),
    ])

    static func plainStageObject(_ type: String, doc: String) -> Object {
        Object(title: "\(type) stage", doc: doc, keys: [Key("type", .tag, .required, doc: type)])
    }

    static let cleanStageObject = Object(
        title: "clean stage",
        doc: "HTML to text, Unicode NFC, white space normalised; page furniture removed and recorded in furniture with its kind. Each rule family can be switched off.",
        keys: [
            Key("type", .tag, .required, doc: "clean"),
            Key("keep_content_html", .boolean, .defaulted(.bool(false)),
                doc: "Keep content_html on the item after its text has become body."),
        ] + CleanOptions.Rule.allCases.map { rule in
            Key(rule.rawValue, .boolean, .defaulted(.bool(true)), doc: "Remove \(rule.summary); false keeps them in the body.")
        }
    )

    static let dedupeStageObject = Object(
        title: "dedupe stage",
        doc: "Exact and near duplicates, and story clusters across agencies.",
        keys: [
            Key("type", .tag, .required, doc: "dedupe"),
            Key("window", .string(.duration), .defaulted(.string("72h")),
                doc: "How far back stories are remembered, on published_at (else received_at)."),
            Key("max_items", .integer(minimum: 1), .optional,
                doc: "Most stories remembered; absent means no limit but the window."),
        ]
    )

    static let routeStageObject = Object(
        title: "route stage",
        doc: "Declarative rules choosing sinks; every matching rule adds its sinks, a matching drop rule drops the item.",
        keys: [
            Key("type", .tag, .required, doc: "route"),
            Key("rules", .array(of: .reference("route_rule"), minItems: 0), .defaulted(.array([])),
                doc: "Rules, each tried on every item. Rule names are unique within the stage."),
            Key("default", .array(of: .string(.text), minItems: 0), .required,
                doc: "Sinks for an item that no rule sends anywhere; an empty list drops it. Required, so that no item vanishes by omission."),
            Key("embargo", .string(.oneOf(["hold", "ignore"])), .defaulted(.string("hold")),
                doc: "hold: an item whose embargo_until is ahead waits in the state database (across restarts) and goes to its sinks when it passes; ignore: route it at once."),
        ]
    )

    static let routeRuleObject = Object(
        title: "route rule",
        doc: "Sends matching items to sinks, or drops them; its name is added to the item's routes.",
        keys: [
            Key("name", .string(.text), .required, doc: "The rule's name, listed in the routes of items it matches."),
            Key("to", .array(of: .string(.text), minItems: 0), .defaulted(.array([])), doc: "Names of the sinks a matching item goes to; empty: the rule only adds its name to the item's routes."),
            Key("drop", .boolean, .defaulted(.bool(false)), doc: "A matching item is dropped; such a rule has no to."),
            Key("when", .reference("condition"), .required, doc: "The condition an item must meet."),
            Key("schedule", .object(routeScheduleObject), .optional,
                doc: "When the rule is in force (by processing time); absent means always."),
        ]
    )

    static let weekdayNames = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]

    static let routeScheduleObject = Object(
        title: "route schedule",
        doc: "Days and hours in one time zone when a rule applies, as newsroom desks keep them; outside them the rule does not match.",
        keys: [
            Key("weekdays", .array(of: .string(.oneOf(weekdayNames)), minItems: 1), .optional,
                doc: "Days the rule applies; absent means every day."),
            Key("hours", .string(.clockRange), .optional,
                doc: "Daily window HH:MM-HH:MM, start included, end excluded; may pass midnight. Absent means all day."),
            Key("time_zone", .string(.timeZone), .defaulted(.string("UTC")), doc: "The zone the days and hours are read in."),
        ]
    )

    // MARK: conditions

    static let conditionOperators = ["equals", "contains", "in", "matches", "exists"]

    static let conditionUnion = KeyedUnion(title: "route condition", variants: [
        Variant(tag: "all", definitionName: "all_condition", object: Object(
            title: "all condition", doc: "Holds when every listed condition holds.",
            keys: [Key("all", .array(of: .reference("condition"), minItems: 1), .required, doc: "The conditions.")]
        )),
        Variant(tag: "any", definitionName: "any_condition", object: Object(
            title: "any condition", doc: "Holds when at least one listed condition holds.",
            keys: [Key("any", .array(of: .reference("condition"), minItems: 1), .required, doc: "The conditions.")]
        )),
        Variant(tag: "not", definitionName: "not_condition", object: Object(
            title: "not condition", doc: "Holds when the condition does not.",
            keys: [Key("not", .reference("condition"), .required, doc: "The condition negated.")]
        )),
        Variant(tag: "field", definitionName: "field_condition", object: Object(
            title: "field condition",
            doc: "One test on a dotted path into the item; on a path that reaches an array it holds when it holds for any element.",
            keys: [
                Key("field", .string(.itemField), .required, doc: "Dotted path into the item, e.g. dedupe.status or topics.code; unknown fields are refused."),
                Key("equals", .scalar, .optional, doc: "The value equals this."),
                Key("contains", .scalar, .optional, doc: "The array has this element, or the string this substring."),
                Key("in", .array(of: .scalar, minItems: 1), .optional, doc: "The value is one of these."),
                Key("matches", .string(.regularExpression), .optional, doc: "The string matches this regular expression (ICU syntax)."),
                Key("exists", .boolean, .optional, doc: "The field is present and not null (true) or absent or null (false)."),
            ],
            exactlyOneOf: conditionOperators
        )),
    ])

    // MARK: sinks

    static let sinkUnion = TaggedUnion(tagKey: "type", tagNoun: "sink type", variants: [
        Variant(tag: "file", definitionName: "file_sink", object: fileSinkObject),
        Variant(tag: "stdout", definitionName: "stdout_sink", object: stdoutSinkObject),
    ])

    static let fileSinkKeys: [Key] = [
        Key("path", .string(.path), .required, doc: "The NDJSON file; its folder is created if missing."),
        Key("fsync_interval", .string(.duration), .defaulted(.string("200ms")),
            doc: "Longest a written line waits for fsync before it is acknowledged."),
        Key("max_size", .integer(minimum: 1), .optional, doc: "Rotate before the file passes this many bytes; absent means never."),
        Key("keep", .integer(minimum: 0), .defaulted(.integer(5)), doc: "Rotated files kept, as path.1 … path.N."),
        Key("rotate_every", .string(.duration), .optional,
            doc: "Also rotate when a write falls in a later clock period of this length (\"1h\": hourly files, UTC); absent means never."),
    ]

    static let fileSinkObject = Object(
        title: "file sink",
        doc: "Appends one JSON object per line; never a torn line, reconciled on start.",
        keys: fileSinkLeadingKeys + fileSinkKeys + [whenFullKey]
    )

    static let whenFullKey = Key(
        "when_full", .string(.oneOf(SinkQueuePolicy.allCases.map(\.rawValue))), .defaulted(.string("block")),
        doc: "The sink's own queue, when full: block (slow the sources) or spill (spool to state_dir/spool and catch up in order).")

    static let fileSinkLeadingKeys: [Key] = [
        Key("name", .string(.text), .required, doc: "The sink's name, used by route rules."),
        Key("type", .tag, .required, doc: "file"),
    ]

    static let stdoutSinkObject = Object(
        title: "stdout sink",
        doc: "Writes one JSON object per line to standard output.",
        keys: [
            Key("name", .string(.text), .required, doc: "The sink's name, used by route rules."),
            Key("type", .tag, .required, doc: "stdout"),
            whenFullKey,
        ]
    )

    static let sixtyFourMebibytes = 67_108_864

    /// The dead-letter sink is always a file: rejected items must survive the process to be replayed.
    static let deadLetterObject = Object(
        title: "dead-letter sink",
        doc: "A file sink for rejected items; size-capped and rotated.",
        keys: [
            Key("type", .string(.oneOf(["file"])), .defaulted(.string("file")), doc: "Always file."),
            Key("name", .string(.text), .defaulted(.string("dead_letter")), doc: "The sink's name in logs and metrics."),
            fileSinkKeys[0],
            fileSinkKeys[1],
            // Unlike other file sinks it rotates by default, so a poison feed cannot fill the disk.
            Key("max_size", .integer(minimum: 1), .defaulted(.integer(sixtyFourMebibytes)),
                doc: "Rotate before the file passes this many bytes."),
            fileSinkKeys[3],
            fileSinkKeys[4],
        ]
    )

    // MARK: daemon

    static let httpObject = Object(
        title: "HTTP listener",
        doc: "Prometheus metrics at /metrics and a health check at /health.",
        keys: [Key("listen", .string(.hostPort), .required,
                   doc: "host:port to bind, e.g. \"127.0.0.1:9464\"; keep it on loopback. Also serves /status for `wirefeed status`.")]
    )

    static let stateObject = Object(
        title: "state store",
        doc: "Where state lives when several nodes share it.",
        keys: [
            Key("type", .string(.oneOf(["embedded", "postgres"])), .required,
                doc: "embedded: the database under state_dir; postgres: a shared PostgreSQL database."),
            Key("url", .string(.postgresURL), .optional, doc: "The PostgreSQL URL; required when type is postgres."),
            Key("lease_ttl", .string(.duration), .defaulted(.string("30s")),
                doc: "postgres: how long a node owns a feed without renewing; a dead node's feeds move within it."),
        ]
    )
}
