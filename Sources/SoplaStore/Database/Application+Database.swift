import Fluent
import FluentPostgresDriver
import FluentSQLiteDriver
import Foundation
import Vapor

/// A problem with the database that the person running sopla can fix.
public struct DatabaseSetupError: Error, CustomStringConvertible {
    public let description: String
}

extension Application {
    /// Registers the database and sopla's migrations. `postgresSchema` puts all tables into one
    /// PostgreSQL schema (tests use a fresh one each); nil uses the server's default search path.
    public func useSoplaDatabase(_ location: DatabaseLocation, postgresSchema: String? = nil) throws {
        switch location {
        case .sqliteMemory:
            databases.use(Self.sqlite(.memory), as: .sqlite)
        case .sqliteFile(let path):
            databases.use(Self.sqlite(.file(path)), as: .sqlite)
        case .postgres(let url):
            do {
                var config = try SQLPostgresConfiguration(url: url)
                config.searchPath = postgresSchema.map { [$0] }
                databases.use(.postgres(configuration: config, maxConnectionsPerEventLoop: 4, connectionPoolTimeout: .seconds(10)), as: .psql)
            } catch {
                throw DatabaseSetupError(description: "SOPLA_DATABASE_URL cannot be used: \(error). Use postgres://USER:PASSWORD@HOST:PORT/DATABASE")
            }
        }
        for migration in SoplaMigrations.all { migrations.add(migration) }
    }

    /// fluent-sqlite-driver with WAL, a busy timeout, write-locking transactions and retries (see `SQLiteWriteDatabase`).
    static func sqlite(_ configuration: SQLiteConfiguration, writing: SQLiteWriting = SQLiteWriting()) -> DatabaseConfigurationFactory {
        DatabaseConfigurationFactory {
            // One connection per event loop; a request waits for it up to 30 s (a burst of logins or an import's batch
            // holds it briefly each) rather than failing after the default 10 s.
            SQLiteWriteConfiguration(base: DatabaseConfigurationFactory.sqlite(configuration, connectionPoolTimeout: .seconds(30)).make(), writing: writing)
        }
    }

    /// Connects, and migrates an embedded SQLite database; PostgreSQL must be migrated with `sopla migrate`.
    public func prepareDatabase(location: DatabaseLocation, migrate: Bool) async throws {
        try await checkConnection(location: location)
        if location.isSQLite || migrate {
            do {
                try await autoMigrate()
            } catch {
                throw DatabaseSetupError(description: "migrating the database \(location.redacted) failed: \(String(reflecting: error))")
            }
        } else {
            let pending = try await pendingMigrations()
            if pending > 0 {
                throw DatabaseSetupError(description: "the database \(location.redacted) lacks \(pending) migration(s): run `sopla migrate` first")
            }
        }
    }

    public func checkConnection(location: DatabaseLocation) async throws {
        if case .sqliteFile(let path) = location {
            let directory = URL(fileURLWithPath: path).deletingLastPathComponent().path
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory), isDirectory.boolValue else {
                throw DatabaseSetupError(description: "cannot open SQLite database \(path): the folder \(directory) does not exist; create it or change SOPLA_DATABASE_URL")
            }
            if FileManager.default.fileExists(atPath: path) {
                guard FileManager.default.isReadableFile(atPath: path), FileManager.default.isWritableFile(atPath: path) else {
                    throw DatabaseSetupError(description: "cannot open SQLite database \(path): the file is not readable and writable by this user")
                }
            } else if !FileManager.default.isWritableFile(atPath: directory) {
                throw DatabaseSetupError(description: "cannot create SQLite database \(path): the folder \(directory) is not writable by this user")
            }
        }
        do {
            guard let sql = db as? any SQLDatabase else { return }
            try await sql.raw("SELECT 1").run()
        } catch {
            throw DatabaseSetupError(description: "cannot connect to the database \(location.redacted): \(Self.reason(error)). Check that the server runs and that SOPLA_DATABASE_URL is right.")
        }
    }

    /// The number of sopla migrations not yet applied.
    public func pendingMigrations() async throws -> Int {
        do {
            let applied = try await MigrationLog.query(on: db).all().map(\.name)
            return SoplaMigrations.all.filter { !applied.contains($0.name) }.count
        } catch {
            return SoplaMigrations.all.count
        }
    }

    static func reason(_ error: any Error) -> String {
        if let psql = error as? PSQLError {
            return "\(psql.code)" + (psql.serverInfo?[.message].map { ": \($0)" } ?? "") + (psql.underlying.map { " (\($0))" } ?? "")
        }
        return String(describing: error)
    }
}
