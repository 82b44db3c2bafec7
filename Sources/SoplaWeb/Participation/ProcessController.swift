import Foundation
import SoplaCore
import SoplaRender
import SoplaStore
import Vapor

/// Planning processes as a story: phases and, in order, the papers, their versions, the meetings that treated them,
/// the resolutions and the measures that followed — each only where the reader may see it.
struct ProcessController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let read = RoutePermission(.readPublic)
        routes.on(.GET, ParticipationRoute.ProcessPattern.processes, read, use: list)
        routes.on(.GET, ParticipationRoute.ProcessPattern.process, read, use: show)
    }

    func list(req: Request) async throws -> HTMLResponse {
        let store = req.participationStore
        let bodies = try await store.all(.body, as: Body.self).map(\.value)
        let readable = try await ParticipationController.readableBodies(req, bodies: bodies)
        let names = Dictionary(bodies.map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a })
        let processes = try await store.all(.planningProcess, as: PlanningProcess.self).map(\.value).filter { readable.contains($0.bodyID) }
            .sorted { $0.title < $1.title }.map { (process: $0, bodyName: names[$0.bodyID] ?? "–") }
        return HTMLResponse(ProcessListPage.render(processes, context: try await req.pageContext()))
    }

    func show(req: Request) async throws -> HTMLResponse {
        guard let raw = req.parameters.get("planning"), let id = UUID(uuidString: raw) else { throw Abort(.notFound) }
        let store = req.participationStore
        guard let process = try await store.one(.planningProcess, id: id, as: PlanningProcess.self)?.value else { throw Abort(.notFound) }
        let (body, _) = try await ParticipationController.visibleBody(req, id: process.bodyID)
        let papers = try await PaperController.readable(req).map(\.record).filter { (process.paperIDs ?? []).contains($0.id) }
        let paperIDs = Set(papers.map(\.id))
        let t = Texts(req.language)
        var events: [ProcessPage.Event] = papers.map { .init(date: $0.value.date.startDate.addingTimeInterval(12 * 3600), text: $0.value.reference + ": " + $0.value.title,
                                                             link: ParticipationRoute.paper($0.id)) }
        for version in try await store.all(.paperVersion, as: PaperVersion.self).map(\.value) where paperIDs.contains(version.paperID) && version.number > 1 {
            events.append(.init(date: version.createdAt, text: t(.versionLabel) + " \(version.number)", link: ParticipationRoute.paper(version.paperID)))
        }
        let bodies = try await store.all(.body, as: Body.self).map(\.value)
        let insider = try await ParticipationController.readableBodies(req, bodies: bodies.map { var b = $0; b.isPublic = false; return b })
        let meetings = Dictionary(try await store.all(.meeting, as: Meeting.self).map { ($0.id, $0.value) }, uniquingKeysWith: { a, _ in a })
        var resolutionIDs: Set<UUID> = []
        let resolutions = try await store.all(.resolution, as: Resolution.self).map(\.value)
        for item in try await store.all(.agendaItem, as: AgendaItem.self).map(\.value) where !paperIDs.isDisjoint(with: item.paperIDs) {
            guard let meeting = meetings[item.meetingID], item.isPublic || insider.contains(meeting.bodyID) else { continue }
            events.append(.init(date: meeting.start, text: meeting.name + ": " + item.title + (item.result.map { " – " + $0 } ?? ""), link: ParticipationRoute.meeting(id: meeting.id).path))
            resolutionIDs.formUnion(resolutions.filter { $0.agendaItemID == item.id }.map(\.id))
        }
        for record in try await store.all(.measure, as: Measure.self) where record.value.resolutionID.map(resolutionIDs.contains) ?? false {
            events.append(.init(date: record.createdAt, text: t(.columnMeasure) + ": " + record.value.title, link: ParticipationRoute.measure(record.id)))
        }
        return HTMLResponse(ProcessPage.render(process, bodyName: body.name, events: events, context: try await req.pageContext()))
    }
}
