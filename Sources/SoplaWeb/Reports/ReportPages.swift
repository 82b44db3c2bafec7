import Foundation
import SoplaApp
import SoplaCore
import SoplaFormats
import SoplaRender
import SoplaStore
import Vapor

extension Request {
    var reportStore: ReportStore { ReportStore(database: db) }

    /// Report snapshots with this request's stores; a snapshot is a German document.
    func reportSnapshots() async throws -> ReportSnapshotService {
        let req = self
        return ReportSnapshotService(indicators: indicatorStore, spatial: spatial, ledger: disclosureLedger,
                                     controlling: controllingService, access: try await participationAccess(),
                                     landscape: { try await ServiceContext.load(req) }, wording: ReportSnapshotService.german)
    }

    /// Building, commenting and publishing editions with this request's stores.
    func reportEditions() async throws -> ReportEditionService {
        ReportEditionService(reports: reportStore, snapshots: try await reportSnapshots(), participation: participationStore)
    }
}

extension ReportSnapshotService {
    /// The words of a snapshot (a German document).
    static var german: Wording {
        let t = Texts(.de)
        return Wording(totalPopulation: t(.totalPopulation), withoutCategory: t(.withoutCategory),
                       measureStatus: Dictionary(uniqueKeysWithValues: MeasureStatus.allCases.map { ($0, ParticipationNames.status($0, t)) }),
                       unitLabel: { indicator, variables in IndicatorNames.unitLabel(indicator, variables: variables, .de) })
    }
}

extension Application {
    /// Report snapshots outside a request (the demo's example report), as the public sees the data.
    func reportSnapshots() -> ReportSnapshotService {
        let app = self
        let coverage = CoverageService(services: serviceStore, indicators: indicatorStore)
        return ReportSnapshotService(indicators: indicatorStore, spatial: spatial, ledger: disclosureLedger,
                                     controlling: ControllingService(funding: fundingStore, coverage: coverage),
                                     access: ParticipationAccess(principal: .anonymous, participation: participationStore, funding: fundingStore),
                                     landscape: {
                                         try await ServiceLandscape.load(services: app.serviceStore, accounts: AccountStore(database: app.db), spatial: app.spatial,
                                                                         withServices: true, boundaries: { try await app.currentBoundaries() })
                                     }, wording: ReportSnapshotService.german)
    }
}

/// What the report pages share: the report or edition of the route, its frozen data and maps, the builder page
/// (shown again with what is wrong when a change is refused) and the small forms.
enum ReportPages {
    /// The frozen data of a report (`ReportSnapshotService`); `blocks` (default: all of the report's) choose what it holds.
    static func snapshot(_ req: Request, report: Report, blocks: [ReportBlock]? = nil) async throws -> ReportSnapshot {
        try await req.reportSnapshots().snapshot(of: report, blocks: blocks, now: req.settings.clock.now(), today: req.settings.clock.today)
    }

    /// The boundaries valid at the report's territorial status.
    static func geometry(_ req: Request, on day: Day) async throws -> [String: (unit: SpatialUnit, geometry: MultiPolygon)] {
        let units = Dictionary(uniqueKeysWithValues: try await req.spatial.allUnits().map { ($0.key, $0) })
        var result: [String: (unit: SpatialUnit, geometry: MultiPolygon)] = [:]
        for (key, boundary) in try await req.currentBoundaries(on: day) {
            if let unit = units[key] { result[key] = (unit, boundary.geometry) }
        }
        return result
    }

    /// The edition of the route: published ones for everyone, drafts only for those who manage reports.
    static func edition(_ req: Request) async throws -> ReportEdition {
        guard let raw = req.parameters.get("report"), let id = UUID(uuidString: raw), let number = req.parameters.get("number").flatMap(Int.init),
              let edition = try await req.reportStore.edition(reportID: id, number: number) else { throw Abort(.notFound) }
        if edition.publishedAt == nil, !(try await req.may(.manageReports)) { throw Abort(.notFound) }
        return edition
    }

    /// The edition an edition is compared with: the latest published one before it (drafts in between were never
    /// public); a draft without a published one before it is compared with the draft before it.
    static func previousPublished(before e: (number: Int, publishedAt: Date?), in all: [ReportEditionSummary]) -> ReportEditionSummary? {
        let earlier = all.filter { $0.number < e.number }
        return earlier.filter { $0.publishedAt != nil }.max { $0.number < $1.number }
            ?? (e.publishedAt == nil ? earlier.max { $0.number < $1.number } : nil)
    }

    /// An edition as one document for paged media, with its maps at the territorial status.
    static func printHTML(_ req: Request, _ e: ReportEdition, language: Language) async throws -> String {
        let document = ReportDocument(report: e.report, snapshot: e.snapshot, geometry: try await geometry(req, on: e.report.territorialStatus), language: language)
        return ReportPrintDocument.render(document, css: StaticAssets.assets["sopla.css"]?.body ?? "")
    }

    static func report(_ req: Request) async throws -> Report {
        guard let raw = req.parameters.get("report"), let id = UUID(uuidString: raw), let report = try await req.reportStore.report(id: id) else { throw Abort(.notFound) }
        return report
    }

    static func builderPage(_ req: Request, _ report: Report, issues: [ValidationIssue] = [], values: [String: String] = [:]) async throws -> String {
        let indicators = try await req.indicatorStore.indicators().sorted { $0.nameDE < $1.nameDE }
        let known = Set(indicators.map(\.code))
        let t = Texts(req.language)
        let sectionTitles = Dictionary(uniqueKeysWithValues: report.chapters.flatMap(\.sections).map { ("section-" + $0.id.uuidString.lowercased(), $0.title) })
        let problems = report.problems(knownIndicators: known).map { issue -> String in
            if case .unknownValue(let value) = issue.problem {
                if let section = sectionTitles[issue.field] { return t(.unknownReferenceText).replacingOccurrences(of: "{s}", with: section).replacingOccurrences(of: "{r}", with: value) }
                return t(.deletedIndicator).replacingOccurrences(of: "{c}", with: value)
            }
            return IssueText.message(issue.problem, req.language) + " (" + issue.field + ")"
        }
        let units = try await req.spatial.allUnits().filter { $0.levelCode == SpatialLevel.municipality.code }.sorted { $0.name < $1.name }
        let standards = Set(try await req.serviceStore.standards().map(\.categoryCode))
        let categories = try await req.serviceStore.categories().filter { standards.contains($0.code) }.map { ($0.code, req.language == .de ? $0.nameDE : $0.nameEN) }
        let editions = try await req.reportStore.editions(of: report.id)
        var reviewPapers: [Int: (id: UUID, reference: String)] = [:]
        for e in editions {
            if let id = e.reviewPaperID, let paper = try await req.participationStore.one(.paper, id: id, as: Paper.self)?.value { reviewPapers[e.number] = (id, paper.reference) }
        }
        // New blocks choose among published indicators; blocks already there keep archived ones.
        let model = ReportBuilderPage.Model(report: report, editions: editions, indicators: indicators.filter(\.isPublished).map { ($0.code, $0.nameDE) },
                                            units: units.map { ($0.key, $0.name) }, problems: problems, issues: issues, values: values, categories: categories,
                                            warnings: try await Self.warnings(req, report: report, indicators: indicators, units: units, standards: standards),
                                            reviewPapers: reviewPapers,
                                            bodies: try await req.participationStore.all(.body, as: Body.self).map(\.value)
                                                .sorted { ($0.kind == .steeringGroup ? 0 : 1, $0.name) < ($1.kind == .steeringGroup ? 0 : 1, $1.name) }.map { ($0.id, $0.name) })
        return ReportBuilderPage.render(model, context: try await req.pageContext(showNotice: true))
    }

    /// What the report lacks at its territorial status and reporting date: municipalities or their boundaries,
    /// indicator values, planning standards. The blocks then say "no values"; the build and the PDF still work.
    static func warnings(_ req: Request, report: Report, indicators: [Indicator], units: [SpatialUnit], standards: Set<String>) async throws -> [String] {
        let t = Texts(req.language)
        let status = Format.day(report.territorialStatus, req.language), reporting = Format.day(report.reportingDate, req.language)
        var result: [String] = []
        if units.isEmpty { result.append(t(.noUnitsAtStatus).replacingOccurrences(of: "{d}", with: status)) }
        if report.blocks.contains(where: { if case .map = $0.kind { return true } else { return false } }) {
            let boundaries = try await req.currentBoundaries(on: report.territorialStatus)
            let missing = units.filter { boundaries[$0.key] == nil }.map(\.name)
            if !missing.isEmpty {
                let named = missing.prefix(5).joined(separator: ", ") + (missing.count > 5 ? ", …" : "")
                result.append(t(.noBoundariesAtStatus).replacingOccurrences(of: "{d}", with: status).replacingOccurrences(of: "{n}", with: String(missing.count))
                    .replacingOccurrences(of: "{u}", with: named))
            }
        }
        let used = Set(report.blocks.flatMap(\.kind.indicatorCodes))
        for indicator in indicators.filter({ used.contains($0.code) }).sorted(by: { $0.code < $1.code }) {
            let dates = try await req.indicatorStore.dates(variables: indicator.variables, selection: .released)
            if !dates.contains(where: { $0 <= report.reportingDate }) {
                result.append(t(.noValuesUntil).replacingOccurrences(of: "{i}", with: indicator.nameDE).replacingOccurrences(of: "{d}", with: reporting))
            }
        }
        for block in report.blocks {
            if case .serviceCoverage(let code) = block.kind, !standards.contains(code) { result.append(t(.noStandardFor).replacingOccurrences(of: "{c}", with: code)) }
        }
        return result
    }

    struct NewForm: Content {
        var title: String?
        var reportingDate: String?
        var territorialStatus: String?
    }

    /// The fields of the small forms: the item moved or removed, the direction, a confirmation, a body.
    struct ItemForm: Content {
        var item: String?
        var direction: String?
        var confirm: String?
        var body: String?
    }
}
