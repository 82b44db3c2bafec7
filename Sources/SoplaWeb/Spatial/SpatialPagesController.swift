import Foundation
import SoplaApp
import SoplaCore
import SoplaFormats
import SoplaRender
import SoplaStore
import Vapor

/// The public pages of the spatial base.
struct SpatialPagesController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let read = RoutePermission(.readPublic)
        routes.on(.GET, SiteRoute.Pattern.home, read, use: home)
        routes.on(.GET, SiteRoute.Pattern.units, read, use: list)
        routes.on(.GET, SiteRoute.Pattern.unitsCSV, read, use: csv)
        routes.on(.GET, SiteRoute.Pattern.unit, read, use: detail)
        routes.on(.GET, SiteRoute.Pattern.unitPopulationCSV, read, use: populationCSV)
        routes.on(.GET, SiteRoute.Pattern.unitHistoryCSV, read, use: historyCSV)
        routes.on(.GET, SiteRoute.Pattern.data, read, use: data)
        routes.on(.GET, SiteRoute.Pattern.api, read, use: api)
    }

    func home(req: Request) async throws -> HTMLResponse {
        let settings = req.settings
        let units = try await req.spatial.unitsWithAggregates(catalogue: settings.levels)
        let county = primaryRegion(of: units)
        let municipalities = county.map { c in units.filter { $0.parentKey == c.key } }
            ?? units.filter { $0.levelCode == SpatialLevel.municipality.code }
        let boundaries = municipalities.isEmpty ? [:] : try await req.currentBoundaries()
        let model = HomePage.Model(county: county, municipalities: municipalities, boundaries: boundaries)
        return HTMLResponse(HomePage.render(model, language: req.language, path: req.pathForLinks, account: try await req.pageContext().account))
    }

    func list(req: Request) async throws -> HTMLResponse {
        let settings = req.settings
        let parameters = Self.parameters(req, catalogue: settings.levels)
        let units = try await req.spatial.unitsWithAggregates(catalogue: settings.levels)
        let page = SpatialUnitListing.list(units, query: Self.query(parameters, perPage: 50))
        let names = Dictionary(uniqueKeysWithValues: units.map { ($0.key, $0.name) })
        let model = UnitListPage.Model(page: page, parameters: parameters, catalogue: settings.levels, names: names)
        return HTMLResponse(UnitListPage.render(model, language: req.language, path: req.pathForLinks, account: try await req.pageContext().account))
    }

    /// The list as CSV, with the same filter and sort and without paging.
    func csv(req: Request) async throws -> Response {
        let settings = req.settings
        let parameters = Self.parameters(req, catalogue: settings.levels)
        let units = try await req.spatial.unitsWithAggregates(catalogue: settings.levels)
        let all = SpatialUnitListing.list(units, query: Self.query(parameters, perPage: Int.max / 2)).items
        let text = SpatialCSV.write(all, all: units, levels: settings.levels)
        return CSVDownload.response(text, filename: "gebiete.csv")
    }

    /// The population table of one unit (own figures, or the sums of its children).
    func populationCSV(req: Request) async throws -> Response {
        let unit = try await Self.unit(req)
        let figures = unit.populations.sorted { $0.referenceDate < $1.referenceDate }
        let text = CSV.write(header: ["Gebietsschlüssel", "Gebiet", "Stichtag", "Einwohner", "Quelle"], rows: figures.map {
            [unit.key, unit.name, GermanCSV.day($0.referenceDate), GermanCSV.integer($0.count), $0.source]
        })
        return CSVDownload.response(text, filename: "einwohner-\(unit.key).csv")
    }

    /// The Gebietsstände of one unit, without geometry (that is in the GeoJSON).
    func historyCSV(req: Request) async throws -> Response {
        let unit = try await Self.unit(req)
        let history = try await req.spatial.boundaryHistory(unitKey: unit.key)
        let text = CSV.write(header: ["Gebietsschlüssel", "Gebiet", "gültig ab", "gültig bis", "Mittelpunkt Länge", "Mittelpunkt Breite"], rows: history.map { version in
            let centroid = version.geometry.centroid
            return [unit.key, unit.name, GermanCSV.day(version.validFrom), GermanCSV.day(version.validTo),
                    GermanCSV.number(centroid?.lon, decimals: 6), GermanCSV.number(centroid?.lat, decimals: 6)]
        })
        return CSVDownload.response(text, filename: "gebietsstaende-\(unit.key).csv")
    }

    static func unit(_ req: Request) async throws -> SpatialUnit {
        guard let key = req.parameters.get("key") else { throw Abort(.notFound) }
        let units = try await req.spatial.unitsWithAggregates(catalogue: req.settings.levels)
        guard let unit = units.first(where: { $0.key == key }) else { throw Abort(.notFound) }
        return unit
    }

    func detail(req: Request) async throws -> HTMLResponse {
        guard let key = req.parameters.get("key") else { throw Abort(.notFound) }
        let profiles = req.unitProfiles
        guard let overview = try await profiles.overview(key: key) else { throw Abort(.notFound) }
        let indicators = try await profiles.indicatorLines(for: overview.unit, raw: try await req.may(.viewUnsuppressedFigures))
        let mayManage = try await req.may(.manageSpatialUnits)
        var model = SpatialViews.unitModel(overview, indicators: indicators, catalogue: req.settings.levels,
                                           creatableChildLevel: mayManage ? req.settings.levels.localChildLevel(of: overview.unit.levelCode) : nil,
                                           language: req.language)
        if mayManage, req.settings.levels.level(code: overview.unit.levelCode)?.keyFormat == .localSuffix {
            model.editLink = PlanningAreaRoute.Pattern.edit(overview.unit.key)
        }
        if req.settings.levels.localChildLevel(of: overview.unit.levelCode) != nil, !overview.children.isEmpty {
            let areas = PlanningAreaService(repository: FluentSpatialRepository(database: req.db), catalogue: req.settings.levels)
            for area in try await areas.areas(parentKey: overview.unit.key) { model.retiredChildren[area.unit.key] = area.retiredFrom }
        }
        return HTMLResponse(UnitPage.render(model, language: req.language, path: req.pathForLinks, account: try await req.pageContext().account, notice: req.notice))
    }


    func data(req: Request) async throws -> HTMLResponse {
        HTMLResponse(DataPage.render(language: req.language, path: req.pathForLinks, account: try await req.pageContext().account))
    }

    func api(req: Request) async throws -> HTMLResponse {
        HTMLResponse(APIPage.render(language: req.language, path: req.pathForLinks, account: try await req.pageContext().account))
    }

    /// Page parameters; values that make no sense fall back to the defaults rather than failing a page view.
    static func parameters(_ req: Request, catalogue: SpatialLevelCatalogue) -> UnitListParameters {
        let search = (try? req.query.get(String.self, at: "q")).map { String($0.prefix(100)) }.flatMap { $0.trimmingCharacters(in: .whitespaces).isEmpty ? nil : $0 }
        let level = (try? req.query.get(String.self, at: "ebene")).flatMap { catalogue.level(code: $0)?.code }
        let parent = (try? req.query.get(String.self, at: "gehoert-zu")).flatMap { APIParameters.isWellFormedKey($0) ? $0 : nil }
        let sort = (try? req.query.get(String.self, at: "sortierung")).flatMap(SpatialUnitQuery.SortField.init(rawValue:))
        let descending = (try? req.query.get(String.self, at: "richtung")) == "ab"
        let page = (try? req.query.get(String.self, at: "seite")).flatMap(Int.init).map { min(max(1, $0), 1_000_000) } ?? 1
        return UnitListParameters(search: search, level: level, parent: parent, sort: sort, descending: descending, page: page)
    }

    static func query(_ p: UnitListParameters, perPage: Int) -> SpatialUnitQuery {
        SpatialUnitQuery(levelCode: p.level, parentKey: p.parent, search: p.search, sort: p.sort ?? .key, descending: p.descending, page: p.page, perPage: perPage)
    }
}

/// The unit table as CSV, for the list download and `sopla export units`.
enum SpatialCSV {
    static let header = ["Gebietsschlüssel", "ARS", "Name", "Art", "Ebene", "gehört zu", "gehört zu (Schlüssel)", "Fläche (km²)", "Einwohner", "Einwohner Stichtag"]

    /// `all` names the parents of `units`; `levels` names their levels.
    static func write(_ units: [SpatialUnit], all: [SpatialUnit], levels: SpatialLevelCatalogue, byteOrderMark: Bool = true) -> String {
        let names = Dictionary(all.map { ($0.key, $0.name) }, uniquingKeysWith: { a, _ in a })
        return CSV.write(header: header, rows: units.map { unit in
            [
                unit.key, unit.ars ?? "", unit.name, unit.kind, levels.level(code: unit.levelCode)?.nameDE ?? unit.levelCode,
                unit.parentKey.map { names[$0] ?? "" } ?? "", unit.parentKey ?? "",
                GermanCSV.number(unit.areaHectares.map { Double($0) / 100 }, decimals: 2),
                GermanCSV.integer(unit.latestPopulation?.count),
                GermanCSV.day(unit.latestPopulation?.referenceDate),
            ]
        }, byteOrderMark: byteOrderMark)
    }
}
