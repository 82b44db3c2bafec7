import Foundation
import SoplaCore
import SoplaRender
import SoplaStore
import Vapor

/// Planners create bodies (no circle of parents) and keep their members: a person (new or known), role, organisation
/// they speak for, voting right (never for guests and advisory members), start; a membership ends, it is not deleted.
struct BodyAdminController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let manage = RoutePermission(.manageParticipation)
        let p = ParticipationRoute.self
        routes.on(.GET, p.bodyNew, manage, use: newBody)
        routes.on(.POST, p.bodies, manage, use: create)
        routes.on(.GET, p.bodyEdit, manage, use: edit)
        routes.on(.POST, p.body, manage, use: update)
        routes.on(.POST, p.members, manage, use: addMember)
        routes.on(.POST, p.membershipEnd, manage, use: endMembership)
        routes.on(.POST, p.terms, manage, use: addTerm)
    }

    func newBody(req: Request) async throws -> HTMLResponse {
        let bodies = try await req.participationStore.all(.body, as: Body.self).map(\.value).sorted { $0.name < $1.name }
        return HTMLResponse(BodyFormPage.render(bodies: bodies, values: ["public": "nein", "kind": BodyKind.workingGroup.rawValue], issues: [],
                                                context: try await req.pageContext()))
    }

    struct BodyForm: Content {
        var name: String?
        var shortName: String?
        var kind: String?
        var parentId: String?
        var `public`: String?
    }

    func create(req: Request) async throws -> Response {
        try await save(req, existing: nil)
    }

    static func body(_ req: Request) async throws -> Body {
        guard let raw = req.parameters.get("body"), let id = UUID(uuidString: raw), let body = try await req.participationStore.one(.body, id: id, as: Body.self)?.value else {
            throw Abort(.notFound)
        }
        return body
    }

    func edit(req: Request) async throws -> HTMLResponse {
        let body = try await Self.body(req)
        let bodies = try await req.participationStore.all(.body, as: Body.self).map(\.value).sorted { $0.name < $1.name }
        return HTMLResponse(BodyFormPage.render(bodies: bodies, values: BodyFormPage.values(body), issues: [], editing: body, context: try await req.pageContext()))
    }

    /// Name, short name, kind, parent and visibility of a body; terms, seats and meetings stay. Every change is in the audit log.
    func update(req: Request) async throws -> Response {
        try await save(req, existing: try await Self.body(req))
    }

    func save(_ req: Request, existing: Body?) async throws -> Response {
        let form = try req.content.decode(BodyForm.self)
        let store = req.participationStore
        let bodies = try await store.all(.body, as: Body.self).map(\.value)
        var issues: [ValidationIssue] = []
        let kind = BodyKind(rawValue: form.kind ?? "") ?? { issues.append(ValidationIssue("kind", .unknownValue(String((form.kind ?? "").prefix(20))))); return .other }()
        let draft = Body(id: existing?.id ?? UUID(), name: form.name ?? "", shortName: ServiceForm.clean(form.shortName), kind: kind,
                         parentID: ServiceForm.clean(form.parentId).flatMap(UUID.init(uuidString:)), isPublic: form.public == "ja", terms: existing?.terms ?? [])
        if ServiceForm.clean(form.parentId) != nil, draft.parentID == nil { issues.append(ValidationIssue("parentId", .unknownReference)) }
        if bodies.contains(where: { $0.id != draft.id && $0.name == draft.name.trimmingCharacters(in: .whitespaces) }) { issues.append(ValidationIssue("name", .duplicate)) }
        FieldCheck.length(draft.shortName ?? "", field: "shortName", max: 40, into: &issues)
        var body: Body?
        do { body = try draft.validated(others: bodies) } catch { issues += error.issues }
        guard let body, issues.isEmpty else {
            let values = ["name": form.name ?? "", "shortName": form.shortName ?? "", "kind": form.kind ?? "", "parentId": form.parentId ?? "", "public": form.public ?? "nein"]
            return HTMLResponse(BodyFormPage.render(bodies: bodies.sorted { $0.name < $1.name }, values: values, issues: issues, editing: existing, context: try await req.pageContext()))
                .response(status: issues.contains { $0.problem == .duplicate } ? .conflict : .unprocessableEntity)
        }
        guard body != existing else { return req.redirect(to: ParticipationRoute.body(body.id), notice: .unchanged) }
        try await store.save(.body, id: body.id, body, label: body.name, bodyID: body.id, actor: try await req.auditActor(), at: req.settings.clock.now())
        return req.redirect(to: ParticipationRoute.body(body.id), notice: existing == nil ? .created : .saved)
    }

    struct MemberForm: Content {
        var person: String?
        var newPerson: String?
        var role: String?
        var onBehalfOf: String?
        var votingRight: String?
        var start: String?
        var login: String?
    }

    func addMember(req: Request) async throws -> Response {
        guard let raw = req.parameters.get("body"), let bodyID = UUID(uuidString: raw) else { throw Abort(.notFound) }
        let store = req.participationStore
        guard try await store.one(.body, id: bodyID, as: Body.self) != nil else { throw Abort(.notFound) }
        let form = try req.content.decode(MemberForm.self)
        var issues: [ValidationIssue] = []
        let persons = try await store.all(.person, as: Person.self).map(\.value)
        var person = ServiceForm.clean(form.person).flatMap(UUID.init(uuidString:)).flatMap { id in persons.first { $0.id == id } }
        let newName = ServiceForm.clean(form.newPerson)
        if person == nil, newName == nil { issues.append(ValidationIssue("person", .required)) }
        if person != nil, newName != nil { issues.append(ValidationIssue("newPerson", .inconsistent)) }
        if let newName, newName.count > 200 { issues.append(ValidationIssue("newPerson", .tooLong(max: 200))) }
        let role = MembershipRole(rawValue: form.role ?? "") ?? { issues.append(ValidationIssue("role", .unknownValue(String((form.role ?? "").prefix(20))))); return .member }()
        let start = FormDay.read(form.start, field: "start", into: &issues)
        let organisation = ServiceForm.clean(form.onBehalfOf).flatMap(UUID.init(uuidString:))
        if let organisation, try await req.accounts.organisation(id: organisation) == nil { issues.append(ValidationIssue("onBehalfOf", .unknownReference)) }
        var membership: Membership?
        // A login belongs to one person: a new name for a login that already has a person means that person.
        let login = ServiceForm.clean(form.login).flatMap(UUID.init(uuidString:))
        if let login, let linked = persons.first(where: { $0.userID == login }) {
            if let person, person.id != linked.id { issues.append(ValidationIssue("login", .duplicate)) }
            if person == nil, newName != nil, issues.isEmpty { person = linked }
        }
        if issues.isEmpty, let start {
            if person == nil, let newName { person = Person(id: UUID(), name: newName) }
            do {
                membership = try Membership(id: UUID(), personID: person!.id, bodyID: bodyID, role: role, onBehalfOf: organisation, votingRight: form.votingRight == "ja",
                                            start: start).validated()
            } catch { issues += error.issues }
        }
        // One open seat per person and body (the database enforces it too): a second is refused here with the form.
        if let membership, try await store.all(.membership, as: Membership.self, bodyID: bodyID).contains(where: { $0.value.personID == membership.personID && $0.value.end == nil }) {
            issues.append(ValidationIssue("person", .duplicate))
        }
        guard let membership, let person, issues.isEmpty else {
            return HTMLResponse(try await ParticipationPages.bodyPage(req, id: bodyID, issues: issues)).response(status: .unprocessableEntity)
        }
        let actor = try await req.auditActor(), now = req.settings.clock.now()
        // Linking the person to a login lets them read their internal bodies and submit statements.
        var linked = person
        if let login, try await req.accounts.user(id: login) != nil { linked.userID = login }
        if !persons.contains(where: { $0 == linked }) { try await store.save(.person, id: linked.id, linked, label: linked.name, actor: actor, at: now) }
        try await store.save(.membership, id: membership.id, membership, label: person.name, bodyID: bodyID, actor: actor, at: now)
        return req.redirect(to: ParticipationRoute.body(bodyID), notice: .created)
    }

    func endMembership(req: Request) async throws -> Response {
        guard let rawBody = req.parameters.get("body"), let bodyID = UUID(uuidString: rawBody), let raw = req.parameters.get("membership"), let id = UUID(uuidString: raw),
              var membership = try await req.participationStore.one(.membership, id: id, as: Membership.self)?.value, membership.bodyID == bodyID else { throw Abort(.notFound) }
        // The last day the seat counts (quorum, access): the day chosen, else today.
        let typed = ServiceForm.clean(try? req.content.get(String.self, at: "end"))
        var issues: [ValidationIssue] = []
        let end = typed == nil ? req.settings.clock.today : FormDay.read(typed, field: "end", into: &issues)
        if let end, end < membership.start { issues.append(ValidationIssue("end", .endBeforeStart)) }
        guard let end, issues.isEmpty else {
            return HTMLResponse(try await ParticipationPages.bodyPage(req, id: bodyID, issues: issues)).response(status: .unprocessableEntity)
        }
        membership.end = end
        let name = try await req.participationStore.one(.person, id: membership.personID, as: Person.self)?.value.name ?? ""
        try await req.participationStore.save(.membership, id: id, membership, label: name, bodyID: bodyID, actor: try await req.auditActor(),
                                              at: req.settings.clock.now())
        return req.redirect(to: ParticipationRoute.body(bodyID), notice: .saved)
    }

    struct TermFormData: Content {
        var termName: String?
        var termStart: String?
        var termEnd: String?
    }

    /// Adds a legislative term; a term still open before the new one's start ends the day before it.
    func addTerm(req: Request) async throws -> Response {
        guard let raw = req.parameters.get("body"), let bodyID = UUID(uuidString: raw) else { throw Abort(.notFound) }
        let store = req.participationStore
        let bodies = try await store.all(.body, as: Body.self).map(\.value)
        guard var body = bodies.first(where: { $0.id == bodyID }) else { throw Abort(.notFound) }
        let form = try req.content.decode(TermFormData.self)
        var issues: [ValidationIssue] = []
        let name = (form.termName ?? "").trimmingCharacters(in: .whitespaces)
        if name.isEmpty { issues.append(ValidationIssue("termName", .required)) } else if name.count > 100 { issues.append(ValidationIssue("termName", .tooLong(max: 100))) }
        if body.terms.contains(where: { $0.name == name }) { issues.append(ValidationIssue("termName", .duplicate)) }
        let start = FormDay.read(form.termStart, field: "termStart", into: &issues)
        let end = FormDay.read(form.termEnd, field: "termEnd", required: false, into: &issues)
        if let start, let end, end < start { issues.append(ValidationIssue("termEnd", .endBeforeStart)) }
        if issues.isEmpty, let start {
            for index in body.terms.indices where body.terms[index].end == nil && body.terms[index].start < start {
                body.terms[index].end = Day(start.startDate.addingTimeInterval(-86_400))
            }
            body.terms.append(LegislativeTerm(id: UUID(), name: name, start: start, end: end))
            do { body = try body.validated(others: bodies) } catch { issues += error.issues }
        }
        guard issues.isEmpty else {
            let values = ["termName": form.termName ?? "", "termStart": form.termStart ?? "", "termEnd": form.termEnd ?? ""]
            return HTMLResponse(try await ParticipationPages.bodyPage(req, id: bodyID, termIssues: issues, termValues: values)).response(status: .unprocessableEntity)
        }
        body.terms.sort { $0.start < $1.start }
        try await store.save(.body, id: body.id, body, label: body.name, bodyID: body.id, actor: try await req.auditActor(), at: req.settings.clock.now())
        return req.redirect(to: ParticipationRoute.body(bodyID), notice: .saved)
    }
}
