import Fluent

struct CreateSession: AsyncMigration {
    private typealias F = SessionFields

    func prepare(on database: any Database) async throws {
        try await database.schema(F.schema)
            .id()
            .field(F.tokenHash, .string, .required)
            .field(F.userID, .uuid, .required, .references(UserFields.schema, .id))
            .field(F.csrfToken, .string, .required)
            .field(F.createdAt, .datetime, .required)
            .field(F.lastSeenAt, .datetime, .required)
            .unique(on: F.tokenHash)
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(F.schema).delete()
    }
}
