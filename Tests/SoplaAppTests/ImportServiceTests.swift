import Foundation
import NIOPosix
import SoplaApp
import SoplaCore
import SoplaStore
import SoplaTestSupport
import Testing

/// The import use cases as services: a database, a handful of records, no HTTP and no demo.
@Suite("Imports as services")
struct ImportServiceTests {
    let clock = Clock.fixed(Date(timeIntervalSince1970: 1_764_028_800))
    let actor = AuditActor(userID: nil, label: "Test", address: nil)
    let validFrom = Day(iso: "2024-01-01")!

    func square(_ x: Double) -> String {
        "[[[\(x),50.5],[\(x + 0.1),50.5],[\(x + 0.1),50.6],[\(x),50.6],[\(x),50.5]]]"
    }

    /// A county with two municipalities, imported from GeoJSON as `sopla import boundaries` and the demo do.
    func county(_ spatial: any SpatialRepository, dryRun: Bool = false) async throws -> BoundaryImportPlan {
        if try await spatial.unit(key: "06532") == nil {
            try await spatial.create(SpatialUnit(key: "06532", name: "Lahn-Dill-Kreis", kind: "Landkreis", levelCode: SpatialLevel.county.code))
        }
        let geojson = """
            {"type":"FeatureCollection","features":[
            {"type":"Feature","properties":{"ags":"06532001","name":"Aßlar","kind":"Stadt"},"geometry":{"type":"Polygon","coordinates":\(square(8.4))}},
            {"type":"Feature","properties":{"ags":"06532002","name":"Bischoffen","kind":"Gemeinde"},"geometry":{"type":"Polygon","coordinates":\(square(8.6))}}]}
            """
        return try await BoundaryImporter(repository: spatial, catalogue: .standard).run(
            data: Data(geojson.utf8), options: BoundaryImportOptions(level: .municipality, keyProperty: "ags", nameProperty: "name", kindProperty: "kind", validFrom: validFrom),
            dryRun: dryRun)
    }

    @Test func boundariesAreImportedOnceAndADryRunWritesNothing() async throws {
        try await TestDatabase.withDatabase { app in
            let spatial = FluentSpatialRepository(database: app.db)
            let preview = try await county(spatial, dryRun: true)
            #expect(preview.creations.map(\.unit.key) == ["06532001", "06532002"])
            #expect(try await spatial.unit(key: "06532001") == nil)
            let plan = try await county(spatial)
            #expect(plan.creations.map(\.unit.name) == ["Aßlar", "Bischoffen"])
            #expect(try await spatial.unit(key: "06532002")?.parentKey == "06532")
            let again = try await county(spatial)
            #expect(!again.changesAnything && again.unchangedKeys.sorted() == ["06532001", "06532002"])
        }
    }

    @Test func missingAndOversizedFilesAreNamed() throws {
        let importer = BoundaryImporter(repository: FailingRepository(), catalogue: .standard, maxFileBytes: 10)
        do {
            _ = try importer.read(path: "/nonexistent/grenzen.geojson")
            Issue.record("a missing file was read")
        } catch {
            #expect(error.description == "the file /nonexistent/grenzen.geojson does not exist; check the path (relative paths start in the current folder)")
        }
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("sopla-app-\(UUID()).geojson").path
        _ = FileManager.default.createFile(atPath: path, contents: Data(repeating: 32, count: 100))
        defer { try? FileManager.default.removeItem(atPath: path) }
        do {
            _ = try importer.read(path: path)
            Issue.record("a file above the limit was read")
        } catch {
            #expect(error.description.contains("more than the limit"))
        }
    }

    func write(_ text: String) throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("sopla-app-\(UUID()).csv")
        try Data(text.utf8).write(to: url)
        return url
    }

    func run(_ importer: ObservationImporter, _ text: String, options: ObservationImporter.Options = .init()) async throws -> ImportRun {
        let file = try write(text)
        defer { try? FileManager.default.removeItem(at: file) }
        let run = try await importer.begin(file: file, fileName: "werte.csv", actor: actor, options: options, storedFile: nil)
        return try await importer.execute(run, file: file, actor: actor, options: options)
    }

    @Test func valuesAreStoredAllOrNothingAndADryRunStoresNone() async throws {
        try await TestDatabase.withDatabase { app in
            let spatial = FluentSpatialRepository(database: app.db)
            _ = try await county(spatial)
            let store = IndicatorStore(database: app.db)
            try await store.save(Variable(code: "alo", nameDE: "Arbeitslose", nameEN: "Unemployed", unit: "Personen", source: "BA", licence: "dl-de/by-2-0"),
                                 actor: actor, at: clock.now())
            let importer = ObservationImporter(store: store, spatial: spatial, clock: clock, files: NIOThreadPool.singleton)

            let dry = try await run(importer, "variable,ags,reference_date,value,status\nalo,06532001,2024-12-31,420,\nalo,06532002,2024-12-31,37,\n",
                                    options: .init(dryRun: true))
            #expect(dry.state == .done && dry.outcome.inserted == 2)
            #expect(try await store.observationCount().all == 0)

            // One unknown municipality: nothing of the file is stored, the row is named.
            let bad = try await run(importer, "variable,ags,reference_date,value,status\nalo,06532001,2024-12-31,420,\nalo,06532099,2024-12-31,5,\n")
            #expect(bad.state == .failed)
            #expect(bad.issues.contains { $0.line == 3 })
            #expect(try await store.observationCount().all == 0)

            let done = try await run(importer, "variable,ags,reference_date,value,status\nalo,06532001,2024-12-31,420,\nalo,06532002,2024-12-31,37,\n")
            #expect(done.state == .done && done.outcome.inserted == 2 && done.variables == ["alo"] && done.dates == [Day(iso: "2024-12-31")!])
            let stored = try await store.observations(variables: ["alo"], selection: .current)
            #expect(stored.values.count == 2)
            // The same file again changes nothing; a revised value makes a revision.
            let same = try await run(importer, "variable,ags,reference_date,value,status\nalo,06532001,2024-12-31,420,\nalo,06532002,2024-12-31,37,\n")
            #expect(same.outcome.inserted == 0 && same.outcome.unchanged == 2)
            let revised = try await run(importer, "variable,ags,reference_date,value,status\nalo,06532001,2024-12-31,421,\n")
            #expect(revised.outcome.revised == 1)
            #expect(try await store.observationCount() == (all: 3, current: 2))
        }
    }
}

/// A repository the file checks never reach.
struct FailingRepository: SpatialRepository {
    func allUnits() async throws -> [SpatialUnit] { fatalError() }
    func unit(key: String) async throws -> SpatialUnit? { fatalError() }
    func boundaryHistory(unitKey: String) async throws -> [BoundaryVersion] { fatalError() }
    func boundaries(validOn day: Day) async throws -> [String: BoundaryVersion] { fatalError() }
    func existingUnits() async throws -> [String: ExistingUnit] { fatalError() }
    func apply(_ plan: BoundaryImportPlan) async throws { fatalError() }
    func create(_ unit: SpatialUnit) async throws { fatalError() }
    func update(_ unit: SpatialUnit) async throws { fatalError() }
    func replacePopulations(_ figures: [String: [PopulationFigure]]) async throws { fatalError() }
    func dataVersion() async throws -> Int { fatalError() }
}
