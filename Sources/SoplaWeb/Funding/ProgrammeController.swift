import Foundation
import SoplaApp
import SoplaCore
import SoplaFormats
import SoplaRender
import SoplaStore
import Vapor

/// Funding programmes: the county creates and changes them (criteria, checklist, budget lines), sees their
/// applications and the ranking with the funding line.
struct ProgrammeController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let manage = RoutePermission(.manageFunding)
        let p = FundingRoute.self
        routes.on(.GET, p.overview, manage, use: overview)
        routes.on(.GET, p.programmeNew, manage, use: newProgramme)
        routes.on(.POST, p.programmes, manage, use: create)
        routes.on(.GET, p.programme, manage, use: show)
        routes.on(.GET, p.programmeEdit, manage, use: edit)
        routes.on(.POST, p.programme, manage, use: update)
        routes.on(.GET, p.ranking, manage, use: ranking)
        routes.on(.GET, p.rankingCSV, manage, use: rankingCSV)
    }

    func overview(req: Request) async throws -> HTMLResponse {
        let year = req.settings.clock.today.year + 1
        let committed = try await req.fundingStore.committed()
        let applications = try await req.fundingStore.all(.application, as: FundingApplication.self).map(\.value)
        let rows = try await FundingData.programmes(req).map { p in
            // The year the programme plans for: the next one if it has lines for it, else its latest.
            let planYear = p.budgetLines.contains { $0.year == year } ? year : (p.budgetLines.map(\.year).max() ?? year)
            return FundingOverviewPage.Row(programme: p, budget: p.budget(year: planYear),
                                           committed: p.budgetLines.filter { $0.year == planYear }.sum { committed[$0.id] ?? .zero },
                                           applications: applications.filter { $0.programmeID == p.id }.count)
        }
        return HTMLResponse(FundingOverviewPage.render(rows, year: year, context: try await req.pageContext(showNotice: true)))
    }

    static func guidelines(_ req: Request) async throws -> [(id: UUID, title: String)] {
        try await req.participationStore.all(.paper, as: Paper.self).map(\.value)
            .filter { [.guideline, .awardCriteria, .applicationChecklist].contains($0.type) }
            .sorted { $0.date > $1.date }.map { ($0.id, $0.reference + " – " + $0.title) }
    }

    func formModel(_ req: Request, programmeID: UUID?, values: [String: String], selected: Set<String>, issues: [ValidationIssue]) async throws -> ProgrammeFormPage.Model {
        ProgrammeFormPage.Model(programmeID: programmeID, values: values, issues: issues, guidelines: try await Self.guidelines(req),
                                categories: try await FundingData.categories(req), selectedCategories: selected)
    }

    func newProgramme(req: Request) async throws -> HTMLResponse {
        let year = req.settings.clock.today.year
        let values = ["source": FundingSource.county.rawValue, "preventivePriority": "ja", "callOpens": req.settings.clock.today.iso, "callCloses": "\(year)-12-31",
                      "criteria": "Bedarf im Sozialraum; 40; 5\nFachliches Konzept; 35; 5\nWirtschaftlichkeit; 25; 5",
                      "checklist": "Pflicht; Dokument; Konzept der Maßnahme\nPflicht; Dokument; Kosten- und Finanzierungsplan (unterschrieben)\noptional; Frage; Kooperationspartner"]
        return HTMLResponse(ProgrammeFormPage.render(try await formModel(req, programmeID: nil, values: values, selected: [], issues: []), context: try await req.pageContext()))
    }

    struct Form: Content {
        var name: String?
        var legalBasis: String?
        var source: String?
        var guideline: String?
        var callOpens: String?
        var callCloses: String?
        var criteria: String?
        var checklist: String?
        var budgetLines: String?
        var categories: [String]?
        var preventivePriority: String?

        var values: [String: String] {
            ["name": name ?? "", "legalBasis": legalBasis ?? "", "source": source ?? "", "guideline": guideline ?? "", "callOpens": callOpens ?? "",
             "callCloses": callCloses ?? "", "criteria": criteria ?? "", "checklist": checklist ?? "", "budgetLines": budgetLines ?? "",
             "preventivePriority": preventivePriority ?? "nein"]
        }
    }

    /// Reads the form into a programme, keeping the ids of criteria, checklist items and budget lines that stay.
    func programme(from form: Form, id: UUID, existing: FundingProgramme?, req: Request) async throws -> (FundingProgramme?, [ValidationIssue]) {
        var issues: [ValidationIssue] = []
        let source = FundingSource(rawValue: form.source ?? "") ?? { issues.append(ValidationIssue("source", .unknownValue(String((form.source ?? "").prefix(30))))); return .other }()
        let opens = FormDay.read(form.callOpens, field: "callOpens", into: &issues), closes = FormDay.read(form.callCloses, field: "callCloses", into: &issues)
        let criteria = FundingEntry.criteria(form.criteria ?? "", existing: existing?.criteria ?? [])
        let checklist = FundingEntry.checklist(form.checklist ?? "", existing: existing?.checklist ?? [])
        let lines = FundingEntry.budgetLines(form.budgetLines ?? "", existing: existing?.budgetLines ?? [])
        issues += criteria.issues + checklist.issues + lines.issues
        let known = Set(try await FundingData.categories(req).map(\.code))
        let categories = Set(form.categories ?? [])
        for unknown in categories.subtracting(known).sorted() { issues.append(ValidationIssue("categories", .unknownValue(String(unknown.prefix(40))))) }
        for line in lines.values where line.categoryID.map({ !known.contains($0) }) ?? false { issues.append(ValidationIssue("budgetLines", .unknownValue(line.categoryID!))) }
        var guidelineID: UUID?, guidelineVersion: Int?
        if let raw = ServiceForm.clean(form.guideline) {
            let papers = try await Self.guidelines(req)
            if let id = UUID(uuidString: raw), papers.contains(where: { $0.id == id }) {
                guidelineID = id
                guidelineVersion = try await req.participationStore.all(.paperVersion, as: PaperVersion.self).map(\.value).filter { $0.paperID == id }.map(\.number).max()
            } else { issues.append(ValidationIssue("guideline", .unknownReference)) }
        }
        guard let opens, let closes else { return (nil, issues) }
        let draft = FundingProgramme(id: id, name: form.name ?? "", legalBasis: (form.legalBasis ?? "").trimmingCharacters(in: .whitespaces), source: source,
                                     guidelinePaperID: guidelineID, guidelineVersion: guidelineVersion, criteria: criteria.values, checklist: checklist.values,
                                     budgetLines: lines.values, callOpens: opens, callCloses: closes, eligibleCategories: categories.intersection(known),
                                     preventivePriority: form.preventivePriority == "ja")
        let programme: FundingProgramme
        do { programme = try draft.validated() } catch { return (nil, issues + error.issues) }
        let others = try await FundingData.programmes(req).filter { $0.id != id }
        if others.contains(where: { $0.name == programme.name }) { issues.append(ValidationIssue("name", .duplicate)) }
        // A budget line that already committed money cannot go away. (A line that could not be read is named as such
        // above, not a second time as removed.)
        if let existing, lines.issues.isEmpty {
            let committed = try await req.fundingStore.committed()
            for line in existing.budgetLines where !programme.budgetLines.contains(where: { $0.id == line.id }) && (committed[line.id] ?? .zero).cents > 0 {
                issues.append(ValidationIssue("budgetLines", .belowCommitted(line: line.name + " (\(line.year))", committed: committed[line.id] ?? .zero)))
            }
        }
        return (issues.isEmpty ? programme : nil, issues)
    }

    func save(req: Request, id: UUID, existing: FundingProgramme?) async throws -> Response {
        let (form, unreadable) = try req.formKeepingInput(Form.self)
        var (programme, issues) = try await programme(from: form, id: id, existing: existing, req: req)
        if !unreadable.isEmpty { (programme, issues) = (nil, unreadable + issues) }
        guard let programme else {
            let page = ProgrammeFormPage.render(try await formModel(req, programmeID: existing?.id, values: form.values, selected: Set(form.categories ?? []), issues: issues),
                                                context: try await req.pageContext())
            return HTMLResponse(page).response(status: issues.contains { $0.problem == .duplicate && $0.field == "name" } ? .conflict : .unprocessableEntity)
        }
        do {
            try await req.fundingStore.saveProgramme(programme, actor: try await req.auditActor(), at: req.settings.clock.now())
        } catch FundingStoreError.budgetBelowCommitted(let line, let committed) {
            let issue = ValidationIssue("budgetLines", .belowCommitted(line: line, committed: committed))
            let page = ProgrammeFormPage.render(try await formModel(req, programmeID: existing?.id, values: form.values, selected: Set(form.categories ?? []), issues: [issue]),
                                                context: try await req.pageContext())
            return HTMLResponse(page).response(status: .conflict)
        }
        return req.redirect(to: FundingRoute.programme(programme.id), notice: existing == nil ? .created : .saved)
    }

    func create(req: Request) async throws -> Response {
        try await save(req: req, id: UUID(), existing: nil)
    }

    func update(req: Request) async throws -> Response {
        let existing = try await FundingData.programme(req, id: try FundingData.uuid(req, "programme"))
        return try await save(req: req, id: existing.id, existing: existing)
    }

    func edit(req: Request) async throws -> HTMLResponse {
        let p = try await FundingData.programme(req, id: try FundingData.uuid(req, "programme"))
        let values = ["name": p.name, "legalBasis": p.legalBasis, "source": p.source.rawValue, "guideline": p.guidelinePaperID?.uuidString.lowercased() ?? "",
                      "callOpens": p.callOpens.iso, "callCloses": p.callCloses.iso, "criteria": FundingEntry.criteriaText(p.criteria),
                      "checklist": FundingEntry.checklistText(p.checklist), "budgetLines": FundingEntry.budgetLinesText(p.budgetLines),
                      "preventivePriority": p.preventivePriority ? "ja" : "nein"]
        return HTMLResponse(ProgrammeFormPage.render(try await formModel(req, programmeID: p.id, values: values, selected: p.eligibleCategories, issues: []),
                                                     context: try await req.pageContext()))
    }

    func show(req: Request) async throws -> HTMLResponse {
        let p = try await FundingData.programme(req, id: try FundingData.uuid(req, "programme"))
        let names = try await FundingData.organisationNames(req)
        let applications = try await req.fundingStore.all(.application, as: FundingApplication.self, parentID: p.id).map(\.value)
            .sorted { ($0.year, $0.title) > ($1.year, $1.title) }.map { (application: $0, organisation: names[$0.organisationID] ?? "–") }
        let guideline = try await p.guidelinePaperID.asyncMap { try await req.participationStore.one(.paper, id: $0, as: Paper.self)?.value } ?? nil
        let model = ProgrammePage.Model(programme: p, guideline: guideline.map { ($0.reference + " – " + $0.title, ParticipationRoute.paper($0.id)) },
                                        committed: try await req.fundingStore.committed(), applications: applications,
                                        categories: Dictionary(try await FundingData.categories(req).map { ($0.code, $0.name) }, uniquingKeysWith: { a, _ in a }))
        return HTMLResponse(ProgrammePage.render(model, context: try await req.pageContext(showNotice: true)))
    }

    /// Applications of a year that have reached review, ranked; the budget is the year's lines (`RankingService`).
    func rankingModel(_ req: Request) async throws -> RankingPage.Model {
        let p = try await FundingData.programme(req, id: try FundingData.uuid(req, "programme"))
        let result = try await RankingService(funding: req.fundingStore).ranking(of: p, year: try? req.query.get(Int.self, at: "jahr"), today: req.settings.clock.today)
        let names = try await FundingData.organisationNames(req)
        return RankingPage.Model(programme: p, year: result.year, years: result.years, budget: result.budget, entries: result.entries,
                                 organisations: result.applications.mapValues { names[$0.organisationID] ?? "–" }, states: result.applications.mapValues(\.state))
    }

    func ranking(req: Request) async throws -> HTMLResponse {
        HTMLResponse(RankingPage.render(try await rankingModel(req), context: try await req.pageContext()))
    }

    func rankingCSV(req: Request) async throws -> Response {
        let model = try await rankingModel(req)
        let rows = model.entries.enumerated().map { index, e in
            [GermanCSV.integer(index + 1), e.applicationID.uuidString.lowercased(), e.title, model.organisations[e.applicationID] ?? "", GermanCSV.yesNo(e.preventive),
             GermanCSV.number(e.score, decimals: 3), GermanCSV.euros(e.amount), GermanCSV.euros(e.cumulative), GermanCSV.yesNo(e.fundable),
             model.states[e.applicationID].map { FundingNames.state($0, Texts(.de)) } ?? "", e.outside.map { FundingNames.outside($0, Texts(.de)) } ?? ""]
        }
        return CSVDownload.response(CSV.write(header: ["Rang", "ID", "Titel", "Organisation", "präventiv", "Punktzahl", "Betrag (EUR)", "kumuliert (EUR)",
                                                                     "förderfähig", "Status", "Grund für Platz unter der Linie"], rows: rows), filename: "rangfolge-\(model.year).csv")
    }
}
