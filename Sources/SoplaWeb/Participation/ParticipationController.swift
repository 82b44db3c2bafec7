import Foundation
import SoplaApp
import SoplaCore
import SoplaFormats
import SoplaRender
import SoplaStore
import Vapor

/// Bodies, meetings and measures for people. Public bodies are for everyone; an internal body (the steering group
/// and its working groups) only for its members and for planners (`readBodyInternal` with the body as scope).
struct ParticipationController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let read = RoutePermission(.readPublic)
        routes.on(.GET, ParticipationRoute.bodies, read, use: bodies)
        routes.on(.GET, ParticipationRoute.body, read, use: body)
        routes.on(.GET, ParticipationRoute.bodyCalendar, read, use: calendar)
        routes.on(.GET, ParticipationRoute.meeting, read, use: meeting)
        routes.on(.GET, ParticipationRoute.measures, read, use: measures)
    }


    static func uuid(_ req: Request, _ name: String) throws -> UUID {
        guard let raw = req.parameters.get(name), let id = UUID(uuidString: raw) else { throw Abort(.notFound) }
        return id
    }

    func bodies(req: Request) async throws -> HTMLResponse {
        let store = req.participationStore
        let all = try await store.all(.body, as: Body.self).map(\.value)
        let readable = try await req.participationAccess().readableBodies(all)
        let today = req.settings.clock.today
        let memberships = try await store.all(.membership, as: Membership.self).map(\.value).filter { $0.isActive(on: today) }
        let names = Dictionary(all.map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a })
        let rows = all.filter { readable.contains($0.id) }.sorted { $0.name < $1.name }.map { body in
            // An internal parent is named only to those who may see it.
            (body: body, members: memberships.filter { $0.bodyID == body.id }.count, parentName: body.parentID.flatMap { readable.contains($0) ? names[$0] : nil })
        }
        return HTMLResponse(BodyListPage.render(rows, mayManage: try await req.may(.manageParticipation), context: try await req.pageContext(showNotice: true)))
    }

    func body(req: Request) async throws -> HTMLResponse {
        HTMLResponse(try await ParticipationPages.bodyPage(req, id: try Self.uuid(req, "body")))
    }


    func calendar(req: Request) async throws -> Response {
        let (body, _) = try await req.visibleBody(id: try Self.uuid(req, "body"))
        let meetings = try await req.participationStore.all(.meeting, as: Meeting.self, bodyID: body.id)
        let events = ParticipationPages.events(meetings, siteURL: req.siteURL)
        var headers = HTTPHeaders()
        headers.contentType = HTTPMediaType(type: "text", subType: "calendar", parameters: ["charset": "utf-8"])
        return Response(status: .ok, headers: headers, body: .init(string: ICalendar.write(name: body.name, events: events, now: req.settings.clock.now())))
    }

    func meeting(req: Request) async throws -> HTMLResponse {
        let id = try Self.uuid(req, "meeting")
        guard let meeting = try await req.participationStore.one(.meeting, id: id, as: Meeting.self)?.value else { throw Abort(.notFound) }
        return HTMLResponse(try await ParticipationPages.meetingPage(req, meeting: meeting))
    }


    func measures(req: Request) async throws -> HTMLResponse {
        HTMLResponse(try await ParticipationPages.measuresPage(req, form: nil))
    }

}
