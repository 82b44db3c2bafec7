import Foundation
import SoplaCore
import SoplaRender
import SoplaStore
import Vapor

extension Request {
    var serviceStore: ServiceStore { ServiceStore(database: db) }
}

extension Application {
    var serviceStore: ServiceStore { ServiceStore(database: db) }
}

/// What the service views need about places and providers, loaded once per request.
struct ServiceContext: Sendable {
    let categories: [ServiceCategory]
    let records: [ServiceRecord]
    let organisations: [UUID: Organisation]
    let units: [SpatialUnit]
    let unitsByKey: [String: SpatialUnit]
    /// Municipalities (and any unit below the county that is not a planning area), by name.
    let municipalities: [SpatialUnit]
    let boundaries: [String: BoundaryVersion]

    static func load(_ req: Request, services: Bool = true) async throws -> ServiceContext {
        let units = try await req.spatial.allUnits()
        let municipalities = units.filter { $0.levelCode == SpatialLevel.municipality.code }.sorted { $0.name.compare($1.name, locale: Locale(identifier: "de")) == .orderedAscending }
        let organisations = Dictionary(uniqueKeysWithValues: try await req.accounts.organisations().map { ($0.id, $0) })
        return ServiceContext(categories: try await req.serviceStore.categories(), records: services ? try await req.serviceStore.services() : [],
                              organisations: organisations, units: units, unitsByKey: Dictionary(uniqueKeysWithValues: units.map { ($0.key, $0) }),
                              municipalities: municipalities, boundaries: try await req.currentBoundaries())
    }

    var unitNames: [String: String] { unitsByKey.mapValues(\.name) }
    var municipalityOptions: [(key: String, name: String)] { municipalities.map { ($0.key, $0.name) } }
    var categoryCodes: Set<String> { Set(categories.map(\.code)) }

    func organisationName(_ id: UUID) -> String { organisations[id]?.name ?? "–" }

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
