import Fluent

struct CreateUser: AsyncMigration {
    private typealias F = UserFields

    func prepare(on database: any Database) async throws {
        try await database.schema(F.schema)
            .id()
            .field(F.email, .string, .required)
            .field(F.displayName, .string, .required)
            .field(F.roles, .string, .required)
            .field(F.grants, .string, .required)
            .field(F.active, .bool, .required)
            .field(F.passwordHash, .string)
            .field(F.createdAt, .datetime, .required)
            .field(F.lastLoginAt, .datetime)
            .field(F.erasedAt, .datetime)
            .unique(on: F.email)
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(F.schema).delete()
    }
}
