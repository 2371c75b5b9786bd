import Foundation
import Logging
import NIOPosix
import PostgresNIO
import Testing
@testable import WireRuntime

/// Every protocol a state store implements.
typealias StateStore = InboxLedger & FeedLedger & DedupeStateStore

/// The two state stores the store tests run against. PostgreSQL runs only when `WIREFEED_TEST_PG_URL`
/// names a server (`make test` starts one); when it is set, an unreachable server fails the tests.
enum StateStoreKind: String, CaseIterable, CustomTestStringConvertible, Sendable {
    case sqlite, postgres

    static let postgresURL = ProcessInfo.processInfo.environment["WIREFEED_TEST_PG_URL"].flatMap { $0.isEmpty ? nil : $0 }

    static var available: [StateStoreKind] { postgresURL == nil ? [.sqlite] : [.sqlite, .postgres] }

    var testDescription: String { rawValue }
}

/// One test's state: a fresh folder, or a fresh database on the test server; `open` may be called again
/// to reopen it (a restart), or with another node name (another daemon).
struct TestStateLocation {
    let kind: StateStoreKind
    let directory: String
    let url: String?

    init(_ kind: StateStoreKind) throws {
        self.kind = kind
        directory = try temporaryDirectory()
        switch kind {
        case .sqlite: url = nil
        case .postgres: url = try TestDatabase.create()
        }
    }

    func open(node: String = "node-a") throws -> any StateStore {
        switch kind {
        case .sqlite: return try SQLiteStateStore(directory: directory)
        case .postgres: return try PostgresStateStore(url: url ?? "", node: node)
        }
    }

    func remove() {
        try? FileManager.default.removeItem(atPath: directory)
    }
}

/// A fresh database per test on the server `WIREFEED_TEST_PG_URL` names, so tests run in parallel
/// without seeing each other's rows (the server is thrown away after the run).
enum TestDatabase {
    struct NoServer: Error {}

    static func create() throws -> String {
        guard let base = StateStoreKind.postgresURL, var parts = URLComponents(string: base) else { throw NoServer() }
        let name = "wf_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "")
        let group = MultiThreadedEventLoopGroup(numberOfThreads: 1)
        defer { try? group.syncShutdownGracefully() }
        let connection = try PostgresConnection.connect(
            on: group.next(), configuration: try PostgresEndpoint.configuration(url: base), id: 0,
            logger: Logger(label: "test")).wait()
        defer { _ = try? connection.close().wait() }
        _ = try connection.query(PostgresQuery(unsafeSQL: "CREATE DATABASE \(name)"), logger: Logger(label: "test")).wait()
        parts.path = "/" + name
        return parts.string ?? base
    }
}

/// `countByStatus` on either store.
protocol InboxStatusCounting {
    func countByStatus() throws -> [String: Int]
}

extension SQLiteStateStore: InboxStatusCounting {}
extension PostgresStateStore: InboxStatusCounting {}
