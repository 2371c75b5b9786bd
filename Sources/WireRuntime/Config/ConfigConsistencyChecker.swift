/// Checks what the shape of each value cannot: names are unique, route rules name sinks that exist,
/// an inbox's folders are distinct, no two file sinks write one file, a postgres state has its URL.
///
/// Runs on the parsed JSON even when shapes are wrong, reading only values of the right type, so an
/// operator sees these issues together with the others.
struct ConfigConsistencyChecker {
    private let root: ConfigJSON
    private let baseDirectory: String
    private var issues = ConfigIssueList()

    private init(root: ConfigJSON, baseDirectory: String) {
        self.root = root
        self.baseDirectory = baseDirectory
    }

    static func check(_ root: ConfigJSON, baseDirectory: String) -> ConfigIssueList {
        var checker = ConfigConsistencyChecker(root: root, baseDirectory: baseDirectory)
        checker.checkUniqueNames(of: "sources")
        checker.checkUniqueNames(of: "sinks")
        checker.checkInboxFolders()
        checker.checkFileSinkPaths()
        checker.checkRoutes()
        checker.checkState()
        checker.checkFeedIntervals()
        return checker.issues
    }

    /// `(path, element)` for each element of a top-level array.
    private func elements(of key: String) -> [(path: String, json: ConfigJSON)] {
        (root[key]?.elements ?? []).enumerated().map { (ConfigJSONPath.element(key, $0.offset), $0.element) }
    }

    private mutating func checkUniqueNames(of key: String) {
        var firstPath: [String: String] = [:]
        for (path, element) in elements(of: key) {
            guard let nameValue = element["name"], let name = nameValue.string else { continue }
            if let earlier = firstPath[name] {
                issues.add("\(JSONLiteral.string(name).render()) is already the name of \(earlier)",
                           at: ConfigJSONPath.member(path, "name"), offset: nameValue.offset)
            } else {
                firstPath[name] = path
            }
        }
    }

    /// Each name once, in document order, for "expected one of …".
    private var sinkNames: [String] {
        var seen: Set<String> = []
        return elements(of: "sinks").compactMap { $0.json["name"]?.string }.filter { seen.insert($0).inserted }
    }

    // MARK: folders and files

    private mutating func checkInboxFolders() {
        var inboxPaths: [String: String] = [:]
        for (path, source) in elements(of: "sources") where source["type"]?.string == "inbox" {
            guard let inboxValue = source["path"], let inbox = inboxValue.string, !inbox.isEmpty else { continue }
            let inboxFolder = ConfigPathResolver.resolve(inbox, against: baseDirectory)
            let inboxPath = ConfigJSONPath.member(path, "path")
            if let earlier = inboxPaths[inboxFolder] {
                issues.add("the same folder as \(earlier)", at: inboxPath, offset: inboxValue.offset)
            } else {
                inboxPaths[inboxFolder] = inboxPath
            }
            // Each folder with the key that names it and whether it was written or is the default.
            var folders: [(key: String, folder: String, value: ConfigJSON?)] = [("path", inboxFolder, inboxValue)]
            for key in ["done", "failed"] {
                if let value = source[key], let written = value.string {
                    guard !written.isEmpty else { continue }
                    folders.append((key, ConfigPathResolver.resolve(written, against: baseDirectory), value))
                } else {
                    folders.append((key, Self.defaultSibling(key, of: inboxFolder), nil))
                }
            }
            for later in 1..<folders.count {
                for earlier in 0..<later where folders[earlier].folder == folders[later].folder {
                    reportSameFolder(folders[earlier], folders[later], in: path)
                }
            }
        }
    }

    /// Reports on whichever of the two was written (the later one if both were); a default cannot be
    /// edited, so the message points at the key that can.
    private mutating func reportSameFolder(
        _ earlier: (key: String, folder: String, value: ConfigJSON?),
        _ later: (key: String, folder: String, value: ConfigJSON?), in sourcePath: String
    ) {
        if let value = later.value {
            let other = earlier.value == nil ? "the default \(earlier.key) folder" : earlier.key
            issues.add("the same folder as \(other); expected a folder of its own", at: ConfigJSONPath.member(sourcePath, later.key), offset: value.offset)
        } else if let value = earlier.value {
            issues.add("the same folder as the default \(later.key) folder (\(later.folder)); set \(later.key) to a folder of its own",
                       at: ConfigJSONPath.member(sourcePath, earlier.key), offset: value.offset)
        }
    }

    /// `done/` and `failed/` default to siblings of the inbox folder, outside it, so that watching the
    /// inbox never sees its own output.
    static func defaultSibling(_ name: String, of inboxFolder: String) -> String {
        ConfigPathResolver.standardize(ConfigPathResolver.parent(of: inboxFolder) + "/" + name)
    }

    private mutating func checkFileSinkPaths() {
        var candidates = elements(of: "sinks").filter { $0.json["type"]?.string == "file" }
        if let deadLetter = root["dead_letter"], deadLetter.members != nil { candidates.append(("dead_letter", deadLetter)) }
        var firstPath: [String: String] = [:]
        for (path, sink) in candidates {
            guard let value = sink["path"], let written = value.string, !written.isEmpty else { continue }
            let file = ConfigPathResolver.resolve(written, against: baseDirectory)
            let keyPath = ConfigJSONPath.member(path, "path")
            if let earlier = firstPath[file] {
                issues.add("the same file as \(earlier); two sinks cannot share a file", at: keyPath, offset: value.offset)
            } else {
                firstPath[file] = keyPath
            }
        }
    }

    // MARK: routes

    private mutating func checkRoutes() {
        let sinks = sinkNames
        for (stagePath, stage) in elements(of: "stages") where stage["type"]?.string == "route" {
            var ruleNames: [String: String] = [:]
            for (index, rule) in (stage["rules"]?.elements ?? []).enumerated() {
                let rulePath = ConfigJSONPath.element(ConfigJSONPath.member(stagePath, "rules"), index)
                if let nameValue = rule["name"], let name = nameValue.string {
                    if let earlier = ruleNames[name] {
                        issues.add("\(JSONLiteral.string(name).render()) is already the name of \(earlier)",
                                   at: ConfigJSONPath.member(rulePath, "name"), offset: nameValue.offset)
                    } else {
                        ruleNames[name] = rulePath
                    }
                }
                checkSinkReferences(rule["to"], at: ConfigJSONPath.member(rulePath, "to"), sinks: sinks)
                if let to = rule["to"], let targets = to.elements, !targets.isEmpty, case .bool(true)? = rule["drop"]?.value {
                    issues.add(#"a rule that drops sends nowhere; remove "to" or "drop""#,
                               at: ConfigJSONPath.member(rulePath, "to"), offset: to.offset)
                }
            }
            checkSinkReferences(stage["default"], at: ConfigJSONPath.member(stagePath, "default"), sinks: sinks)
        }
    }

    private mutating func checkSinkReferences(_ list: ConfigJSON?, at path: String, sinks: [String]) {
        let expected = sinks.isEmpty ? "no sinks are configured" : "expected one of " + sinks.joined(separator: ", ")
        for (index, element) in (list?.elements ?? []).enumerated() {
            guard let name = element.string, !name.isEmpty, !sinks.contains(name) else { continue }
            issues.add("\(JSONLiteral.string(name).render()) is not a sink; \(expected)",
                       at: ConfigJSONPath.element(path, index), offset: element.offset)
        }
    }

    // MARK: state

    private mutating func checkState() {
        guard let state = root["state"], let type = state["type"]?.string else { return }
        if type == "postgres", state["url"] == nil {
            issues.add("required when type is postgres", at: "state.url", offset: state.endOffset - 1)
        } else if type != "postgres", let url = state["url"] {
            issues.add("only used when type is postgres", at: "state.url", offset: url.offset)
        }
    }
}

extension ConfigConsistencyChecker {
    /// A feed's interval must lie within its bounds, or the bounds would silently override it.
    fileprivate mutating func checkFeedIntervals() {
        for (path, source) in elements(of: "sources") where source["type"]?.string == "feed" {
            // Written values, else the spec's defaults; a wrong type is the validator's to report.
            func duration(_ key: String) -> Duration? {
                if let written = source[key] { return written.string.flatMap { try? DurationParser.parse($0) } }
                guard case .defaulted(.string(let text))? = ConfigSpec.feedSourceObject.key(key)?.requirement else { return nil }
                return try? DurationParser.parse(text)
            }
            guard let interval = duration("interval"), let minimum = duration("min_interval"),
                  let maximum = duration("max_interval") else { continue }
            if minimum > maximum {
                issues.add("min_interval is longer than max_interval", at: ConfigJSONPath.member(path, "min_interval"),
                           offset: source["min_interval"]?.offset ?? source.offset)
            } else if interval < minimum || interval > maximum {
                issues.add("interval must lie between min_interval and max_interval",
                           at: ConfigJSONPath.member(path, "interval"), offset: source["interval"]?.offset ?? source.offset)
            }
        }
    }
}
