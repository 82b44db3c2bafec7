import Foundation
import SoplaApp
import SoplaCore
import SoplaStore
import Testing
import Vapor
@testable import SoplaDemo
@testable import SoplaWeb

@Suite("Boundary import and demo")
struct ImportAndDemoTests {
    func importer(_ app: Application) -> BoundaryImporter {
        BoundaryImporter(repository: app.spatial, catalogue: .standard)
    }

    let options = BoundaryImportOptions(level: .municipality, keyProperty: "ags", nameProperty: "name", validFrom: Day(iso: "2025-01-01")!)

    @Test func demoSeedIsIdempotent() async throws {
        try await withTestApp { app in
            let version = try await app.spatial.dataVersion()
            let plan = try await DemoData.seed(repository: app.spatial, catalogue: .standard)
            #expect(plan.summary == "0 created, 0 new Gebietsstand, 0 updated, 23 unchanged")
            #expect(try await app.spatial.dataVersion() == version)
            let units = try await app.spatial.allUnits()
            #expect(units.count == 24)
            let municipalities = units.filter { $0.levelCode == "municipality" }
            #expect(municipalities.reduce(0) { $0 + ($1.population(on: Day(iso: "2019-12-31")!)?.count ?? 0) } == 253_319)
            #expect(municipalities.reduce(0) { $0 + ($1.population(on: Day(iso: "2022-05-15")!)?.count ?? 0) } == 251_972)
            #expect(municipalities.reduce(0) { $0 + ($1.areaHectares ?? 0) } == 106_630)
            #expect(municipalities.filter { $0.kind == "Stadt" }.map(\.name) == ["Aßlar", "Braunfels", "Dillenburg", "Haiger", "Herborn", "Leun", "Solms", "Wetzlar"])
        }
    }

    @Test func representativePointsLieInsideTheirBoundaries() async throws {
        try await withTestApp { app in
            let boundaries = try await app.spatial.boundaries(validOn: Day(iso: "2025-01-01")!)
            for unit in try await app.spatial.allUnits() where unit.levelCode == "municipality" {
                let point = try #require(unit.representativePoint)
                #expect(boundaries[unit.key]?.geometry.contains(point) == true, "\(unit.name)")
            }
        }
    }

    func snapshot(_ app: Application) async throws -> ([SpatialUnit], Int) {
        (try await app.spatial.allUnits(), try await app.spatial.dataVersion())
    }

    @Test func badFileLeavesTheDatabaseAsItWas() async throws {
        try await withTestApp { app in
            let before = try await snapshot(app)
            let file = """
            {"type":"FeatureCollection","features":[
              {"type":"Feature","properties":{"ags":"06532024","name":"Neu"},"geometry":{"type":"Polygon","coordinates":[[[8.4,50.5],[8.5,50.5],[8.5,50.6],[8.4,50.5]]]}},
              {"type":"Feature","properties":{"ags":"0653","name":"Kurz"},"geometry":{"type":"Polygon","coordinates":[[[8.4,50.5],[8.5,50.5],[8.5,50.6],[8.4,50.5]]]}},
              {"type":"Feature","properties":{"ags":"06532025","name":"Offen"},"geometry":{"type":"Polygon","coordinates":[[[8.4,50.5],[8.5,50.5],[8.5,50.6],[8.4,50.6]]]}}
            ]}
            """
            do {
                _ = try await importer(app).run(data: Data(file.utf8), options: options, dryRun: false)
                Issue.record("expected the import to fail")
            } catch let failure as BoundaryImporter.Failure {
                #expect(failure.description == """
                nothing was imported; 2 problems found:
                  - feature 1, property "ags", value "0653": key "0653" has 4 characters; a municipality key (AGS) has exactly 8 digits
                  - feature 2, property "geometry": a linear ring must be closed: its first and last positions differ
                """)
            }
            let after = try await snapshot(app)
            #expect(after.0 == before.0)
            #expect(after.1 == before.1)
        }
    }

    @Test func malformedJSONLeavesTheDatabaseAsItWas() async throws {
        try await withTestApp { app in
            let before = try await snapshot(app)
            await #expect(throws: BoundaryImporter.Failure.self) {
                _ = try await importer(app).run(data: Data("{\"type\":".utf8), options: options, dryRun: false)
            }
            #expect(try await snapshot(app).0 == before.0)
        }
    }

    @Test func dryRunWritesNothing() async throws {
        try await withTestApp { app in
            let before = try await snapshot(app)
            let file = """
            {"type":"FeatureCollection","features":[{"type":"Feature","properties":{"ags":"06532024","name":"Neu"},"geometry":{"type":"Polygon","coordinates":[[[8.4,50.5],[8.5,50.5],[8.5,50.6],[8.4,50.5]]]}}]}
            """
            let plan = try await importer(app).run(data: Data(file.utf8), options: options, dryRun: true)
            #expect(plan.creations.count == 1)
            #expect(try await snapshot(app).0 == before.0)
            #expect(try await snapshot(app).1 == before.1)
        }
    }

    @Test func databaseURLsAreCheckedWithClearMessages() throws {
        #expect(try DatabaseLocation.parse("sqlite:./sopla.sqlite") == .sqliteFile(path: "./sopla.sqlite"))
        #expect(try DatabaseLocation.parse("sqlite:/var/lib/sopla/sopla.sqlite") == .sqliteFile(path: "/var/lib/sopla/sopla.sqlite"))
        #expect(try DatabaseLocation.parse("postgres://u:p@h:5432/db") == .postgres(url: "postgres://u:p@h:5432/db"))
        #expect(throws: DatabaseURLError.unknownScheme("mysql://x")) { try DatabaseLocation.parse("mysql://x") }
        #expect(throws: DatabaseURLError.emptySQLitePath("sqlite:")) { try DatabaseLocation.parse("sqlite:") }
        #expect(throws: DatabaseURLError.postgresDatabaseMissing("postgres://u:p@h:5432")) { try DatabaseLocation.parse("postgres://u:p@h:5432") }
        #expect(DatabaseLocation.postgres(url: "postgres://u:secret@h:5432/db").redacted == "postgres://u:***@h:5432/db")
    }

    @Test func unreachableDatabaseIsAClearError() async throws {
        let app = try await Application.make(.testing)
        try app.useSoplaDatabase(.sqliteFile(path: "/nonexistent-folder/sopla.sqlite"))
        await #expect {
            try await app.prepareDatabase(location: .sqliteFile(path: "/nonexistent-folder/sopla.sqlite"), migrate: false)
        } throws: { error in
            "\(error)" == "cannot open SQLite database /nonexistent-folder/sopla.sqlite: the folder /nonexistent-folder does not exist; create it or change SOPLA_DATABASE_URL"
        }
        try await app.asyncShutdown()
    }
}

