import Fluent

struct CreateAccessLink: AsyncMigration {
    private typealias F = AccessLinkFields

    func prepare(on database: any Database) async throws {
        try await database.schema(F.schema)
            .id()
            .field(F.tokenHash, .string, .required)
            .field(F.userID, .uuid, .required, .references(UserFields.schema, .id))
            .field(F.purpose, .string, .required)
            .field(F.expiresAt, .datetime, .required)
            .field(F.usedAt, .datetime)
            .unique(on: F.tokenHash)
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(F.schema).delete()
    }
}
