import Fluent

/// Creates the version row of the spatial data, so that changes only ever increment it atomically.
struct SeedDataVersion: AsyncMigration {
    func prepare(on database: Database) async throws {
        guard try await DataVersionModel.query(on: database).filter(\.$area == FluentSpatialRepository.area).first() == nil else { return }
        try await DataVersionModel(area: FluentSpatialRepository.area, version: 0).create(on: database)
    }

    func revert(on database: Database) async throws {
        try await DataVersionModel.query(on: database).filter(\.$area == FluentSpatialRepository.area).delete()
    }
}
