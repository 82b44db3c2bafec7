import Foundation
import SoplaCore
import SoplaStore

/// Builds the frozen data of a report (`ReportSnapshot`): the published values of every indicator it uses, at every
/// date, for the county and its municipalities, and the tables of its coverage, funding and measure blocks as the
/// data stand now. The preview, a new edition and the adoption of a Sozialindex all build it here.
public struct ReportSnapshotService: Sendable {
    public let indicators: IndicatorStore
    public let spatial: any SpatialRepository
    public let ledger: DisclosureLedger
    public let controlling: ControllingService
    public let access: ParticipationAccess
    /// The services and places of coverage blocks, loaded only when a report has one.
    public let landscape: @Sendable () async throws -> ServiceLandscape
    public let wording: Wording

    /// The words a snapshot freezes into its tables (an edition is a German document).
    public struct Wording: Sendable {
        public let totalPopulation: String
        public let withoutCategory: String
        public let measureStatus: [MeasureStatus: String]
        /// The unit of an indicator's values ("%", "je 1.000", "Personen").
        public let unitLabel: @Sendable (Indicator, [String: Variable]) -> String

        public init(totalPopulation: String, withoutCategory: String, measureStatus: [MeasureStatus: String],
                    unitLabel: @escaping @Sendable (Indicator, [String: Variable]) -> String) {
            self.unitLabel = unitLabel
            self.totalPopulation = totalPopulation
            self.withoutCategory = withoutCategory
            self.measureStatus = measureStatus
        }
    }

    public init(indicators: IndicatorStore, spatial: any SpatialRepository, ledger: DisclosureLedger, controlling: ControllingService, access: ParticipationAccess,
                landscape: @escaping @Sendable () async throws -> ServiceLandscape, wording: Wording) {
        self.indicators = indicators
        self.spatial = spatial
        self.ledger = ledger
        self.controlling = controlling
        self.access = access
        self.landscape = landscape
        self.wording = wording
    }

    /// `blocks` (default: all of the report's) choose the indicators and frozen tables. Editions are public
    /// documents: released, disclosure-controlled values only, whoever builds them.
    public func snapshot(of report: Report, blocks: [ReportBlock]? = nil, now: Date, today: Day) async throws -> ReportSnapshot {
        let blocks = blocks ?? report.blocks
        let units = try await spatial.allUnits()
        let county = units.first { $0.levelCode == SpatialLevel.county.code }
        let municipalities = units.filter { $0.levelCode == SpatialLevel.municipality.code }.sorted { $0.name.compare($1.name, locale: Locale(identifier: "de")) == .orderedAscending }
        let keys = [county?.key].compactMap { $0 } + municipalities.map(\.key)
        var infos: [String: ReportSnapshot.IndicatorInfo] = [:]
        var values: [String: [String: [String: ReportSnapshot.Value]]] = [:]
        let loaded = try await IndicatorData.load(codes: Set(blocks.flatMap(\.kind.indicatorCodes)).sorted(), store: indicators, spatial: spatial,
                                                  ledger: ledger, selection: .released)
        let variables = loaded.first?.variables ?? [:]
        for data in loaded {
            let i = data.indicator, code = i.code
            let source = i.variables.compactMap { variables[$0]?.source }.first ?? ""
            let licence = i.variables.compactMap { variables[$0]?.licence }.first ?? ""
            infos[code] = ReportSnapshot.IndicatorInfo(code: code, name: i.nameDE, unit: wording.unitLabel(i, variables), decimals: i.decimals,
                                                       definition: i.definitionDE, source: source, licence: licence,
                                                       gender: FigureDescription.gender(ofName: i.nameDE) ?? .masculine, nameEN: i.nameEN, definitionEN: i.definitionEN)
            for date in data.dates {
                let published = data.publish(date)
                var byUnit: [String: ReportSnapshot.Value] = [:]
                for key in keys {
                    guard let value = published[key] else { continue }
                    byUnit[key] = ReportSnapshot.Value(value: value.publicValue, suppressed: value.isSuppressed)
                }
                values[code, default: [:]][date.iso] = byUnit
            }
        }
        let unitNames = Dictionary(units.map { ($0.key, $0.name) }, uniquingKeysWith: { first, _ in first })
        return ReportSnapshot(builtAt: now, countyKey: county?.key ?? "", countyName: county?.name ?? "", unitKeys: municipalities.map(\.key),
                              unitNames: unitNames, indicators: infos, values: values,
                              tables: try await tables(blocks: blocks, reportingDate: report.reportingDate, countyName: county?.name ?? "", unitNames: unitNames,
                                                       now: now, today: today))
    }

    /// The frozen tables of the coverage, funding and measure blocks. What several blocks need (services, the
    /// funding figures, the measures) is read once.
    func tables(blocks: [ReportBlock], reportingDate: Day, countyName: String, unitNames: [String: String], now: Date, today: Day) async throws -> [String: ReportTable]? {
        let frozen = blocks.filter(\.kind.isFrozenTable)
        guard !frozen.isEmpty else { return nil }
        var result: [String: ReportTable] = [:]
        var places: ServiceLandscape?, funding: ReportTable?, measures: ReportTable?
        for block in frozen {
            let key = block.id.uuidString.lowercased()
            switch block.kind {
            case .serviceCoverage(let code):
                let loaded: ServiceLandscape
                if let places { loaded = places } else { loaded = try await landscape(); places = loaded }
                let data = try await controlling.coverage.coverage(category: code, in: loaded)
                guard let standard = data.standard, let coverage = data.result else { continue }
                let name = loaded.categories.first { $0.code == code }?.nameDE ?? code
                var hidden: Set<String> = []
                if case .variable(let variable) = standard.population {
                    hidden = try await PublicFigures.hiddenUnits(variable: variable, store: indicators, spatial: spatial, ledger: ledger)
                }
                result[key] = ReportTables.coverage(categoryCode: code, categoryName: name, standardText: standard.source, result: coverage, countyName: countyName,
                                                    unitNames: unitNames, populationName: data.populationName(total: wording.totalPopulation, english: false), hidden: hidden)
            case .fundingOverview:
                if funding == nil {
                    let loaded: ServiceLandscape
                    if let places { loaded = places } else { loaded = try await landscape(); places = loaded }
                    let names = ControllingService.Names(landscape: loaded, english: false, withoutCategory: wording.withoutCategory)
                    let m = try await controlling.overview(requested: reportingDate.year, today: today, now: now, landscape: loaded, names: names, publication: true)
                    funding = ReportTables.funding(year: m.year, programmes: m.programmes, byCategory: m.byCategory,
                                                   byUnit: m.byUnit.map { ($0.name, $0.amount, $0.perInhabitant) }, preventive: m.preventive, total: m.total,
                                                   hidden: m.hidden)
                }
                result[key] = funding
            case .measureStatus:
                if measures == nil {
                    let all = try await access.publicMeasures()
                    measures = ReportTables.measures(all, progress: MeasureProgress.rollUp(all, method: .weighted), statusNames: wording.measureStatus, on: reportingDate)
                }
                result[key] = measures
            default: continue
            }
        }
        return result
    }
}

extension CoverageService.Coverage {
    /// Whom the standard counts: `total` for the whole population, else the name of its variable (its code if it is
    /// no longer in the catalogue).
    public func populationName(total: String, english: Bool) -> String {
        guard let standard else { return "" }
        switch standard.population {
        case .total: return total
        case .variable(let code): return populationVariable.map { english ? $0.nameEN : $0.nameDE } ?? code
        }
    }
}
