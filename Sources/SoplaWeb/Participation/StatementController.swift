import Foundation
import SoplaCore
import SoplaFormats
import SoplaRender
import SoplaStore
import Vapor

/// The Stellungnahmeverfahren: members of an invited body read the paper version and submit statements until the
/// deadline; the planner answers each statement with a reason, which makes the response table (page and CSV).
struct StatementController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let p = ParticipationRoute.self
        routes.on(.GET, p.consultation, RoutePermission(.readBodyInternal, scope: .bodyParameter), use: consultation)
        routes.on(.POST, p.consultation, RoutePermission(.submitStatement, scope: .bodyParameter), use: submit)
        let organisation = RoutePermission(.submitOrganisationStatement, scope: .organisationParameter)
        routes.on(.GET, p.organisationConsultations, organisation, use: organisationConsultations)
        routes.on(.GET, p.organisationConsultation, organisation, use: consultation)
        routes.on(.POST, p.organisationConsultation, organisation, use: submit)
        let manage = RoutePermission(.manageParticipation)
        // Planners and the members of the consulted bodies read the table; the check is on the process (`mayReadTable`).
        routes.on(.GET, p.responseTable, RoutePermission(.readPublic), use: responseTable)
        routes.on(.GET, p.responseTableCSV, RoutePermission(.readPublic), use: responseTableCSV)
        routes.on(.POST, p.answer, manage, use: answer)
    }

    struct Loaded {
        let process: StatementProcess
        let paper: Paper
        let text: String
        let statements: [Statement]
        let responses: [StatementResponse]
    }

    static func load(_ req: Request) async throws -> Loaded {
        let store = req.participationStore
        guard let raw = req.parameters.get("process"), let id = UUID(uuidString: raw),
              let process = try await store.one(.statementProcess, id: id, as: StatementProcess.self)?.value,
              let paper = try await store.one(.paper, id: process.paperID, as: Paper.self)?.value else { throw Abort(.notFound) }
        let text = try await store.all(.paperVersion, as: PaperVersion.self).map(\.value).first { $0.paperID == paper.id && $0.number == process.version }?.text ?? ""
        let statements = try await store.all(.statement, as: Statement.self).map(\.value).filter { $0.processID == id }
        let ids = Set(statements.map(\.id))
        let responses = try await store.all(.statementResponse, as: StatementResponse.self).map(\.value).filter { ids.contains($0.statementID) }
        return Loaded(process: process, paper: paper, text: text, statements: statements, responses: responses)
    }

    /// The process of the route, only under a body or an organisation it invites.
    static func loadForInvitee(_ req: Request) async throws -> (Loaded, ConsultationPage.Invitee) {
        let loaded = try await load(req)
        if let raw = req.parameters.get("body") {
            guard let body = UUID(uuidString: raw), loaded.process.bodies.contains(body) else { throw Abort(.notFound) }
            return (loaded, .body(body))
        }
        guard let raw = req.parameters.get("id"), let organisation = UUID(uuidString: raw), loaded.process.organisations.contains(organisation) else { throw Abort(.notFound) }
        return (loaded, .organisation(organisation))
    }

    func model(_ req: Request, values: [String: String] = [:], issues: [ValidationIssue] = []) async throws -> ConsultationPage.Model {
        let (loaded, invitee) = try await Self.loadForInvitee(req)
        let now = req.settings.clock.now()
        return ConsultationPage.Model(invitee: invitee, process: loaded.process, paper: loaded.paper, text: loaded.text,
                                      statements: loaded.statements.sorted { $0.submittedAt < $1.submittedAt }, isOpen: loaded.process.acceptsStatements(at: now),
                                      mayManage: try await req.may(.manageParticipation), values: values, issues: issues)
    }

    func consultation(req: Request) async throws -> HTMLResponse {
        HTMLResponse(ConsultationPage.render(try await model(req), context: try await req.pageContext(showNotice: true)))
    }

    struct StatementForm: Content {
        var section: String?
        var text: String?
    }

    /// The consultations the organisation of the route is invited to.
    func organisationConsultations(req: Request) async throws -> HTMLResponse {
        guard let organisation = try await req.accounts.organisation(id: try req.idParameter()) else { throw Abort(.notFound) }
        let store = req.participationStore
        let now = req.settings.clock.now()
        let papers = Dictionary(try await store.all(.paper, as: Paper.self).map { ($0.id, $0.value.title) }, uniquingKeysWith: { a, _ in a })
        let entries = try await store.all(.statementProcess, as: StatementProcess.self).map(\.value).filter { $0.organisations.contains(organisation.id) }
            .map { (process: $0, paperTitle: papers[$0.paperID] ?? "–", isOpen: $0.acceptsStatements(at: now)) }
            .sorted { ($0.isOpen ? 0 : 1, $0.process.deadline) < ($1.isOpen ? 0 : 1, $1.process.deadline) }
        return HTMLResponse(OrganisationConsultationsPage.render(organisation: organisation, entries: entries, context: try await req.pageContext()))
    }

    func submit(req: Request) async throws -> Response {
        let (loaded, invitee) = try await Self.loadForInvitee(req)
        let form = try req.content.decode(StatementForm.self)
        let user = try await req.requireUser()
        let now = req.settings.clock.now()
        let store = req.participationStore
        let organisation: String?
        var body: UUID?
        switch invitee {
        case .body(let id):
            // On behalf of the organisation the author's seat in the body stands for.
            body = id
            let persons = Set(try await store.all(.person, as: Person.self).filter { $0.value.userID == user.id }.map(\.id))
            let seat = try await store.all(.membership, as: Membership.self, bodyID: id).map(\.value).first { persons.contains($0.personID) && $0.isActive(on: Day(now)) }
            organisation = try await seat?.onBehalfOf.asyncMap { try await req.accounts.organisation(id: $0)?.name } ?? nil
        case .organisation(let id):
            organisation = try await req.accounts.organisation(id: id)?.name
        }
        let draft = Statement(id: UUID(), processID: loaded.process.id, author: user.displayName, onBehalfOf: organisation,
                              section: ServiceForm.clean(form.section).map { String($0.prefix(20)) }, text: form.text ?? "", submittedAt: now)
        do {
            let statement = try draft.validated(process: loaded.process)
            try await store.save(.statement, id: statement.id, statement, label: user.displayName, bodyID: body, actor: try await req.auditActor(), at: now)
            return req.redirect(to: invitee.path(process: loaded.process.id), notice: .statementSent)
        } catch let failure as ValidationFailure {
            let page = ConsultationPage.render(try await model(req, values: ["section": form.section ?? "", "text": form.text ?? ""], issues: failure.issues),
                                               context: try await req.pageContext())
            return HTMLResponse(page).response(status: .unprocessableEntity)
        }
    }

    /// Planners read every response table; members of a consulted body read its tables (answering stays with planners).
    static func mayReadTable(_ principal: Principal, _ process: StatementProcess) -> Bool {
        Policy.decide(principal, .manageParticipation).isAllowed
            || process.bodies.contains { Policy.decide(principal, .readBodyInternal, scope: .body($0)).isAllowed }
    }

    func tableModel(_ req: Request, issues: [UUID: [ValidationIssue]] = [:]) async throws -> ResponseTablePage.Model {
        let loaded = try await Self.load(req)
        let principal = try await req.auth().principal
        guard Self.mayReadTable(principal, loaded.process) else { throw Abort(.notFound) }
        var model = ResponseTablePage.Model(process: loaded.process, paper: loaded.paper, rows: ResponseTable.rows(loaded.statements, responses: loaded.responses), issues: issues)
        model.mayAnswer = Policy.decide(principal, .manageParticipation).isAllowed
        return model
    }

    func responseTable(req: Request) async throws -> HTMLResponse {
        HTMLResponse(ResponseTablePage.render(try await tableModel(req), context: try await req.pageContext(showNotice: true)))
    }

    func responseTableCSV(req: Request) async throws -> Response {
        let model = try await tableModel(req)
        let rows = model.rows.enumerated().map { index, row in
            [GermanCSV.integer(index + 1), row.statement.section ?? "", row.statement.author, row.statement.onBehalfOf ?? "", row.statement.text,
             row.response.map { StatementNames.decision($0.decision, Texts(.de)) } ?? "", row.response?.reason ?? ""]
        }
        return CSVDownload.response(CSV.write(header: ["Nr.", "Abschnitt", "Verfasser", "im Namen von", "Stellungnahme", "Abwägung", "Begründung"], rows: rows),
                                                  filename: "abwaegungstabelle.csv")
    }

    struct AnswerForm: Content {
        var decision: String?
        var reason: String?
    }

    func answer(req: Request) async throws -> Response {
        let loaded = try await Self.load(req)
        guard let raw = req.parameters.get("statement"), let statementID = UUID(uuidString: raw), loaded.statements.contains(where: { $0.id == statementID }) else {
            throw Abort(.notFound)
        }
        let form = try req.content.decode(AnswerForm.self)
        guard let decision = form.decision.flatMap(StatementResponse.Decision.init(rawValue:)) else {
            throw Refusal(.unprocessableEntity, "Bitte eine Abwägung wählen: berücksichtigt, teilweise berücksichtigt, nicht berücksichtigt oder zur Kenntnis genommen.", "Please choose a decision: adopted, partly adopted, not adopted or noted.")
        }
        let draft = StatementResponse(statementID: statementID, decision: decision, reason: (form.reason ?? "").trimmingCharacters(in: .whitespacesAndNewlines))
        do {
            let response = try draft.validated()
            // One answer per statement: a changed answer updates it (its history is in the audit log).
            let store = req.participationStore
            let existing = try await store.all(.statementResponse, as: StatementResponse.self).first { $0.value.statementID == statementID }?.id
            try await store.save(.statementResponse, id: existing ?? UUID(), response, label: decision.rawValue, actor: try await req.auditActor(),
                                 at: req.settings.clock.now())
            return req.redirect(to: ParticipationRoute.responseTable(loaded.process.id), notice: .saved)
        } catch let failure as ValidationFailure {
            let page = ResponseTablePage.render(try await tableModel(req, issues: [statementID: failure.issues]), context: try await req.pageContext())
            return HTMLResponse(page).response(status: .unprocessableEntity)
        }
    }
}

