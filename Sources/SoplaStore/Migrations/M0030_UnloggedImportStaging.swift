import Fluent
import SQLKit

/// PostgreSQL keeps no write-ahead log for the staging table: staged values are written once, not twice, and are
/// worth nothing after a crash (an import that did not commit is run again). SQLite has no such table kind.
struct UnloggedImportStaging: AsyncMigration {
    func prepare(on database: any Database) async throws {
        guard let sql = database as? any SQLDatabase, sql.dialect.name != "sqlite" else { return }
        try await sql.raw("ALTER TABLE \(unsafeRaw: ImportStagingFields.schema) SET UNLOGGED").run()
    }

    func revert(on database: any Database) async throws {
        guard let sql = database as? any SQLDatabase, sql.dialect.name != "sqlite" else { return }
        try await sql.raw("ALTER TABLE \(unsafeRaw: ImportStagingFields.schema) SET LOGGED").run()
    }
}
