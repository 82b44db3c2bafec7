import Fluent

struct CreateSpatialBoundary: AsyncMigration {
    func prepare(on database: Database) async throws {
        try await database.schema(SpatialBoundaryFields.schema)
            .id()
            .field(SpatialBoundaryFields.unitKey, .string, .required,
                   .references(SpatialUnitFields.schema, SpatialUnitFields.key, onDelete: .restrict))
            .field(SpatialBoundaryFields.validFrom, .string, .required)
            .field(SpatialBoundaryFields.validTo, .string)
            .field(SpatialBoundaryFields.geometry, .string, .required)
            .field(SpatialBoundaryFields.createdAt, .datetime)
            .unique(on: SpatialBoundaryFields.unitKey, SpatialBoundaryFields.validFrom)
            .create()
    }

    func revert(on database: Database) async throws {
        try await database.schema(SpatialBoundaryFields.schema).delete()
    }
}
