import Fluent

struct CreateValidationRule: AsyncMigration {
    private typealias F = ValidationRuleFields

    func prepare(on database: any Database) async throws {
        try await database.schema(F.schema)
            .id()
            .field(F.kind, .string, .required)
            .field(F.target, .string, .required)
            .field(F.threshold, .double, .required)
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(F.schema).delete()
    }
}
