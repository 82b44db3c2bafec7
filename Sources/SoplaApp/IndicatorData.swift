import Foundation
import SoplaCore
import SoplaStore

/// Everything needed to compute and publish one indicator, loaded once per page, export or report.
public struct IndicatorData: Sendable {
    public let indicator: Indicator
    public let variables: [String: Variable]
    /// The one suppression per variable and date, shared by every indicator loaded together.
    public let disclosure: DisclosureContext
    public let units: [SpatialUnit]
    public let unitsByKey: [String: SpatialUnit]
    public let hierarchy: SpatialHierarchy
    public let observations: ObservationTable
    /// Reference dates with values of the numerator, oldest first.
    public let dates: [Day]

    /// `selection`: released values (everyone), or the current ones with unreleased ones marked (planners' working view).
    public static func load(code: String, store: IndicatorStore, spatial: any SpatialRepository, ledger: DisclosureLedger,
                     selection: ObservationSelection = .released) async throws -> IndicatorData? {
        try await load(codes: [code], store: store, spatial: spatial, ledger: ledger, selection: selection).first
    }

    /// Several indicators with one read of the catalogue, the units and the observations of all their variables;
    /// in the order of `codes`, unknown codes left out.
    public static func load(codes: [String], store: IndicatorStore, spatial: any SpatialRepository, ledger: DisclosureLedger,
                     selection: ObservationSelection = .released) async throws -> [IndicatorData] {
        let indicators = try await store.indicators()
        let byCode = Dictionary(indicators.map { ($0.code, $0) }, uniquingKeysWith: { a, _ in a })
        let chosen = codes.compactMap { byCode[$0] }
        guard !chosen.isEmpty else { return [] }
        let variables = try await store.variablesByCode()
        let units = try await spatial.allUnits()
        let used = chosen.reduce(into: Set<String>()) { $0.formUnion($1.variables) }
        let observations = try await store.observations(variables: used, selection: selection)
        let disclosure = try await PublicFigures.context(variables: variables, indicators: indicators, used: used, ledger: ledger)
        let unitsByKey = Dictionary(uniqueKeysWithValues: units.map { ($0.key, $0) })
        let hierarchy = SpatialHierarchy(units)
        return chosen.map { indicator in
            IndicatorData(indicator: indicator, variables: variables, disclosure: disclosure, units: units, unitsByKey: unitsByKey, hierarchy: hierarchy,
                          observations: observations, dates: observations.dates(of: Set(indicator.numerator.map(\.variable))))
        }
    }

    public func publish(_ date: Day) -> [String: PublishedValue] {
        IndicatorPublication.publish(indicator, variables: variables, disclosure: disclosure, hierarchy: hierarchy, date: date, observations: observations)
    }

    /// Units for a choice list: counties first, then by name.
    public static func pickerOrder(_ units: [SpatialUnit]) -> [SpatialUnit] {
        func rank(_ unit: SpatialUnit) -> Int { unit.levelCode == SpatialLevel.county.code ? 0 : 1 }
        return units.sorted { (rank($0), $0.name) < (rank($1), $1.name) }
    }

    /// Units of a level, by name.
    public func units(onLevel level: String) -> [SpatialUnit] {
        units.filter { $0.levelCode == level }.sorted { $0.name < $1.name }
    }

    /// The common parent of the units, if they share one.
    public func commonParent(of units: [SpatialUnit]) -> String? {
        let parents = Set(units.map(\.parentKey))
        guard parents.count == 1, let parent = parents.first ?? nil else { return nil }
        return parent
    }

    /// The date to compare with: one year earlier on the same day, else the previous date.
    public func compareDate(for date: Day) -> Day? {
        ReferenceDates.comparison(for: date, in: dates)
    }

    /// Rows of a level on a date, compared with the level's parent and the earlier date.
    public func rows(level: String, date: Day, raw: Bool, compare chosen: Day? = nil) -> (rows: [IndicatorRow], parent: IndicatorRow?, compareDate: Day?, current: [String: PublishedValue]) {
        let levelUnits = units(onLevel: level)
        let current = publish(date)
        let compare = chosen ?? compareDate(for: date)
        let earlier = compare.map(publish)
        let parent = commonParent(of: levelUnits)
        let rows = IndicatorComparison.rows(indicator, units: levelUnits.map(\.key), parentKey: parent, current: current, earlier: earlier, raw: raw)
        // The parent is shown apart, not ranked among its children.
        let parentRow = parent.flatMap { IndicatorComparison.rows(indicator, units: [$0], parentKey: nil, current: current, earlier: earlier, raw: raw).first }
        return (rows, parentRow, compare, current)
    }
}
