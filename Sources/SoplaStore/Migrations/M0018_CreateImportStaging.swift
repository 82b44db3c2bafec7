import Fluent
import SQLKit

/// Values of an import in progress; they reach `observations` in one transaction or not at all.
struct CreateImportStaging: AsyncMigration {
    private typealias F = ObservationFields

    func prepare(on database: any Database) async throws {
        try await database.schema(ImportStagingFields.schema)
            .field(FieldKey(stringLiteral: ImportStagingFields.importID), .uuid, .required)
            .field(FieldKey(stringLiteral: F.variable), .string, .required)
            .field(FieldKey(stringLiteral: F.unitKey), .string, .required)
            .field(FieldKey(stringLiteral: F.referenceDate), .string, .required)
            .field(FieldKey(stringLiteral: F.breakdown), .string, .required)
            .field(FieldKey(stringLiteral: F.value), .double)
            .field(FieldKey(stringLiteral: F.status), .string, .required)
            .create()
        guard let sql = database as? any SQLDatabase else { return }
        try await sql.create(index: "import_staging_import").on(ImportStagingFields.schema).column(ImportStagingFields.importID).run()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(ImportStagingFields.schema).delete()
    }
}
