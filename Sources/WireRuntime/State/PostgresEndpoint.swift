import Foundation
import PostgresNIO

/// A `postgresql://user[:password]@host[:port]/database` URL as postgres-nio's connection settings.
enum PostgresEndpoint {
    struct BadURL: Error, CustomStringConvertible {
        var description: String
    }

    static func configuration(url: String) throws -> PostgresConnection.Configuration {
        guard let parts = URLComponents(string: url), let scheme = parts.scheme,
              scheme == "postgresql" || scheme == "postgres"
        else { throw BadURL(description: "not a postgresql:// URL: \(url)") }
        guard let host = parts.host, !host.isEmpty else { throw BadURL(description: "no host in \(url)") }
        guard let user = parts.user, !user.isEmpty else { throw BadURL(description: "no user name in \(url)") }
        let database = parts.path.hasPrefix("/") ? String(parts.path.dropFirst()) : parts.path
        // Plain TCP: the state database is expected on a private network or loopback.
        return PostgresConnection.Configuration(
            host: host, port: parts.port ?? 5432, username: user.removingPercentEncoding ?? user,
            password: parts.password?.removingPercentEncoding, database: database.isEmpty ? nil : database, tls: .disable)
    }
}
