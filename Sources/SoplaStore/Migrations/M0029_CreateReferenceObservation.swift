import Fluent

/// Values of the county's parents (its Land, Germany) from official tables, kept to compare with: one per variable,
/// region, date and breakdown. Each import run counts the values it kept.
struct CreateReferenceObservation: AsyncMigration {
    private typealias F = ReferenceObservationFields
    private typealias R = ImportRunFields

    func prepare(on database: any Database) async throws {
        try await database.schema(F.schema)
            .id()
            .field(F.variable, .string, .required)
            .field(F.regionKey, .string, .required)
            .field(F.regionName, .string, .required)
            .field(F.referenceDate, .string, .required)
            .field(F.breakdown, .string, .required)
            .field(F.value, .double)
            .field(F.status, .string, .required)
            .field(F.importID, .uuid)
            .field(F.recordedAt, .datetime, .required)
            // Reads go by variable: the unique key starts with it and serves as the index.
            .unique(on: F.variable, F.regionKey, F.referenceDate, F.breakdown, name: "reference_observations_key")
            .create()
        try await database.schema(R.schema).field(R.referenceValues, .int).update()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(R.schema).deleteField(R.referenceValues).update()
        try await database.schema(F.schema).delete()
    }
}
