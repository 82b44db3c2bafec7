import Foundation
import SoplaApp
import SoplaCore
import SoplaFormats


/// The Lahn-Dill-Kreis with its 23 towns and municipalities, from the facts shipped in Resources/demo
/// (sources in Resources/demo/SOURCES.md). Seeding is idempotent: running it again changes nothing.
struct DemoData {
    static let countyKey = "06532"
    static let populationSources: [(Day, String, String)] = [
        (Day(year: 2019, month: 12, day: 31)!, "population_2019", "Destatis, Gemeindeverzeichnis (GV-ISys), 31.12.2019"),
        (Day(year: 2022, month: 5, day: 15)!, "population_zensus_2022", "Zensus 2022, Tabelle 1000A-0000"),
    ]
    static let boundaryValidFrom = Day(year: 2013, month: 1, day: 1)!

    struct Row {
        let ags: String
        let name: String
        let kind: String
        let areaHectares: Int
        let populations: [PopulationFigure]
        let point: Position
    }

    enum Failure: Error, CustomStringConvertible {
        case missingResource(String)
        case badRow(Int, String)

        var description: String {
            switch self {
            case .missingResource(let name): return "the demo data file \(name) is missing from the sopla installation"
            case .badRow(let line, let reason): return "demo data, line \(line): \(reason)"
            }
        }
    }

    static func resource(_ name: String, _ ext: String) throws -> Data {
        guard let url = Bundle.module.url(forResource: name, withExtension: ext, subdirectory: "Resources/demo") else {
            throw Failure.missingResource("\(name).\(ext)")
        }
        return try Data(contentsOf: url)
    }

    static func municipalities() throws -> [Row] {
        let text = String(decoding: try resource("lahn-dill-municipalities", "csv"), as: UTF8.self)
        let table = try CSV.parse(text)
        guard let header = table.first else { throw Failure.badRow(1, "no header") }
        func column(_ name: String) throws -> Int {
            guard let index = header.firstIndex(of: name) else { throw Failure.badRow(1, "column \(name) missing") }
            return index
        }
        let ags = try column("ags"), name = try column("name"), kind = try column("kind"), area = try column("area_km2")
        let lat = try column("lat"), lon = try column("lon")
        let populationColumns = try populationSources.map { (day, columnName, source) in (day, try column(columnName), source) }
        return try table.dropFirst().enumerated().map { offset, row in
            let line = offset + 2
            guard row.count == header.count else { throw Failure.badRow(line, "expected \(header.count) cells, found \(row.count)") }
            guard let hectares = Hundredths.parse(row[area]) else { throw Failure.badRow(line, "area \(row[area]) is no number") }
            guard let latitude = Double(row[lat]), let longitude = Double(row[lon]) else { throw Failure.badRow(line, "bad coordinates") }
            let figures = try populationColumns.map { day, index, source in
                guard let count = Int(row[index]) else { throw Failure.badRow(line, "population \(row[index]) is no whole number") }
                return PopulationFigure(referenceDate: day, count: count, source: source)
            }
            return Row(ags: row[ags], name: row[name], kind: row[kind], areaHectares: hectares, populations: figures,
                       point: Position(lon: longitude, lat: latitude))
        }
    }

    /// Creates or refreshes the demo county. Returns what the boundary import did.
    static func seed(repository: any SpatialRepository, catalogue: SpatialLevelCatalogue) async throws -> BoundaryImportPlan {
        let rows = try municipalities()
        if try await repository.unit(key: countyKey) == nil {
            try await repository.create(SpatialUnit(
                key: countyKey, ars: "065320000000", name: "Lahn-Dill-Kreis", kind: "Landkreis",
                levelCode: SpatialLevel.county.code, parentKey: nil
            ))
        }
        let importer = BoundaryImporter(repository: repository, catalogue: catalogue)
        var options = BoundaryImportOptions(
            level: .municipality, keyProperty: "ags", nameProperty: "name", kindProperty: "kind",
            arsProperty: "RS", validFrom: boundaryValidFrom
        )
        // A Gebietsstand a planner added since stays: running the demo again must not stop at it nor undo it.
        options.keepsLaterBoundaries = true
        let plan = try await importer.run(data: try resource("lahn-dill-gemeinden", "geojson"), options: options, dryRun: false)
        var figures: [String: [PopulationFigure]] = [:]
        for row in rows {
            guard var unit = try await repository.unit(key: row.ags) else {
                throw Failure.badRow(0, "municipality \(row.ags) \(row.name) has no boundary in the demo GeoJSON")
            }
            unit.areaHectares = row.areaHectares
            unit.representativePoint = row.point
            try await repository.update(unit)
            if unit.populations != row.populations { figures[row.ags] = row.populations }
        }
        if !figures.isEmpty { try await repository.replacePopulations(figures) }
        return plan
    }
}
