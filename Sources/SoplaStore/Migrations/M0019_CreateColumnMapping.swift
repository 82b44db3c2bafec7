import Fluent

struct CreateColumnMapping: AsyncMigration {
    private typealias F = ColumnMappingFields

    func prepare(on database: any Database) async throws {
        try await database.schema(F.schema)
            .id()
            .field(F.tableCode, .string, .required)
            .field(F.signature, .string, .required)
            .field(F.variable, .string, .required)
            .field(F.breakdown, .string, .required)
            .field(F.ignored, .bool, .required)
            .unique(on: F.tableCode, F.signature)
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(F.schema).delete()
    }
}
