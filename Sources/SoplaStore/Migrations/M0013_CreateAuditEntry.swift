import Fluent

struct CreateAuditEntry: AsyncMigration {
    private typealias F = AuditEntryFields

    func prepare(on database: any Database) async throws {
        try await database.schema(F.schema)
            .id()
            .field(F.at, .datetime, .required)
            .field(F.actorID, .uuid)
            .field(F.actorLabel, .string, .required)
            .field(F.address, .string)
            .field(F.action, .string, .required)
            .field(F.entityType, .string, .required)
            .field(F.entityID, .string)
            .field(F.entityLabel, .string, .required)
            .field(F.changes, .string, .required)
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(F.schema).delete()
    }
}
