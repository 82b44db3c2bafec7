import Fluent

struct CreateReferenceValue: AsyncMigration {
    private typealias F = ReferenceValueFields

    func prepare(on database: any Database) async throws {
        try await database.schema(F.schema)
            .id()
            .field(F.indicatorCode, .string, .required)
            .field(F.label, .string, .required)
            .field(F.referenceDate, .string, .required)
            .field(F.value, .double, .required)
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(F.schema).delete()
    }
}
