import Fluent

struct CreateDataVersion: AsyncMigration {
    func prepare(on database: Database) async throws {
        try await database.schema(DataVersionFields.schema)
            .id()
            .field(DataVersionFields.area, .string, .required)
            .field(DataVersionFields.version, .int64, .required)
            .unique(on: DataVersionFields.area)
            .create()
    }

    func revert(on database: Database) async throws {
        try await database.schema(DataVersionFields.schema).delete()
    }
}
