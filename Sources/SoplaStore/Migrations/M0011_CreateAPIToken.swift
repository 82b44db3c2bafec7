import Fluent

struct CreateAPIToken: AsyncMigration {
    private typealias F = APITokenFields

    func prepare(on database: any Database) async throws {
        try await database.schema(F.schema)
            .id()
            .field(F.tokenHash, .string, .required)
            .field(F.userID, .uuid, .required, .references(UserFields.schema, .id))
            .field(F.name, .string, .required)
            .field(F.scope, .string, .required)
            .field(F.prefix, .string, .required)
            .field(F.createdAt, .datetime, .required)
            .field(F.lastUsedAt, .datetime)
            .field(F.revokedAt, .datetime)
            .unique(on: F.tokenHash)
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(F.schema).delete()
    }
}
