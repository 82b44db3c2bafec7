import Foundation
import SoplaCore
import SoplaRender
import SoplaStore
import Vapor

/// Planners run meetings: create one, move its state, add agenda items, record attendance (the quorum follows from the
/// voting members present) and resolutions (votes never more than the voting members present).
struct MeetingAdminController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let manage = RoutePermission(.manageParticipation)
        let p = ParticipationRoute.self
        routes.on(.GET, p.meetingNew, manage, use: newMeeting)
        routes.on(.POST, p.meetings, manage, use: create)
        routes.on(.GET, p.meetingEdit, manage, use: edit)
        routes.on(.POST, p.meeting, manage, use: update)
        routes.on(.GET, p.agendaItem, manage, use: editItem)
        routes.on(.POST, p.agendaItem, manage, use: updateItem)
        routes.on(.POST, p.agendaItemDelete, manage, use: deleteItem)
        routes.on(.POST, p.meetingState, manage, use: changeState)
        routes.on(.POST, p.agenda, manage, use: addItem)
        routes.on(.POST, p.attendance, manage, use: saveAttendance)
        routes.on(.POST, p.resolution, manage, use: recordResolution)
    }



    func newMeeting(req: Request) async throws -> HTMLResponse {
        let bodies = try await req.participationStore.all(.body, as: Body.self).map(\.value).sorted { $0.name < $1.name }
        let chosen = (try? req.query.get(String.self, at: "gremium")) ?? bodies.first?.id.uuidString.lowercased() ?? ""
        return HTMLResponse(MeetingFormPage.render(bodies: bodies, values: ["body": chosen, "startTime": "17:00", "endTime": "19:00"], issues: [],
                                                   context: try await req.pageContext()))
    }

    struct MeetingForm: Content {
        var body: String?
        var name: String?
        var date: String?
        var startTime: String?
        var endTime: String?
        var location: String?
    }

    func create(req: Request) async throws -> Response {
        try await save(req, existing: nil)
    }

    func edit(req: Request) async throws -> HTMLResponse {
        let meeting = try await Self.meeting(req)
        let values = ["name": meeting.name, "date": Day(meeting.start.addingTimeInterval(Double(ParticipationPages.zone.secondsFromGMT(for: meeting.start)))).iso, "startTime": Self.time(meeting.start),
                      "endTime": Self.time(meeting.end), "location": meeting.location ?? ""]
        return HTMLResponse(MeetingFormPage.render(bodies: [], values: values, issues: [], editing: meeting, context: try await req.pageContext()))
    }

    /// Name, day, times and place of a meeting; its body, state and agenda stay. A meeting held stays in the past.
    func update(req: Request) async throws -> Response {
        try await save(req, existing: try await Self.meeting(req))
    }

    static func time(_ date: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = ParticipationPages.zone
        let parts = calendar.dateComponents([.hour, .minute], from: date)
        return String(format: "%02d:%02d", parts.hour ?? 0, parts.minute ?? 0)
    }

    func save(_ req: Request, existing: Meeting?) async throws -> Response {
        let form = try req.content.decode(MeetingForm.self)
        let bodies = try await req.participationStore.all(.body, as: Body.self).map(\.value)
        var issues: [ValidationIssue] = []
        let bodyID = existing?.bodyID ?? form.body.flatMap(UUID.init(uuidString:))
        let body = bodyID.flatMap { id in bodies.first { $0.id == id } }
        if body == nil { issues.append(ValidationIssue("body", .unknownReference)) }
        let start = ParticipationPages.instant(form.date, form.startTime)
        let end = ParticipationPages.instant(form.date, form.endTime)
        if start == nil {
            let date = (form.date ?? "").trimmingCharacters(in: .whitespaces)
            if date.isEmpty { issues.append(ValidationIssue("date", .required)) }
            else if Day(input: date) == nil { issues.append(ValidationIssue("date", .notADay(String(date.prefix(20))))) }
            else { issues.append(ValidationIssue("startTime", ServiceForm.clean(form.startTime) == nil ? .required : .unknownValue(String((form.startTime ?? "").prefix(20))))) }
        }
        if end == nil, start != nil { issues.append(ValidationIssue("endTime", .required)) }
        var meeting: Meeting?
        if let body, let start, let end {
            do {
                meeting = try Meeting(id: existing?.id ?? UUID(), bodyID: body.id, name: form.name ?? "", start: start, end: end, location: ServiceForm.clean(form.location),
                                      state: existing?.state ?? .planned).validated()
            } catch {
                issues += error.issues
            }
        }
        // A meeting held has begun: it cannot move into the future.
        if let meeting, meeting.state == .held, meeting.start > req.settings.clock.now() { issues.append(ValidationIssue("date", .meetingNotHeld)) }
        guard let meeting, issues.isEmpty else {
            let values = ["body": form.body ?? "", "name": form.name ?? "", "date": form.date ?? "", "startTime": form.startTime ?? "", "endTime": form.endTime ?? "",
                          "location": form.location ?? ""]
            return HTMLResponse(MeetingFormPage.render(bodies: bodies.sorted { $0.name < $1.name }, values: values, issues: issues, editing: existing,
                                                       context: try await req.pageContext())).response(status: .unprocessableEntity)
        }
        guard meeting != existing else { return req.redirect(to: ParticipationRoute.meeting(meeting.id), notice: .unchanged) }
        try await req.participationStore.save(.meeting, id: meeting.id, meeting, label: meeting.name, bodyID: meeting.bodyID, actor: try await req.auditActor(),
                                              at: req.settings.clock.now())
        return req.redirect(to: ParticipationRoute.meeting(meeting.id), notice: existing == nil ? .created : .saved)
    }

    static func meeting(_ req: Request) async throws -> Meeting {
        guard let raw = req.parameters.get("meeting"), let id = UUID(uuidString: raw), let meeting = try await req.participationStore.one(.meeting, id: id, as: Meeting.self)?.value else {
            throw Abort(.notFound)
        }
        return meeting
    }

    struct StateForm: Content { var state: String? }

    func changeState(req: Request) async throws -> Response {
        var meeting = try await Self.meeting(req)
        let now = req.settings.clock.now()
        let raw = try req.content.decode(StateForm.self).state ?? ""
        guard let next = MeetingState(rawValue: raw), meeting.canMove(to: next, at: now) else {
            // Unknown, not allowed from here, or held before the meeting began: each said as such.
            let problem: ValidationIssue.Problem
            if let next = MeetingState(rawValue: raw) {
                problem = next == .held && meeting.canMove(to: .held, at: .distantFuture) ? .meetingNotHeld : .inconsistent
            } else {
                problem = .unknownValue(String(raw.prefix(20)))
            }
            let page = try await ParticipationPages.meetingPage(req, meeting: meeting, issues: [ValidationIssue("state", problem)])
            return try await HTMLResponse(page).response(status: .unprocessableEntity).encodeResponse(for: req)
        }
        meeting.state = next
        try await req.participationStore.save(.meeting, id: meeting.id, meeting, label: meeting.name, bodyID: meeting.bodyID, actor: try await req.auditActor(),
                                              at: now)
        if next == .invited || next == .cancelled {
            let when = DateText.dateTime(meeting.start, .de) + (meeting.location.map { ", " + $0 } ?? "")
            let subject = (next == .invited ? "Einladung: " : "Abgesagt: ") + meeting.name
            let body = next == .invited ? "Sie sind zur Sitzung am \(when) eingeladen. Die Tagesordnung steht in sopla."
                : "Die Sitzung am \(when) findet nicht statt."
            try await Notifier(req: req).notifyMembers(of: [meeting.bodyID], subject: subject, body: body, link: ParticipationRoute.meeting(meeting.id))
        }
        return req.redirect(to: ParticipationRoute.meeting(meeting.id), notice: .saved)
    }

    struct ItemForm: Content {
        var number: String?
        var title: String?
        var `public`: String?
        var paper: String?
        var role: String?
    }

    /// An agenda item as the form gives it, checked: number (unique in the meeting, the database enforces it too),
    /// subject, a paper that exists. `item` is the one being corrected, if any; the flag says whether the number is taken.
    static func readItem(_ req: Request, meeting: Meeting, item: AgendaItem?) async throws -> (AgendaItem, [ValidationIssue], numberTaken: Bool) {
        let form = try req.content.decode(ItemForm.self)
        let number = (form.number ?? "").trimmingCharacters(in: .whitespaces), title = (form.title ?? "").trimmingCharacters(in: .whitespaces)
        var issues: [ValidationIssue] = []
        if number.isEmpty { issues.append(ValidationIssue("number", .required)) } else if number.count > 10 { issues.append(ValidationIssue("number", .tooLong(max: 10))) }
        if title.isEmpty { issues.append(ValidationIssue("title", .required)) } else if title.count > 300 { issues.append(ValidationIssue("title", .tooLong(max: 300))) }
        let paper = ServiceForm.clean(form.paper).flatMap(UUID.init(uuidString:))
        if ServiceForm.clean(form.paper) != nil {
            var known = false
            if let paper { known = try await req.participationStore.one(.paper, id: paper, as: Paper.self) != nil }
            if !known { issues.append(ValidationIssue("paper", .unknownReference)) }
        }
        var taken = false
        if !number.isEmpty {
            taken = try await req.participationStore.all(.agendaItem, as: AgendaItem.self, bodyID: meeting.bodyID)
                .contains { $0.value.meetingID == meeting.id && $0.value.number == number && $0.id != item?.id }
        }
        if taken { issues.append(ValidationIssue("number", .duplicate)) }
        var read = item ?? AgendaItem(id: UUID(), meetingID: meeting.id, number: number, title: title, isPublic: true)
        read.number = number
        read.title = title
        read.isPublic = form.public != "nein"
        read.paperIDs = paper.map { [$0] } ?? []
        read.role = paper == nil ? nil : form.role.flatMap(ConsultationRole.init(rawValue:)) ?? .advice
        return (read, issues, taken)
    }

    static func itemValues(_ req: Request) -> [String: String] {
        let form = (try? req.content.decode(ItemForm.self)) ?? ItemForm()
        return ["number": form.number ?? "", "title": form.title ?? "", "public": form.public ?? "ja", "paper": form.paper ?? "", "role": form.role ?? ""]
    }

    func addItem(req: Request) async throws -> Response {
        let meeting = try await Self.meeting(req)
        let (item, issues, taken) = try await Self.readItem(req, meeting: meeting, item: nil)
        guard issues.isEmpty else {
            return HTMLResponse(try await ParticipationPages.meetingPage(req, meeting: meeting, issues: issues, itemValues: Self.itemValues(req)))
                .response(status: taken ? .conflict : .unprocessableEntity)
        }
        try await req.participationStore.save(.agendaItem, id: item.id, item, label: item.title, bodyID: meeting.bodyID, actor: try await req.auditActor(),
                                              at: req.settings.clock.now())
        return req.redirect(to: ParticipationRoute.meeting(meeting.id), notice: .created)
    }


    func saveAttendance(req: Request) async throws -> Response {
        let meeting = try await Self.meeting(req)
        let members = try await req.participationStore.all(.membership, as: Membership.self, bodyID: meeting.bodyID).map(\.value).filter { $0.isActive(on: Day(meeting.start)) }
        var statuses: [UUID: AttendanceStatus] = [:]
        for member in members {
            if let raw = try? req.content.get(String.self, at: "p" + member.personID.uuidString.lowercased()) {
                guard let status = AttendanceStatus(rawValue: raw) else { throw Refusal(.unprocessableEntity, "Anwesenheit: „\(raw.prefix(20))“ ist keine der Angaben anwesend, entschuldigt oder abwesend.", "Attendance: “\(raw.prefix(20))” is none of present, excused or absent.") }
                statuses[member.personID] = status
            }
        }
        // Decisions already recorded must stay true: no fewer voting members than votes, and the quorum kept.
        let quorum = Quorum.compute(memberships: members, bodyID: meeting.bodyID, on: Day(meeting.start), attendance: statuses)
        let problems = Minutes.problemsOfAttendance(quorum: quorum, decided: try await Self.decided(req, meeting: meeting))
        guard problems.isEmpty else {
            let page = try await ParticipationPages.meetingPage(req, meeting: meeting, issues: problems, typedAttendance: statuses)
            return try await HTMLResponse(page).response(status: .conflict).encodeResponse(for: req)
        }
        let (id, _) = try await ParticipationPages.attendance(req, meeting: meeting.id)
        try await req.participationStore.save(.attendance, id: id ?? UUID(), Attendance(meetingID: meeting.id, statuses: statuses), label: meeting.name,
                                              bodyID: meeting.bodyID, actor: try await req.auditActor(), at: req.settings.clock.now())
        return req.redirect(to: ParticipationRoute.meeting(meeting.id), notice: .saved)
    }

    struct ResolutionForm: Content {
        var text: String?
        var yes: String?
        var no: String?
        var abstain: String?
        var unanimous: String?
    }

    /// The agenda items of a meeting with their recorded decisions.
    static func decided(_ req: Request, meeting: Meeting) async throws -> [(item: AgendaItem, resolution: Resolution)] {
        let store = req.participationStore
        let items = Dictionary(try await store.all(.agendaItem, as: AgendaItem.self, bodyID: meeting.bodyID).map(\.value).filter { $0.meetingID == meeting.id }
            .map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        return try await store.all(.resolution, as: Resolution.self, bodyID: meeting.bodyID).map(\.value).compactMap { resolution in
            items[resolution.agendaItemID].map { (item: $0, resolution: resolution) }
        }
    }

    func recordResolution(req: Request) async throws -> Response {
        let meeting = try await Self.meeting(req)
        let store = req.participationStore
        guard let raw = req.parameters.get("item"), let itemID = UUID(uuidString: raw),
              let item = try await store.one(.agendaItem, id: itemID, as: AgendaItem.self)?.value, item.meetingID == meeting.id else { throw Abort(.notFound) }
        let form = try req.content.decode(ResolutionForm.self)
        let members = try await store.all(.membership, as: Membership.self, bodyID: meeting.bodyID).map(\.value)
        let (_, attendance) = try await ParticipationPages.attendance(req, meeting: meeting.id)
        let quorum = Quorum.compute(memberships: members, bodyID: meeting.bodyID, on: Day(meeting.start), attendance: attendance.statuses)
        var issues: [ValidationIssue] = []
        let text = (form.text ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        if text.isEmpty { issues.append(ValidationIssue("text", .required)) }
        FieldCheck.length(text, field: "text", max: 20_000, into: &issues)
        // Counts as typed: empty is none, anything else a whole number within the plausible range.
        var counts: [Int] = []
        for (field, raw) in [("yes", form.yes), ("no", form.no), ("abstain", form.abstain)] {
            let typed = (raw ?? "").trimmingCharacters(in: .whitespaces)
            if typed.isEmpty { counts.append(0) } else if let count = Int(typed), Plausible.votes.contains(count) { counts.append(count) }
            else { issues.append(Plausible.votes.issue(field)); counts.append(0) }
        }
        let unanimous = form.unanimous == "ja"
        if unanimous, counts[1] > 0 || counts[2] > 0 { issues.append(ValidationIssue("votes", .unanimousWithDissent)) }
        let vote: Vote = unanimous ? .unanimous : .counted(yes: counts[0], no: counts[1], abstain: counts[2])
        if issues.allSatisfy({ !["yes", "no", "abstain", "votes"].contains($0.field) }) {
            issues += Minutes.problemsOfDecision(vote, meeting: meeting, quorum: quorum)
            // Yes-votes typed beside "unanimous" are held to the members present too.
            if unanimous, counts[0] > quorum.votingPresent { issues.append(ValidationIssue("votes", .tooManyVotes(cast: counts[0], present: quorum.votingPresent))) }
        }
        // One resolution per agenda item (the database enforces it too): a second tab or a second click is refused.
        let decidedAlready = try await store.all(.resolution, as: Resolution.self).contains { $0.value.agendaItemID == item.id }
        if decidedAlready { issues = [ValidationIssue("resolution", .duplicate)] }
        guard issues.isEmpty else {
            let typed = ["text": form.text ?? "", "yes": form.yes ?? "", "no": form.no ?? "", "abstain": form.abstain ?? "", "unanimous": form.unanimous ?? ""]
            let page = try await ParticipationPages.meetingPage(req, meeting: meeting, issues: issues, failedItem: itemID, resolutionValues: typed.mapValues { String($0.prefix(20_000)) })
            return HTMLResponse(page).response(status: decidedAlready ? .conflict : .unprocessableEntity)
        }
        // The paper version on the table when the body decided.
        let decidedVersion = try await item.paperIDs.first.asyncMap { paper in
            try await store.all(.paperVersion, as: PaperVersion.self).map(\.value).filter { $0.paperID == paper }.map(\.number).max()
        } ?? nil
        let resolution = Resolution(id: UUID(), agendaItemID: item.id, vote: vote, text: text, paperID: item.paperIDs.first, paperVersion: decidedVersion,
                                    isPublic: item.isPublic)
        var decided = item
        decided.result = vote.isAdopted(presentVoting: quorum.votingPresent) ? "beschlossen" : "abgelehnt"
        decided.resolutionText = text
        let actor = try await req.auditActor(), now = req.settings.clock.now()
        try await store.save(.resolution, id: resolution.id, resolution, label: item.title, bodyID: meeting.bodyID, actor: actor, at: now)
        try await store.save(.agendaItem, id: decided.id, decided, label: decided.title, bodyID: meeting.bodyID, actor: actor, at: now)
        try await Notifier(req: req).notifyMembers(of: [meeting.bodyID], subject: "Beschluss: " + item.title, body: text,
                                                   link: ParticipationRoute.meeting(meeting.id))
        return req.redirect(to: ParticipationRoute.meeting(meeting.id), notice: .saved)
    }

    /// The agenda item of the route, in the meeting of the route.
    static func item(_ req: Request, meeting: Meeting) async throws -> AgendaItem {
        guard let raw = req.parameters.get("item"), let id = UUID(uuidString: raw),
              let item = try await req.participationStore.one(.agendaItem, id: id, as: AgendaItem.self)?.value, item.meetingID == meeting.id else { throw Abort(.notFound) }
        return item
    }

    func itemPage(_ req: Request, meeting: Meeting, item: AgendaItem, values: [String: String], issues: [ValidationIssue]) async throws -> String {
        let decided = try await Self.decided(req, meeting: meeting).contains { $0.item.id == item.id }
        let papers = try await req.participationStore.all(.paper, as: Paper.self).map(\.value).sorted { $0.reference < $1.reference }
        return AgendaItemFormPage.render(meeting: meeting, item: item, decided: decided, papers: papers, values: values, issues: issues, context: try await req.pageContext())
    }

    func editItem(req: Request) async throws -> HTMLResponse {
        let meeting = try await Self.meeting(req)
        let item = try await Self.item(req, meeting: meeting)
        return HTMLResponse(try await itemPage(req, meeting: meeting, item: item, values: AgendaItemFormPage.values(item), issues: []))
    }

    /// Number (unique in the meeting), subject, visibility, paper and role of an agenda item; a decided item keeps its
    /// paper, as the resolution names the version decided on.
    func updateItem(req: Request) async throws -> Response {
        let meeting = try await Self.meeting(req)
        let item = try await Self.item(req, meeting: meeting)
        let (changed, read, taken) = try await Self.readItem(req, meeting: meeting, item: item)
        var issues = read
        let decided = try await Self.decided(req, meeting: meeting).contains { $0.item.id == item.id }
        if decided, changed.paperIDs.first != item.paperIDs.first { issues.append(ValidationIssue("paper", .inconsistent)) }
        guard issues.isEmpty else {
            return HTMLResponse(try await itemPage(req, meeting: meeting, item: item, values: Self.itemValues(req), issues: issues))
                .response(status: taken ? .conflict : .unprocessableEntity)
        }
        guard changed != item else { return req.redirect(to: ParticipationRoute.meeting(meeting.id), notice: .unchanged) }
        try await req.participationStore.save(.agendaItem, id: item.id, changed, label: changed.title, bodyID: meeting.bodyID, actor: try await req.auditActor(),
                                              at: req.settings.clock.now())
        return req.redirect(to: ParticipationRoute.meeting(meeting.id), notice: .saved)
    }

    /// Removes an agenda item on which nothing is decided (it stays readable as deleted for OParl clients).
    func deleteItem(req: Request) async throws -> Response {
        let meeting = try await Self.meeting(req)
        let item = try await Self.item(req, meeting: meeting)
        guard !(try await Self.decided(req, meeting: meeting).contains { $0.item.id == item.id }) else {
            // The page says that the item is decided and offers no removal.
            return HTMLResponse(try await itemPage(req, meeting: meeting, item: item, values: AgendaItemFormPage.values(item), issues: [])).response(status: .conflict)
        }
        try await req.participationStore.delete(.agendaItem, id: item.id, actor: try await req.auditActor(), at: req.settings.clock.now())
        return req.redirect(to: ParticipationRoute.meeting(meeting.id), notice: .saved)
    }
}
