import Fluent
import FluentPostgresDriver
import Foundation

extension Database {
    /// A transaction that PostgreSQL may abort for reasons of its own while others write the same rows at once
    /// (deadlock detected, serialisation failure): it is rolled back completely, so it is run again, up to five
    /// times with a short, growing pause. Every other error ends it at once. SQLite serialises writers itself.
    func retryingTransaction<T: Sendable>(_ body: @escaping @Sendable (any Database) async throws -> T) async throws -> T {
        var attempt = 1
        while true {
            do {
                return try await transaction(body)
            } catch let error where attempt < 5 && Self.isTransient(error) {
                try await Task.sleep(nanoseconds: UInt64(attempt) * 20_000_000 + UInt64.random(in: 0..<20_000_000))
                attempt += 1
            }
        }
    }

    /// PostgreSQL's "try again" states: 40001 serialization_failure, 40P01 deadlock_detected.
    static func isTransient(_ error: any Error) -> Bool {
        guard let psql = error as? PSQLError, let state = psql.serverInfo?[.sqlState] else { return false }
        return state == "40001" || state == "40P01"
    }
}
