import Foundation
import SoplaApp
import SoplaCore
import SoplaRender
import SoplaStore
import Vapor

extension Request {
    var serviceStore: ServiceStore { ServiceStore(database: db) }
    var serviceSearch: ServiceSearch { ServiceSearch(store: serviceStore, index: ServiceSearchIndex(database: db)) }
    var coverageService: CoverageService { CoverageService(services: serviceStore, indicators: indicatorStore) }
    var controllingService: ControllingService { ControllingService(funding: fundingStore, coverage: coverageService) }
}

extension Application {
    var serviceStore: ServiceStore { ServiceStore(database: db) }
}

/// What the service views need about places and providers, loaded once per request.
typealias ServiceContext = ServiceLandscape

extension ServiceLandscape {
    static func load(_ req: Request, services: Bool = true) async throws -> ServiceLandscape {
        try await load(services: req.serviceStore, accounts: req.accounts, spatial: req.spatial, withServices: services,
                       boundaries: { try await req.currentBoundaries() })
    }

    /// Coverage of a category (`CoverageService`) with the request's stores.
    func coverage(_ req: Request, category: String?) async throws -> CoverageService.Coverage {
        try await req.coverageService.coverage(category: category, in: self)
    }

    func row(_ record: ServiceRecord) -> ServiceRow {
        ServiceRow(service: record.service, organisationName: organisationName(record.service.organisationID), updatedAt: record.updatedAt, version: record.version)
    }

    /// The municipality a point lies in (for filtering by place); nil outside every municipality.
    func municipality(containing point: Position) -> String? {
        municipalities.first { unit in boundaries[unit.key]?.geometry.contains(point) == true }?.key
    }

    /// A map of the municipalities with points; `pickable` lets a click set coordinates in a form.
    func map(id: String, title: String, points: [SVGMap.Point], pickable: Bool = false, classes: [String: Int?] = [:], labels: [String: String] = [:],
             link: (SpatialUnit) -> String? = { _ in nil }) -> SVGMap? {
        let areas: [SVGMap.Area] = municipalities.compactMap { unit in
            guard let boundary = boundaries[unit.key] else { return nil }
            return SVGMap.Area(unit: unit, geometry: boundary.geometry, colourClass: classes[unit.key] ?? nil, accessibleLabel: labels[unit.key] ?? unit.name,
                               link: link(unit))
        }
        guard !areas.isEmpty else { return nil }
        return SVGMap(id: id, title: title, areas: areas, showLabels: points.isEmpty, points: points, pickable: pickable)
    }
}

extension CoverageService.Coverage {
    /// Whom the standard counts, in the page's language.
    func populationName(_ language: Language) -> String {
        populationName(total: Texts(language)(.totalPopulation), english: language == .en)
    }
}
