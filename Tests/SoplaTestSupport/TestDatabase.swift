import Fluent
import FluentSQLiteDriver
import Foundation
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
