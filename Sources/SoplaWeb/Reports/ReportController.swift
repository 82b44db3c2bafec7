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
        let t = Texts(.de)
        let wording = ReportSnapshotService.Wording(
            totalPopulation: t(.totalPopulation), withoutCategory: t(.withoutCategory),
            measureStatus: Dictionary(uniqueKeysWithValues: MeasureStatus.allCases.map { ($0, ParticipationNames.status($0, t)) }),
            unitLabel: { indicator, variables in IndicatorNames.unitLabel(indicator, variables: variables, .de) })
        let req = self
        return ReportSnapshotService(indicators: indicatorStore, spatial: spatial, ledger: disclosureLedger,
                                     controlling: controllingService, access: try await participationAccess(),
                                     landscape: { try await ServiceContext.load(req) }, wording: wording)
    }
}

/// Social reports: planners build them (chapters, sections, text, blocks), preview them with current data, build
/// editions from a frozen snapshot and publish them; everyone reads published editions and their data annex.
struct ReportController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let p = ReportRoute.Pattern.self
        let read = RoutePermission(.readPublic)
        routes.on(.GET, p.published, read, use: published)
        routes.on(.GET, p.edition, read, use: edition)
        routes.on(.GET, p.annex, read, use: annex)
        routes.on(.GET, p.pdf, read, use: pdf)
        routes.on(.GET, p.comparison, read, use: comparison)
        let manage = RoutePermission(.manageReports)
        routes.on(.GET, p.manage, manage, use: list)
        routes.on(.POST, p.manage, manage, use: create)
        routes.on(.GET, p.builder, manage, use: builder)
        routes.on(.POST, p.chapters, manage, use: addChapter)
        routes.on(.POST, p.sections, manage, use: addSection)
        routes.on(.POST, p.section, manage, use: saveText)
        routes.on(.POST, p.blocks, manage, use: addBlock)
        routes.on(.POST, p.blockDelete, manage, use: removeBlock)
        routes.on(.GET, p.preview, manage, use: preview)
        routes.on(.POST, p.editions, manage, use: buildEdition)
        routes.on(.POST, p.publish, manage, use: publish)
        routes.on(.POST, p.review, manage, use: review)
        routes.on(.POST, p.move, manage, use: move)
        routes.on(.POST, p.rename, manage, use: rename)
        routes.on(.POST, p.delete, manage, use: delete)
        routes.on(.POST, p.builder, manage, use: saveFacts)
        routes.on(.POST, p.remove, manage, use: remove)
        routes.on(.POST, p.adoptIndex, manage, use: adoptIndex)
    }

    // MARK: Snapshot

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

    // MARK: Public

    func published(req: Request) async throws -> HTMLResponse {
        let editions = try await req.reportStore.editionSummaries().compactMap { e in e.publishedAt.map { (title: e.title, number: e.number, reportID: e.reportID, publishedAt: $0) } }
            .sorted { $0.publishedAt > $1.publishedAt }
        return HTMLResponse(PublishedReportsPage.render(editions, context: try await req.pageContext()))
    }

    /// The edition of the route: published ones for everyone, drafts only for those who manage reports.
    static func edition(_ req: Request) async throws -> ReportEdition {
        guard let raw = req.parameters.get("report"), let id = UUID(uuidString: raw), let number = req.parameters.get("number").flatMap(Int.init),
              let edition = try await req.reportStore.edition(reportID: id, number: number) else { throw Abort(.notFound) }
        if edition.publishedAt == nil, !(try await req.may(.manageReports)) { throw Abort(.notFound) }
        return edition
    }

    func edition(req: Request) async throws -> HTMLResponse {
        let e = try await Self.edition(req)
        let document = ReportDocument(report: e.report, snapshot: e.snapshot, geometry: try await Self.geometry(req, on: e.report.territorialStatus), language: req.language)
        let previous = Self.previousPublished(before: (e.number, e.publishedAt), in: try await req.reportStore.editionSummaries(of: e.reportID))?.number
        return HTMLResponse(ReportEditionPage.render(document, edition: (e.number, e.publishedAt != nil, previous), annex: ReportRoute.annex(e.reportID, e.number),
                                                     context: try await req.pageContext()))
    }

    /// The edition an edition is compared with: the latest published one before it (drafts in between were never
    /// public); a draft without a published one before it is compared with the draft before it.
    static func previousPublished(before e: (number: Int, publishedAt: Date?), in all: [ReportEditionSummary]) -> ReportEditionSummary? {
        let earlier = all.filter { $0.number < e.number }
        return earlier.filter { $0.publishedAt != nil }.max { $0.number < $1.number }
            ?? (e.publishedAt == nil ? earlier.max { $0.number < $1.number } : nil)
    }

    /// A published edition's PDF is kept while the boundaries its maps show stay as they are (the edition itself is
    /// final); a draft's is made anew each time.
    func pdf(req: Request) async throws -> Response {
        let e = try await Self.edition(req)
        let language = req.language
        var key: PDFCache.Key?
        if let published = e.publishedAt {
            key = PDFCache.Key(document: "bericht/\(e.reportID.uuidString)/\(e.number)/\(language.rawValue)",
                               stamp: "s\(try await req.spatial.dataVersion())-p\(published.timeIntervalSince1970)")
        }
        return try await req.pdfDocuments.response(req, key: key, filename: "sozialbericht-\(e.number).pdf") {
            try await Self.printHTML(req, e, language: language)
        }
    }

    /// An edition as one document for paged media, with its maps at the territorial status.
    static func printHTML(_ req: Request, _ e: ReportEdition, language: Language) async throws -> String {
        let document = ReportDocument(report: e.report, snapshot: e.snapshot, geometry: try await geometry(req, on: e.report.territorialStatus), language: language)
        return ReportPrintDocument.render(document, css: StaticAssets.assets["sopla.css"]?.body ?? "")
    }

    /// The figures that differ from the edition before (both readable by the requester).
    func comparison(req: Request) async throws -> HTMLResponse {
        let e = try await Self.edition(req)
        guard let summary = Self.previousPublished(before: (e.number, e.publishedAt), in: try await req.reportStore.editionSummaries(of: e.reportID)),
              let previous = try await req.reportStore.edition(id: summary.id) else { throw Abort(.notFound) }
        func text(_ v: ReportSnapshot.Value?, _ code: String) -> String {
            guard let v else { return "–" }
            if v.suppressed { return "•" }
            return v.value.map { Format.decimal($0, digits: e.snapshot.indicators[code]?.decimals ?? 1, req.language) } ?? "–"
        }
        let names = e.snapshot.unitNames.merging(previous.snapshot.unitNames) { a, _ in a }
        let changes = ReportSnapshot.changes(from: previous.snapshot, to: e.snapshot).map { c in
            (indicator: e.snapshot.indicators[c.code]?.name ?? previous.snapshot.indicators[c.code]?.name ?? c.code, date: Day(iso: c.date).map { Format.day($0, req.language) } ?? c.date,
             unit: names[c.unit] ?? c.unit, before: text(c.before, c.code), after: text(c.after, c.code))
        }
        let tableChanges = ReportSnapshot.tableChanges(from: previous.snapshot, to: e.snapshot).map { c in
            (table: c.table, row: c.row, column: c.column, before: c.before ?? "–", after: c.after ?? "–")
        }
        return HTMLResponse(EditionComparisonPage.render(title: e.report.title, reportID: e.reportID, number: e.number, previous: previous.number, changes: changes,
                                                         tableChanges: tableChanges,
                                                         context: try await req.pageContext()))
    }

    func annex(req: Request) async throws -> Response {
        let e = try await Self.edition(req)
        // The snapshot keeps its cells as written when it was frozen (ISO dates, decimal point); the file shows them the German way.
        let rows = e.snapshot.annexRows(reportingDate: e.report.reportingDate).map { row in
            [row[0], Day(iso: row[1]).map(GermanCSV.day) ?? row[1], row[2], row[3], Double(row[4]).map { GermanCSV.number($0) } ?? row[4], GermanCSV.yesNo(row[5] == "true")]
        }
        return CSVDownload.response(CSV.write(header: ["Kennzahl", "Stichtag", "Gebietsschlüssel", "Gebiet", "Wert", "geheim gehalten"], rows: rows),
                                                  filename: "sozialbericht-\(e.number)-daten.csv")
    }

    // MARK: Builder

    func list(req: Request) async throws -> HTMLResponse {
        try await HTMLResponse(listPage(req, values: ["reportingDate": req.settings.clock.today.iso, "territorialStatus": req.settings.clock.today.iso], issues: []))
    }

    func listPage(_ req: Request, values: [String: String], issues: [ValidationIssue]) async throws -> String {
        let editions = try await req.reportStore.editionSummaries()
        let rows = try await req.reportStore.reports().map { r in
            (report: r, editions: editions.filter { $0.reportID == r.id }.count, published: editions.filter { $0.reportID == r.id && $0.publishedAt != nil }.count)
        }
        return ReportListPage.render(rows, values: values, issues: issues, context: try await req.pageContext(showNotice: true))
    }

    struct NewForm: Content {
        var title: String?
        var reportingDate: String?
        var territorialStatus: String?
    }

    /// The title (required, up to 200 characters) and the two dates of the form, with what is wrong.
    static func facts(_ form: NewForm) -> (title: String, reporting: Day?, status: Day?, issues: [ValidationIssue]) {
        var issues: [ValidationIssue] = []
        let title = (form.title ?? "").trimmingCharacters(in: .whitespaces)
        if title.isEmpty { issues.append(ValidationIssue("title", .required)) } else if title.count > 200 { issues.append(ValidationIssue("title", .tooLong(max: 200))) }
        let reporting = Day(iso: form.reportingDate ?? ""), status = Day(iso: form.territorialStatus ?? "")
        if reporting == nil { issues.append(ValidationIssue("reportingDate", .required)) }
        if status == nil { issues.append(ValidationIssue("territorialStatus", .required)) }
        return (title, reporting, status, issues)
    }

    func create(req: Request) async throws -> Response {
        let form = try req.content.decode(NewForm.self)
        let (title, reporting, status, issues) = Self.facts(form)
        guard let reporting, let status, issues.isEmpty else {
            let values = ["title": form.title ?? "", "reportingDate": form.reportingDate ?? "", "territorialStatus": form.territorialStatus ?? ""]
            return HTMLResponse(try await listPage(req, values: values, issues: issues)).response(status: .unprocessableEntity)
        }
        let report = Report(id: UUID(), title: title, reportingDate: reporting, territorialStatus: status)
        try await req.reportStore.save(report, actor: try await req.auditActor(), at: req.settings.clock.now())
        return req.redirect(to: ReportRoute.builder(report.id), notice: .created)
    }

    static func report(_ req: Request) async throws -> Report {
        guard let raw = req.parameters.get("report"), let id = UUID(uuidString: raw), let report = try await req.reportStore.report(id: id) else { throw Abort(.notFound) }
        return report
    }

    func builderPage(_ req: Request, _ report: Report, issues: [ValidationIssue] = [], values: [String: String] = [:]) async throws -> String {
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

    func builder(req: Request) async throws -> HTMLResponse {
        HTMLResponse(try await builderPage(req, try await Self.report(req)))
    }

    func change(_ req: Request, _ update: (inout Report) throws -> [ValidationIssue]) async throws -> Response {
        var report = try await Self.report(req)
        let issues = try update(&report)
        guard issues.isEmpty else { return HTMLResponse(try await builderPage(req, try await Self.report(req), issues: issues)).response(status: .unprocessableEntity) }
        try await req.reportStore.save(report, actor: try await req.auditActor(), at: req.settings.clock.now())
        return req.redirect(to: ReportRoute.builder(report.id), notice: .saved)
    }

    struct TitleForm: Content {
        var chapter: String?
        var section: String?
        var text: String?
    }

    func addChapter(req: Request) async throws -> Response {
        let title = (try req.content.decode(TitleForm.self).chapter ?? "").trimmingCharacters(in: .whitespaces)
        return try await change(req) { report in
            guard !title.isEmpty, title.count <= 200 else { return [ValidationIssue("chapter", title.isEmpty ? .required : .tooLong(max: 200))] }
            report.chapters.append(ReportChapter(id: UUID(), title: title))
            return []
        }
    }

    func addSection(req: Request) async throws -> Response {
        let title = (try req.content.decode(TitleForm.self).section ?? "").trimmingCharacters(in: .whitespaces)
        let chapterID = try FundingData.uuid(req, "chapter")
        return try await change(req) { report in
            guard let index = report.chapters.firstIndex(where: { $0.id == chapterID }) else { throw Abort(.notFound) }
            guard !title.isEmpty, title.count <= 200 else { return [ValidationIssue("section", title.isEmpty ? .required : .tooLong(max: 200))] }
            report.chapters[index].sections.append(ReportSection(id: UUID(), title: title))
            return []
        }
    }

    static func locate(_ report: Report, section id: UUID) -> (Int, Int)? {
        for (c, chapter) in report.chapters.enumerated() { if let s = chapter.sections.firstIndex(where: { $0.id == id }) { return (c, s) } }
        return nil
    }

    func saveText(req: Request) async throws -> Response {
        let text = try req.content.decode(TitleForm.self).text ?? ""
        let sectionID = try FundingData.uuid(req, "section")
        return try await change(req) { report in
            guard let (c, s) = Self.locate(report, section: sectionID) else { throw Abort(.notFound) }
            guard text.count <= 20_000 else { return [ValidationIssue("text", .tooLong(max: 20_000))] }
            report.chapters[c].sections[s].text = text
            return []
        }
    }

    struct BlockForm: Content {
        var kind: String?
        var codes: String?
        var unit: String?
        var caption: String?
        var note: String?
        var components: String?
        var category: String?
    }

    /// Reads the block form; codes must exist in the catalogue, a time series needs a unit, a coverage table a
    /// category with a planning standard.
    static func block(_ form: BlockForm, known: Set<String>, units: Set<String>, categories: Set<String> = []) -> (ReportBlock?, [ValidationIssue]) {
        var issues: [ValidationIssue] = []
        let codes = (form.codes ?? "").split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        for code in codes where !known.contains(code) { issues.append(ValidationIssue("codes", .unknownValue(code))) }
        let caption = (form.caption ?? "").trimmingCharacters(in: .whitespaces)
        if caption.isEmpty { issues.append(ValidationIssue("caption", .required)) }
        let unit = ServiceForm.clean(form.unit)
        if let unit, !units.contains(unit) { issues.append(ValidationIssue("unit", .unknownReference)) }
        var kind: ReportBlockKind?
        let category = ServiceForm.clean(form.category)
        switch form.kind ?? "" {
        case "coverage":
            if let category, categories.contains(category) { kind = .serviceCoverage(categoryCode: category) }
            else { issues.append(ValidationIssue("category", category == nil ? .required : .unknownReference)) }
        case "funding": kind = .fundingOverview
        case "measures": kind = .measureStatus
        case "table": kind = codes.isEmpty ? nil : .indicatorTable(codes: codes)
        case "map": kind = codes.count == 1 ? .map(code: codes[0]) : nil
        case "ranking": kind = codes.count == 1 ? .ranking(code: codes[0]) : nil
        case "series": kind = codes.count == 1 && unit != nil ? .timeSeries(code: codes[0], unitKey: unit!) : nil
        case "description": kind = codes.count == 1 ? .description(code: codes[0], unitKey: unit) : nil
        case "index":
            var components: [SocialIndexMethod.Component] = []
            var years = 5, statusWeight = 0.5
            for line in (form.components ?? "").split(whereSeparator: \.isNewline).map({ $0.trimmingCharacters(in: .whitespaces) }) where !line.isEmpty {
                if line.lowercased().hasPrefix("jahre:") { years = Int(line.dropFirst(6).trimmingCharacters(in: .whitespaces)) ?? -1; continue }
                if line.lowercased().hasPrefix("status:") { statusWeight = (Double(line.dropFirst(7).trimmingCharacters(in: .whitespaces)) ?? -100) / 100; continue }
                let parts = line.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }
                guard parts.count == 3, let weight = FundingEntry.decimal(parts[1]) else { issues.append(ValidationIssue("components", .unknownValue(line))); continue }
                if !known.contains(parts[0]) { issues.append(ValidationIssue("components", .unknownValue(parts[0]))) }
                components.append(.init(indicatorCode: parts[0], weight: weight, higherIsWorse: parts[2].lowercased() != "nein"))
            }
            do {
                kind = .socialIndex(try SocialIndexMethod(name: caption, components: components, years: years, statusWeight: statusWeight).validated())
            } catch { issues += error.issues }
        default: issues.append(ValidationIssue("kind", .unknownValue(String((form.kind ?? "").prefix(20)))))
        }
        if kind == nil, issues.isEmpty { issues.append(ValidationIssue("codes", .required)) }
        guard let kind, issues.isEmpty else { return (nil, issues) }
        return (ReportBlock(id: UUID(), kind: kind, caption: caption, note: (form.note ?? "").trimmingCharacters(in: .whitespaces)), [])
    }

    func addBlock(req: Request) async throws -> Response {
        let form = try req.content.decode(BlockForm.self)
        let sectionID = try FundingData.uuid(req, "section")
        let known = Set(try await req.indicatorStore.indicators().filter(\.isPublished).map(\.code))
        let units = Set(try await req.spatial.allUnits().map(\.key))
        let categories = Set(try await req.serviceStore.standards().map(\.categoryCode))
        let (block, issues) = Self.block(form, known: known, units: units, categories: categories)
        return try await change(req) { report in
            guard let (c, s) = Self.locate(report, section: sectionID) else { throw Abort(.notFound) }
            guard let block else { return issues }
            report.chapters[c].sections[s].blocks.append(block)
            return []
        }
    }

    func removeBlock(req: Request) async throws -> Response {
        let blockID = try FundingData.uuid(req, "block")
        return try await change(req) { report in
            var found = false
            for c in report.chapters.indices {
                for s in report.chapters[c].sections.indices where report.chapters[c].sections[s].blocks.contains(where: { $0.id == blockID }) {
                    report.chapters[c].sections[s].blocks.removeAll { $0.id == blockID }
                    found = true
                }
            }
            if !found { throw Abort(.notFound) }
            return []
        }
    }

    func preview(req: Request) async throws -> HTMLResponse {
        let report = try await Self.report(req)
        let document = ReportDocument(report: report, snapshot: try await Self.snapshot(req, report: report), geometry: try await Self.geometry(req, on: report.territorialStatus), language: req.language)
        return HTMLResponse(ReportEditionPage.render(document, edition: nil, annex: nil, context: try await req.pageContext()))
    }

    /// A new edition from the current data; refused while a block refers to a deleted indicator.
    func buildEdition(req: Request) async throws -> Response {
        let report = try await Self.report(req)
        let issues = report.problems(knownIndicators: Set(try await req.indicatorStore.indicators().map(\.code)))
        guard issues.isEmpty else { return HTMLResponse(try await builderPage(req, report, issues: issues)).response(status: .unprocessableEntity) }
        let edition = ReportEdition(id: UUID(), reportID: report.id, number: 0, report: report, snapshot: try await Self.snapshot(req, report: report),
                                    builtBy: try await req.requireUser().id.uuidString.lowercased())
        // What the edition shows and hides joins the disclosure ledger when it is published.
        try await PublicFigures.prepareEdition(edition.id, indicators: Set(report.blocks.flatMap(\.kind.indicatorCodes)), store: req.indicatorStore,
                                               spatial: req.spatial, ledger: req.disclosureLedger, at: edition.snapshot.builtAt)
        let stored = try await req.reportStore.create(edition, actor: try await req.auditActor(), at: req.settings.clock.now())
        return req.redirect(to: ReportRoute.edition(report.id, stored.number), notice: .created)
    }

    /// The fields of the small forms: the item moved or removed, the direction, a confirmation, a body.
    struct ItemForm: Content {
        var item: String?
        var direction: String?
        var confirm: String?
        var body: String?
    }

    /// Moves a chapter, section or block one place up or down.
    func move(req: Request) async throws -> Response {
        let form = try req.content.decode(ItemForm.self)
        guard let id = form.item.flatMap(UUID.init(uuidString:)) else { throw Abort(.badRequest, reason: "item: not an id") }
        guard let offset = ["up": -1, "down": 1][form.direction ?? ""] else { throw Abort(.badRequest, reason: "direction: up or down") }
        var report = try await Self.report(req)
        guard report.blocks.contains(where: { $0.id == id }) || report.chapters.contains(where: { $0.id == id || $0.sections.contains { $0.id == id } }) else {
            throw Abort(.notFound)
        }
        guard report.move(id, by: offset) else { return req.redirect(to: ReportRoute.builder(report.id), notice: .unchanged) }
        try await req.reportStore.save(report, actor: try await req.auditActor(), at: req.settings.clock.now())
        return req.redirect(to: ReportRoute.builder(report.id), notice: .saved)
    }

    /// Deletes a report that has no published edition, after the confirmation.
    func delete(req: Request) async throws -> Response {
        let report = try await Self.report(req)
        guard try req.content.decode(ItemForm.self).confirm == "ja" else {
            return HTMLResponse(try await builderPage(req, report, issues: [ValidationIssue("confirm", .required)])).response(status: .unprocessableEntity)
        }
        do {
            try await req.reportStore.delete(reportID: report.id, actor: try await req.auditActor(), at: req.settings.clock.now())
        } catch ReportStoreError.published {
            throw Abort(.conflict, reason: "a report with a published edition is kept")
        }
        return req.redirect(to: ReportRoute.manage, notice: .deleted)
    }

    struct RenameForm: Content {
        var item: String?
        var title: String?
    }

    /// A new title for a chapter or section, or a new caption for a block.
    func rename(req: Request) async throws -> Response {
        let form = try req.content.decode(RenameForm.self)
        guard let id = form.item.flatMap(UUID.init(uuidString:)) else { throw Abort(.badRequest, reason: "item: not an id") }
        let title = (form.title ?? "").trimmingCharacters(in: .whitespaces)
        return try await change(req) { report in
            guard !title.isEmpty, title.count <= 300 else { return [ValidationIssue("title", title.isEmpty ? .required : .tooLong(max: 300))] }
            guard report.rename(id, to: title) else { throw Abort(.notFound) }
            return []
        }
    }

    /// Title, reporting date and territorial status; the next edition is built with them, earlier ones keep theirs.
    func saveFacts(req: Request) async throws -> Response {
        let form = try req.content.decode(NewForm.self)
        var report = try await Self.report(req)
        let (title, reporting, status, issues) = Self.facts(form)
        guard let reporting, let status, issues.isEmpty else {
            let values = ["title": form.title ?? "", "reportingDate": form.reportingDate ?? "", "territorialStatus": form.territorialStatus ?? ""]
            return HTMLResponse(try await builderPage(req, report, issues: issues, values: values)).response(status: .unprocessableEntity)
        }
        report.title = title
        report.reportingDate = reporting
        report.territorialStatus = status
        try await req.reportStore.save(report, actor: try await req.auditActor(), at: req.settings.clock.now())
        return req.redirect(to: ReportRoute.builder(report.id), notice: .saved)
    }

    /// Removes a chapter or section with all it holds (after the confirmation) or a block.
    func remove(req: Request) async throws -> Response {
        let form = try req.content.decode(ItemForm.self)
        guard let id = form.item.flatMap(UUID.init(uuidString:)) else { throw Abort(.badRequest, reason: "item: not an id") }
        return try await change(req) { report in
            let isBlock = report.blocks.contains { $0.id == id }
            if !isBlock, form.confirm != "ja" { return [ValidationIssue("confirm", .required)] }
            guard report.remove(id) != nil else { throw Abort(.notFound) }
            return []
        }
    }

    /// Puts a draft edition out for comment: a (non-public) paper of the chosen body with the report's text and,
    /// where the PDF can be made, the whole draft as its attachment; the consultation itself is opened on the paper.
    func review(req: Request) async throws -> Response {
        guard try await req.may(.manageParticipation) else { throw Abort(.forbidden) }
        var edition = try await Self.edition(req)
        guard edition.publishedAt == nil else { throw Abort(.conflict, reason: "a published edition is final; build a new edition for comment") }
        if let existing = edition.reviewPaperID { return req.redirect(to: ParticipationRoute.paper(existing), notice: .unchanged) }
        let store = req.participationStore
        let bodies = try await store.all(.body, as: Body.self).map(\.value)
        let chosen = try req.content.decode(ItemForm.self).body.flatMap(UUID.init(uuidString:))
        guard let body = chosen.flatMap({ id in bodies.first { $0.id == id } }) else {
            return HTMLResponse(try await builderPage(req, edition.report, issues: [ValidationIssue("body", .required)])).response(status: .unprocessableEntity)
        }
        let papers = try await store.all(.paper, as: Paper.self).map(\.value.reference)
        var reference = "SB-\(edition.report.reportingDate.year)-\(edition.number)"
        var suffix = 1
        while papers.contains(reference) { suffix += 1; reference = "SB-\(edition.report.reportingDate.year)-\(edition.number)-\(suffix)" }
        let actor = try await req.auditActor(), now = req.settings.clock.now()
        // Without WeasyPrint the paper carries the text alone and says so.
        let documents = req.pdfDocuments
        var pdf: Data?
        if documents.renderer.isAvailable {
            pdf = try await documents.data(nil, name: reference, logger: req.logger) { [edition] in try await Self.printHTML(req, edition, language: .de) }
        }
        let paper = Paper(id: UUID(), reference: reference, title: "Entwurf: " + edition.report.title + " (Ausgabe \(edition.number))", type: .planningReport,
                          date: req.settings.clock.today, originator: "Sozialplanung", isPublic: false)
        try await store.save(.paper, id: paper.id, paper, label: paper.title, bodyID: body.id, actor: actor, at: now)
        try await store.save(.paperVersion, id: UUID(), PaperVersion(paperID: paper.id, number: 1, text: Self.reviewText(edition, withPDF: pdf != nil), createdAt: now,
                                                                     createdBy: actor.label),
                             label: reference + " v1", bodyID: body.id, actor: actor, at: now)
        if let pdf {
            try await store.addAttachment(Attachments.attachment(pdf, paperID: paper.id, fileName: "entwurf-sozialbericht-\(edition.number).pdf",
                                                                     mediaType: "application/pdf", at: now, by: actor), content: pdf, actor: actor)
        }
        edition.reviewPaperID = paper.id
        try await req.reportStore.save(edition, actor: actor, at: now)
        return req.redirect(to: ParticipationRoute.paper(paper.id), notice: .created)
    }

    /// The draft as plain text for the paper: numbered chapters and sections with their text, each figure and table
    /// by number and caption with its generated sentences, so statements can name "2.1" or "Abbildung 3".
    static func reviewText(_ edition: ReportEdition, withPDF: Bool) -> String {
        let report = edition.report
        let numbers = report.numbering()
        var lines = ["Entwurf des Sozialberichts „\(report.title)“, Ausgabe \(edition.number), Berichtsstand \(FigureDescription.dayText(report.reportingDate)). "
                     + (withPDF ? "Die vollständige Fassung mit allen Abbildungen und Tabellen liegt als PDF bei." : "Abbildungen und Tabellen sind mit Nummer und Titel genannt."), ""]
        for (c, chapter) in report.chapters.enumerated() {
            lines.append("\(c + 1) \(chapter.title)")
            for (s, section) in chapter.sections.enumerated() {
                lines.append("\(c + 1).\(s + 1) \(section.title)")
                let text = report.resolvingReferences(in: section.text, figureWord: "Abbildung", tableWord: "Tabelle")
                if !text.isEmpty { lines.append(text) }
                for block in section.blocks {
                    let label = numbers[block.id].map { ($0.isFigure ? "Abbildung " : "Tabelle ") + "\($0.number): " } ?? ""
                    lines.append("– " + label + block.caption)
                    if let summary = edition.snapshot.table(for: block.id)?.summary, !summary.isEmpty { lines.append("  " + summary) }
                }
            }
            lines.append("")
        }
        return lines.joined(separator: "\n")
    }

    /// Computes the social index of a block for every reference date where its indicators have values and keeps it
    /// in the catalogue: a variable with the index values (no count, so no disclosure control applies; the inputs
    /// are already the published values) and an indicator showing it, whose definition states the method.
    func adoptIndex(req: Request) async throws -> Response {
        let report = try await Self.report(req)
        let blockID = try FundingData.uuid(req, "block")
        guard let block = report.blocks.first(where: { $0.id == blockID }), case .socialIndex(let method) = block.kind else { throw Abort(.notFound) }
        let snapshot = try await Self.snapshot(req, report: report, blocks: [block])
        let series = SocialIndexSeries.compute(method, snapshot: snapshot)
        guard !series.isEmpty else {
            return HTMLResponse(try await builderPage(req, report, issues: [ValidationIssue("components", .unknownValue(method.name))])).response(status: .unprocessableEntity)
        }
        let code = SocialIndexSeries.code(for: method.name)
        let names = method.components.map { snapshot.indicators[$0.indicatorCode]?.name ?? $0.indicatorCode }
        let actor = try await req.auditActor(), now = req.settings.clock.now()
        let variable = Variable(code: code, nameDE: method.name, nameEN: method.name, unit: "Indexpunkte", source: "Berechnet aus dem Indikatorenkatalog (Sozialindex)",
                                licence: snapshot.indicators.values.first?.licence ?? "", isCount: false)
        var indicator = Indicator(code: code, nameDE: method.name, nameEN: method.name, definitionDE: SocialIndexSeries.methodText(method, names: names),
                                  definitionEN: SocialIndexSeries.methodText(method, names: names), topic: .poverty, numerator: [IndicatorTerm(variable: code)],
                                  polarity: .higherIsWorse, decimals: 2, levels: [SpatialLevel.municipality.code])
        if let existing = try await req.indicatorStore.indicator(code: code) { indicator.topic = existing.topic }
        let observations = series.map { Observation(code, $0.unitKey, $0.date, $0.value) }
        // Variable, indicator and values together or not at all.
        try await req.db.transaction { [indicator] db in
            let store = IndicatorStore(database: db)
            try await store.save(variable, actor: actor, at: now)
            try await store.save(indicator, actor: actor, at: now)
            let runID = UUID()
            try await store.stage(importID: runID, observations)
            _ = try await store.commitStaged(importID: runID, dryRun: false, at: now) { outcome in
                AuditEntry(id: UUID(), at: now, actor: actor, action: .importData, entityType: AuditEntity.dataImport, entityID: runID.uuidString, entityLabel: method.name,
                           changes: [FieldChange(field: "inserted", before: nil, after: String(outcome.inserted)),
                                     FieldChange(field: "revised", before: nil, after: String(outcome.revised))])
            }
        }
        return req.redirect(to: "/indikatoren/" + code, notice: .saved)
    }

    func publish(req: Request) async throws -> Response {
        var edition = try await Self.edition(req)
        guard try req.content.decode(ItemForm.self).confirm == "ja" else {
            return HTMLResponse(try await builderPage(req, try await Self.report(req), issues: [ValidationIssue("confirm", .required)])).response(status: .unprocessableEntity)
        }
        guard edition.publishedAt == nil else { return req.redirect(to: ReportRoute.edition(edition.reportID, edition.number), notice: .unchanged) }
        // Figures of the same variables released since the edition was built were decided without it: together they
        // could narrow a hidden figure. The edition is built anew instead.
        let ledger = req.disclosureLedger, source = DisclosureLedger.editionSource(edition.id)
        let used = Set(try await req.indicatorStore.indicators().filter { Set(edition.report.blocks.flatMap(\.kind.indicatorCodes)).contains($0.code) }.flatMap(\.variables))
        if let prepared = try await ledger.preparedAt(source: source), let later = try await ledger.latestRelease(variables: used, excluding: source), later > prepared {
            return HTMLResponse(try await builderPage(req, try await Self.report(req), issues: [ValidationIssue("edition", .outdatedEdition)])).response(status: .conflict)
        }
        edition.publishedAt = req.settings.clock.now()
        try await req.reportStore.save(edition, actor: try await req.auditActor(), at: req.settings.clock.now())
        try await ledger.publish(source: source, at: edition.publishedAt!)
        return req.redirect(to: ReportRoute.edition(edition.reportID, edition.number), notice: .saved)
    }
}
