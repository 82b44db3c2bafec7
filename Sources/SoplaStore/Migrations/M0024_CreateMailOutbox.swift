import Fluent

struct CreateMailOutbox: AsyncMigration {
    private typealias F = MailOutboxFields

    func prepare(on database: any Database) async throws {
        try await database.schema(F.schema)
            .id()
            .field(F.recipient, .string, .required)
            .field(F.subject, .string, .required)
            .field(F.body, .string, .required)
            .field(F.createdAt, .datetime, .required)
            .field(F.attempts, .int, .required)
            .field(F.nextAttemptAt, .datetime, .required)
            .field(F.lastError, .string)
            .field(F.sentAt, .datetime)
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(F.schema).delete()
    }
}
