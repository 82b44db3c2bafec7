import Foundation
import SoplaCore
import SoplaStore

/// Coverage of a category against its planning standard, per municipality: the service page, the profile, the
/// controlling page and a report block all take it from here.
public struct CoverageService: Sendable {
    public let services: ServiceStore
    public let indicators: IndicatorStore

    public init(services: ServiceStore, indicators: IndicatorStore) {
        self.services = services
        self.indicators = indicators
    }

    public struct Coverage: Sendable {
        /// The standard of the category; nil when it has none (then there is nothing to compute).
        public let standard: PlanningStandard?
        /// The variable the standard counts people with; nil for the total population (or a code no longer in the catalogue).
        public let populationVariable: Variable?
        public let result: CoverageResult?
        /// Per municipality, the share of full-time equivalents of preventive services.
        public let preventiveByUnit: [String: Double]
    }

    /// Computes coverage of `category` (its code) in `landscape`. The population is the municipalities' latest
    /// count, or the latest date of the standard's variable; a municipality without one counts 0 people.
    public func coverage(category: String?, in landscape: ServiceLandscape) async throws -> Coverage {
        guard let standard = try await services.standards().first(where: { $0.categoryCode == category }) else {
            return Coverage(standard: nil, populationVariable: nil, result: nil, preventiveByUnit: [:])
        }
        var population: [String: Double] = [:]
        var variable: Variable?
        switch standard.population {
        case .total:
            for unit in landscape.municipalities { population[unit.key] = unit.latestPopulation.map { Double($0.count) } }
        case .variable(let code):
            variable = try await indicators.variable(code: code)
            let table = try await indicators.observations(variables: [code])
            if let latest = table.dates(of: [code]).last {
                for unit in landscape.municipalities {
                    population[unit.key] = table.series(code, .total, latest)[unit.key]?.value
                }
            }
        }
        let units = landscape.municipalities.map { unit in
            (key: unit.key, population: population[unit.key] ?? 0, centre: unit.representativePoint ?? landscape.boundaries[unit.key]?.geometry.centroid)
        }
        let all = landscape.records.map(\.service)
        let result = CoverageAnalysis.analyse(services: all, standard: standard, units: units, totalKey: "kreis")
        let preventive = CoverageAnalysis.preventiveShareByUnit(all.filter { $0.categoryCode == standard.categoryCode },
                                                                population: Dictionary(units.map { ($0.key, $0.population) }, uniquingKeysWith: { a, _ in a }))
        return Coverage(standard: standard, populationVariable: variable, result: result, preventiveByUnit: preventive)
    }
}
