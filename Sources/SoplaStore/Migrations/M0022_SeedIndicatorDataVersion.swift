import Fluent

/// The version row of the indicator data (variables, indicators, values).
struct SeedIndicatorDataVersion: AsyncMigration {
    func prepare(on database: any Database) async throws {
        guard try await DataVersionModel.query(on: database).filter(\.$area == IndicatorStore.area).first() == nil else { return }
        try await DataVersionModel(area: IndicatorStore.area, version: 0).create(on: database)
    }

    func revert(on database: any Database) async throws {
        try await DataVersionModel.query(on: database).filter(\.$area == IndicatorStore.area).delete()
    }
}
