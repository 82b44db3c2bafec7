import Foundation
import SoplaApp
import SoplaCore
import SoplaRender
import SoplaStore
import Vapor

/// Papers with their versions: public ones for everyone, internal ones for those who may read their body; planners
/// add papers and versions (older ones are kept) and open consultations on a version.
struct PaperController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let read = RoutePermission(.readPublic)
        let manage = RoutePermission(.manageParticipation)
        let p = ParticipationRoute.self
        routes.on(.GET, p.papers, read, use: list)
        routes.on(.GET, p.paperNew, manage, use: newPaper)
        routes.on(.POST, p.papers, manage, use: create)
        routes.on(.GET, p.paper, read, use: show)
        routes.on(.GET, p.paperEdit, manage, use: edit)
        routes.on(.POST, p.paper, manage, use: update)
        routes.on(.POST, p.paperVersions, manage, use: addVersion)
        routes.on(.POST, p.paperConsultation, manage, use: openConsultation)
        routes.upload(p.attachments, manage, limit: Attachments.uploadLimit, use: addAttachment)
        routes.on(.GET, p.attachment, read, use: attachment)
    }



    func addAttachment(req: Request) async throws -> Response {
        let (paper, _) = try await Self.paper(req)
        let file = try await StreamedUpload.read(req).file
        defer { file?.remove() }
        let name = file?.fileName ?? ""
        let issues = AttachmentCheck.problems(size: file?.size ?? 0, bytes: file?.head ?? [], fileName: name)
        guard issues.isEmpty, let file, let kind = AttachmentCheck.kind(of: file.head, fileName: name) else {
            return HTMLResponse(PaperPage.render(try await model(req, issues: issues), context: try await req.pageContext())).response(status: .unprocessableEntity)
        }
        // Attachments are stored in the database: the checked file is read once, at its checked size.
        let data = try file.data()
        let types: [AttachmentCheck.Kind: String] = [.pdf: "application/pdf", .odt: "application/vnd.oasis.opendocument.text",
                                                     .docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document"]
        let actor = try await req.auditActor()
        try await req.participationStore.addAttachment(Attachment(data, paperID: paper.id, fileName: name, mediaType: types[kind]!,
                                                                       at: req.settings.clock.now(), by: actor), content: data, actor: actor)
        return req.redirect(to: ParticipationRoute.paper(paper.id), notice: .created)
    }

    func attachment(req: Request) async throws -> Response {
        let (paper, _) = try await Self.paper(req)
        guard let raw = req.parameters.get("attachment"), let id = UUID(uuidString: raw),
              let (attachment, data) = try await req.participationStore.attachmentContent(id: id), attachment.paperID == paper.id else { throw Abort(.notFound) }
        var headers = HTTPHeaders()
        headers.replaceOrAdd(name: .contentType, value: attachment.mediaType)
        headers.setAttachment(filename: attachment.fileName)
        headers.replaceOrAdd(name: "X-Content-Type-Options", value: "nosniff")
        return Response(status: .ok, headers: headers, body: .init(data: data))
    }


    func list(req: Request) async throws -> HTMLResponse {
        let search = (try? req.query.get(String.self, at: "suche"))?.trimmingCharacters(in: .whitespaces).prefix(100)
        let sortRaw = try? req.query.get(String.self, at: "sortierung")
        let direction = try? req.query.get(String.self, at: "richtung")
        let orders: [String: PaperOrder] = ["datum": .date, "az": .reference, "titel": .title, "gremium": .body]
        let sort = sortRaw.flatMap { orders[$0] != nil ? $0 : nil }
        // Newest first unless the reader asks otherwise.
        let descending = sort == nil ? direction != "auf" : direction == "ab"
        var state = ListState(path: ParticipationRoute.papers(), filters: ["suche": search.map(String.init) ?? ""], sort: sort, descending: descending,
                              page: (try? req.query.get(Int.self, at: "seite")) ?? 1)
        let store = req.participationStore
        let bodies = try await store.all(.body, as: Body.self).map(\.value)
        let names = Dictionary(bodies.map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a })
        let readable = try await req.participationAccess().insiderBodies(bodies)
        func read(_ page: Int) async throws -> RecordPage<(record: ParticipationRecord<Paper>, bodyID: UUID)> {
            try await store.papers(readableBodies: readable, search: state.filters["suche"], order: orders[sort ?? "datum"] ?? .date, descending: descending,
                                   page: page, perPage: PaperListPage.perPage)
        }
        var page = try await read(state.page)
        // Beyond the last page (an old link, a shorter list): the last page.
        if let last = Paging.lastPage(total: page.total, perPage: PaperListPage.perPage, asked: state.page, found: page.items.count) {
            state = state.onPage(last)
            page = try await read(last)
        }
        let model = PaperListPage.Model(papers: page.items.map { (paper: $0.record.value, bodyName: names[$0.bodyID] ?? "–") }, total: page.total, state: state,
                                        mayManage: try await req.may(.manageParticipation))
        return HTMLResponse(PaperListPage.render(model, context: try await req.pageContext()))
    }

    static func paper(_ req: Request) async throws -> (Paper, Body?) {
        guard let raw = req.parameters.get("paper"), let id = UUID(uuidString: raw),
              let entry = try await ParticipationPages.readable(req, ids: [id]).first else { throw Abort(.notFound) }
        return (entry.record.value, entry.body)
    }

    func model(_ req: Request, issues: [ValidationIssue] = []) async throws -> PaperPage.Model {
        let (paper, body) = try await Self.paper(req)
        let store = req.participationStore
        let versions = try await store.all(.paperVersion, as: PaperVersion.self).map(\.value).filter { $0.paperID == paper.id }
        let principal = try await req.auth().principal
        let processes = try await store.all(.statementProcess, as: StatementProcess.self).map(\.value).filter { $0.paperID == paper.id }.map { process in
            // Where the reader may take part: under one of their bodies, else for their organisation; planners see every process.
            let body = process.bodies.sorted { $0.uuidString < $1.uuidString }.first { Policy.decide(principal, .readBodyInternal, scope: .body($0)).isAllowed }
            let organisation = process.organisations.sorted { $0.uuidString < $1.uuidString }.first {
                Policy.decide(principal, .submitOrganisationStatement, scope: .organisation($0)).isAllowed
            }
            let link = body.map { ParticipationRoute.consultation($0, process.id) }
                ?? organisation.map { ParticipationRoute.organisationConsultation($0, process.id) }
                ?? (Policy.decide(principal, .manageParticipation).isAllowed ? ParticipationRoute.responseTable(process.id) : nil)
            return (process: process, link: link)
        }
        let meetings = Dictionary(try await store.all(.meeting, as: Meeting.self).map { ($0.id, $0.value) }, uniquingKeysWith: { a, _ in a })
        let bodies = try await store.all(.body, as: Body.self).map(\.value)
        let readableBodies = try await req.participationAccess().insiderBodies(bodies)
        let visibleBodies = try await req.participationAccess().readableBodies(bodies)
        let treated = try await store.all(.agendaItem, as: AgendaItem.self).map(\.value).filter { $0.paperIDs.contains(paper.id) }.compactMap { item -> (meeting: Meeting, item: AgendaItem)? in
            // A meeting shows only where its body may be read: a public item of an internal body stays internal.
            guard let meeting = meetings[item.meetingID], visibleBodies.contains(meeting.bodyID), item.isPublic || readableBodies.contains(meeting.bodyID) else { return nil }
            return (meeting, item)
        }.sorted { $0.meeting.start < $1.meeting.start }
        var model = PaperPage.Model(paper: paper, bodyName: body?.name ?? "–", versions: versions, processes: processes, treatedIn: treated,
                               mayManage: Policy.decide(principal, .manageParticipation).isAllowed, bodies: bodies.sorted { $0.name < $1.name }, issues: issues,
                               attachments: try await store.attachments(paperID: paper.id).map { (id: $0.id, name: $0.fileName, size: $0.size, sha1: $0.sha1) },
                               organisations: Policy.decide(principal, .manageParticipation).isAllowed ? try await req.activeOrganisationChoices() : [])
        model.planningProcesses = try await store.all(.planningProcess, as: PlanningProcess.self).map(\.value)
            .filter { ($0.paperIDs ?? []).contains(paper.id) && visibleBodies.contains($0.bodyID) }.sorted { $0.title < $1.title }.map { (id: $0.id, title: $0.title) }
        if Policy.decide(principal, .manageParticipation).isAllowed {
            model.history = try await req.accounts.audit(AuditQuery(entityType: "participation-paper", entityID: paper.id.uuidString.lowercased(), perPage: 100)).entries
        }
        model.readableTables = Set(processes.map(\.process).filter { StatementController.mayReadTable(principal, $0) }.map(\.id))
        return model
    }

    func show(req: Request) async throws -> HTMLResponse {
        HTMLResponse(PaperPage.render(try await model(req), context: try await req.pageContext(showNotice: true)))
    }

    func newPaper(req: Request) async throws -> HTMLResponse {
        let bodies = try await req.participationStore.all(.body, as: Body.self).map(\.value).sorted { $0.name < $1.name }
        return HTMLResponse(PaperFormPage.render(bodies: bodies, values: ["date": req.settings.clock.today.iso, "originator": try await req.requireUser().displayName],
                                                 issues: [], context: try await req.pageContext()))
    }

    struct PaperForm: Content {
        var reference: String?
        var title: String?
        var type: String?
        var body: String?
        var `public`: String?
        var date: String?
        var originator: String?
        var text: String?

        var values: [String: String] {
            ["reference": reference ?? "", "title": title ?? "", "type": type ?? "", "body": body ?? "", "public": `public` ?? "nein",
             "date": date ?? "", "originator": originator ?? "", "text": text ?? ""]
        }

        /// The paper's details as typed, checked against the other papers (references are unique; the paper `id` keeps
        /// its own). Body and text are checked where a new paper needs them.
        func paper(id: UUID, papers: [Paper], issues: inout [ValidationIssue]) -> Paper? {
            func required(_ value: String?, _ field: String, max: Int) -> String {
                let text = (value ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
                if text.isEmpty { issues.append(ValidationIssue(field, .required)) } else if text.count > max { issues.append(ValidationIssue(field, .tooLong(max: max))) }
                return text
            }
            let reference = required(self.reference, "reference", max: 40), title = required(self.title, "title", max: 300)
            let originator = required(self.originator, "originator", max: 200)
            let type = self.type.flatMap(PaperType.init(rawValue:))
            if type == nil { issues.append(ValidationIssue("type", .unknownValue(String((self.type ?? "").prefix(20))))) }
            let raw = (self.date ?? "").trimmingCharacters(in: .whitespaces)
            let date = Day(input: raw)
            if date == nil { issues.append(ValidationIssue("date", raw.isEmpty ? .required : .notADay(String(raw.prefix(20))))) }
            // References are unique whatever their case ("sp/2025/04" is "SP/2025/04").
            if papers.contains(where: { $0.reference.lowercased() == reference.lowercased() && $0.id != id }) { issues.append(ValidationIssue("reference", .duplicate)) }
            let visibility = (`public` ?? "nein").trimmingCharacters(in: .whitespaces)
            if !["ja", "nein"].contains(visibility) { issues.append(ValidationIssue("public", .unknownValue(String(visibility.prefix(20))))) }
            guard let type, let date else { return nil }
            return Paper(id: id, reference: reference, title: title, type: type, date: date, originator: originator, isPublic: `public` == "ja")
        }
    }

    func create(req: Request) async throws -> Response {
        let form = try req.content.decode(PaperForm.self)
        let store = req.participationStore
        let bodies = try await store.all(.body, as: Body.self).map(\.value)
        var issues: [ValidationIssue] = []
        let text = (form.text ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        if text.isEmpty { issues.append(ValidationIssue("text", .required)) } else if text.count > 100_000 { issues.append(ValidationIssue("text", .tooLong(max: 100_000))) }
        let body = form.body.flatMap(UUID.init(uuidString:)).flatMap { id in bodies.first { $0.id == id } }
        if body == nil { issues.append(ValidationIssue("body", .unknownReference)) }
        let candidate = form.paper(id: UUID(), papers: try await store.all(.paper, as: Paper.self).map(\.value), issues: &issues)
        guard issues.isEmpty, let paper = candidate, let body else {
            return HTMLResponse(PaperFormPage.render(bodies: bodies.sorted { $0.name < $1.name }, values: form.values, issues: issues, context: try await req.pageContext()))
                .response(status: issues.contains { $0.problem == .duplicate } ? .conflict : .unprocessableEntity)
        }
        let reference = paper.reference, title = paper.title
        let actor = try await req.auditActor(), now = req.settings.clock.now()
        try await store.save(.paper, id: paper.id, paper, label: title, bodyID: body.id, actor: actor, at: now)
        try await store.save(.paperVersion, id: UUID(), PaperVersion(paperID: paper.id, number: 1, text: text, createdAt: now, createdBy: actor.label),
                             label: reference + " v1", bodyID: body.id, actor: actor, at: now)
        return req.redirect(to: ParticipationRoute.paper(paper.id), notice: .created)
    }

    func edit(req: Request) async throws -> HTMLResponse {
        let (paper, body) = try await Self.paper(req)
        let values = ["reference": paper.reference, "title": paper.title, "type": paper.type.rawValue, "public": paper.isPublic ? "ja" : "nein",
                      "date": paper.date.iso, "originator": paper.originator]
        return HTMLResponse(PaperFormPage.render(bodies: [], values: values, issues: [], context: try await req.pageContext(), editing: (paper, body?.name ?? "–")))
    }

    /// Corrects a paper's details; its body, versions and consultations stay.
    func update(req: Request) async throws -> Response {
        let (paper, body) = try await Self.paper(req)
        let form = try req.content.decode(PaperForm.self)
        let store = req.participationStore
        var issues: [ValidationIssue] = []
        let candidate = form.paper(id: paper.id, papers: try await store.all(.paper, as: Paper.self).map(\.value), issues: &issues)
        guard issues.isEmpty, let updated = candidate else {
            return HTMLResponse(PaperFormPage.render(bodies: [], values: form.values, issues: issues, context: try await req.pageContext(), editing: (paper, body?.name ?? "–")))
                .response(status: issues.contains { $0.problem == .duplicate } ? .conflict : .unprocessableEntity)
        }
        guard updated != paper else { return req.redirect(to: ParticipationRoute.paper(paper.id), notice: .unchanged) }
        try await store.save(.paper, id: paper.id, updated, label: updated.title, bodyID: body?.id, actor: try await req.auditActor(), at: req.settings.clock.now())
        return req.redirect(to: ParticipationRoute.paper(paper.id), notice: .saved)
    }

    struct VersionForm: Content { var text: String? }

    /// The consultation a new version answers: the latest that has statements, else the latest.
    static func answeredConsultation(_ candidates: [StatementProcess], store: ParticipationStore) async throws -> StatementProcess? {
        guard candidates.count > 1 else { return candidates.first }
        let ids = Set(candidates.map(\.id))
        let withStatements = Set(try await store.all(.statement, as: Statement.self).map(\.value).map(\.processID).filter { ids.contains($0) })
        let latestFirst = candidates.sorted { ($0.deadline, $0.id.uuidString) > ($1.deadline, $1.id.uuidString) }
        return latestFirst.first { withStatements.contains($0.id) } ?? latestFirst.first
    }

    func addVersion(req: Request) async throws -> Response {
        let (paper, body) = try await Self.paper(req)
        let text = (try req.content.decode(VersionForm.self).text ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        guard !text.isEmpty, text.count <= 100_000 else {
            let issue = ValidationIssue("text", text.isEmpty ? .required : .tooLong(max: 100_000))
            return HTMLResponse(PaperPage.render(try await model(req, issues: [issue]), context: try await req.pageContext()))
                .response(status: .unprocessableEntity)
        }
        let store = req.participationStore
        let versions = try await store.all(.paperVersion, as: PaperVersion.self).map(\.value).filter { $0.paperID == paper.id }
        guard versions.max(by: { $0.number < $1.number })?.text != text else { return req.redirect(to: ParticipationRoute.paper(paper.id), notice: .unchanged) }
        // A version made after a consultation on the one before points to its response table.
        let last = versions.map(\.number).max() ?? 0
        // Of several consultations on that version, the latest that received statements (else the latest).
        let candidates = try await store.all(.statementProcess, as: StatementProcess.self).map(\.value).filter { $0.paperID == paper.id && $0.version == last }
        let answered = try await Self.answeredConsultation(candidates, store: store)
        let actor = try await req.auditActor(), now = req.settings.clock.now()
        let version = PaperVersion(paperID: paper.id, number: last + 1, text: text, createdAt: now, createdBy: actor.label, answersConsultation: answered?.id)
        try await store.save(.paperVersion, id: UUID(), version, label: paper.reference + " v\(last + 1)", bodyID: body?.id, actor: actor, at: now)
        return req.redirect(to: ParticipationRoute.paper(paper.id), notice: .saved)
    }

    struct ConsultationForm: Content {
        var invited: [String]?
        var organisations: [String]?
        var deadline: String?
    }

    func openConsultation(req: Request) async throws -> Response {
        let (paper, body) = try await Self.paper(req)
        let form = try req.content.decode(ConsultationForm.self)
        let store = req.participationStore
        let known = Set(try await store.all(.body, as: Body.self).map(\.id))
        let invited = Set((form.invited ?? []).compactMap(UUID.init(uuidString:)).filter(known.contains))
        let knownOrganisations = Set(try await req.activeOrganisationChoices().map(\.id))
        let organisations = Set((form.organisations ?? []).compactMap(UUID.init(uuidString:)).filter(knownOrganisations.contains))
        let versions = try await store.all(.paperVersion, as: PaperVersion.self).map(\.value).filter { $0.paperID == paper.id }
        let now = req.settings.clock.now()
        // The deadline is the end of the chosen day in Wetzlar.
        let deadline = ParticipationPages.instant(form.deadline, "23:59")
        var issues: [ValidationIssue] = []
        if deadline == nil { issues.append(ValidationIssue("deadline", .required)) }
        var process: StatementProcess?
        if let deadline {
            do {
                process = try StatementProcess(id: UUID(), paperID: paper.id, version: versions.map(\.number).max() ?? 1, bodies: invited, organisations: organisations,
                                               opensAt: now, deadline: deadline).validated()
            } catch { issues += error.issues }
        }
        guard let process, issues.isEmpty else {
            return HTMLResponse(PaperPage.render(try await model(req, issues: issues), context: try await req.pageContext())).response(status: .unprocessableEntity)
        }
        try await store.save(.statementProcess, id: process.id, process, label: "Stellungnahmen zu " + paper.reference, bodyID: body?.id,
                             actor: try await req.auditActor(), at: now)
        let notifier = Notifier(req: req)
        let subject = "Stellungnahme erbeten: " + paper.title
        let text = "Bitte nehmen Sie bis \(DateText.dateTime(process.deadline, .de)) Stellung zu \(paper.reference)."
        try await notifier.notifyInvited(process, subject: subject, body: text, bodyLink: ParticipationRoute.paper(paper.id),
                                         organisationLink: { ParticipationRoute.organisationConsultation($0, process.id) })
        return req.redirect(to: ParticipationRoute.paper(paper.id), notice: .created)
    }
}
