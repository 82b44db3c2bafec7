import Foundation
import SoplaCore
import SoplaStore

/// What the page of a spatial unit and its profile (Gemeindesteckbrief) show: the unit among its parent, children and
/// boundaries; every published indicator of its level against the parent; for a profile also the services that serve
/// it and the coverage of every category with a planning standard. The page, its PDF and `sopla report profiles`
/// take it from here.
public struct UnitProfileService: Sendable {
    public let spatial: any SpatialRepository
    public let indicators: IndicatorStore
    public let ledger: DisclosureLedger
    public let coverage: CoverageService
    public let levels: SpatialLevelCatalogue
    /// The boundaries of today (a caller may keep them cached).
    public let boundaries: @Sendable () async throws -> [String: BoundaryVersion]
    /// Services, categories, organisations and places.
    public let landscape: @Sendable () async throws -> ServiceLandscape

    public init(spatial: any SpatialRepository, indicators: IndicatorStore, ledger: DisclosureLedger, coverage: CoverageService, levels: SpatialLevelCatalogue,
                boundaries: @escaping @Sendable () async throws -> [String: BoundaryVersion], landscape: @escaping @Sendable () async throws -> ServiceLandscape) {
        self.spatial = spatial
        self.indicators = indicators
        self.ledger = ledger
        self.coverage = coverage
        self.levels = levels
        self.boundaries = boundaries
        self.landscape = landscape
    }

    /// A unit among its neighbours.
    public struct Overview: Sendable {
        public let unit: SpatialUnit
        public let parent: SpatialUnit?
        public let children: [SpatialUnit]
        public let history: [BoundaryVersion]
        /// The units a map shows: the children with a boundary, else the siblings, else the unit itself.
        public let mapUnits: [SpatialUnit]
        public let boundaries: [String: BoundaryVersion]
        /// Whether the population figures are sums of the children rather than the unit's own.
        public let populationIsAggregated: Bool
        /// The units with the same parent (the unit among them), for a map of the unit in its parent (e.g. "Lage im Kreis").
        public var siblings: [SpatialUnit] = []
    }

    /// One indicator of a unit at its latest date, with the parent's value.
    public struct IndicatorLine: Sendable {
        public let indicator: Indicator
        public let date: Day
        public let row: IndicatorRow
        public let parentValue: Double?
        /// Current values unsuppressed (a planner's own view), not the released public figures.
        public let raw: Bool
    }

    public struct Indicators: Sendable {
        public let lines: [IndicatorLine]
        public let variables: [String: Variable]
    }

    /// A municipality's or planning area's profile, always in public figures.
    public struct Profile: Sendable {
        public let overview: Overview
        public let indicators: Indicators
        /// Active services serving the unit (by name): the service, its category and provider.
        public let services: [(service: Service, category: ServiceCategory?, provider: String)]
        /// Per category with a standard, its coverage where the profile measures it.
        public let coverage: [(category: ServiceCategory?, categoryCode: String, ratio: Double?, gap: Double)]
        /// Where coverage is measured when not in the unit itself: a planning area's municipality.
        public let coverageArea: SpatialUnit?
    }

    /// The unit of `key` among its neighbours; nil when there is none.
    public func overview(key: String) async throws -> Overview? {
        let units = SpatialAggregation.withAggregates(try await spatial.allUnits(), catalogue: levels)
        guard let unit = units.first(where: { $0.key == key }) else { return nil }
        let parent = unit.parentKey.flatMap { p in units.first { $0.key == p } }
        let children = units.filter { $0.parentKey == unit.key }
        let boundaries = try await boundaries()
        let childrenWithBoundary = children.filter { boundaries[$0.key] != nil }
        let mapUnits: [SpatialUnit]
        if !childrenWithBoundary.isEmpty {
            mapUnits = childrenWithBoundary
        } else if let parent {
            mapUnits = units.filter { $0.parentKey == parent.key }
        } else {
            mapUnits = boundaries[unit.key] != nil ? [unit] : []
        }
        let storedPopulation = try await spatial.unit(key: unit.key)?.populations ?? []
        var overview = Overview(unit: unit, parent: parent, children: children, history: try await spatial.boundaryHistory(unitKey: unit.key), mapUnits: mapUnits,
                                boundaries: boundaries, populationIsAggregated: storedPopulation.isEmpty && !unit.populations.isEmpty)
        overview.siblings = parent.map { p in units.filter { $0.parentKey == p.key } } ?? [unit]
        return overview
    }

    /// Every published indicator valid on the unit's level at its latest date, against the parent and the comparison
    /// date; `raw` gives current unsuppressed values (planners' own view), else the released public figures.
    public func indicatorLines(for unit: SpatialUnit, raw: Bool) async throws -> Indicators {
        let catalogue = try await indicators.indicators()
        let valid = catalogue.filter { $0.isPublished && $0.isValid(onLevel: unit.levelCode) }
        let variables = try await indicators.variablesByCode()
        guard !valid.isEmpty else { return Indicators(lines: [], variables: variables) }
        let hierarchy = SpatialHierarchy(try await spatial.allUnits())
        let used = Set(valid.flatMap(\.variables))
        let observations = try await indicators.observations(variables: used, selection: raw ? .current : .released)
        // The minimums of the whole catalogue, as on every other output of these variables.
        let disclosure = try await PublicFigures.context(variables: variables, indicators: catalogue, used: used, ledger: ledger)
        var lines: [IndicatorLine] = []
        for indicator in valid.sorted(by: { ($0.topic.rawValue, $0.nameDE) < ($1.topic.rawValue, $1.nameDE) }) {
            let dates = observations.dates(of: Set(indicator.numerator.map(\.variable)))
            guard let date = dates.last else { continue }
            let publish = { (day: Day) in
                IndicatorPublication.publish(indicator, variables: variables, disclosure: disclosure, hierarchy: hierarchy, date: day, observations: observations)
            }
            let current = publish(date)
            guard current[unit.key]?.value.gap != .noData else { continue }
            let earlier = ReferenceDates.comparison(for: date, in: dates).map(publish)
            let keys = [unit.key] + (unit.parentKey.map { [$0] } ?? [])
            let rows = IndicatorComparison.rows(indicator, units: keys, parentKey: unit.parentKey, current: current, earlier: earlier, raw: raw)
            guard let row = rows.first else { continue }
            lines.append(IndicatorLine(indicator: indicator, date: date, row: row, parentValue: rows.count > 1 ? rows[1].value : nil, raw: raw))
        }
        return Indicators(lines: lines, variables: variables)
    }

    /// The profile of the municipality or planning area `key`; nil for any other unit or none.
    /// A planning area is served by what serves it, its municipality as a whole, or what is located within it;
    /// coverage is planned per municipality, so a planning area shows its municipality's.
    public func profile(key: String) async throws -> Profile? {
        guard let overview = try await overview(key: key),
              [SpatialLevel.municipality.code, SpatialLevel.planningArea.code].contains(overview.unit.levelCode) else { return nil }
        let unit = overview.unit
        let landscape = try await landscape()
        let isPlanningArea = unit.levelCode == SpatialLevel.planningArea.code
        let coverageKey = isPlanningArea ? (unit.parentKey ?? key) : key
        let boundary = isPlanningArea ? overview.boundaries[key]?.geometry : nil
        let categories = Dictionary(landscape.categories.map { ($0.code, $0) }, uniquingKeysWith: { a, _ in a })
        let services = landscape.records.map(\.service).filter { service in
            service.status == .active && (service.serviceArea.contains(key) || (isPlanningArea && service.serviceArea.contains(coverageKey))
                || (boundary.map { b in service.locations.contains { $0.point.map(b.contains) ?? false } } ?? false))
        }.sorted { $0.name < $1.name }
            .map { (service: $0, category: categories[$0.categoryCode], provider: landscape.organisationName($0.organisationID)) }
        var coverageRows: [(category: ServiceCategory?, categoryCode: String, ratio: Double?, gap: Double)] = []
        for standard in try await coverage.services.standards() {
            guard let row = try await coverage.coverage(category: standard.categoryCode, in: landscape).result?.rows.first(where: { $0.unitKey == coverageKey }) else { continue }
            coverageRows.append((categories[standard.categoryCode], standard.categoryCode, row.ratio, row.gap))
        }
        return Profile(overview: overview, indicators: try await indicatorLines(for: unit, raw: false), services: services, coverage: coverageRows,
                       coverageArea: isPlanningArea ? landscape.municipalities.first { $0.key == coverageKey } : nil)
    }
}
