import Fluent

struct CreateSpatialPopulation: AsyncMigration {
    func prepare(on database: Database) async throws {
        try await database.schema(SpatialPopulationFields.schema)
            .id()
            .field(SpatialPopulationFields.unitKey, .string, .required,
                   .references(SpatialUnitFields.schema, SpatialUnitFields.key, onDelete: .restrict))
            .field(SpatialPopulationFields.referenceDate, .string, .required)
            .field(SpatialPopulationFields.count, .int64, .required)
            .field(SpatialPopulationFields.source, .string, .required)
            .unique(on: SpatialPopulationFields.unitKey, SpatialPopulationFields.referenceDate)
            .create()
    }

    func revert(on database: Database) async throws {
        try await database.schema(SpatialPopulationFields.schema).delete()
    }
}
