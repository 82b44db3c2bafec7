import Foundation
import SoplaCore
import SoplaFormats
import SoplaRender
import SoplaStore
import Vapor

/// Grant agreements from approved applications: the grant notice, drawdowns (requested by the provider, approved and
/// paid by the county, never beyond the agreed sum), proofs of use with repayment, and the yearly quality dialogue.
struct AgreementController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let p = FundingRoute.self
        let manage = RoutePermission(.manageFunding)
        routes.on(.POST, p.applicationAgreement, manage, use: create)
        routes.on(.GET, p.agreements, manage, use: list)
        routes.on(.GET, p.agreementsCSV, manage, use: csv)
        routes.on(.GET, p.agreement, manage, use: show)
        routes.on(.POST, p.drawdown, manage, use: decideDrawdown)
        routes.on(.POST, p.proofReview, manage, use: reviewProof)
        routes.on(.POST, p.dialogues, manage, use: createDialogue)
        routes.on(.GET, p.dialogue, manage, use: dialogue)
        let apply = RoutePermission(.applyForFunding, scope: .organisationParameter)
        routes.on(.GET, p.ownAgreement, apply, use: showOwn)
        routes.on(.POST, p.ownDrawdowns, apply, use: requestDrawdown)
        routes.on(.POST, p.ownProofs, apply, use: submitProof)
    }

    struct AgreementForm: Content {
        var reference: String?
        var start: String?
        var end: String?
        var financing: String?
        var sharePercent: String?
        var amounts: String?
        var targets: String?
        var targetUnit: String?
        var qualityStandards: String?
        var conditions: String?
    }

    func create(req: Request) async throws -> Response {
        let a = try await FundingData.application(req)
        guard a.state.commitsMoney else { throw Refusal(.conflict, "Eine Vereinbarung entsteht nur aus einem bewilligten Antrag.", "Only an approved application becomes an agreement.") }
        let store = req.fundingStore
        if let existing = try await store.all(.agreement, as: GrantAgreement.self, organisationID: a.organisationID).first(where: { $0.value.applicationID == a.id }) {
            return req.redirect(to: FundingRoute.agreement(existing.id), notice: .unchanged)
        }
        let (form, unreadable) = try req.formKeepingInput(AgreementForm.self)
        let values = ["reference": form.reference ?? "", "start": form.start ?? "", "end": form.end ?? "", "financing": form.financing ?? "",
                      "sharePercent": form.sharePercent ?? "", "amounts": form.amounts ?? "", "targets": form.targets ?? "", "targetUnit": form.targetUnit ?? "",
                      "qualityStandards": form.qualityStandards ?? "", "conditions": form.conditions ?? ""]
        var issues: [ValidationIssue] = unreadable
        let start = FormDay.read(form.start, field: "start", into: &issues), end = FormDay.read(form.end, field: "end", into: &issues)
        let financing = FinancingType(rawValue: form.financing ?? "") ?? { issues.append(ValidationIssue("financing", .unknownValue(String((form.financing ?? "").prefix(20))))); return .shortfall }()
        let (amounts, amountIssues) = FundingEntry.yearAmounts(form.amounts ?? "")
        issues += amountIssues
        // An agreement never promises more per year than was granted.
        if let granted = a.granted, let over = amounts.first(where: { $0.value > granted }) {
            issues.append(ValidationIssue("amounts", .moreThanGranted(year: over.key, amount: over.value, granted: granted)))
        }
        let unit = ServiceForm.clean(form.targetUnit)
        if let unit, try await req.spatial.unit(key: unit) == nil { issues.append(ValidationIssue("targetUnit", .unknownReference)) }
        let targets = FundingEntry.targets(form.targets ?? "", referenceDate: end ?? req.settings.clock.today)
        issues += targets.issues
        let indicators = Set(try await req.indicatorStore.indicators().map(\.code))
        for code in targets.values.compactMap(\.indicatorCode) where !indicators.contains(code) { issues.append(ValidationIssue("targets", .unknownValue(code))) }
        guard let start, let end, issues.isEmpty else {
            return try await applicationPage(req, a, values: values, issues: issues)
        }
        let draft = GrantAgreement(id: UUID(), reference: (form.reference ?? "").trimmingCharacters(in: .whitespaces), programmeID: a.programmeID, applicationID: a.id,
                                   organisationID: a.organisationID, serviceIDs: a.serviceIDs, start: start, end: end, financing: financing,
                                   sharePercent: Int(form.sharePercent ?? ""), amounts: amounts,
                                   targets: targets.values.map { var t = $0; t.spatialUnitKey = unit; return t },
                                   qualityStandards: (form.qualityStandards ?? "").split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty },
                                   conditions: (form.conditions ?? "").trimmingCharacters(in: .whitespacesAndNewlines))
        let agreement: GrantAgreement
        do { agreement = try draft.validated() } catch { return try await applicationPage(req, a, values: values, issues: error.issues) }
        if try await store.all(.agreement, as: GrantAgreement.self).contains(where: { $0.value.reference == agreement.reference }) {
            return try await applicationPage(req, a, values: values, issues: [ValidationIssue("reference", .duplicate)], status: .conflict)
        }
        // Further years commit the budget line of the same name in their year (the approval committed the first).
        let programme = try await FundingData.programme(req, id: a.programmeID)
        let lineName = programme.budgetLines.first { $0.id == a.budgetLineID }?.name
        var commitLines: [Int: UUID] = [:]
        for year in agreement.amounts.keys.sorted() where year != a.year {
            let lines = programme.budgetLines.filter { $0.year == year }
            guard let line = lines.first(where: { $0.name == lineName }) ?? (lines.count == 1 ? lines[0] : nil) else {
                return try await applicationPage(req, a, values: values, issues: [ValidationIssue("amounts", .noBudgetLine(year: year))])
            }
            commitLines[year] = line.id
        }
        do {
            try await store.saveAgreement(agreement, commitLines: commitLines, actor: try await req.auditActor(), at: req.settings.clock.now())
        } catch FundingStoreError.budgetExceeded(let available) {
            return try await applicationPage(req, a, values: values, issues: [ValidationIssue("amounts", .moreThanAvailable(available: available))], status: .conflict)
        }
        return req.redirect(to: FundingRoute.agreement(agreement.id), notice: .created)
    }

    func applicationPage(_ req: Request, _ a: FundingApplication, values: [String: String], issues: [ValidationIssue], status: HTTPResponseStatus = .unprocessableEntity) async throws -> Response {
        let model = try await FundingData.applicationModel(req, a, viewer: .planner, values: values, issues: issues)
        return HTMLResponse(ApplicationPage.render(model, context: try await req.pageContext())).response(status: status)
    }

    /// The list's page (search, programme, sort, page from the query), or every agreement for the CSV.
    func rows(_ req: Request, whole: Bool = false) async throws -> AgreementListPage.Model {
        let perPage = whole ? 1_000_000 : AgreementListPage.perPage
        let names = try await FundingData.organisationNames(req)
        let programmes = try await FundingData.programmes(req)
        let programmeNames = Dictionary(programmes.map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a })
        let search = String(((try? req.query.get(String.self, at: "suche")) ?? "").trimmingCharacters(in: .whitespaces).prefix(100))
        let programmeID = UUID(uuidString: (try? req.query.get(String.self, at: "programm")) ?? "").flatMap { id in programmeNames[id] != nil ? id : nil }
        let orders: [String: AgreementOrder] = ["aktenzeichen": .reference, "organisation": .organisation, "programm": .programme, "beginn": .start]
        let sort = (try? req.query.get(String.self, at: "sortierung")).flatMap { orders[$0] != nil ? $0 : nil }
        let descending = (try? req.query.get(String.self, at: "richtung")) == "ab"
        var listState = ListState(path: FundingRoute.agreements(), filters: ["suche": search, "programm": programmeID.map { $0.uuidString.lowercased() } ?? ""],
                                  sort: sort, descending: descending, page: whole ? 1 : (try? req.query.get(Int.self, at: "seite")) ?? 1)
        func read(_ page: Int) async throws -> RecordPage<GrantAgreement> {
            try await req.fundingStore.agreements(programmeID: programmeID, search: search, order: orders[sort ?? "aktenzeichen"] ?? .reference,
                                                  descending: descending, page: page, perPage: perPage)
        }
        var page = try await read(listState.page)
        if let last = Paging.lastPage(total: page.total, perPage: perPage, asked: listState.page, found: page.items.count) {
            listState = listState.onPage(last)
            page = try await read(last)
        }
        return AgreementListPage.Model(rows: page.items.map { ($0, names[$0.organisationID] ?? "–", programmeNames[$0.programmeID] ?? "–") }, total: page.total,
                                       programmes: programmes.map { ($0.id, $0.name) }, state: listState)
    }

    func list(req: Request) async throws -> HTMLResponse {
        HTMLResponse(AgreementListPage.render(try await rows(req), context: try await req.pageContext()))
    }

    func csv(req: Request) async throws -> Response {
        let lines = try await rows(req, whole: true).rows.flatMap { row in
            row.agreement.amounts.keys.sorted().map { year in
                [row.agreement.reference, row.organisation, row.programme, GermanCSV.day(row.agreement.start), GermanCSV.day(row.agreement.end),
                 FundingNames.financing(row.agreement.financing, Texts(.de)), String(year), GermanCSV.euros(row.agreement.amounts[year])]
            }
        }
        return CSVDownload.response(CSV.write(header: ["Aktenzeichen", "Organisation", "Programm", "Beginn", "Ende", "Finanzierungsart", "Jahr", "Betrag (EUR)"], rows: lines),
                                                  filename: "vereinbarungen.csv")
    }

    func model(_ req: Request, _ a: GrantAgreement, applicant: UUID?, values: [String: String] = [:], issues: [ValidationIssue] = []) async throws -> AgreementPage.Model {
        let store = req.fundingStore
        let names = try await FundingData.organisationNames(req)
        let programme = try await FundingData.programme(req, id: a.programmeID)
        let drawdowns = try await store.all(.drawdown, as: Drawdown.self, parentID: a.id).map(\.value)
        let proofs = try await store.all(.proof, as: ProofOfUse.self, parentID: a.id).map(\.value).sorted { $0.year < $1.year }.map { proof in
            let paid = drawdowns.filter { $0.year == proof.year && $0.state == .paid }.sum(\.amount)
            let entitlement = Repayment.entitlement(agreed: a.amounts[proof.year] ?? .zero, financing: a.financing, sharePercent: a.sharePercent,
                                                    actualCosts: proof.actualCosts, ownFunds: proof.ownFunds, otherFunding: proof.otherFunding)
            return AgreementPage.ProofRow(proof: proof, paid: paid, entitlement: entitlement, repayment: Repayment.claim(paid: paid, entitlement: entitlement), problems: proof.problems())
        }
        let services = try await req.serviceStore.services().map(\.service)
        return AgreementPage.Model(agreement: a, programme: programme.name, organisation: names[a.organisationID] ?? "–",
                                   serviceNames: a.serviceIDs.compactMap { id in services.first { $0.id == id }?.name }, drawdowns: drawdowns.sorted { $0.requestedAt < $1.requestedAt },
                                   proofs: proofs, dialogues: try await store.all(.dialogue, as: QualityDialogue.self, parentID: a.id).map(\.value),
                                   applicant: applicant, values: values, issues: issues, notices: try await store.notices(agreementID: a.id))
    }

    func show(req: Request) async throws -> HTMLResponse {
        HTMLResponse(AgreementPage.render(try await model(req, try await FundingData.agreement(req), applicant: nil), context: try await req.pageContext(showNotice: true)))
    }

    func showOwn(req: Request) async throws -> HTMLResponse {
        let a = try await FundingData.ownAgreement(req)
        return HTMLResponse(AgreementPage.render(try await model(req, a, applicant: a.organisationID), context: try await req.pageContext(showNotice: true)))
    }

    struct DrawdownForm: Content {
        var year: String?
        var amount: String?
        var state: String?
    }

    func requestDrawdown(req: Request) async throws -> Response {
        let a = try await FundingData.ownAgreement(req)
        let (form, unreadable) = try req.formKeepingInput(DrawdownForm.self)
        let values = ["year": form.year ?? "", "amount": form.amount ?? ""]
        var issues: [ValidationIssue] = unreadable
        let amount = FundingData.money(form.amount, field: "amount", required: true, into: &issues)
        guard let year = Int(form.year ?? ""), a.amounts[year] != nil else {
            return try await ownPage(req, a, values: values, issues: issues + [ValidationIssue("year", .unknownValue(String((form.year ?? "").prefix(6))))])
        }
        guard let amount, issues.isEmpty else { return try await ownPage(req, a, values: values, issues: issues) }
        let user = try await req.requireUser()
        let drawdowns = try await req.fundingStore.all(.drawdown, as: Drawdown.self, parentID: a.id).map(\.value)
        if let problem = PaymentPlan.check(amount, year: year, agreement: a, drawdowns: drawdowns) {
            return try await ownPage(req, a, values: values, issues: [Self.issue(problem)], status: .conflict)
        }
        let drawdown = Drawdown(id: UUID(), agreementID: a.id, year: year, amount: amount, requestedAt: req.settings.clock.now(), requestedBy: user.id.uuidString.lowercased())
        do {
            try await req.fundingStore.saveDrawdown(drawdown, organisationID: a.organisationID, actor: try await req.auditActor(), at: req.settings.clock.now())
        } catch FundingStoreError.agreementExceeded(let available) {
            return try await ownPage(req, a, values: values, issues: [Self.issue(.exceedsAgreement(available: available))], status: .conflict)
        }
        try await Notifier(req: req).drawdown(drawdown, agreement: a)
        return req.redirect(to: FundingRoute.ownAgreement(a.organisationID, a.id), notice: .created)
    }

    static func issue(_ problem: PaymentPlan.Problem) -> ValidationIssue {
        switch problem {
        case .notPositive: return ValidationIssue("amount", .required)
        case .noAmountForYear(let year): return ValidationIssue("year", .unknownValue(String(year)))
        case .exceedsAgreement(let available): return ValidationIssue("amount", .moreThanAvailable(available: available))
        }
    }

    func ownPage(_ req: Request, _ a: GrantAgreement, values: [String: String], issues: [ValidationIssue], status: HTTPResponseStatus = .unprocessableEntity) async throws -> Response {
        HTMLResponse(AgreementPage.render(try await model(req, a, applicant: a.organisationID, values: values, issues: issues), context: try await req.pageContext())).response(status: status)
    }

    func decideDrawdown(req: Request) async throws -> Response {
        let a = try await FundingData.agreement(req)
        let id = try FundingData.uuid(req, "drawdown")
        guard var drawdown = try await req.fundingStore.one(.drawdown, id: id, as: Drawdown.self)?.value, drawdown.agreementID == a.id else { throw Abort(.notFound) }
        let read = drawdown.state
        let form = try req.content.decode(DrawdownForm.self)
        let user = try await req.requireUser()
        let problems = form.state.flatMap(Drawdown.State.init(rawValue:)).map {
            PaymentPlan.problems(moving: drawdown, to: $0, agreement: a, actor: user.id.uuidString, today: req.settings.clock.today,
                                 fourEyes: req.settings.fourEyesPayments)
        } ?? []
        guard problems.isEmpty else {
            return HTMLResponse(AgreementPage.render(try await model(req, a, applicant: nil, issues: problems), context: try await req.pageContext()))
                .response(status: .conflict)
        }
        switch (drawdown.state, form.state.flatMap(Drawdown.State.init(rawValue:))) {
        case (.requested, .approved?), (.requested, .rejected?):
            drawdown.state = form.state.flatMap(Drawdown.State.init(rawValue:))!
            drawdown.decidedBy = user.id.uuidString.lowercased()
        case (.approved, .paid?):
            drawdown.state = .paid
            drawdown.paidOn = req.settings.clock.today
        case (_, nil):
            return HTMLResponse(AgreementPage.render(try await model(req, a, applicant: nil, issues: [ValidationIssue("state", .unknownValue(String((form.state ?? "").prefix(20))))]),
                                                     context: try await req.pageContext())).response(status: .unprocessableEntity)
        case (.requested, .paid?):
            return HTMLResponse(AgreementPage.render(try await model(req, a, applicant: nil, issues: [ValidationIssue("state", .notReleased)]),
                                                     context: try await req.pageContext())).response(status: .conflict)
        default:
            // Decided or paid already (a second tab, a second click).
            return HTMLResponse(AgreementPage.render(try await model(req, a, applicant: nil, issues: [ValidationIssue("state", .inconsistent)]),
                                                     context: try await req.pageContext())).response(status: .conflict)
        }
        try await req.fundingStore.saveDrawdown(drawdown, from: read, organisationID: a.organisationID, actor: try await req.auditActor(), at: req.settings.clock.now())
        try await Notifier(req: req).drawdown(drawdown, agreement: a)
        return req.redirect(to: FundingRoute.agreement(a.id), notice: .saved)
    }

    struct ProofForm {
        var proofYear: String?
        var narrative: String?
        var costs: String?
        var ownFunds: String?
        var otherFunding: String?
        var receipts: String?
    }

    func submitProof(req: Request) async throws -> Response {
        let a = try await FundingData.ownAgreement(req)
        // The form carries one field per target (actual-<id>): read as it comes, and an unreadable field is named, not dropped.
        let fields = FormFields(req)
        let actualFields = fields.strings(prefixed: "actual-")
        let form = ProofForm(proofYear: fields["proofYear"], narrative: fields["narrative"], costs: fields["costs"], ownFunds: fields["ownFunds"],
                             otherFunding: fields["otherFunding"], receipts: fields["receipts"])
        var values = ["proofYear": form.proofYear ?? "", "narrative": form.narrative ?? "", "costs": form.costs ?? "", "ownFunds": form.ownFunds ?? "",
                      "otherFunding": form.otherFunding ?? "", "receipts": form.receipts ?? ""]
        for (key, value) in actualFields { values[key] = String(value.prefix(20)) }
        let malformed = fields.malformed(single: Set(fields.values.keys))
        guard malformed.isEmpty else { return try await ownPage(req, a, values: values, issues: malformed) }
        var issues: [ValidationIssue] = []
        guard let year = Int(form.proofYear ?? ""), a.amounts[year] != nil else {
            return try await ownPage(req, a, values: values, issues: [ValidationIssue("proofYear", .unknownValue(String((form.proofYear ?? "").prefix(6))))])
        }
        if let early = PaymentPlan.proofProblem(year: year, today: req.settings.clock.today) { return try await ownPage(req, a, values: values, issues: [early]) }
        let costs = FundingEntry.costComparisons(form.costs ?? ""), receipts = FundingEntry.receipts(form.receipts ?? "")
        issues += costs.issues + receipts.issues
        let ownFunds = FundingData.money(form.ownFunds, field: "ownFunds", required: false, into: &issues)
        let other = FundingData.money(form.otherFunding, field: "otherFunding", required: false, into: &issues)
        var actuals: [UUID: Double] = [:]
        for target in a.targets {
            let raw = (actualFields["actual-" + target.id.uuidString.lowercased()] ?? "").trimmingCharacters(in: .whitespaces)
            guard !raw.isEmpty else { continue }
            // An actual value is a figure of the same plausible size as any observed value (1e308 is none).
            switch Plausible.observationValue.parse(raw, field: "actual-" + target.id.uuidString.lowercased()) {
            case .success(let value): actuals[target.id] = value
            case .failure(let issue): issues.append(issue)
            }
        }
        let existing = try await req.fundingStore.all(.proof, as: ProofOfUse.self, parentID: a.id).first { $0.value.year == year }
        // An accepted proof is final; one sent back for rework may be submitted again.
        if let existing, existing.value.contentVerdict == .accepted && existing.value.financeVerdict == .accepted {
            return try await ownPage(req, a, values: values, issues: [ValidationIssue("proofYear", .duplicate)], status: .conflict)
        }
        let proof = ProofOfUse(id: existing?.id ?? UUID(), agreementID: a.id, year: year, narrative: (form.narrative ?? "").trimmingCharacters(in: .whitespacesAndNewlines),
                               costs: costs.values, ownFunds: ownFunds ?? .zero, otherFunding: other ?? .zero, receipts: receipts.values, actuals: actuals,
                               submittedAt: req.settings.clock.now())
        issues += proof.problems()
        guard issues.isEmpty else { return try await ownPage(req, a, values: values, issues: issues) }
        try await req.fundingStore.save(.proof, id: proof.id, proof, label: "\(a.reference) \(year)", organisationID: a.organisationID, parentID: a.id,
                                        actor: try await req.auditActor(), at: req.settings.clock.now())
        try await Notifier(req: req).proofSubmitted(proof, agreement: a)
        return req.redirect(to: FundingRoute.ownAgreement(a.organisationID, a.id), notice: .created)
    }

    struct VerdictForm: Content {
        var part: String?
        var verdict: String?
        var note: String?
    }

    func reviewProof(req: Request) async throws -> Response {
        let a = try await FundingData.agreement(req)
        let id = try FundingData.uuid(req, "proof")
        guard var proof = try await req.fundingStore.one(.proof, id: id, as: ProofOfUse.self)?.value, proof.agreementID == a.id else { throw Abort(.notFound) }
        let form = try req.content.decode(VerdictForm.self)
        guard let verdict = form.verdict.flatMap(ReviewVerdict.init(rawValue:)), ["content", "finance"].contains(form.part ?? "") else {
            throw Refusal(.unprocessableEntity, "Bitte den Teil der Prüfung (fachlich oder finanziell) und ein Ergebnis (anerkannt, nachzubessern oder abgelehnt) wählen.", "Please choose the part of the review (content or finance) and a verdict (accepted, rework or rejected).")
        }
        let note = (form.note ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        if verdict != .accepted, note.isEmpty {
            return HTMLResponse(AgreementPage.render(try await model(req, a, applicant: nil, issues: [ValidationIssue("note", .required)]), context: try await req.pageContext()))
                .response(status: .unprocessableEntity)
        }
        if form.part == "content" { proof.contentVerdict = verdict; proof.contentNote = note } else { proof.financeVerdict = verdict; proof.financeNote = note }
        try await req.fundingStore.save(.proof, id: proof.id, proof, label: "\(a.reference) \(proof.year)", organisationID: a.organisationID, parentID: a.id,
                                        actor: try await req.auditActor(), at: req.settings.clock.now())
        try await Notifier(req: req).proofVerdict(proof, part: form.part ?? "", verdict: verdict, note: note, agreement: a)
        return req.redirect(to: FundingRoute.agreement(a.id), notice: .saved)
    }

    struct DialogueForm: Content {
        var date: String?
        var participants: String?
        var agenda: String?
        var findings: String?
        var measures: String?
        var minutes: String?
    }

    static func lines(_ text: String?) -> [String] {
        (text ?? "").split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    func createDialogue(req: Request) async throws -> Response {
        let a = try await FundingData.agreement(req)
        let (form, unreadable) = try req.formKeepingInput(DialogueForm.self)
        let values = ["date": form.date ?? "", "participants": form.participants ?? "", "agenda": form.agenda ?? "", "findings": form.findings ?? "",
                      "measures": form.measures ?? "", "minutes": form.minutes ?? ""]
        var issues = unreadable
        let day = FormDay.read(form.date, field: "date", into: &issues)
        guard issues.isEmpty, let date = day else {
            return HTMLResponse(AgreementPage.render(try await model(req, a, applicant: nil, values: values, issues: issues),
                                                     context: try await req.pageContext())).response(status: .unprocessableEntity)
        }
        // The dialogue looks back on the year before its date.
        let draft = QualityDialogue(id: UUID(), agreementID: a.id, year: date.year - 1, date: date, participants: Self.lines(form.participants), agenda: Self.lines(form.agenda),
                                    findings: (form.findings ?? "").trimmingCharacters(in: .whitespacesAndNewlines), minutes: (form.minutes ?? "").trimmingCharacters(in: .whitespacesAndNewlines))
        var dialogue: QualityDialogue
        do { dialogue = try draft.validated() } catch {
            return HTMLResponse(AgreementPage.render(try await model(req, a, applicant: nil, values: values, issues: error.issues), context: try await req.pageContext()))
                .response(status: .unprocessableEntity)
        }
        let actor = try await req.auditActor(), now = req.settings.clock.now()
        // Agreed measures are tracked like every other measure, with the provider responsible; the dialogue is confidential,
        // so they stay internal until a planner publishes one.
        for title in Self.lines(form.measures) {
            let measure = Measure(id: UUID(), title: String(title.prefix(300)), responsibleOrganisation: a.organisationID,
                                  due: Day(year: date.year, month: 12, day: 31), status: .planned, dialogueID: dialogue.id)
            try await req.participationStore.save(.measure, id: measure.id, measure, label: measure.title, actor: actor, at: now)
            dialogue.measureIDs.append(measure.id)
        }
        try await req.fundingStore.save(.dialogue, id: dialogue.id, dialogue, label: "\(a.reference) \(dialogue.year)", organisationID: a.organisationID, parentID: a.id,
                                        actor: actor, at: now)
        try await Notifier(req: req).dialogueInvited(dialogue, agreement: a)
        return req.redirect(to: FundingRoute.dialogue(dialogue.id), notice: .created)
    }

    func dialogue(req: Request) async throws -> HTMLResponse {
        guard let d = try await req.fundingStore.one(.dialogue, id: try FundingData.uuid(req, "dialogue"), as: QualityDialogue.self)?.value,
              let a = try await req.fundingStore.one(.agreement, id: d.agreementID, as: GrantAgreement.self)?.value else { throw Abort(.notFound) }
        let names = try await FundingData.organisationNames(req)
        let actuals = try await req.fundingStore.all(.proof, as: ProofOfUse.self, parentID: a.id).map(\.value).first { $0.year == d.year }?.actuals ?? [:]
        let t = Texts(req.language)
        var measures: [(id: UUID, title: String, status: String)] = []
        for id in d.measureIDs {
            if let m = try await req.participationStore.one(.measure, id: id, as: Measure.self)?.value {
                measures.append((id, m.title, ParticipationNames.status(m.status, t)))
            }
        }
        return HTMLResponse(DialoguePage.render(DialoguePage.Model(dialogue: d, agreement: a, organisation: names[a.organisationID] ?? "–", actuals: actuals, measures: measures),
                                                context: try await req.pageContext(showNotice: true)))
    }
}
