import Foundation
@testable import WireRuntime

/// Where config tests find the repository and its fixtures, and how they load a config from text.
enum ConfigTestSupport {
    /// Tests/WireRuntimeTests/ConfigTestSupport.swift → the repository root, three levels up.
    static let repositoryRoot: String = ConfigPathResolver.standardize(#filePath + "/../../..")

    static let fixtures = repositoryRoot + "/Fixtures/config"

    /// Relative paths in configs written inline by tests resolve here.
    static let baseDirectory = "/srv/wirefeed"

    static func load(_ json: String) throws(ConfigError) -> PipelineConfig {
        try ConfigLoader.load(data: Array(json.utf8), baseDirectory: baseDirectory)
    }

    /// The issues `json` has, as `wirefeed check` prints them; empty when it loads.
    static func issues(_ json: String) -> [String] {
        do {
            _ = try load(json)
            return []
        } catch {
            return error.issues.map(\.description)
        }
    }

    static func issues(atPath path: String) -> [String] {
        do {
            _ = try ConfigLoader.load(path: path)
            return []
        } catch {
            return error.issues.map(\.description)
        }
    }
}

extension ConfigTestSupport {
    /// `to` written relative to `from` (both absolute folders/files), with as many `..` as needed.
    static func relativePath(from directory: String, to file: String) -> String {
        let base = directory.split(separator: "/")
        let target = file.split(separator: "/")
        var common = 0
        while common < base.count, common < target.count, base[common] == target[common] { common += 1 }
        let ups = Array(repeating: "..", count: base.count - common)
        return (ups + target[common...].map(String.init)).joined(separator: "/")
    }
}
