import Foundation
import SoplaCore
import SoplaFormats
import SoplaRender
import Vapor

/// What the area pages, the API and profiles share: a unit's page model and cached GeoJSON answers.
enum SpatialViews {
    /// The address of a unit's profile (Steckbrief).
    static func profilePath(_ key: String) -> String { "/gebiete/" + key + "/steckbrief" }

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

    /// Everything the unit page and the municipality profile show of a unit.
    static func unitModel(_ req: Request, key: String, publicFigures: Bool) async throws -> UnitPage.Model {
        let settings = req.settings
        let units = try await req.spatial.unitsWithAggregates(catalogue: settings.levels)
        guard let unit = units.first(where: { $0.key == key }) else { throw Abort(.notFound) }
        let parent = unit.parentKey.flatMap { p in units.first { $0.key == p } }
        let children = units.filter { $0.parentKey == unit.key }
        let history = try await req.spatial.boundaryHistory(unitKey: unit.key)
        let boundaries = try await req.currentBoundaries()
        let childrenWithBoundary = children.filter { boundaries[$0.key] != nil }
        let mapUnits: [SpatialUnit]
        if !childrenWithBoundary.isEmpty {
            mapUnits = childrenWithBoundary
        } else if let parent {
            mapUnits = units.filter { $0.parentKey == parent.key }
        } else {
            mapUnits = boundaries[unit.key] != nil ? [unit] : []
        }
        let storedPopulation = try await req.spatial.unit(key: unit.key)?.populations ?? []
        var model = UnitPage.Model(
            unit: unit, parent: parent, children: children, history: history,
            mapUnits: mapUnits, mapBoundaries: boundaries, catalogue: settings.levels,
            populationIsAggregated: storedPopulation.isEmpty && !unit.populations.isEmpty,
            creatableChildLevel: try await req.may(.manageSpatialUnits) ? settings.levels.localChildLevel(of: unit.levelCode) : nil
        )
        model.profile = try await IndicatorProfileBuilder.lines(req, unit: unit, publicFigures: publicFigures)
        model.profileParentName = parent?.name
        return model
    }
}
