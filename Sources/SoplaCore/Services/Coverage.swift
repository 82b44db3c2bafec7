import Foundation

/// Great-circle distances on the WGS84 mean sphere.
public enum Distance {
    /// Mean Earth radius in km (IUGG).
    public static let earthRadiusKm = 6371.0088

    /// Haversine distance in km.
    public static func km(_ a: Position, _ b: Position) -> Double {
        let φ1 = a.lat * .pi / 180, φ2 = b.lat * .pi / 180
        let Δφ = (b.lat - a.lat) * .pi / 180, Δλ = (b.lon - a.lon) * .pi / 180
        let h = sin(Δφ / 2) * sin(Δφ / 2) + cos(φ1) * cos(φ2) * sin(Δλ / 2) * sin(Δλ / 2)
        return 2 * earthRadiusKm * asin(min(1, h.squareRoot()))
    }
}

/// How much of a category a population needs, with its source.
public struct PlanningStandard: Hashable, Sendable, Codable {
    public enum ReferencePopulation: Hashable, Sendable, Codable {
        case total
        /// A count variable of the social report, e.g. `bev_u21` (inhabitants under 21).
        case variable(String)

        /// `total` or the variable's code, as stored and entered.
        public var code: String {
            switch self {
            case .total: return "total"
            case .variable(let code): return code
            }
        }

        public init(code: String) {
            self = code.isEmpty || code == "total" ? .total : .variable(code)
        }
    }

    public var categoryCode: String
    /// At least `fte` full-time staff per `inhabitants` of the reference population.
    public var fte: Double
    public var inhabitants: Int
    public var population: ReferencePopulation
    /// Longest acceptable straight-line distance from a municipality's centre to the nearest service, in km.
    public var maxDistanceKm: Double?
    public var source: String
    public var text: String
    /// Further agreed values of the standard, by name (e.g. "Mindestöffnungszeit" → "20 Stunden je Woche").
    public var customValues: [String: String]

    public init(categoryCode: String, fte: Double, inhabitants: Int, population: ReferencePopulation = .total, maxDistanceKm: Double? = nil,
                source: String, text: String, customValues: [String: String] = [:]) {
        self.customValues = customValues
        self.categoryCode = categoryCode
        self.fte = fte
        self.inhabitants = inhabitants
        self.population = population
        self.maxDistanceKm = maxDistanceKm
        self.source = source
        self.text = text
    }

    /// Pregnancy conflict counselling: one full-time counsellor per 40,000 inhabitants (SchKG § 4 (1)).
    public static let pregnancyCounselling = PlanningStandard(
        categoryCode: "schwangerschaftsberatung", fte: 1, inhabitants: 40_000, source: "SchKG § 4 Abs. 1",
        text: "Für je 40.000 Einwohnerinnen und Einwohner soll mindestens eine Beraterin oder ein Berater vollzeitbeschäftigt zur Verfügung stehen.")

    public func need(population: Double) -> Double {
        population * fte / Double(inhabitants)
    }

    /// Checks a standard as entered.
    public func validated(categories: Set<String>, variables: Set<String>) throws(ValidationFailure) -> PlanningStandard {
        var issues: [ValidationIssue] = []
        if !categories.contains(categoryCode) { issues.append(ValidationIssue("category", .unknownValue(categoryCode))) }
        if !Plausible.standardFte.contains(fte) { issues.append(Plausible.standardFte.issue("fte")) }
        Plausible.standardInhabitants.check(inhabitants, field: "inhabitants", into: &issues)
        if case .variable(let code) = population, !variables.contains(code) { issues.append(ValidationIssue("population", .unknownValue(code))) }
        if let km = maxDistanceKm, !(km > 0) || !Plausible.maxDistanceKm.contains(km) { issues.append(Plausible.maxDistanceKm.issue("maxDistanceKm")) }
        if source.trimmingCharacters(in: .whitespaces).isEmpty { issues.append(ValidationIssue("source", .required)) }
        FieldCheck.length(source, field: "source", max: 300, into: &issues)
        FieldCheck.length(text, field: "text", max: 2000, into: &issues)
        for (name, value) in customValues.sorted(by: { $0.key < $1.key }) where name.count > 100 || value.count > 300 || value.isEmpty {
            issues.append(ValidationIssue("customValues", .unknownValue(String(name.prefix(40)))))
        }
        guard issues.isEmpty else { throw ValidationFailure(issues) }
        return self
    }

    public var auditFields: [String: String] {
        ["category": categoryCode, "fte": String(fte), "inhabitants": String(inhabitants), "population": population.code,
         "maxDistanceKm": maxDistanceKm.map { String($0) } ?? "", "source": source, "text": text,
         "customValues": customValues.sorted { $0.key < $1.key }.map { "\($0.key): \($0.value)" }.joined(separator: "; ")]
    }
}

/// A planner's verdict on a duplicate candidate.
public struct DuplicateReview: Hashable, Sendable {
    public enum Verdict: String, Hashable, Sendable, CaseIterable, Codable {
        /// Both services are needed (e.g. different approaches, waiting lists).
        case justified
        /// To be looked at with the providers.
        case toReview = "to-review"
    }

    public var first: UUID
    public var second: UUID
    public var verdict: Verdict
    public var note: String
    public var by: String
    public var at: Date

    public init(first: UUID, second: UUID, verdict: Verdict, note: String, by: String, at: Date) {
        (self.first, self.second) = first.uuidString < second.uuidString ? (first, second) : (second, first)
        self.verdict = verdict
        self.note = note
        self.by = by
        self.at = at
    }
}

/// Points sorted by latitude: the nearest one to a place is found by walking outwards in latitude and stopping
/// once the latitude difference alone (a lower bound of the great-circle distance) exceeds the best distance so far.
struct NearestPoints {
    let points: [(id: UUID, position: Position)]

    init(_ points: [(UUID, Position)]) {
        self.points = points.map { (id: $0.0, position: $0.1) }.sorted { $0.position.lat < $1.position.lat }
    }

    func nearest(to place: Position) -> (UUID, Double)? {
        guard !points.isEmpty else { return nil }
        var low = 0, high = points.count
        while low < high {
            let mid = (low + high) / 2
            if points[mid].position.lat < place.lat { low = mid + 1 } else { high = mid }
        }
        let kmPerDegree = Distance.earthRadiusKm * .pi / 180
        var best: (UUID, Double)?
        var down = low - 1, up = low
        while down >= 0 || up < points.count {
            let downGap = down >= 0 ? (place.lat - points[down].position.lat) * kmPerDegree : .infinity
            let upGap = up < points.count ? (points[up].position.lat - place.lat) * kmPerDegree : .infinity
            let index: Int
            if downGap <= upGap { index = down; down -= 1 } else { index = up; up += 1 }
            if let best, min(downGap, upGap) > best.1 { break }
            let km = Distance.km(place, points[index].position)
            if best == nil || km < best!.1 || (km == best!.1 && points[index].id.uuidString < best!.0.uuidString) { best = (points[index].id, km) }
        }
        return best
    }
}

/// Supply against need for one unit.
public struct CoverageRow: Hashable, Sendable {
    public let unitKey: String
    public let population: Double
    /// FTE available to the unit (each service's FTE split over its service area by population share).
    public let supply: Double
    public let need: Double
    /// supply / need; nil when there is no need.
    public var ratio: Double? { need > 0 ? supply / need : nil }
    /// Missing FTE (0 when covered).
    public var gap: Double { max(0, need - supply) }
    /// Distance from the unit's centre to the nearest service location, km.
    public let nearestKm: Double?
    public let nearestServiceID: UUID?
}

public struct CoverageResult: Hashable, Sendable {
    public let rows: [CoverageRow]
    public let total: CoverageRow

    /// Units with a gap, largest gap first.
    public var gaps: [CoverageRow] {
        rows.filter { $0.gap > 1e-9 }.sorted { ($0.gap, $1.unitKey) > ($1.gap, $0.unitKey) }
    }
}

public enum CoverageAnalysis {
    /// Coverage of one category over `units` (their reference population and centre). Active services only;
    /// a service whose area covers several units splits its FTE by the units' population shares.
    public static func analyse(services: [Service], standard: PlanningStandard, units: [(key: String, population: Double, centre: Position?)],
                               totalKey: String) -> CoverageResult {
        let relevant = services.filter { $0.categoryCode == standard.categoryCode && $0.status == .active }
        let population = Dictionary(units.map { ($0.key, $0.population) }, uniquingKeysWith: { a, _ in a })
        var supply: [String: Double] = [:]
        for service in relevant {
            for (unit, fte) in split(service, population: population) { supply[unit, default: 0] += fte }
        }
        let points = NearestPoints(relevant.flatMap { service in service.locations.compactMap { location in location.point.map { (service.id, $0) } } })
        let rows = units.map { unit -> CoverageRow in
            let nearest = unit.centre.flatMap(points.nearest)
            return CoverageRow(unitKey: unit.key, population: unit.population, supply: supply[unit.key] ?? 0, need: standard.need(population: unit.population),
                               nearestKm: nearest?.1, nearestServiceID: nearest?.0)
        }
        let total = CoverageRow(unitKey: totalKey, population: rows.reduce(0) { $0 + $1.population }, supply: rows.reduce(0) { $0 + $1.supply },
                                need: rows.reduce(0) { $0 + $1.need }, nearestKm: nil, nearestServiceID: nil)
        return CoverageResult(rows: rows, total: total)
    }

    /// A service's FTE per unit of its area: by its configured weights where it has them, else by population share.
    /// Units outside `population` get nothing; a service whose area has no population (or no weight) counts nowhere.
    public static func split(_ service: Service, population: [String: Double]) -> [(unit: String, fte: Double)] {
        let area = service.serviceArea.filter { population[$0] != nil }.sorted()
        let weights: [Double]
        if let shares = service.areaShares, !shares.isEmpty {
            weights = area.map { shares[$0] ?? 0 }
        } else {
            weights = area.map { population[$0]! }
        }
        let sum = weights.reduce(0, +)
        guard sum > 0 else { return [] }
        return zip(area, weights).map { (unit: $0, fte: service.capacity.totalFTE * $1 / sum) }
    }

    /// Share of FTE in preventive services, per category (nil where a category has no FTE).
    public static func preventiveShare(_ services: [Service]) -> [String: Double] {
        var total: [String: Double] = [:], preventive: [String: Double] = [:]
        for service in services where service.status == .active {
            total[service.categoryCode, default: 0] += service.capacity.totalFTE
            if service.preventive { preventive[service.categoryCode, default: 0] += service.capacity.totalFTE }
        }
        return total.compactMapValues { $0 > 0 ? $0 : nil }.reduce(into: [:]) { $0[$1.key] = (preventive[$1.key] ?? 0) / $1.value }
    }
}

/// Two services that may duplicate each other, with the reasons.
public struct DuplicateCandidate: Hashable, Sendable {
    public let first: UUID
    public let second: UUID
    public let categoryCode: String
    /// Units both serve.
    public let sharedUnits: Set<String>
    /// Shared units / all units of either (Jaccard).
    public let areaOverlap: Double
    public let distanceKm: Double?
    /// 0 … 1: higher is more likely a duplicate.
    public let score: Double
}

public enum DuplicateDetection {
    /// Pairs of active services of the same category with overlapping areas and target groups. Services are indexed
    /// by category and unit, so only services sharing a unit are compared — not all pairs.
    public static func candidates(_ services: [Service], minimumScore: Double = 0.3) -> [DuplicateCandidate] {
        var byCategoryAndUnit: [String: [String: [Int]]] = [:]
        let active = services.filter { $0.status == .active }
        for (index, service) in active.enumerated() {
            for unit in service.serviceArea { byCategoryAndUnit[service.categoryCode, default: [:]][unit, default: []].append(index) }
        }
        var seen: Set<Int> = []
        var result: [DuplicateCandidate] = []
        for (_, units) in byCategoryAndUnit {
            for (_, members) in units where members.count > 1 {
                for (i, a) in members.enumerated() {
                    for b in members[(i + 1)...] {
                        let (low, high) = (min(a, b), max(a, b))
                        guard seen.insert(low * active.count + high).inserted else { continue }
                        if let candidate = pair(active[low], active[high]), candidate.score >= minimumScore { result.append(candidate) }
                    }
                }
            }
        }
        return result.sorted { ($0.score, $1.first.uuidString) > ($1.score, $0.first.uuidString) }
    }

    /// Area overlap counts 0.5, the target group 0.2, nearness 0.3 (full at ≤ 2 km, none from 20 km; half when
    /// either has no location).
    public static func pair(_ a: Service, _ b: Service) -> DuplicateCandidate? {
        guard a.categoryCode == b.categoryCode, a.targetGroup.overlaps(b.targetGroup) else { return nil }
        let shared = a.serviceArea.intersection(b.serviceArea)
        guard !shared.isEmpty else { return nil }
        let overlap = Double(shared.count) / Double(a.serviceArea.union(b.serviceArea).count)
        var distance: Double?
        for p in a.locations.compactMap(\.point) {
            for q in b.locations.compactMap(\.point) {
                let km = Distance.km(p, q)
                distance = min(distance ?? km, km)
            }
        }
        let nearness = distance.map { max(0, min(1, (20 - $0) / 18)) } ?? 0.5
        let score = 0.5 * overlap + 0.2 + 0.3 * nearness
        return DuplicateCandidate(first: a.id, second: b.id, categoryCode: a.categoryCode, sharedUnits: shared, areaOverlap: overlap,
                                  distanceKm: distance, score: score)
    }
}

extension CoverageAnalysis {
    /// Per unit: the share of the FTE available to it (split by population share, as in `analyse`) that is preventive.
    public static func preventiveShareByUnit(_ services: [Service], population: [String: Double]) -> [String: Double] {
        var total: [String: Double] = [:], preventive: [String: Double] = [:]
        for service in services where service.status == .active {
            for (unit, fte) in split(service, population: population) {
                total[unit, default: 0] += fte
                if service.preventive { preventive[unit, default: 0] += fte }
            }
        }
        return total.filter { $0.value > 0 }.reduce(into: [:]) { $0[$1.key] = (preventive[$1.key] ?? 0) / $1.value }
    }
}
