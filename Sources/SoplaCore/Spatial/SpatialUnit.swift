import Foundation

/// A county, municipality, planning area or other unit of the spatial hierarchy.
public struct SpatialUnit: Hashable, Sendable {
    /// Official key (AGS) or, for planning areas, AGS + "-" + local code.
    public var key: String
    /// 12-digit official regional key, where known.
    public var ars: String?
    public var name: String
    /// Official designation as shown to people: "Stadt", "Gemeinde", "Landkreis", "Planungsraum".
    public var kind: String
    public var levelCode: String
    public var parentKey: String?
    /// Area in hectares (km² × 100), integer so that sums are exact.
    public var areaHectares: Int?
    /// A point inside the unit for labels, as supplied with the data; else the centroid is used.
    public var representativePoint: Position?
    public var populations: [PopulationFigure]

    public init(
        key: String, ars: String? = nil, name: String, kind: String, levelCode: String, parentKey: String? = nil,
        areaHectares: Int? = nil, representativePoint: Position? = nil, populations: [PopulationFigure] = []
    ) {
        self.key = key
        self.ars = ars
        self.name = name
        self.kind = kind
        self.levelCode = levelCode
        self.parentKey = parentKey
        self.areaHectares = areaHectares
        self.representativePoint = representativePoint
        self.populations = populations
    }

    /// The most recent population figure.
    public var latestPopulation: PopulationFigure? {
        populations.max { $0.referenceDate < $1.referenceDate }
    }

    public func population(on day: Day) -> PopulationFigure? {
        populations.first { $0.referenceDate == day }
    }
}

/// Inhabitants of a unit on a reference date, with the statistic it comes from.
public struct PopulationFigure: Hashable, Sendable, Codable {
    public let referenceDate: Day
    public let count: Int
    public let source: String

    public init(referenceDate: Day, count: Int, source: String) {
        self.referenceDate = referenceDate
        self.count = count
        self.source = source
    }
}

/// One Gebietsstand of a unit's boundary: the geometry valid from a day until (and including) another.
public struct BoundaryVersion: Hashable, Sendable {
    public let unitKey: String
    public let validFrom: Day
    public var validTo: Day?
    public let geometry: MultiPolygon

    public init(unitKey: String, validFrom: Day, validTo: Day? = nil, geometry: MultiPolygon) {
        self.unitKey = unitKey
        self.validFrom = validFrom
        self.validTo = validTo
        self.geometry = geometry
    }

    public func isValid(on day: Day) -> Bool {
        validFrom <= day && (validTo.map { day <= $0 } ?? true)
    }
}

/// Sums over the hierarchy. A parent's figure is the sum of its children's figures,
/// and only where every child has one: a partial sum would understate the parent.
public enum SpatialAggregation {
    public static func population(of children: [SpatialUnit], on day: Day) -> Int? {
        guard !children.isEmpty else { return nil }
        var total = 0
        for child in children {
            guard let figure = child.population(on: day) else { return nil }
            total += figure.count
        }
        return total
    }

    /// Reference dates for which every child has a figure, oldest first.
    public static func commonReferenceDates(of children: [SpatialUnit]) -> [Day] {
        guard let first = children.first else { return [] }
        var dates = Set(first.populations.map(\.referenceDate))
        for child in children.dropFirst() {
            dates.formIntersection(child.populations.map(\.referenceDate))
        }
        return dates.sorted()
    }

    public static func areaHectares(of children: [SpatialUnit]) -> Int? {
        guard !children.isEmpty else { return nil }
        var total = 0
        for child in children {
            guard let area = child.areaHectares else { return nil }
            total += area
        }
        return total
    }

    /// Population figures of a parent computed from its children, with the children's source.
    public static func populations(of children: [SpatialUnit]) -> [PopulationFigure] {
        commonReferenceDates(of: children).compactMap { day in
            guard let total = population(of: children, on: day) else { return nil }
            let source = children.first?.population(on: day)?.source ?? ""
            return PopulationFigure(referenceDate: day, count: total, source: source)
        }
    }
}

extension SpatialAggregation {
    /// Fills in population and area of units that have none of their own from their children,
    /// lowest level first, so a county gets the sums of its municipalities. Own figures are kept.
    public static func withAggregates(_ units: [SpatialUnit], catalogue: SpatialLevelCatalogue) -> [SpatialUnit] {
        var byKey = Dictionary(uniqueKeysWithValues: units.map { ($0.key, $0) })
        let childrenKeys = Dictionary(grouping: units.filter { $0.parentKey != nil }, by: { $0.parentKey! })
            .mapValues { $0.map(\.key) }
        let rank = { (unit: SpatialUnit) in catalogue.level(code: unit.levelCode)?.rank ?? Int.max }
        for unit in units.sorted(by: { rank($0) > rank($1) }) {
            guard let keys = childrenKeys[unit.key] else { continue }
            let children = keys.compactMap { byKey[$0] }
            var updated = byKey[unit.key]!
            if updated.populations.isEmpty {
                updated.populations = populations(of: children)
            }
            if updated.areaHectares == nil {
                updated.areaHectares = areaHectares(of: children)
            }
            byKey[unit.key] = updated
        }
        return units.map { byKey[$0.key]! }
    }
}

extension SpatialUnit {
    /// The fields the audit log records, as text (populations are recorded per reference date).
    public var auditFields: [String: String] {
        var fields = ["key": key, "name": name, "kind": kind, "level": levelCode]
        fields["ars"] = ars
        fields["parentKey"] = parentKey
        fields["areaHectares"] = areaHectares.map(String.init)
        fields["point"] = representativePoint.map { String(format: "%.6f %.6f", $0.lon, $0.lat) }
        return fields
    }

    /// Population figures as audit fields: `population 2022-05-15` → count.
    public static func populationAuditFields(_ figures: [PopulationFigure]) -> [String: String] {
        Dictionary(figures.map { ("population \($0.referenceDate.iso)", String($0.count)) }, uniquingKeysWith: { $1 })
    }
}

/// Who changes the spatial base and when, for the audit entries the repository writes with each change.
public struct AuditContext: Sendable {
    public let actor: AuditActor
    public let clock: Clock

    public init(actor: AuditActor, clock: Clock) {
        self.actor = actor
        self.clock = clock
    }
}
