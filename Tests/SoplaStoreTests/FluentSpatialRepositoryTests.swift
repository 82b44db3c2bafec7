import Fluent
import FluentSQLiteDriver
import Vapor
import Foundation
import SoplaCore
import SoplaStore
import SoplaTestSupport
import Testing

@Suite("Spatial repository")
struct FluentSpatialRepositoryTests {
    static let d2013 = Day(iso: "2013-01-01")!
    static let d2025 = Day(iso: "2025-01-01")!
    static let county = SpatialUnit(key: "06532", ars: "065320000000", name: "Lahn-Dill-Kreis", kind: "Landkreis", levelCode: "county")

    static func square(_ lon: Double, size: Double = 0.1) -> MultiPolygon {
        MultiPolygon(polygons: [Polygon(rings: [[
            Position(lon: lon, lat: 50.5), Position(lon: lon + size, lat: 50.5), Position(lon: lon + size, lat: 50.6),
            Position(lon: lon, lat: 50.6), Position(lon: lon, lat: 50.5),
        ]])])
    }

    static func features(_ size: Double = 0.1) -> [BoundaryFeature] {
        [
            BoundaryFeature(index: 0, properties: ["ags": "06532001", "name": "Aßlar", "kind": "Stadt"], geometry: square(8.4, size: size)),
            BoundaryFeature(index: 1, properties: ["ags": "06532023", "name": "Wetzlar", "kind": "Stadt"], geometry: square(8.5)),
        ]
    }

    static func options(_ day: Day) -> BoundaryImportOptions {
        BoundaryImportOptions(level: .municipality, keyProperty: "ags", nameProperty: "name", kindProperty: "kind", validFrom: day)
    }

    func importFeatures(_ repository: FluentSpatialRepository, _ features: [BoundaryFeature], on day: Day) async throws -> BoundaryImportPlan {
        let plan = try BoundaryImportPlanner.plan(
            features: features, options: Self.options(day), existing: try await repository.existingUnits(), catalogue: .standard
        )
        try await repository.apply(plan)
        return plan
    }

    @Test func storesUnitsBoundariesAndPopulation() async throws {
        try await TestDatabase.withDatabase { app in
            let repository = FluentSpatialRepository(database: app.db)
            try await repository.create(Self.county)
            _ = try await importFeatures(repository, Self.features(), on: Self.d2013)
            let figure = PopulationFigure(referenceDate: Day(iso: "2022-05-15")!, count: 53116, source: "Zensus 2022")
            try await repository.replacePopulations(["06532023": [figure]])

            let units = try await repository.allUnits()
            #expect(units.map(\.key) == ["06532", "06532001", "06532023"])
            #expect(units[2].parentKey == "06532")
            #expect(units[2].populations == [figure])
            #expect(try await repository.unit(key: "06532")?.ars == "065320000000")
            #expect(try await repository.unit(key: "99999") == nil)
            let boundaries = try await repository.boundaries(validOn: Self.d2025)
            #expect(boundaries["06532001"]?.geometry == Self.square(8.4))
            #expect(boundaries["06532"] == nil)
        }
    }

    @Test func reimportChangesNothingAndKeepsTheVersion() async throws {
        try await TestDatabase.withDatabase { app in
            let repository = FluentSpatialRepository(database: app.db)
            try await repository.create(Self.county)
            _ = try await importFeatures(repository, Self.features(), on: Self.d2013)
            let version = try await repository.dataVersion()
            let again = try await importFeatures(repository, Self.features(), on: Self.d2025)
            #expect(!again.changesAnything)
            #expect(try await repository.dataVersion() == version)
            #expect(try await repository.boundaryHistory(unitKey: "06532001").count == 1)
        }
    }

    @Test func changedBoundaryKeepsHistory() async throws {
        try await TestDatabase.withDatabase { app in
            let repository = FluentSpatialRepository(database: app.db)
            try await repository.create(Self.county)
            _ = try await importFeatures(repository, Self.features(), on: Self.d2013)
            let before = try await repository.dataVersion()
            let plan = try await importFeatures(repository, Self.features(0.2), on: Self.d2025)
            #expect(plan.newStatuses.map(\.unitKey) == ["06532001"])
            #expect(try await repository.dataVersion() == before + 1)

            let history = try await repository.boundaryHistory(unitKey: "06532001")
            #expect(history.map(\.validFrom) == [Self.d2013, Self.d2025])
            #expect(history.map(\.validTo) == [Day(iso: "2024-12-31"), nil])
            #expect(history[0].geometry == Self.square(8.4))
            #expect(history[1].geometry == Self.square(8.4, size: 0.2))
            // The Gebietsstand in force on a day is the one the boundaries query returns.
            #expect(try await repository.boundaries(validOn: Day(iso: "2020-06-30")!)["06532001"]?.geometry == Self.square(8.4))
            #expect(try await repository.boundaries(validOn: Day(iso: "2025-06-30")!)["06532001"]?.geometry == Self.square(8.4, size: 0.2))
            #expect(try await repository.boundaries(validOn: Day(iso: "2012-12-31")!).isEmpty)
        }
    }

    @Test func failedTransactionLeavesNothingBehind() async throws {
        try await TestDatabase.withDatabase { app in
            let repository = FluentSpatialRepository(database: app.db)
            try await repository.create(Self.county)
            let good = BoundaryImportPlan.Creation(
                unit: SpatialUnit(key: "06532001", name: "Aßlar", kind: "Stadt", levelCode: "municipality", parentKey: "06532"),
                boundary: BoundaryVersion(unitKey: "06532001", validFrom: Self.d2013, geometry: Self.square(8.4))
            )
            // The second creation repeats the key, so the unique index fails half-way.
            var plan = BoundaryImportPlan()
            plan.creations = [good, good]
            await #expect(throws: (any Error).self) { try await repository.apply(plan) }
            #expect(try await repository.allUnits().map(\.key) == ["06532"])
            #expect(try await repository.boundaries(validOn: Self.d2025).isEmpty)
        }
    }

    @Test func concurrentChangesNeverLoseAVersion() async throws {
        try await TestDatabase.withDatabase { app in
            let repository = FluentSpatialRepository(database: app.db)
            let keys = (1...20).map { String(format: "06532%03d", $0) }
            for key in keys {
                try await repository.create(SpatialUnit(key: key, name: key, kind: "Gemeinde", levelCode: "municipality"))
            }
            let before = try await repository.dataVersion()
            // Twenty writers at once, each on its own unit, as several sopla processes might be.
            try await withThrowingTaskGroup(of: Void.self) { group in
                for (count, key) in keys.enumerated() {
                    group.addTask {
                        try await repository.replacePopulations([key: [PopulationFigure(referenceDate: Day(iso: "2022-05-15")!, count: count, source: "t")]])
                    }
                }
                try await group.waitForAll()
            }
            #expect(try await repository.dataVersion() == before + 20)
        }
    }

    @Test func updateSavesAttributes() async throws {
        try await TestDatabase.withDatabase { app in
            let repository = FluentSpatialRepository(database: app.db)
            try await repository.create(Self.county)
            var unit = Self.county
            unit.areaHectares = 106630
            unit.representativePoint = Position(lon: 8.38, lat: 50.62)
            try await repository.update(unit)
            let stored = try await repository.unit(key: "06532")
            #expect(stored?.areaHectares == 106630)
            #expect(stored?.representativePoint == Position(lon: 8.38, lat: 50.62))
        }
    }
}

@Suite("Migrations")
struct MigrationTests {
    @Test func pendingMigrationsAreCountedAndAppliedOnce() async throws {
        let app = try await Application.make(.testing)
        let schema = TestDatabase.freshSchema()
        do {
            try app.useSoplaDatabase(TestDatabase.location, postgresSchema: schema)
            if let schema, let sql = app.db as? any SQLDatabase {
                try await sql.raw("CREATE SCHEMA \(ident: schema)").run()
            }
            #expect(try await app.pendingMigrations() == SoplaMigrations.all.count)
            if TestDatabase.isPostgres {
                // PostgreSQL is migrated on purpose, never as a side effect of starting.
                await #expect {
                    try await app.prepareDatabase(location: TestDatabase.location, migrate: false)
                } throws: { error in
                    "\(error)".contains("lacks \(SoplaMigrations.all.count) migration(s): run `sopla migrate` first")
                }
            }
            try await app.prepareDatabase(location: TestDatabase.location, migrate: true)
            #expect(try await app.pendingMigrations() == 0)
            try await app.prepareDatabase(location: TestDatabase.location, migrate: true)
            #expect(try await app.pendingMigrations() == 0)
            // Every migration reverts.
            try await app.autoRevert()
            #expect(try await app.pendingMigrations() == SoplaMigrations.all.count)
        } catch {
            try await TestDatabase.tearDown(app, schema: schema)
            throw error
        }
        try await TestDatabase.tearDown(app, schema: schema)
    }
}
