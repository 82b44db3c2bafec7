import Fluent

struct CreateVariable: AsyncMigration {
    private typealias F = VariableFields

    func prepare(on database: any Database) async throws {
        try await database.schema(F.schema)
            .id()
            .field(F.code, .string, .required)
            .field(F.nameDE, .string, .required)
            .field(F.nameEN, .string, .required)
            .field(F.unit, .string, .required)
            .field(F.source, .string, .required)
            .field(F.tableCode, .string)
            .field(F.licence, .string, .required)
            .field(F.isCount, .bool, .required)
            .field(F.minimumCount, .int)
            .unique(on: F.code)
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(F.schema).delete()
    }
}
