import Fluent

struct CreateSpatialUnit: AsyncMigration {
    func prepare(on database: Database) async throws {
        try await database.schema(SpatialUnitFields.schema)
            .id()
            .field(SpatialUnitFields.key, .string, .required)
            .field(SpatialUnitFields.ars, .string)
            .field(SpatialUnitFields.name, .string, .required)
            .field(SpatialUnitFields.kind, .string, .required)
            .field(SpatialUnitFields.level, .string, .required)
            .field(SpatialUnitFields.parentKey, .string)
            .field(SpatialUnitFields.areaHectares, .int64)
            .field(SpatialUnitFields.pointLon, .double)
            .field(SpatialUnitFields.pointLat, .double)
            .field(SpatialUnitFields.createdAt, .datetime)
            .field(SpatialUnitFields.updatedAt, .datetime)
            .unique(on: SpatialUnitFields.key)
            .create()
    }

    func revert(on database: Database) async throws {
        try await database.schema(SpatialUnitFields.schema).delete()
    }
}
