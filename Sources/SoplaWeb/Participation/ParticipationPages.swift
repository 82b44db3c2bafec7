import Foundation
import SoplaApp
import SoplaCore
import SoplaFormats
import SoplaRender
import SoplaStore
import Vapor

extension Request {
    var participationStore: ParticipationStore { ParticipationStore(database: db) }

    /// What the requester may read of participation (`ParticipationAccess`).
    func participationAccess() async throws -> ParticipationAccess {
        ParticipationAccess(principal: try await auth().principal, participation: participationStore, funding: fundingStore)
    }

    /// The body of the route if the requester may see it; 404 otherwise (an internal body's existence is not told).
    func visibleBody(id: UUID) async throws -> (SoplaCore.Body, [SoplaCore.Body]) {
        guard let found = try await participationAccess().visibleBody(id: id) else { throw Abort(.notFound) }
        return (found.body, found.all)
    }
}

extension Application {
    var participationStore: ParticipationStore { ParticipationStore(database: db) }
}

/// Pages and parts of participation that several controllers show: a body, a meeting, the measures, attendance,
/// calendar events. The read controller and the planners' controllers both render through here.
enum ParticipationPages {
    static func bodyPage(_ req: Request, id: UUID, issues: [ValidationIssue] = [], termIssues: [ValidationIssue] = [], termValues: [String: String] = [:]) async throws -> String {
        let (body, all) = try await req.visibleBody(id: id)
        let store = req.participationStore
        let today = req.settings.clock.today
        let persons = Dictionary(try await store.all(.person, as: Person.self).map { ($0.id, $0.value.name) }, uniquingKeysWith: { a, _ in a })
        let organisations = Dictionary(try await req.accounts.organisations().map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a })
        let order: [MembershipRole] = [.chair, .deputy, .member, .advisory, .guest]
        let seats = try await store.all(.membership, as: Membership.self, bodyID: body.id).map(\.value).filter { $0.isActive(on: today) }
            .sorted { (order.firstIndex(of: $0.role)!, persons[$0.personID] ?? "") < (order.firstIndex(of: $1.role)!, persons[$1.personID] ?? "") }
        let members = seats.map { (name: persons[$0.personID] ?? "–", role: $0.role, onBehalfOf: $0.onBehalfOf.flatMap { organisations[$0] }, voting: $0.votingRight) }
        // The meetings a page at a time, latest first; a page beyond the end shows the last.
        var meetingPages = ListState(path: ParticipationRoute.body(body.id), page: (try? req.query.get(Int.self, at: "seite")) ?? 1)
        var meetingPage = try await store.meetings(bodyID: body.id, page: meetingPages.page, perPage: BodyPage.meetingsPerPage)
        if let last = Paging.lastPage(total: meetingPage.total, perPage: BodyPage.meetingsPerPage, asked: meetingPages.page, found: meetingPage.items.count) {
            meetingPages = meetingPages.onPage(last)
            meetingPage = try await store.meetings(bodyID: body.id, page: last, perPage: BodyPage.meetingsPerPage)
        }
        let meetings = meetingPage.items.map(\.value)
        let readable = try await req.participationAccess().readableBodies(all)
        let principal = try await req.auth().principal
        var consultations: [(process: StatementProcess, paperTitle: String)] = []
        if Policy.decide(principal, .readBodyInternal, scope: .body(body.id)).isAllowed {
            let now = req.settings.clock.now()
            let papers = Dictionary(try await store.all(.paper, as: Paper.self).map { ($0.id, $0.value.title) }, uniquingKeysWith: { a, _ in a })
            consultations = try await store.all(.statementProcess, as: StatementProcess.self).map(\.value)
                .filter { $0.bodies.contains(body.id) && $0.acceptsStatements(at: now) }.map { ($0, papers[$0.paperID] ?? "–") }
        }
        var model = BodyPage.Model(body: body, parentName: body.parentID.flatMap { parent in readable.contains(parent) ? all.first { $0.id == parent }?.name : nil }, members: members,
                                   meetings: meetings, subBodies: all.filter { $0.parentID == body.id && readable.contains($0.id) }, consultations: consultations,
                                   mayManage: Policy.decide(principal, .manageParticipation).isAllowed,
                                   membershipForm: Policy.decide(principal, .manageParticipation).isAllowed
                                       ? MembershipForm(bodyID: body.id, persons: try await store.all(.person, as: Person.self).map(\.value).filter { !$0.isErased }.sorted { $0.name < $1.name },
                                                        organisations: try await req.activeOrganisationChoices(),
                                                        users: try await req.accounts.users().filter(\.active).sorted { $0.displayName < $1.displayName }.map { ($0.id, $0.displayName) },
                                                        issues: issues) : nil,
                                   membershipIDs: seats.map(\.id), termIssues: termIssues, termValues: termValues)
        model.meetingPages = meetingPages
        model.meetingTotal = meetingPage.total
        model.processes = try await store.all(.planningProcess, as: PlanningProcess.self).map(\.value).filter { $0.bodyID == body.id }
            .sorted { $0.title < $1.title }.map { (id: $0.id, title: $0.title) }
        model.today = req.settings.clock.today
        return BodyPage.render(model, context: try await req.pageContext(showNotice: true))
    }

    /// The meeting page, with the planner's forms for planners (and a failed form's problems).
    static func meetingPage(_ req: Request, meeting: Meeting, issues: [ValidationIssue] = [], failedItem: UUID? = nil,
                            itemValues: [String: String] = [:], resolutionValues: [String: String] = [:],
                            typedAttendance: [UUID: AttendanceStatus]? = nil) async throws -> String {
        let store = req.participationStore
        let (body, _) = try await req.visibleBody(id: meeting.bodyID)
        let principal = try await req.auth().principal
        let insider = Policy.decide(principal, .readBodyInternal, scope: .body(body.id)).isAllowed
        let items = AgendaItem.ordered(try await store.all(.agendaItem, as: AgendaItem.self, bodyID: body.id).map(\.value).filter { $0.meetingID == meeting.id })
        let shown = items.filter { insider || $0.isPublic }
        let allPapers = try await store.all(.paper, as: Paper.self).map(\.value)
        let papers = Dictionary(allPapers.filter { insider || $0.isPublic }.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let resolutions = Dictionary(try await store.all(.resolution, as: Resolution.self, bodyID: body.id).map(\.value).filter { insider || $0.isPublic }
            .map { ($0.agendaItemID, $0) }, uniquingKeysWith: { a, _ in a })
        var management: MeetingManagement?
        if Policy.decide(principal, .manageParticipation).isAllowed {
            let members = try await store.all(.membership, as: Membership.self, bodyID: body.id).map(\.value).filter { $0.isActive(on: Day(meeting.start)) }
            let persons = Dictionary(try await store.all(.person, as: Person.self).map { ($0.id, $0.value.name) }, uniquingKeysWith: { a, _ in a })
            let (_, attendance) = try await ParticipationPages.attendance(req, meeting: meeting.id)
            // A refused attendance form shows what was chosen; the quorum shown is the one recorded.
            let statuses = typedAttendance ?? attendance.statuses
            management = MeetingManagement(
                members: members.map { (personID: $0.personID, name: persons[$0.personID] ?? "–", voting: $0.votingRight, status: statuses[$0.personID]) }
                    .sorted { $0.name < $1.name },
                quorum: Quorum.compute(memberships: members, bodyID: body.id, on: Day(meeting.start), attendance: attendance.statuses),
                papers: allPapers.sorted { $0.reference < $1.reference }, issues: issues, failedItem: failedItem, itemValues: itemValues,
                resolutionValues: resolutionValues, now: req.settings.clock.now())
        }
        let model = MeetingPage.Model(meeting: meeting, body: body, items: shown, papers: papers, resolutions: resolutions, hiddenItems: items.count - shown.count,
                                      management: management)
        return MeetingPage.render(model, context: try await req.pageContext(showNotice: true))
    }

    /// The overview with rolled-up progress (tree order), the overdue list and, for planners, the form for a new measure.
    static func measuresPage(_ req: Request, form: MeasureForm?) async throws -> String {
        let store = req.participationStore
        // Measures agreed in a quality dialogue stay internal until a planner publishes them.
        let measures = try await req.participationAccess().visibleMeasures()
        let progress = MeasureProgress.rollUp(measures, method: .weighted)
        var rows: [(measure: Measure, progress: Double, depth: Int)] = []
        func add(_ parent: UUID?, depth: Int) {
            for measure in measures.filter({ $0.parentID == parent }).sorted(by: { $0.title < $1.title }) {
                rows.append((measure, progress[measure.id] ?? 0, depth))
                add(measure.id, depth: depth + 1)
            }
        }
        add(nil, depth: 0)
        // Filters: status, the body whose resolution a measure (or its parent) comes from, and area.
        var chosen: [String: String] = [:]
        for name in ["stand", "gremium", "gebiet"] { if let value = try? req.query.get(String.self, at: name), !value.isEmpty { chosen[name] = String(value.prefix(60)) } }
        let bodies = try await store.all(.body, as: Body.self).map(\.value)
        let readable = try await req.participationAccess().readableBodies(bodies)
        var bodyOfResolution: [UUID: UUID] = [:]
        for body in bodies { for record in try await store.all(.resolution, as: Resolution.self, bodyID: body.id) { bodyOfResolution[record.id] = body.id } }
        let byID = Dictionary(measures.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        func body(of measure: Measure) -> UUID? {
            var current: Measure? = measure
            var seen: Set<UUID> = []
            while let m = current, seen.insert(m.id).inserted {
                if let resolution = m.resolutionID, let body = bodyOfResolution[resolution] { return body }
                current = m.parentID.flatMap { byID[$0] }
            }
            return nil
        }
        if !chosen.isEmpty {
            rows = rows.filter { row in
                if let status = chosen["stand"], row.measure.status.rawValue != status { return false }
                if let chosenBody = chosen["gremium"], body(of: row.measure)?.uuidString.lowercased() != chosenBody { return false }
                if let area = chosen["gebiet"], !row.measure.unitKeys.contains(area) { return false }
                return true
            }.map { ($0.measure, $0.progress, 0) }
        }
        let units = try await req.spatial.allUnits().filter { $0.levelCode == SpatialLevel.municipality.code }.sorted { $0.name < $1.name }
        let filters = MeasuresPage.Filters(bodies: bodies.filter { readable.contains($0.id) }.sorted { $0.name < $1.name }.map { ($0.id, $0.name) },
                                           areas: units.map { ($0.key, $0.name) }, chosen: chosen)
        var shownForm: MeasureForm?
        if try await req.may(.manageParticipation) {
            let organisations = try await req.activeOrganisationChoices()
            if let form { shownForm = form } else { shownForm = MeasureForm(measures: measures, organisations: organisations, choices: try await MeasureController.choices(req).0) }
        }
        return MeasuresPage.render(rows, today: req.settings.clock.today, form: shownForm, filters: filters, context: try await req.pageContext(showNotice: true))
    }

    /// A body's meetings as iCalendar events, each linking to its page.
    static func events(_ meetings: [ParticipationRecord<Meeting>], siteURL: String) -> [ICalendar.Event] {
        meetings.map { record in
            ICalendar.Event(uid: record.id.uuidString.lowercased() + "@sopla", start: record.value.start, end: record.value.end, summary: record.value.name,
                            location: record.value.location, url: siteURL + ParticipationRoute.meeting(record.id),
                            cancelled: record.value.state == .cancelled, lastModified: record.modifiedAt)
        }
    }

    /// The meeting's attendance record and its id (one per meeting).
    static func attendance(_ req: Request, meeting: UUID) async throws -> (UUID?, Attendance) {
        let record = try await req.participationStore.all(.attendance, as: Attendance.self).first { $0.value.meetingID == meeting }
        return (record?.id, record?.value ?? Attendance(meetingID: meeting, statuses: [:]))
    }

    /// A local date and time in Wetzlar as an instant.
    static func instant(_ date: String?, _ time: String?) -> Date? {
        guard let day = Day(input: date ?? ""), let minutes = (time ?? "").isEmpty ? nil : ServiceEntry.minutes(time!) else { return nil }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = ParticipationPages.zone
        return calendar.date(from: DateComponents(year: day.year, month: day.month, day: day.day, hour: minutes / 60, minute: minutes % 60))
    }

    static let zone = TimeZone(identifier: "Europe/Berlin")!

    /// Papers the requester may read — all of `ids` that are public or of a body the requester belongs to — with their bodies.
    static func readable(_ req: Request, ids: Set<UUID>) async throws -> [(record: ParticipationRecord<Paper>, body: Body?)] {
        let store = req.participationStore
        let bodies = try await store.all(.body, as: Body.self).map(\.value)
        let byID = Dictionary(bodies.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let page = try await store.papers(readableBodies: try await req.participationAccess().insiderBodies(bodies), ids: ids, perPage: max(1, ids.count))
        return page.items.map { ($0.record, byID[$0.bodyID]) }
    }
}
