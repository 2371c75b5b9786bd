import Foundation

extension ConfigSpec {
    /// What a string value must look like beyond being a string. Each format checks a value, names
    /// itself in messages and says what it adds to the JSON Schema.
    public enum StringFormat: Sendable {
        /// Any non-empty string.
        case text
        /// A file or folder, relative to the config file's folder unless absolute.
        case path
        /// See `DurationParser`.
        case duration
        case httpURL
        case postgresURL
        /// An IANA zone name that this system's time zone database knows.
        case timeZone
        /// `host:port`, IPv6 hosts in brackets.
        case hostPort
        /// An `NSRegularExpression` pattern.
        case regularExpression
        case oneOf([String])
        /// A dotted path into the item that DESIGN §3 defines (`dedupe.status`, `topics.code`).
        case itemField
        /// `HH:MM-HH:MM`, a daily window in a schedule's time zone; it may pass midnight (`22:00-06:00`).
        case clockRange
        /// Any string at all, even empty (the `$schema` hint for editors).
        case anyString

        /// What a value of this format is, for "expected …, got a number".
        var expectedNoun: String {
            switch self {
            case .text, .anyString: "a string"
            case .path: "a path string"
            case .duration: #"a duration string such as "90s" or "5m""#
            case .httpURL: "an http or https URL string"
            case .postgresURL: "a postgresql:// URL string"
            case .timeZone: #"an IANA time zone name such as "Asia/Seoul""#
            case .hostPort: #"a "host:port" string such as "127.0.0.1:9464""#
            case .regularExpression: "a regular expression string"
            case .oneOf(let values): "one of " + values.joined(separator: ", ")
            case .itemField: #"an item field path such as "dedupe.status""#
            case .clockRange: #"a daily window such as "06:00-18:00""#
            }
        }

        /// Why `string` does not have this format, or nil when it does.
        func problem(with string: String) -> String? {
            let quoted = JSONLiteral.string(string).render()
            switch self {
            case .anyString:
                return nil
            case .text, .path:
                return string.isEmpty ? "must not be empty" : nil
            case .duration:
                return Self.durationProblem(string, quoted: quoted)
            case .httpURL:
                guard let url = URL(string: string), let scheme = url.scheme?.lowercased(),
                      scheme == "http" || scheme == "https", let host = url.host, !host.isEmpty
                else { return "\(quoted) is not an http or https URL" }
                return nil
            case .postgresURL:
                let lowered = string.lowercased()
                guard lowered.hasPrefix("postgresql://") || lowered.hasPrefix("postgres://"), URL(string: string) != nil
                else { return "\(quoted) is not a postgresql:// URL" }
                return nil
            case .timeZone:
                guard !string.isEmpty, TimeZone(identifier: string) != nil else {
                    return #"\#(quoted) is not a known IANA time zone; expected e.g. "UTC", "Europe/London", "Asia/Seoul""#
                }
                return nil
            case .hostPort:
                guard Self.isHostPort(string) else {
                    return #"\#(quoted) is not host:port; expected e.g. "127.0.0.1:9464" or "[::1]:9464""#
                }
                return nil
            case .regularExpression:
                guard (try? NSRegularExpression(pattern: string)) != nil else {
                    return "\(quoted) is not a valid regular expression"
                }
                return nil
            case .itemField:
                guard ItemFieldPath.isKnown(string) else {
                    return "\(quoted) is not a field of the item; expected a dotted path of DESIGN §3 such as "
                        + #""countries", "dedupe.status", "topics.code" or "entities.places.name""#
                }
                return nil
            case .clockRange:
                guard ClockRange(string) != nil else {
                    return #"\#(quoted) is not a daily window; expected "HH:MM-HH:MM" such as "06:00-18:00""#
                }
                return nil
            case .oneOf(let values):
                guard values.contains(string) else {
                    let expected = values.count == 1 ? values.joined() : "one of " + values.joined(separator: ", ")
                    return "\(quoted) is not allowed; expected \(expected)"
                }
                return nil
            }
        }

        private static func durationProblem(_ string: String, quoted: String) -> String? {
            do throws(DurationParser.Failure) {
                _ = try DurationParser.parse(string)
                return nil
            } catch {
                switch error {
                case .malformed: return "\(quoted) is not a duration; \(DurationParser.expectation)"
                case .notPositive: return "\(quoted) is not a positive duration; \(DurationParser.expectation)"
                case .tooLong: return "\(quoted) is too long a duration"
                }
            }
        }

        /// The schema keywords beside `"type": "string"`.
        var schemaKeywords: [String: JSONLiteral] {
            switch self {
            case .anyString: [:]
            case .text, .path, .timeZone, .itemField: ["minLength": JSONLiteral.integer(1)]
            case .clockRange: ["pattern": JSONLiteral.string(ClockRange.schemaPattern)]
            case .duration: ["pattern": JSONLiteral.string(DurationParser.schemaPattern)]
            case .httpURL: ["format": JSONLiteral.string("uri"), "pattern": JSONLiteral.string("^[Hh][Tt][Tt][Pp][Ss]?://")]
            case .postgresURL: ["format": JSONLiteral.string("uri"), "pattern": JSONLiteral.string("^postgres(ql)?://")]
            case .hostPort: ["pattern": JSONLiteral.string(#"^(\[[0-9A-Fa-f:.]+\]|[^:\[\]\s]+):[0-9]{1,5}$"#)]
            case .regularExpression: ["format": JSONLiteral.string("regex")]
            case .oneOf(let values): ["enum": JSONLiteral.array(values.map(JSONLiteral.string))]
            }
        }

        /// `host:port` with a port in 1…65535; an IPv6 host must be bracketed so its colons are not
        /// mistaken for the port's.
        static func isHostPort(_ string: String) -> Bool {
            let host: Substring
            let port: Substring
            if string.hasPrefix("[") {
                guard let close = string.firstIndex(of: "]") else { return false }
                host = string[string.index(after: string.startIndex)..<close]
                let rest = string[string.index(after: close)...]
                guard rest.hasPrefix(":") else { return false }
                port = rest.dropFirst()
                let hostCharacters = CharacterSet(charactersIn: "0123456789abcdefABCDEF:.")
                guard host.unicodeScalars.allSatisfy(hostCharacters.contains) else { return false }
            } else {
                guard let colon = string.lastIndex(of: ":") else { return false }
                host = string[..<colon]
                port = string[string.index(after: colon)...]
                guard !host.contains(":"), !host.contains(where: \.isWhitespace) else { return false }
            }
            guard !host.isEmpty, (1...5).contains(port.count), port.utf8.allSatisfy({ (0x30...0x39).contains($0) }) else { return false }
            guard let number = Int(port) else { return false }
            return (1...65535).contains(number)
        }
    }
}
