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
        routes.on(.POST, ParticipationRoute.process, manage, use: update)
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
            .map { PlanningProcess.Phase(name: $0) }
        if Set(phases.map { $0.name.lowercased() }).count != phases.count { issues.append(ValidationIssue("phases", .duplicate)) }
        if phases.contains(where: { $0.name.count > 100 }) { issues.append(ValidationIssue("phases", .tooLong(max: 100))) }
        let (codes, categories) = try await Self.links(req, indicators: form.indicators, categories: form.categories, into: &issues)
        var process: PlanningProcess?
        do {
            process = try PlanningProcess(id: UUID(), title: (form.title ?? "").trimmingCharacters(in: .whitespaces), bodyID: body?.id ?? UUID(), phases: phases,
                                          indicatorCodes: codes, serviceCategories: categories).validated()
        } catch { issues += error.issues }
        guard let process, issues.isEmpty else {
            let values = ["title": form.title ?? "", "body": form.body ?? "", "phases": form.phases ?? "", "indicators": form.indicators ?? "", "categories": form.categories ?? ""]
            return HTMLResponse(try await Self.listPage(req, values: values, issues: issues)).response(status: .unprocessableEntity)
        }
        try await store.save(.planningProcess, id: process.id, process, label: process.title, bodyID: process.bodyID, actor: try await req.auditActor(),
                             at: req.settings.clock.now())
        return req.redirect(to: ParticipationRoute.process(process.id), notice: .created)
    }

    static func process(_ req: Request) async throws -> PlanningProcess {
        guard let raw = req.parameters.get("planning"), let id = UUID(uuidString: raw),
              let process = try await req.participationStore.one(.planningProcess, id: id, as: PlanningProcess.self)?.value else { throw Abort(.notFound) }
        _ = try await req.visibleBody(id: process.bodyID)
        return process
    }

    struct EditForm: Content {
        var title: String?
        var phases: String?
        var indicators: String?
        var categories: String?
        var papers: [String]?
    }

    /// Corrects title, phases (by name: a phase that keeps its name keeps its state and dates), indicators, service
    /// categories, and unlinks papers no longer ticked.
    func update(req: Request) async throws -> Response {
        let before = try await Self.process(req)
        let (form, unreadable) = try req.formKeepingInput(EditForm.self)
        var process = before
        process.title = FieldCheck.line(form.title) ?? ""
        let names = (form.phases ?? "").split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        var issues = unreadable
        if Set(names.map { $0.lowercased() }).count != names.count { issues.append(ValidationIssue("phases", .duplicate)) }
        if names.contains(where: { $0.count > 100 }) { issues.append(ValidationIssue("phases", .tooLong(max: 100))) }
        process.phases = names.map { name in before.phases.first { $0.name == name } ?? PlanningProcess.Phase(name: name) }
        (process.indicatorCodes, process.serviceCategories) = try await Self.links(req, indicators: form.indicators, categories: form.categories, into: &issues)
        let kept = Set((form.papers ?? []).compactMap { UUID(uuidString: $0) })
        process.paperIDs = (before.paperIDs ?? []).filter { kept.contains($0) }
        FieldCheck.length(process.title, field: "title", max: 300, into: &issues)
        do { process = try process.validated() } catch { issues += error.issues }
        guard issues.isEmpty else {
            var values = ["title": form.title ?? "", "phases": form.phases ?? "", "indicators": form.indicators ?? "", "categories": form.categories ?? ""]
            values["papers"] = (form.papers ?? []).joined(separator: ",")
            return HTMLResponse(try await Self.page(req, process: before, values: values, issues: issues)).response(status: .unprocessableEntity)
        }
        guard process != before else { return req.redirect(to: ParticipationRoute.process(before.id), notice: .unchanged) }
        try await req.participationStore.save(.planningProcess, id: process.id, process, label: process.title, bodyID: process.bodyID, actor: try await req.auditActor(),
                                              at: req.settings.clock.now())
        return req.redirect(to: ParticipationRoute.process(process.id), notice: .saved)
    }

    /// Indicator and service category codes as typed, each once, every one of them known; else named.
    static func links(_ req: Request, indicators: String?, categories: String?, into issues: inout [ValidationIssue]) async throws -> ([String], [String]) {
        var seen: Set<String> = []
        let codes = ServiceEntry.list(indicators ?? "").filter { seen.insert($0).inserted }
        let known = Set(try await req.indicatorStore.indicators().map(\.code))
        if let unknown = codes.first(where: { !known.contains($0) }) { issues.append(ValidationIssue("indicators", .unknownValue(String(unknown.prefix(40))))) }
        seen = []
        let categoryCodes = ServiceEntry.list(categories ?? "").filter { seen.insert($0).inserted }
        let knownCategories = Set(try await req.serviceStore.categories().map(\.code))
        if let unknown = categoryCodes.first(where: { !knownCategories.contains($0) }) { issues.append(ValidationIssue("categories", .unknownValue(String(unknown.prefix(40))))) }
        return (codes, categoryCodes)
    }

    func updatePhases(req: Request) async throws -> Response {
        let before = try await Self.process(req)
        var process = before
        let id = process.id
        var issues: [ValidationIssue] = []
        /// A day as typed: empty is none; a day that does not exist or lies outside 1900 … 2100 is named.
        func day(_ name: String) -> Day? {
            FormDay.read(try? req.content.get(String.self, at: name), field: name, required: false, into: &issues)
        }
        for index in process.phases.indices {
            if let raw = try? req.content.get(String.self, at: "status\(index)") {
                if let status = PlanningProcess.PhaseStatus(rawValue: raw) { process.phases[index].status = status } else {
                    issues.append(ValidationIssue("status\(index)", .unknownValue(String(raw.prefix(20)))))
                }
            }
            process.phases[index].start = day("start\(index)")
            process.phases[index].end = day("end\(index)")
        }
        do { process = try process.validated() } catch { issues += error.issues }
        guard issues.isEmpty else {
            // The table shows what was typed (days that could not be read stay empty, named above it).
            return HTMLResponse(try await Self.page(req, process: process, values: [:], issues: issues)).response(status: .unprocessableEntity)
        }
        guard process != before else { return req.redirect(to: ParticipationRoute.process(id), notice: .unchanged) }
        try await req.participationStore.save(.planningProcess, id: id, process, label: process.title, bodyID: process.bodyID, actor: try await req.auditActor(),
                                              at: req.settings.clock.now())
        return req.redirect(to: ParticipationRoute.process(id), notice: .saved)
    }

    func show(req: Request) async throws -> HTMLResponse {
        HTMLResponse(try await Self.page(req, process: try await Self.process(req), values: [:], issues: []))
    }

    static func page(_ req: Request, process: PlanningProcess, values: [String: String], issues: [ValidationIssue]) async throws -> String {
        let store = req.participationStore
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
        let allPapers = try await store.all(.paper, as: Paper.self).map(\.value).sorted { $0.reference < $1.reference }
        let mayManage = try await req.may(.manageParticipation)
        let linked = allPapers.filter { (process.paperIDs ?? []).contains($0.id) }.map { (id: $0.id, label: $0.reference + " – " + $0.title) }
        return ProcessPage.render(process, bodyName: body.name, events: events, mayManage: mayManage, papers: allPapers,
                                  edit: mayManage ? ProcessPage.Edit(values: values, issues: issues, linkedPapers: linked) : nil,
                                  context: try await req.pageContext(showNotice: true))
    }

    struct LinkForm: Content { var paper: String? }

    func linkPaper(req: Request) async throws -> Response {
        guard let raw = req.parameters.get("planning"), let id = UUID(uuidString: raw),
              var process = try await req.participationStore.one(.planningProcess, id: id, as: PlanningProcess.self)?.value else { throw Abort(.notFound) }
        guard let paper = try req.content.decode(LinkForm.self).paper.flatMap(UUID.init(uuidString:)),
              try await req.participationStore.one(.paper, id: paper, as: Paper.self) != nil else { throw Refusal(.unprocessableEntity, "Bitte eine vorhandene Vorlage wählen.", "Please choose an existing paper.") }
        if !(process.paperIDs ?? []).contains(paper) { process.paperIDs = (process.paperIDs ?? []) + [paper] }
        try await req.participationStore.save(.planningProcess, id: id, process, label: process.title, bodyID: process.bodyID, actor: try await req.auditActor(),
                                              at: req.settings.clock.now())
        return req.redirect(to: ParticipationRoute.process(id), notice: .saved)
    }
}
