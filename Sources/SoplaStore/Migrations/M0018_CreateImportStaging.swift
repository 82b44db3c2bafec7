import Fluent

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
        // No index: the table only ever holds the rows of the imports running right now, and every
        // statement reads all rows of one import.
    }

    func revert(on database: any Database) async throws {
        try await database.schema(ImportStagingFields.schema).delete()
    }
}
