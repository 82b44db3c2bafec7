import Foundation
import SoplaApp
import SoplaCore
import SoplaFormats
import SoplaRender
import SoplaStore
import Fluent
import Vapor

/// What the area pages, the API and profiles share: a unit's page model and cached GeoJSON answers.
enum SpatialViews {

    static func response(_ entry: GeoJSONCache.Entry, for req: Request) -> Response {
        if let tags = req.headers.first(name: .ifNoneMatch),
           tags.split(separator: ",").contains(where: { let tag = $0.trimmingCharacters(in: .whitespaces); return tag == entry.etag || tag == "*" }) {
            return Response(status: .notModified, headers: entry.headers)
        }
        if let gzip = entry.gzipBody, let accepted = req.headers.first(name: .acceptEncoding),
           accepted.contains("gzip") || accepted.lowercased().contains("gzip") {
            return Response(status: .ok, headers: entry.gzipHeaders, body: .init(buffer: gzip))
        }
        return Response(status: .ok, headers: entry.headers, body: .init(buffer: entry.body))
    }

    /// The unit page's model from the overview and indicator profile of `UnitProfileService`.
    static func unitModel(_ overview: UnitProfileService.Overview, indicators: UnitProfileService.Indicators, catalogue: SpatialLevelCatalogue,
                          creatableChildLevel: SpatialLevel?, language: Language) -> UnitPage.Model {
        var model = UnitPage.Model(
            unit: overview.unit, parent: overview.parent, children: overview.children, history: overview.history,
            mapUnits: overview.mapUnits, mapBoundaries: overview.boundaries, catalogue: catalogue,
            populationIsAggregated: overview.populationIsAggregated, creatableChildLevel: creatableChildLevel
        )
        model.profile = indicators.lines.map { line in
            IndicatorProfile.Line(indicator: line.indicator, unitLabel: IndicatorNames.unitLabel(line.indicator, variables: indicators.variables, language),
                                  date: line.date, row: line.row, parentValue: line.parentValue, raw: line.raw)
        }
        model.profileParentName = overview.parent?.name
        // A unit with mapped sub-units and a parent (a municipality with planning areas) keeps its place among its siblings.
        let childrenOnMap = overview.children.filter { overview.boundaries[$0.key] != nil }
        if !childrenOnMap.isEmpty, overview.parent != nil {
            model.contextUnits = overview.siblings.filter { overview.boundaries[$0.key] != nil }
            model.outlineUnits = childrenOnMap
        }
        return model
    }
}

extension Application {
    /// Unit pages and profiles with the stores of `db`; boundaries from the application's cache.
    func unitProfiles(_ db: any Database) -> UnitProfileService {
        let app = self
        let spatial = FluentSpatialRepository(database: db)
        let indicators = IndicatorStore(database: db)
        let services = ServiceStore(database: db)
        let accounts = AccountStore(database: db)
        let boundaries: @Sendable () async throws -> [String: BoundaryVersion] = { try await app.currentBoundaries() }
        return UnitProfileService(spatial: spatial, indicators: indicators, ledger: DisclosureLedger(database: db),
                                  coverage: CoverageService(services: services, indicators: indicators), levels: settings.levels, boundaries: boundaries,
                                  landscape: { try await ServiceLandscape.load(services: services, accounts: accounts, spatial: spatial, boundaries: boundaries) })
    }
}

extension Request {
    var unitProfiles: UnitProfileService { application.unitProfiles(db) }
}
