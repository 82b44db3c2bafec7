import Foundation
import SoplaApp
import SoplaCore
import SoplaRender
import SoplaStore
import Vapor

/// Planning processes as a story: phases and, in order, the papers, their versions, the meetings that treated them,
/// the resolutions and the measures that followed — each only where the reader may see it.
struct ProcessController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let read = RoutePermission(.readPublic)
        routes.on(.GET, ParticipationRoute.processes, read, use: list)
        routes.on(.GET, ParticipationRoute.process, read, use: show)
        let manage = RoutePermission(.manageParticipation)
        routes.on(.POST, ParticipationRoute.processes, manage, use: create)
        routes.on(.POST, ParticipationRoute.processPhases, manage, use: updatePhases)
        routes.on(.POST, ParticipationRoute.processPapers, manage, use: linkPaper)
    }

    func list(req: Request) async throws -> HTMLResponse {
        HTMLResponse(try await Self.listPage(req))
    }

    static func listPage(_ req: Request, values: [String: String] = [:], issues: [ValidationIssue] = []) async throws -> String {
        let store = req.participationStore
        let bodies = try await store.all(.body, as: Body.self).map(\.value)
        let readable = try await req.participationAccess().readableBodies(bodies)
        let names = Dictionary(bodies.map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a })
        let processes = try await store.all(.planningProcess, as: PlanningProcess.self).map(\.value).filter { readable.contains($0.bodyID) }
            .sorted { $0.title < $1.title }.map { (process: $0, bodyName: names[$0.bodyID] ?? "–") }
        let mayManage = try await req.may(.manageParticipation)
        return ProcessListPage.render(processes, bodies: mayManage ? bodies.sorted { $0.name < $1.name } : nil, values: values, issues: issues,
                                      context: try await req.pageContext(showNotice: true))
    }

    struct ProcessForm: Content {
        var title: String?
        var body: String?
        var phases: String?
        var indicators: String?
        var categories: String?
    }

    func create(req: Request) async throws -> Response {
        let form = try req.content.decode(ProcessForm.self)
        let store = req.participationStore
        let bodies = try await store.all(.body, as: Body.self).map(\.value)
        var issues: [ValidationIssue] = []
        let body = form.body.flatMap(UUID.init(uuidString:)).flatMap { id in bodies.first { $0.id == id } }
        if body == nil { issues.append(ValidationIssue("body", .unknownReference)) }
        let phases = (form.phases ?? "").split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            .map { PlanningProcess.Phase(name: String($0.prefix(100))) }
        var process: PlanningProcess?
        do {
            process = try PlanningProcess(id: UUID(), title: (form.title ?? "").trimmingCharacters(in: .whitespaces), bodyID: body?.id ?? UUID(), phases: phases,
                                          indicatorCodes: ServiceEntry.list(form.indicators ?? ""), serviceCategories: ServiceEntry.list(form.categories ?? "")).validated()
        } catch { issues += error.issues }
        guard let process, issues.isEmpty else {
            let values = ["title": form.title ?? "", "body": form.body ?? "", "phases": form.phases ?? "", "indicators": form.indicators ?? "", "categories": form.categories ?? ""]
            return HTMLResponse(try await Self.listPage(req, values: values, issues: issues)).response(status: .unprocessableEntity)
        }
        try await store.save(.planningProcess, id: process.id, process, label: process.title, bodyID: process.bodyID, actor: try await req.auditActor(),
                             at: req.settings.clock.now())
        return req.redirect(to: ParticipationRoute.process(process.id), notice: .created)
    }

    func updatePhases(req: Request) async throws -> Response {
        guard let raw = req.parameters.get("planning"), let id = UUID(uuidString: raw),
              var process = try await req.participationStore.one(.planningProcess, id: id, as: PlanningProcess.self)?.value else { throw Abort(.notFound) }
        for index in process.phases.indices {
            if let status = (try? req.content.get(String.self, at: "status\(index)")).flatMap(PlanningProcess.PhaseStatus.init(rawValue:)) { process.phases[index].status = status }
            process.phases[index].start = (try? req.content.get(String.self, at: "start\(index)")).flatMap { Day(iso: $0) }
            process.phases[index].end = (try? req.content.get(String.self, at: "end\(index)")).flatMap { Day(iso: $0) }
        }
        do {
            process = try process.validated()
        } catch {
            throw Abort(.unprocessableEntity, reason: "phases: only one may be in progress, and each must end after it starts")
        }
        try await req.participationStore.save(.planningProcess, id: id, process, label: process.title, bodyID: process.bodyID, actor: try await req.auditActor(),
                                              at: req.settings.clock.now())
        return req.redirect(to: ParticipationRoute.process(id), notice: .saved)
    }

    func show(req: Request) async throws -> HTMLResponse {
        guard let raw = req.parameters.get("planning"), let id = UUID(uuidString: raw) else { throw Abort(.notFound) }
        let store = req.participationStore
        guard let process = try await store.one(.planningProcess, id: id, as: PlanningProcess.self)?.value else { throw Abort(.notFound) }
        let (body, _) = try await req.visibleBody(id: process.bodyID)
        let papers = try await ParticipationPages.readable(req, ids: Set(process.paperIDs ?? [])).map(\.record)
        let paperIDs = Set(papers.map(\.id))
        let t = Texts(req.language)
        var events: [ProcessPage.Event] = papers.map { .init(date: $0.value.date.startDate.addingTimeInterval(12 * 3600), text: $0.value.reference + ": " + $0.value.title,
                                                             link: ParticipationRoute.paper($0.id)) }
        for version in try await store.all(.paperVersion, as: PaperVersion.self).map(\.value) where paperIDs.contains(version.paperID) && version.number > 1 {
            events.append(.init(date: version.createdAt, text: t(.versionLabel) + " \(version.number)", link: ParticipationRoute.paper(version.paperID)))
        }
        let bodies = try await store.all(.body, as: Body.self).map(\.value)
        let insider = try await req.participationAccess().insiderBodies(bodies)
        let visible = try await req.participationAccess().readableBodies(bodies)
        let meetings = Dictionary(try await store.all(.meeting, as: Meeting.self).map { ($0.id, $0.value) }, uniquingKeysWith: { a, _ in a })
        var resolutionIDs: Set<UUID> = []
        let resolutions = try await store.all(.resolution, as: Resolution.self).map(\.value)
        for item in try await store.all(.agendaItem, as: AgendaItem.self).map(\.value) where !paperIDs.isDisjoint(with: item.paperIDs) {
            guard let meeting = meetings[item.meetingID], visible.contains(meeting.bodyID), item.isPublic || insider.contains(meeting.bodyID) else { continue }
            events.append(.init(date: meeting.start, text: meeting.name + ": " + item.title + (item.result.map { " – " + $0 } ?? ""), link: ParticipationRoute.meeting(meeting.id)))
            resolutionIDs.formUnion(resolutions.filter { $0.agendaItemID == item.id }.map(\.id))
        }
        for record in try await store.all(.measure, as: Measure.self) where record.value.resolutionID.map(resolutionIDs.contains) ?? false {
            events.append(.init(date: record.createdAt, text: t(.columnMeasure) + ": " + record.value.title, link: ParticipationRoute.measure(record.id)))
        }
        return HTMLResponse(ProcessPage.render(process, bodyName: body.name, events: events, mayManage: try await req.may(.manageParticipation),
                                               papers: try await store.all(.paper, as: Paper.self).map(\.value).sorted { $0.reference < $1.reference },
                                               context: try await req.pageContext(showNotice: true)))
    }

    struct LinkForm: Content { var paper: String? }

    func linkPaper(req: Request) async throws -> Response {
        guard let raw = req.parameters.get("planning"), let id = UUID(uuidString: raw),
              var process = try await req.participationStore.one(.planningProcess, id: id, as: PlanningProcess.self)?.value else { throw Abort(.notFound) }
        guard let paper = try req.content.decode(LinkForm.self).paper.flatMap(UUID.init(uuidString:)),
              try await req.participationStore.one(.paper, id: paper, as: Paper.self) != nil else { throw Abort(.unprocessableEntity, reason: "choose a paper") }
        if !(process.paperIDs ?? []).contains(paper) { process.paperIDs = (process.paperIDs ?? []) + [paper] }
        try await req.participationStore.save(.planningProcess, id: id, process, label: process.title, bodyID: process.bodyID, actor: try await req.auditActor(),
                                              at: req.settings.clock.now())
        return req.redirect(to: ParticipationRoute.process(id), notice: .saved)
    }
}
