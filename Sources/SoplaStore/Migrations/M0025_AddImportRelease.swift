import Fluent
import SQLKit

/// Imported values become public only when their import is released: a release state per import run, and on
/// every value whether it is the revision the public sees. What was stored before counts as released.
struct AddImportRelease: AsyncMigration {
    private typealias R = ImportRunFields
    private typealias O = ObservationFields
    static let importIndex = "observations_import"

    func prepare(on database: any Database) async throws {
        // One column per statement: SQLite alters a table one column at a time.
        for field in [R.releasedAt, R.withdrawnAt] { try await database.schema(R.schema).field(field, .datetime).update() }
        for field in [R.releasedBy, R.releaseReason, R.withdrawnBy, R.withdrawalReason] { try await database.schema(R.schema).field(field, .string).update() }
        try await database.schema(O.schema).field(FieldKey(stringLiteral: O.isPublic), .bool, .required, .sql(.default(false))).update()
        guard let sql = database as? any SQLDatabase else { return }
        // Releasing and withdrawing find an import's values by it.
        try await sql.raw("CREATE INDEX \(unsafeRaw: Self.importIndex) ON \(unsafeRaw: O.schema) (\(unsafeRaw: O.importID))").run()
        try await Self.releaseExisting(on: sql)
    }

    /// What was stored before releases existed was public: current values stay public, finished imports count as released.
    static func releaseExisting(on sql: any SQLDatabase) async throws {
        try await sql.update(O.schema).set(SQLIdentifier(O.isPublic), to: SQLIdentifier(O.isCurrent)).run()
        try await sql.update(R.schema)
            .set(SQLIdentifier(R.releasedAt.description), to: SQLFunction("COALESCE", args: SQLIdentifier(R.finishedAt.description), SQLIdentifier(R.startedAt.description)))
            .set(SQLIdentifier(R.releasedBy.description), to: SQLBind("sopla"))
            .set(SQLIdentifier(R.releaseReason.description), to: SQLBind("Vor Einführung der Freigabe gespeichert"))
            // "done": the stored state of a finished import that wrote values (fixed here as the migration saw it).
            .where(SQLIdentifier(R.state.description), .equal, SQLBind("done"))
            .where(SQLIdentifier(R.dryRun.description), .equal, SQLBind(false))
            .run()
    }

    func revert(on database: any Database) async throws {
        if let sql = database as? any SQLDatabase {
            try await sql.raw("DROP INDEX \(unsafeRaw: Self.importIndex)").run()
        }
        try await database.schema(O.schema).deleteField(FieldKey(stringLiteral: O.isPublic)).update()
        for field in [R.releasedAt, R.releasedBy, R.releaseReason, R.withdrawnAt, R.withdrawnBy, R.withdrawalReason] {
            try await database.schema(R.schema).deleteField(field).update()
        }
    }
}

