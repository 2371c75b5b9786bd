/// Turns a path written in a config into an absolute, standardized one.
///
/// Purely lexical: `.` and `..` are folded without touching the file system, because the folders a
/// config names (inbox, outputs, state) usually do not exist yet when it is checked, and symlinks
/// should stay as the operator wrote them. `~` is not expanded: the daemon runs as a service user.
enum ConfigPathResolver {
    static func resolve(_ path: String, against baseDirectory: String) -> String {
        standardize(path.hasPrefix("/") ? path : baseDirectory + "/" + path)
    }

    /// Folds `//`, `.` and `..` of an absolute path; `..` above the root stays at the root.
    static func standardize(_ absolutePath: String) -> String {
        var components: [Substring] = []
        for component in absolutePath.split(separator: "/", omittingEmptySubsequences: true) {
            switch component {
            case ".": continue
            case "..": _ = components.popLast()
            default: components.append(component)
            }
        }
        return "/" + components.joined(separator: "/")
    }

    /// The folder holding `absolutePath`.
    static func parent(of absolutePath: String) -> String {
        standardize(absolutePath + "/..")
    }
}
