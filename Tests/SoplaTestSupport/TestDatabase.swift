import Fluent
import FluentSQLiteDriver
import Foundation
import SoplaApp
import SoplaStore
import Vapor

/// The database tests run against: in-memory SQLite, or PostgreSQL when `SOPLA_DATABASE_URL`
/// names one (as `scripts/test` does for its second run). Each test gets a fresh PostgreSQL schema.
public enum TestDatabase {
    public static var location: DatabaseLocation {
        if let url = ProcessInfo.processInfo.environment["SOPLA_DATABASE_URL"], url.hasPrefix("postgres"),
           let location = try? DatabaseLocation.parse(url) {
            return location
        }
        return .sqliteMemory
    }

    public static var isPostgres: Bool { !location.isSQLite }

    /// Swift Testing starts every test at once; on PostgreSQL each application holds a pool of connections, so at
    /// most this many applications run at the same time (the server allows `max_connections`; `scripts/test`: 400).
    public static let applications = Slots(limit: 16)

    /// Runs `body` in one of the slots on PostgreSQL (at once on SQLite, where every test has its own memory database).
    public static func inSlot<T>(_ body: () async throws -> T) async throws -> T {
        guard isPostgres else { return try await body() }
        return try await applications.holding(body)
    }

    /// A schema name that is unique for this test.
    public static func freshSchema() -> String? {
        isPostgres ? "t_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "") : nil
    }

    /// Creates the schema (PostgreSQL) and migrates.
    public static func prepare(_ app: Application, schema: String?) async throws {
        if let schema, let sql = app.db as? any SQLDatabase {
            try await sql.raw("CREATE SCHEMA \(ident: schema)").run()
        }
        try await app.autoMigrate()
    }

    /// Drops the schema (PostgreSQL) and shuts the application down.
    public static func tearDown(_ app: Application, schema: String?) async throws {
        if let schema, let sql = app.db as? any SQLDatabase {
            try? await sql.raw("DROP SCHEMA \(ident: schema) CASCADE").run()
        }
        try await app.asyncShutdown()
    }

    /// Runs `body` with an application whose database is fresh and migrated; always shuts it down.
    public static func withDatabase(_ body: (Application) async throws -> Void) async throws {
        try await inSlot { try await withDatabaseNow(body) }
    }

    static func withDatabaseNow(_ body: (Application) async throws -> Void) async throws {
        let app = try await Application.make(.testing)
        let schema = freshSchema()
        do {
            try app.useSoplaDatabase(location, postgresSchema: schema)
            try await prepare(app, schema: schema)
            try await body(app)
        } catch {
            try await tearDown(app, schema: schema)
            throw error
        }
        try await tearDown(app, schema: schema)
    }
}
