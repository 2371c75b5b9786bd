import Foundation

/// Reads `pipeline.json` into a `PipelineConfig`, or fails with every issue found, each with its JSON
/// path, in document order.
///
/// Checking happens in passes over the parsed document: shapes against `ConfigSpec.pipeline`
/// (unknown, duplicate and missing keys, types, enumerations, formats), then cross-references
/// (unique names, route targets, distinct folders and files). Only a config with no issue at all is
/// turned into a `PipelineConfig`, with defaults from the spec and every path absolute, resolved
/// against the config file's folder.
public enum ConfigLoader {
    public static func load(path: String) throws(ConfigError) -> PipelineConfig {
        let absolutePath = ConfigPathResolver.resolve(path, against: FileManager.default.currentDirectoryPath)
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: absolutePath, isDirectory: &isDirectory) else {
            throw ConfigError(issues: [ConfigIssue(path: "", message: "cannot read \(absolutePath): no such file")])
        }
        guard !isDirectory.boolValue else {
            throw ConfigError(issues: [ConfigIssue(path: "", message: "cannot read \(absolutePath): it is a folder")])
        }
        guard let contents = FileManager.default.contents(atPath: absolutePath) else {
            throw ConfigError(issues: [ConfigIssue(path: "", message: "cannot read \(absolutePath): permission denied or unreadable")])
        }
        return try load(data: contents, baseDirectory: ConfigPathResolver.parent(of: absolutePath), path: absolutePath)
    }

    public static func load(data: Data, baseDirectory: String, path: String? = nil) throws(ConfigError) -> PipelineConfig {
        try load(data: [UInt8](data), baseDirectory: baseDirectory, path: path)
    }

    /// `baseDirectory`: what relative paths in the config are relative to (itself resolved against the
    /// working directory if relative); `path`: recorded as `PipelineConfig.path`.
    public static func load(data: [UInt8], baseDirectory: String, path: String? = nil) throws(ConfigError) -> PipelineConfig {
        let base = ConfigPathResolver.resolve(baseDirectory, against: FileManager.default.currentDirectoryPath)
        let root: ConfigJSON
        do {
            root = try ConfigJSONParser.parse(data)
        } catch {
            throw ConfigError(issues: [ConfigIssue(path: "", message: "invalid JSON at \(error.description)")])
        }
        var issues = ConfigValidator.validate(root, against: .pipeline)
        if root.members != nil {
            issues.append(contentsOf: ConfigConsistencyChecker.check(root, baseDirectory: base))
        }
        guard issues.isEmpty else { throw ConfigError(issues: issues.sorted) }
        return try PipelineConfigBuilder.build(root, baseDirectory: base, path: path)
    }

    /// One line for `wirefeed check` to print when the config is valid:
    /// `ok: 2 sources, 5 stages (clean, dedupe, extract, enrich, route), 3 sinks`.
    public static func describe(_ config: PipelineConfig) -> String {
        let parts = [
            counted(config.sources.count, "source"),
            counted(config.stages.count, "stage")
                + (config.stages.isEmpty ? "" : " (" + config.stages.map(\.typeName).joined(separator: ", ") + ")"),
            counted(config.sinks.count, "sink"),
        ]
        return "ok: " + parts.joined(separator: ", ")
    }

    private static func counted(_ count: Int, _ noun: String) -> String {
        "\(count) \(noun)\(count == 1 ? "" : "s")"
    }
}
