import Fluent
import SQLKit

/// What each public state of the funding figures of a year showed and hid (the funding ledger).
struct CreateFundingRelease: AsyncMigration {
    private typealias F = FundingReleaseFields

    func prepare(on database: any Database) async throws {
        try await database.schema(F.schema)
            .id()
            .field(F.sequence, .int, .required)
            .field(F.year, .int, .required)
            .field(F.releasedAt, .datetime, .required)
            .field(F.figures, .string, .required)
            .create()
        if let sql = database as? any SQLDatabase {
            try await sql.create(index: "funding_releases_year").on(F.schema).column(F.year.description).column(F.sequence.description).run()
            // Two releases recorded at once cannot share a place in the order.
            try await sql.create(index: "funding_releases_sequence").unique().on(F.schema).column(F.sequence.description).run()
        }
    }

    func revert(on database: any Database) async throws {
        try await database.schema(F.schema).delete()
    }
}
