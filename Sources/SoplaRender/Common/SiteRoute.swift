import Foundation
import SoplaCore

/// Every address of the site. Views render links through it and SoplaWeb registers routes from
/// `pattern`, so a path is written once.
public enum SiteRoute: Sendable {
    case home
    case units(UnitListParameters = UnitListParameters())
    case unitsCSV(UnitListParameters = UnitListParameters())
    case unit(key: String)
    case unitPopulationCSV(key: String)
    case unitHistoryCSV(key: String)
    case data
    case api
    case stylesheet
    case favicon
    case apiUnits
    case apiUnit(key: String)
    case apiGeoJSON
    case openAPI

    public var path: String {
        switch self {
        case .home: return "/"
        case .units(let parameters): return "/gebiete" + parameters.queryString
        case .unitsCSV(let parameters): return "/gebiete.csv" + parameters.queryString
        case .unit(let key): return "/gebiete/" + Self.encode(key)
        case .unitPopulationCSV(let key): return "/gebiete/" + Self.encode(key) + "/einwohner.csv"
        case .unitHistoryCSV(let key): return "/gebiete/" + Self.encode(key) + "/gebietsstaende.csv"
        case .data: return "/daten"
        case .api: return "/schnittstelle"
        case .stylesheet: return "/static/sopla.css"
        case .favicon: return "/static/favicon.svg"
        case .apiUnits: return "/api/v1/spatial-units"
        case .apiUnit(let key): return "/api/v1/spatial-units/" + key
        case .apiGeoJSON: return "/api/v1/spatial-units.geojson"
        case .openAPI: return "/api/v1/openapi.json"
        }
    }

    static func encode(_ key: String) -> String {
        key.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed.subtracting(["/"])) ?? key
    }

    /// Path components for route registration (`:key` is a parameter).
    public enum Pattern {
        public static let home: [String] = []
        public static let units = ["gebiete"]
        public static let unitsCSV = ["gebiete.csv"]
        public static let unit = ["gebiete", ":key"]
        public static let unitPopulationCSV = ["gebiete", ":key", "einwohner.csv"]
        public static let unitHistoryCSV = ["gebiete", ":key", "gebietsstaende.csv"]
        public static let data = ["daten"]
        public static let api = ["schnittstelle"]
        public static let staticFile = ["static", ":file"]
        public static let apiUnits = ["api", "v1", "spatial-units"]
        public static let apiUnit = ["api", "v1", "spatial-units", ":key"]
        public static let apiGeoJSON = ["api", "v1", "spatial-units.geojson"]
        public static let openAPI = ["api", "v1", "openapi.json"]
    }
}

/// The list page's query: search, level and parent filter, sort and page.
public struct UnitListParameters: Sendable, Equatable {
    public var search: String?
    public var level: String?
    public var parent: String?
    public var sort: SpatialUnitQuery.SortField?
    public var descending: Bool
    public var page: Int

    public init(search: String? = nil, level: String? = nil, parent: String? = nil, sort: SpatialUnitQuery.SortField? = nil, descending: Bool = false, page: Int = 1) {
        self.search = search
        self.level = level
        self.parent = parent
        self.sort = sort
        self.descending = descending
        self.page = page
    }

    public var queryString: String {
        var items: [URLQueryItem] = []
        if let search, !search.isEmpty { items.append(URLQueryItem(name: "q", value: search)) }
        if let level { items.append(URLQueryItem(name: "ebene", value: level)) }
        if let parent { items.append(URLQueryItem(name: "gehoert-zu", value: parent)) }
        if let sort { items.append(URLQueryItem(name: "sortierung", value: sort.rawValue)) }
        if descending { items.append(URLQueryItem(name: "richtung", value: "ab")) }
        if page > 1 { items.append(URLQueryItem(name: "seite", value: String(page))) }
        guard !items.isEmpty else { return "" }
        var components = URLComponents()
        components.queryItems = items
        return "?" + (components.percentEncodedQuery ?? "")
    }
}
