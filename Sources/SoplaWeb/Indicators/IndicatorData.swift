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

extension IndicatorData {
    /// Levels that have units and where the indicator is valid, in the catalogue's order.
    func levels(_ catalogue: SpatialLevelCatalogue, language: Language) -> [(code: String, name: String)] {
        let present = Set(units.map(\.levelCode))
        return catalogue.levels.filter { present.contains($0.code) && indicator.isValid(onLevel: $0.code) }
            .map { ($0.code, language == .de ? $0.nameDE : $0.nameEN) }
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
