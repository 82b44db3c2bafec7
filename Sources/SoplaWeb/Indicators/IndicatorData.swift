import Foundation
import SoplaApp
import SoplaCore
import SoplaRender
import SoplaStore
import Vapor

extension Request {
    var indicatorStore: IndicatorStore { IndicatorStore(database: db) }
}

extension Application {
    var indicatorStore: IndicatorStore { IndicatorStore(database: db) }
    var disclosureLedger: DisclosureLedger { DisclosureLedger(database: db) }
}

extension Request {
    var disclosureLedger: DisclosureLedger { DisclosureLedger(database: db) }
}

/// Everything needed to compute and publish one indicator, loaded once per request.
struct IndicatorData: Sendable {
    let indicator: Indicator
    let variables: [String: Variable]
    /// The one suppression per variable and date, shared by every indicator loaded together.
    let disclosure: DisclosureContext
    let units: [SpatialUnit]
    let unitsByKey: [String: SpatialUnit]
    let hierarchy: SpatialHierarchy
    let observations: ObservationTable
    /// Reference dates with values of the numerator, oldest first.
    let dates: [Day]

    /// `selection`: released values (everyone), or the current ones with unreleased ones marked (planners' working view).
    static func load(code: String, store: IndicatorStore, spatial: any SpatialRepository, ledger: DisclosureLedger,
                     selection: ObservationSelection = .released) async throws -> IndicatorData? {
        try await load(codes: [code], store: store, spatial: spatial, ledger: ledger, selection: selection).first
    }

    /// Several indicators with one read of the catalogue, the units and the observations of all their variables;
    /// in the order of `codes`, unknown codes left out.
    static func load(codes: [String], store: IndicatorStore, spatial: any SpatialRepository, ledger: DisclosureLedger,
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

    func publish(_ date: Day) -> [String: PublishedValue] {
        IndicatorPublication.publish(indicator, variables: variables, disclosure: disclosure, hierarchy: hierarchy, date: date, observations: observations)
    }

    /// Levels that have units and where the indicator is valid, in the catalogue's order.
    func levels(_ catalogue: SpatialLevelCatalogue, language: Language) -> [(code: String, name: String)] {
        let present = Set(units.map(\.levelCode))
        return catalogue.levels.filter { present.contains($0.code) && indicator.isValid(onLevel: $0.code) }
            .map { ($0.code, language == .de ? $0.nameDE : $0.nameEN) }
    }

    /// Units for a choice list: counties first, then by name.
    static func pickerOrder(_ units: [SpatialUnit]) -> [SpatialUnit] {
        func rank(_ unit: SpatialUnit) -> Int { unit.levelCode == SpatialLevel.county.code ? 0 : 1 }
        return units.sorted { (rank($0), $0.name) < (rank($1), $1.name) }
    }

    /// Units of a level, by name.
    func units(onLevel level: String) -> [SpatialUnit] {
        units.filter { $0.levelCode == level }.sorted { $0.name < $1.name }
    }

    /// The common parent of the units, if they share one.
    func commonParent(of units: [SpatialUnit]) -> String? {
        let parents = Set(units.map(\.parentKey))
        guard parents.count == 1, let parent = parents.first ?? nil else { return nil }
        return parent
    }

    /// The date to compare with: one year earlier on the same day, else the previous date.
    func compareDate(for date: Day) -> Day? {
        ReferenceDates.comparison(for: date, in: dates)
    }

    /// Rows of a level on a date, compared with the level's parent and the earlier date.
    func rows(level: String, date: Day, raw: Bool, compare chosen: Day? = nil) -> (rows: [IndicatorRow], parent: IndicatorRow?, compareDate: Day?, current: [String: PublishedValue]) {
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

/// The indicator profile of one unit: every indicator valid on its level, latest date, against the parent.
enum IndicatorProfileBuilder {
    /// `publicFigures` forces disclosure control whoever asks (documents for everyone).
    static func lines(_ req: Request, unit: SpatialUnit, publicFigures: Bool = false) async throws -> [IndicatorProfile.Line] {
        let store = req.indicatorStore
        let catalogue = try await store.indicators()
        let indicators = catalogue.filter { $0.isPublished && $0.isValid(onLevel: unit.levelCode) }
        guard !indicators.isEmpty else { return [] }
        let variables = try await store.variablesByCode()
        let units = try await req.spatial.allUnits()
        let hierarchy = SpatialHierarchy(units)
        let used = Set(indicators.flatMap(\.variables))
        let raw = publicFigures ? false : try await req.may(.viewUnsuppressedFigures)
        // Planners see current values on their own view; documents and everyone else the released ones.
        let observations = try await store.observations(variables: used, selection: raw ? .current : .released)
        // The minimums of the whole catalogue, as on every other output of these variables.
        let disclosure = try await PublicFigures.context(variables: variables, indicators: catalogue, used: used, ledger: req.disclosureLedger)
        var lines: [IndicatorProfile.Line] = []
        for indicator in indicators.sorted(by: { ($0.topic.rawValue, $0.nameDE) < ($1.topic.rawValue, $1.nameDE) }) {
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
            lines.append(IndicatorProfile.Line(indicator: indicator, unitLabel: IndicatorNames.unitLabel(indicator, variables: variables, req.language),
                                               date: date, row: row, parentValue: rows.count > 1 ? rows[1].value : nil, raw: raw))
        }
        return lines
    }
}
