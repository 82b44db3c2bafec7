import Foundation
import SoplaApp
import SoplaCore
import SoplaFormats
import SoplaRender
import SoplaStore
import Vapor

/// Invitations and minutes generated from the meeting, and a person's calendar of the meetings of their bodies.
struct MeetingDocumentController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let read = RoutePermission(.readPublic)
        let p = ParticipationRoute.self
        routes.on(.GET, p.invitation, read) { req in try await document(req, kind: .invitation) }
        routes.on(.GET, p.minutes, read) { req in try await document(req, kind: .minutes) }
        routes.on(.GET, p.personCalendar, read, use: personCalendar)
        // The secret link stands for the login: who has it reads that person's meetings, internal ones too.
        routes.on(.GET, SiteRoute.Pattern.personalCalendar, read, use: personalCalendar)
    }

    func document(_ req: Request, kind: MeetingDocument.Kind) async throws -> HTMLResponse {
        guard let raw = req.parameters.get("meeting"), let id = UUID(uuidString: raw),
              let meeting = try await req.participationStore.one(.meeting, id: id, as: Meeting.self)?.value else { throw Abort(.notFound) }
        let store = req.participationStore
        let (body, _) = try await req.visibleBody(id: meeting.bodyID)
        let insider = Policy.decide(try await req.auth().principal, .readBodyInternal, scope: .body(body.id)).isAllowed
        let items = AgendaItem.ordered(try await store.all(.agendaItem, as: AgendaItem.self, bodyID: body.id).map(\.value).filter { $0.meetingID == id && (insider || $0.isPublic) })
        let papers = Dictionary(try await store.all(.paper, as: Paper.self).map(\.value).filter { insider || $0.isPublic }.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let resolutions = Dictionary(try await store.all(.resolution, as: Resolution.self, bodyID: body.id).map(\.value).filter { insider || $0.isPublic }
            .map { ($0.agendaItemID, $0) }, uniquingKeysWith: { a, _ in a })
        let members = try await store.all(.membership, as: Membership.self, bodyID: body.id).map(\.value).filter { $0.isActive(on: Day(meeting.start)) }
        let persons = Dictionary(try await store.all(.person, as: Person.self).map { ($0.id, $0.value.name) }, uniquingKeysWith: { a, _ in a })
        let (_, attendance) = try await ParticipationPages.attendance(req, meeting: id)
        let attendees = insider ? members.compactMap { m in attendance.statuses[m.personID].map { (name: persons[m.personID] ?? "–", status: $0) } } : nil
        let model = MeetingDocument.Model(kind: kind, meeting: meeting, body: body, items: items, papers: papers, resolutions: resolutions,
                                          quorum: Quorum.compute(memberships: members, bodyID: body.id, on: Day(meeting.start), attendance: attendance.statuses),
                                          attendees: attendees, chair: members.first { $0.role == .chair }.flatMap { persons[$0.personID] })
        return HTMLResponse(MeetingDocument.render(model, context: try await req.pageContext()))
    }

    /// The meetings of the bodies where the link's user has a seat (now or to come), with the internal ones, as a calendar
    /// app fetches them without a login. An unknown or revoked link is not found.
    func personalCalendar(req: Request) async throws -> Response {
        guard let token = req.parameters.get("token"), token.count <= 200,
              let user = try await req.accounts.calendarUser(tokenHash: Secrets.hash(token)) else { throw Abort(.notFound) }
        let store = req.participationStore
        let today = req.settings.clock.today
        let persons = Set(try await store.all(.person, as: Person.self).filter { $0.value.userID == user.id }.map(\.id))
        let bodies = Set(try await store.all(.membership, as: Membership.self).map(\.value)
            .filter { persons.contains($0.personID) && ($0.end.map { $0 >= today } ?? true) }.map(\.bodyID))
        let events = ParticipationPages.events(try await store.all(.meeting, as: Meeting.self).filter { bodies.contains($0.value.bodyID) }, siteURL: req.siteURL)
        var headers = HTTPHeaders()
        headers.contentType = HTTPMediaType(type: "text", subType: "calendar", parameters: ["charset": "utf-8"])
        headers.replaceOrAdd(name: .cacheControl, value: "private, max-age=300")
        headers.replaceOrAdd(name: "Referrer-Policy", value: "no-referrer")
        return Response(status: .ok, headers: headers, body: .init(string: ICalendar.write(name: user.displayName, events: events, now: req.settings.clock.now())))
    }

    /// The meetings of every body the person sits in that the requester may see.
    func personCalendar(req: Request) async throws -> Response {
        guard let raw = req.parameters.get("person"), let id = UUID(uuidString: raw),
              let person = try await req.participationStore.one(.person, id: id, as: Person.self)?.value else { throw Abort(.notFound) }
        let store = req.participationStore
        let bodies = try await store.all(.body, as: Body.self).map(\.value)
        let readable = try await req.participationAccess().readableBodies(bodies)
        let seats = Set(try await store.all(.membership, as: Membership.self).map(\.value).filter { $0.personID == id }.map(\.bodyID)).intersection(readable)
        guard !seats.isEmpty else { throw Abort(.notFound) }
        let events = ParticipationPages.events(try await store.all(.meeting, as: Meeting.self).filter { seats.contains($0.value.bodyID) }, siteURL: req.siteURL)
        var headers = HTTPHeaders()
        headers.contentType = HTTPMediaType(type: "text", subType: "calendar", parameters: ["charset": "utf-8"])
        return Response(status: .ok, headers: headers, body: .init(string: ICalendar.write(name: person.name, events: events, now: req.settings.clock.now())))
    }
}
