import Fluent
import SQLKit

/// What each public release of a variable and date showed and hid (the disclosure ledger).
struct CreateDisclosureRelease: AsyncMigration {
    private typealias F = DisclosureReleaseFields

    func prepare(on database: any Database) async throws {
        try await database.schema(F.schema)
            .id()
            .field(F.variable, .string, .required)
            .field(F.referenceDate, .string, .required)
            .field(F.source, .string, .required)
            .field(F.createdAt, .datetime, .required)
            .field(F.releasedAt, .datetime)
            .field(F.figures, .string, .required)
            .create()
        if let sql = database as? any SQLDatabase {
            try await sql.create(index: "disclosure_releases_variable_date").on(F.schema).column(F.variable.description).column(F.referenceDate.description).run()
            try await sql.create(index: "disclosure_releases_source").on(F.schema).column(F.source.description).run()
        }
    }

    func revert(on database: any Database) async throws {
        try await database.schema(F.schema).delete()
    }
}
