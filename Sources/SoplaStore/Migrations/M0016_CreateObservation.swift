import Fluent

/// Every value of every variable, with all revisions: the current one has `is_current`.
struct CreateObservation: AsyncMigration {
    private typealias F = ObservationFields

    func prepare(on database: any Database) async throws {
        try await database.schema(F.schema)
            .field(FieldKey(stringLiteral: F.variable), .string, .required)
            .field(FieldKey(stringLiteral: F.unitKey), .string, .required)
            .field(FieldKey(stringLiteral: F.referenceDate), .string, .required)
            .field(FieldKey(stringLiteral: F.breakdown), .string, .required)
            .field(FieldKey(stringLiteral: F.value), .double)
            .field(FieldKey(stringLiteral: F.status), .string, .required)
            .field(FieldKey(stringLiteral: F.revision), .int, .required)
            .field(FieldKey(stringLiteral: F.isCurrent), .bool, .required)
            .field(FieldKey(stringLiteral: F.importID), .uuid)
            .field(FieldKey(stringLiteral: F.recordedAt), .datetime, .required)
            .unique(on: FieldKey(stringLiteral: F.variable), FieldKey(stringLiteral: F.unitKey), FieldKey(stringLiteral: F.referenceDate),
                    FieldKey(stringLiteral: F.breakdown), FieldKey(stringLiteral: F.revision), name: "observations_key_revision")
            .create()
        // The unique key (variable, unit, date, breakdown, revision) is the one index: reads go by variable,
        // and an import looks values up by their key. A second index would slow every import down.
    }

    func revert(on database: any Database) async throws {
        try await database.schema(F.schema).delete()
    }
}
