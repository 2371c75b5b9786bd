import Foundation
import Logging
import NIOCore
import NIOPosix
import PostgresNIO

/// One PostgreSQL connection used by one kind of caller (dedupe, feeds, inboxes), so that a long
/// dedupe transaction never holds up a feed's commit.
///
/// The callers are the pipeline's Dispatch queues, which are synchronous, so each call waits on
/// postgres-nio's EventLoopFuture API (`wait()` blocks the Dispatch thread, never a Swift-concurrency
/// thread nor the event loop). A failed query drops the connection; the next call connects again, so a
/// database restart costs the failed calls only.
final class PostgresLane: @unchecked Sendable {
    private let configuration: PostgresConnection.Configuration
    private let eventLoop: any EventLoop
    private let logger: Logger
    private let id: Int
    /// Recursive: the dedupe stage's decision runs queries inside the transaction it holds.
    private let lock = NSRecursiveLock()
    private var connection: PostgresConnection?
    private var transactionDepth = 0
    /// Whether the last call reached the database (for `/health`, read without waiting for a query).
    private let reachableLock = NSLock()
    private var lastReached = true
    var reachable: Bool {
        get { reachableLock.withLock { lastReached } }
        set { reachableLock.withLock { lastReached = newValue } }
    }

    init(configuration: PostgresConnection.Configuration, eventLoop: any EventLoop, id: Int, logger: Logger) {
        self.configuration = configuration
        self.eventLoop = eventLoop
        self.id = id
        self.logger = logger
    }

    /// Runs `query` and returns its rows.
    @discardableResult
    func query(_ query: PostgresQuery) throws -> PostgresQueryResult {
        try withConnection { connection in try connection.query(query, logger: logger).wait() }
    }

    /// Runs `body` in one transaction; nested calls join the outer one.
    func transaction<T>(_ body: () throws -> T) throws -> T {
        try lock.withLock {
            if transactionDepth > 0 {
                transactionDepth += 1
                defer { transactionDepth -= 1 }
                return try body()
            }
            try query("BEGIN")
            transactionDepth = 1
            defer { transactionDepth = 0 }
            do {
                let result = try body()
                try query("COMMIT")
                return result
            } catch {
                _ = try? query("ROLLBACK")
                throw error
            }
        }
    }

    private func withConnection<T>(_ body: (PostgresConnection) throws -> T) throws -> T {
        try lock.withLock {
            do {
                let connection = try current()
                let result = try body(connection)
                reachable = true
                return result
            } catch let error as PSQLError where error.code == .server && !PostgresStateStore.isOutage(error) {
                // The server answered (a constraint, a conflict): the connection is fine.
                reachable = true
                throw error
            } catch {
                reachable = false
                if let connection, connection.isClosed || transactionDepth == 0 {
                    _ = try? connection.close().wait()
                    self.connection = nil
                }
                throw error
            }
        }
    }

    private func current() throws -> PostgresConnection {
        if let connection, !connection.isClosed { return connection }
        let fresh = try PostgresConnection.connect(on: eventLoop, configuration: configuration, id: id, logger: logger).wait()
        connection = fresh
        return fresh
    }

    func close() {
        lock.withLock {
            if let connection { _ = try? connection.close().wait() }
            connection = nil
        }
    }
}
