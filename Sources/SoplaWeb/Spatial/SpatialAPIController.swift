import Foundation
import SoplaCore
import SoplaFormats
import SoplaRender
import Vapor

struct PopulationResponse: Content, Equatable {
    let referenceDate: String
    let count: Int
    let source: String
}

struct PointResponse: Content, Equatable {
    let lon: Double
    let lat: Double
}

struct SpatialUnitResponse: Content, Equatable {
    let key: String
    let ars: String?
    let name: String
    let kind: String
    let level: String
    let parentKey: String?
    let areaKm2: Double?
    let population: Int?
    let populationDate: String?
    let populations: [PopulationResponse]
    let representativePoint: PointResponse?
    /// Area-weighted centroid of the current boundary.
    let centroid: PointResponse?
    /// First day of the current Gebietsstand of the boundary.
    let validFrom: String?
    let childKeys: [String]

    init(_ unit: SpatialUnit, childKeys: [String], boundary: BoundaryVersion?) {
        key = unit.key
        ars = unit.ars
        name = unit.name
        kind = unit.kind
        level = unit.levelCode
        parentKey = unit.parentKey
        areaKm2 = unit.areaHectares.map { Double($0) / 100 }
        population = unit.latestPopulation?.count
        populationDate = unit.latestPopulation?.referenceDate.iso
        populations = unit.populations.map { PopulationResponse(referenceDate: $0.referenceDate.iso, count: $0.count, source: $0.source) }
        representativePoint = unit.representativePoint.map { PointResponse(lon: $0.lon, lat: $0.lat) }
        centroid = boundary?.geometry.centroid.map { PointResponse(lon: $0.lon, lat: $0.lat) }
        validFrom = boundary?.validFrom.iso
        self.childKeys = childKeys
    }
}

struct SpatialUnitListResponse: Content {
    let items: [SpatialUnitResponse]
    let page: Int
    let perPage: Int
    let total: Int
}

/// `/api/v1/spatial-units`: the spatial base as JSON and GeoJSON.
struct SpatialAPIController: RouteCollection {
    static let maxPerPage = 500

    func boot(routes: any RoutesBuilder) throws {
        let read = RoutePermission(.readPublic)
        routes.on(.GET, SiteRoute.Pattern.apiUnits, read, use: list)
        routes.on(.GET, SiteRoute.Pattern.apiUnit, read, use: detail)
        routes.on(.GET, SiteRoute.Pattern.apiGeoJSON, read) { req in try await geoJSON(req: req).get() }
    }

    func list(req: Request) async throws -> SpatialUnitListResponse {
        try rejectUnknownParameters(req, allowed: ["level", "parent", "q", "page", "perPage"])
        let settings = req.settings
        let query = try Self.listQuery(req, catalogue: settings.levels)
        let units = try await req.spatial.unitsWithAggregates(catalogue: settings.levels)
        let page = SpatialUnitListing.list(units, query: query)
        let children = Dictionary(grouping: units.filter { $0.parentKey != nil }, by: { $0.parentKey! })
        let boundaries = page.items.isEmpty ? [:] : try await req.currentBoundaries()
        return SpatialUnitListResponse(
            items: page.items.map { SpatialUnitResponse($0, childKeys: children[$0.key, default: []].map(\.key), boundary: boundaries[$0.key]) },
            page: page.page, perPage: page.perPage, total: page.total
        )
    }

    func detail(req: Request) async throws -> SpatialUnitResponse {
        try rejectUnknownParameters(req, allowed: [])
        let settings = req.settings
        guard let key = req.parameters.get("key") else { throw APIError.notFound("no spatial unit key given") }
        let units = try await req.spatial.unitsWithAggregates(catalogue: settings.levels)
        guard let unit = units.first(where: { $0.key == key }) else {
            throw APIError.notFound("no spatial unit has the key \"\(key.prefix(40))\"")
        }
        let boundary = try await req.currentBoundaries()[key]
        return SpatialUnitResponse(unit, childKeys: units.filter { $0.parentKey == key }.map(\.key), boundary: boundary)
    }

    /// RFC 7946 FeatureCollection of the boundaries valid today (or on `date`), rendered once per data version.
    /// Future-based so that a cached answer is sent straight from the event loop.
    func geoJSON(req: Request) throws -> EventLoopFuture<Response> {
        let settings = req.settings
        var level: String?
        var day: Day?
        if let query = req.url.query, !query.isEmpty {
            try rejectUnknownParameters(query, allowed: ["level", "date"])
            level = try Self.level(req, catalogue: settings.levels)
            if let raw = try? req.query.get(String.self, at: "date") {
                guard let parsed = Day(iso: raw) else { throw APIError.badParameter("date", "expected a date as YYYY-MM-DD") }
                day = parsed
            }
        }
        let cache = req.spatialCaches.geoJSON
        let now = settings.clock.now()
        let key = GeoJSONCache.Key(level: level, day: day ?? Day(now))
        if let entry = cache.fresh(key, now: now) {
            return req.eventLoop.makeSucceededFuture(SpatialViews.response(entry, for: req))
        }
        let repository = req.spatial
        let catalogue = settings.levels
        return req.eventLoop.makeFutureWithTask {
            let entry = try await cache.value(
                key, now: now,
                version: { try await repository.dataVersion() },
                make: { version in
                    let units = try await repository.unitsWithAggregates(catalogue: catalogue).filter { key.level == nil || $0.levelCode == key.level }
                    let boundaries = try await repository.boundaries(validOn: key.day)
                    let data = GeoJSONWriter.featureCollection(units: units, boundaries: boundaries, attribution: GeoAttribution.boundaries)
                    return GeoJSONCache.Entry(key: key, version: version, data: data, contentType: Self.geoJSONType)
                }
            )
            return SpatialViews.response(entry, for: req)
        }
    }


    static let geoJSONType = HTTPMediaType(type: "application", subType: "geo+json")

    static func listQuery(_ req: Request, catalogue: SpatialLevelCatalogue) throws -> SpatialUnitQuery {
        let page = try APIParameters.integer(req, "page", range: 1...1_000_000) ?? 1
        let perPage = try APIParameters.integer(req, "perPage", range: 1...maxPerPage) ?? 50
        let level = try level(req, catalogue: catalogue)
        var parent: String?
        if let raw = try? req.query.get(String.self, at: "parent") {
            guard APIParameters.isWellFormedKey(raw) else {
                throw APIError.badParameter("parent", "expected an official key such as 06532 or 06532023")
            }
            parent = raw
        }
        var search: String?
        if let raw = try? req.query.get(String.self, at: "q") {
            guard raw.count <= 100 else { throw APIError.badParameter("q", "at most 100 characters") }
            search = raw
        }
        return SpatialUnitQuery(levelCode: level, parentKey: parent, search: search, page: page, perPage: perPage)
    }

    static func level(_ req: Request, catalogue: SpatialLevelCatalogue) throws -> String? {
        guard let raw = try? req.query.get(String.self, at: "level") else { return nil }
        guard let level = catalogue.level(code: raw) else {
            throw APIError.badParameter("level", "unknown level; use one of \(catalogue.codes.joined(separator: ", "))")
        }
        return level.code
    }


}

/// A misspelt or repeated parameter would otherwise be ignored silently and return unfiltered data.
func rejectUnknownParameters(_ req: Request, allowed: Set<String>) throws {
    guard let query = req.url.query, !query.isEmpty else { return }
    try rejectUnknownParameters(query, allowed: allowed)
}

func rejectUnknownParameters(_ query: String, allowed: Set<String>) throws {
    var seen = Set<String>()
    for pair in query.split(separator: "&") {
        let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
        // A value that is not percent-encoded UTF-8 would be dropped by the query decoder and the filter ignored.
        guard let name = String(parts.first ?? "").replacingOccurrences(of: "+", with: " ").removingPercentEncoding,
              parts.count < 2 || String(parts[1]).replacingOccurrences(of: "+", with: " ").removingPercentEncoding != nil else {
            throw APIError.badParameter(String(String(parts.first ?? "").prefix(40)), "not percent-encoded UTF-8")
        }
        if !name.isEmpty, !allowed.contains(name) {
            let known = allowed.isEmpty ? "this resource takes no query parameters" : "known parameters: " + allowed.sorted().joined(separator: ", ")
            throw APIError.badParameter(String(name.prefix(40)), "unknown parameter; \(known)")
        }
        // Every parameter takes one value; of two, one would be ignored silently.
        if !name.isEmpty, !seen.insert(name).inserted {
            throw APIError.badParameter(name, "given more than once; give each parameter once")
        }
    }
}

enum GeoAttribution {
    static let boundaries = "© GeoBasis-DE / BKG 2013 (Daten verändert)"
}
