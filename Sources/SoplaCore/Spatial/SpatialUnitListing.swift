import Foundation

/// Which units a list shows, in which order, and which page of them.
public struct SpatialUnitQuery: Sendable, Equatable {
    public enum SortField: String, Sendable, CaseIterable {
        case key, name, kind, level, population, area, density
    }

    public var levelCode: String?
    public var parentKey: String?
    public var search: String?
    public var sort: SortField
    public var descending: Bool
    public var page: Int
    public var perPage: Int

    public init(
        levelCode: String? = nil, parentKey: String? = nil, search: String? = nil,
        sort: SortField = .key, descending: Bool = false, page: Int = 1, perPage: Int = 50
    ) {
        self.levelCode = levelCode
        self.parentKey = parentKey
        self.search = search
        self.sort = sort
        self.descending = descending
        self.page = page
        self.perPage = perPage
    }
}

/// One page of a longer list.
public struct Page<Item: Sendable>: Sendable {
    public let items: [Item]
    public let page: Int
    public let perPage: Int
    public let total: Int

    public init(items: [Item], page: Int, perPage: Int, total: Int) {
        self.items = items
        self.page = page
        self.perPage = perPage
        self.total = total
    }

    public var pageCount: Int { max(1, (total + perPage - 1) / perPage) }
    public var hasNext: Bool { page < pageCount }
    public var hasPrevious: Bool { page > 1 }
}

public enum SpatialUnitListing {
    /// Filters, sorts and pages units. Search matches name or key, ignoring case and German umlaut spelling (ä = ae).
    public static func list(_ units: [SpatialUnit], query: SpatialUnitQuery) -> Page<SpatialUnit> {
        var result = units
        if let level = query.levelCode { result = result.filter { $0.levelCode == level } }
        if let parent = query.parentKey { result = result.filter { $0.parentKey == parent } }
        if let search = query.search.map(normalise), !search.isEmpty {
            result = result.filter { normalise($0.name).contains(search) || $0.key.hasPrefix(search) }
        }
        result.sort { a, b in
            // Units without a value come last in either direction.
            let aMissing = isMissing(a, query.sort), bMissing = isMissing(b, query.sort)
            if aMissing != bMissing { return bMissing }
            let order = compare(a, b, by: query.sort)
            if order == .orderedSame { return a.key < b.key }
            return query.descending ? order == .orderedDescending : order == .orderedAscending
        }
        let perPage = max(1, query.perPage)
        let start = (max(1, query.page) - 1) * perPage
        let items = start < result.count ? Array(result[start..<min(result.count, start + perPage)]) : []
        return Page(items: items, page: max(1, query.page), perPage: perPage, total: result.count)
    }

    /// Inhabitants per km², from the latest population and the area in hectares.
    public static func density(_ unit: SpatialUnit) -> Double? {
        guard let population = unit.latestPopulation?.count, let hectares = unit.areaHectares, hectares > 0 else { return nil }
        return Double(population) * 100 / Double(hectares)
    }

    /// Lowercased, with ä/ö/ü/ß folded so that "Lahnau", "lahnau" and "Aßlar"/"asslar" match.
    public static func normalise(_ text: String) -> String {
        text.lowercased()
            .replacingOccurrences(of: "ä", with: "ae")
            .replacingOccurrences(of: "ö", with: "oe")
            .replacingOccurrences(of: "ü", with: "ue")
            .replacingOccurrences(of: "ß", with: "ss")
            .trimmingCharacters(in: .whitespaces)
    }

    static func isMissing(_ unit: SpatialUnit, _ field: SpatialUnitQuery.SortField) -> Bool {
        switch field {
        case .population: return unit.latestPopulation == nil
        case .area: return unit.areaHectares == nil
        case .density: return density(unit) == nil
        case .key, .name, .kind, .level: return false
        }
    }

    static func compare(_ a: SpatialUnit, _ b: SpatialUnit, by field: SpatialUnitQuery.SortField) -> ComparisonResult {
        func cmp<T: Comparable>(_ x: T?, _ y: T?) -> ComparisonResult {
            switch (x, y) {
            case let (x?, y?): return x < y ? .orderedAscending : (x > y ? .orderedDescending : .orderedSame)
            case (nil, nil): return .orderedSame
            case (nil, _): return .orderedDescending
            case (_, nil): return .orderedAscending
            }
        }
        switch field {
        case .key: return cmp(a.key, b.key)
        case .name: return a.name.compare(b.name, options: [.caseInsensitive, .diacriticInsensitive], locale: Locale(identifier: "de_DE"))
        case .kind: return cmp(a.kind, b.kind)
        case .level: return cmp(a.levelCode, b.levelCode)
        case .population: return cmp(a.latestPopulation?.count, b.latestPopulation?.count)
        case .area: return cmp(a.areaHectares, b.areaHectares)
        case .density: return cmp(density(a), density(b))
        }
    }
}
