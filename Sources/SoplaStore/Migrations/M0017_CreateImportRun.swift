import Fluent

struct CreateImportRun: AsyncMigration {
    private typealias F = ImportRunFields

    func prepare(on database: any Database) async throws {
        try await database.schema(F.schema)
            .id()
            .field(F.fileName, .string, .required)
            .field(F.sha256, .string, .required)
            .field(F.format, .string)
            .field(F.tableCode, .string)
            .field(F.actorID, .uuid)
            .field(F.actorLabel, .string, .required)
            .field(F.startedAt, .datetime, .required)
            .field(F.finishedAt, .datetime)
            .field(F.state, .string, .required)
            .field(F.dryRun, .bool, .required)
            .field(F.skipUnknownUnits, .bool, .required)
            .field(F.bytesTotal, .int64, .required)
            .field(F.bytesRead, .int64, .required)
            .field(F.inserted, .int, .required)
            .field(F.revised, .int, .required)
            .field(F.unchanged, .int, .required)
            .field(F.skipped, .int, .required)
            .field(F.issueCount, .int, .required)
            .field(F.issues, .string, .required)
            .field(F.variables, .string, .required)
            .field(F.dates, .string, .required)
            .field(F.storedFile, .string)
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(F.schema).delete()
    }
}
