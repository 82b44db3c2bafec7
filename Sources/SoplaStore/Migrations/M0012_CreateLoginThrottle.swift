import Fluent

struct CreateLoginThrottle: AsyncMigration {
    private typealias F = LoginThrottleFields

    func prepare(on database: any Database) async throws {
        try await database.schema(F.schema)
            .id()
            .field(F.key, .string, .required)
            .field(F.failures, .int, .required)
            .field(F.lastFailure, .datetime, .required)
            .unique(on: F.key)
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(F.schema).delete()
    }
}
