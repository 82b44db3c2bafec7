import Foundation
import SoplaCore

/// The addresses of participation, each declared once: the router registers it, views call it for the link.
public enum ParticipationRoute {
    public static let bodies = FixedPath("/gremien")
    public static let body = RoutePath<UUID>("/gremien/:body")
    public static let bodyCalendar = RoutePath<UUID>("/gremien/:body/kalender.ics")
    public static let bodyNew = FixedPath("/gremien/neu")
    public static let bodyEdit = RoutePath<UUID>("/gremien/:body/bearbeiten")
    public static let members = RoutePath<UUID>("/gremien/:body/mitglieder")
    public static let membershipEnd = RoutePath<UUID, UUID>("/gremien/:body/mitglieder/:membership/ende")
    public static let terms = RoutePath<UUID>("/gremien/:body/wahlperioden")
    public static let meetings = FixedPath("/sitzungen")
    public static let meetingNew = FixedPath("/sitzungen/neu")
    public static let meeting = RoutePath<UUID>("/sitzungen/:meeting")
    public static let meetingState = RoutePath<UUID>("/sitzungen/:meeting/status")
    public static let meetingEdit = RoutePath<UUID>("/sitzungen/:meeting/bearbeiten")
    public static let agendaItem = RoutePath<UUID, UUID>("/sitzungen/:meeting/tagesordnung/:item")
    public static let agendaItemDelete = RoutePath<UUID, UUID>("/sitzungen/:meeting/tagesordnung/:item/loeschen")
    public static let agenda = RoutePath<UUID>("/sitzungen/:meeting/tagesordnung")
    public static let attendance = RoutePath<UUID>("/sitzungen/:meeting/anwesenheit")
    public static let resolution = RoutePath<UUID, UUID>("/sitzungen/:meeting/tagesordnung/:item/beschluss")
    public static let invitation = RoutePath<UUID>("/sitzungen/:meeting/einladung")
    public static let minutes = RoutePath<UUID>("/sitzungen/:meeting/niederschrift")
    public static let personCalendar = RoutePath<UUID>("/personen/:person/kalender.ics")
    public static let measures = FixedPath("/massnahmen")
    public static let measure = RoutePath<UUID>("/massnahmen/:measure")
    public static let milestones = RoutePath<UUID>("/massnahmen/:measure/meilensteine")
    public static let milestone = RoutePath<UUID, UUID>("/massnahmen/:measure/meilensteine/:milestone")
    public static let milestoneDelete = RoutePath<UUID, UUID>("/massnahmen/:measure/meilensteine/:milestone/loeschen")
    public static let publishMeasure = RoutePath<UUID>("/massnahmen/:measure/veroeffentlichen")
    public static let inbox = FixedPath("/konto/nachrichten")
    public static let inboxRead = RoutePath<UUID>("/konto/nachrichten/:message/gelesen")
    public static let papers = FixedPath("/vorlagen")
    public static let paperNew = FixedPath("/vorlagen/neu")
    public static let paper = RoutePath<UUID>("/vorlagen/:paper")
    public static let paperEdit = RoutePath<UUID>("/vorlagen/:paper/bearbeiten")
    public static let paperVersions = RoutePath<UUID>("/vorlagen/:paper/fassungen")
    public static let paperConsultation = RoutePath<UUID>("/vorlagen/:paper/stellungnahmeverfahren")
    public static let attachments = RoutePath<UUID>("/vorlagen/:paper/anlagen")
    public static let attachment = RoutePath<UUID, UUID>("/vorlagen/:paper/anlagen/:attachment")
    public static let processes = FixedPath("/planungsprozesse")
    public static let process = RoutePath<UUID>("/planungsprozesse/:planning")
    public static let processPhases = RoutePath<UUID>("/planungsprozesse/:planning/phasen")
    public static let processPapers = RoutePath<UUID>("/planungsprozesse/:planning/vorlagen")
    public static let consultation = RoutePath<UUID, UUID>("/gremien/:body/stellungnahmen/:process")
    public static let organisationConsultations = RoutePath<UUID>("/organisationen/:id/stellungnahmen")
    public static let organisationConsultation = RoutePath<UUID, UUID>("/organisationen/:id/stellungnahmen/:process")
    public static let responseTable = RoutePath<UUID>("/stellungnahmen/:process/abwaegung")
    public static let responseTableCSV = RoutePath<UUID>("/stellungnahmen/:process/abwaegung.csv")
    public static let answer = RoutePath<UUID, UUID>("/stellungnahmen/:process/abwaegung/:statement")
}

public enum ParticipationNames {
    public static func kind(_ kind: BodyKind, _ t: Texts) -> String {
        switch kind {
        case .steeringGroup: return t(.kindSteeringGroup)
        case .workingGroup: return t(.kindWorkingGroup)
        case .youthWelfareCommittee: return t(.kindYouthWelfareCommittee)
        case .council: return t(.kindCouncil)
        case .committee: return t(.kindCommittee)
        case .other: return t(.kindOtherBody)
        }
    }

    public static func role(_ role: MembershipRole, _ t: Texts) -> String {
        switch role {
        case .chair: return t(.roleChair)
        case .deputy: return t(.roleDeputy)
        case .member: return t(.roleMember)
        case .advisory: return t(.roleAdvisory)
        case .guest: return t(.roleGuest)
        }
    }

    public static func state(_ state: MeetingState, _ t: Texts) -> String {
        switch state {
        case .planned: return t(.statePlanned)
        case .invited: return t(.stateInvited)
        case .held: return t(.stateHeld)
        case .cancelled: return t(.stateCancelled)
        }
    }

    public static func status(_ status: MeasureStatus, _ t: Texts) -> String {
        switch status {
        case .planned: return t(.measurePlanned)
        case .started: return t(.measureStarted)
        case .inProgress: return t(.measureInProgress)
        case .delayed: return t(.measureDelayed)
        case .done: return t(.measureDone)
        case .dropped: return t(.measureDropped)
        }
    }
}

/// The bodies a person may see: public ones for everyone, internal ones for their members and planners.
public enum BodyListPage {
    public static func render(_ bodies: [(body: Body, members: Int, parentName: String?)], mayManage: Bool = false, context: PageContext) -> String {
        let t = context.t
        let rows: [HTMLNode] = bodies.map { entry in
            el("tr", [], [
                el("th", [("scope", "row")], [el("a", [("href", ParticipationRoute.body(entry.body.id))], text: entry.body.name)]),
                el("td", text: ParticipationNames.kind(entry.body.kind, t)),
                el("td", text: entry.parentName ?? "–"),
                el("td", text: entry.body.isPublic ? t(.bodyPublic) : t(.bodyInternal)),
                el("td", [("class", "num")], text: String(entry.members)),
            ])
        }
        let content: [HTMLNode] = [
            el("h1", text: t(.bodiesTitle)),
            el("p", [("class", "lead")], text: t(.bodiesIntro)),
            mayManage ? el("p", [], [el("a", [("href", ParticipationRoute.bodyNew()), ("class", "button")], text: t(.newBody))]) : .empty,
            bodies.isEmpty ? el("p", [("class", "empty-state")], text: t(.noBodies)) : el("div", [("class", "table-wrap")], [el("table", [("class", "data")], [
                el("caption", text: t(.bodiesTitle)),
                el("thead", [], [el("tr", [], [t(.columnBody), t(.columnKind2), t(.columnParentBody), t(.columnVisibility), t(.columnMembers)].map {
                    el("th", [("scope", "col")], text: $0)
                })]),
                el("tbody", [], rows),
            ])]),
        ]
        return Layout(title: t(.bodiesTitle), context: context).render(content)
    }
}

/// One body: its members (with whom they speak for), its meetings and the calendar feed.
public enum BodyPage {
    public static let meetingsPerPage = 20

    public struct Model: Sendable {
        public let body: Body
        public let parentName: String?
        public let members: [(name: String, role: MembershipRole, onBehalfOf: String?, voting: Bool)]
        public let meetings: [Meeting]
        /// Where the meetings' pages stand (latest first, `meetingsPerPage` a page) and how many there are.
        public var meetingPages = ListState(path: "/")
        public var meetingTotal = 0
        /// The body's planning processes the reader may see.
        public var processes: [(id: UUID, title: String)] = []
        /// The day a seat ends on unless the planner chooses another.
        public var today: Day?
        public let subBodies: [Body]
        /// Open consultations this body is invited to (shown to those who may read the body's internal items).
        public let consultations: [(process: StatementProcess, paperTitle: String)]
        public let mayManage: Bool
        public let membershipForm: MembershipForm?
        public let membershipIDs: [UUID]
        /// Problems and entries of the planner's term form after a failed submit.
        public let termIssues: [ValidationIssue]
        public let termValues: [String: String]

        public init(body: Body, parentName: String?, members: [(name: String, role: MembershipRole, onBehalfOf: String?, voting: Bool)], meetings: [Meeting], subBodies: [Body],
                    consultations: [(process: StatementProcess, paperTitle: String)] = [], mayManage: Bool = false, membershipForm: MembershipForm? = nil,
                    membershipIDs: [UUID] = [], termIssues: [ValidationIssue] = [], termValues: [String: String] = [:]) {
            self.termIssues = termIssues
            self.termValues = termValues
            self.membershipForm = membershipForm
            self.membershipIDs = membershipIDs
            self.consultations = consultations
            self.mayManage = mayManage
            self.body = body
            self.parentName = parentName
            self.members = members
            self.meetings = meetings
            self.subBodies = subBodies
        }
    }

    public static func render(_ model: Model, context: PageContext) -> String {
        let t = context.t
        let language = context.language
        let b = model.body
        let members: HTMLNode = model.members.isEmpty ? el("p", [("class", "empty-state")], text: t(.noMembers)) : el("div", [("class", "table-wrap")], [el("table", [("class", "data")], [
            el("caption", text: t(.membersTitle)),
            el("thead", [], [el("tr", [], [t(.columnPerson), t(.columnRole), t(.columnOnBehalfOf), t(.columnVoting)].map { el("th", [("scope", "col")], text: $0) })]),
            el("tbody", [], model.members.map { m in
                el("tr", [], [el("th", [("scope", "row")], text: m.name), el("td", text: ParticipationNames.role(m.role, t)), el("td", text: m.onBehalfOf ?? "–"),
                              el("td", text: m.voting ? t(.votingYes) : t(.votingNo))])
            }),
        ])])
        let meetings: HTMLNode = model.meetings.isEmpty ? el("p", [("class", "empty-state")], text: t(.noMeetings)) : el("ul", [("class", "meetings")], model.meetings.map { m in
            el("li", [], [el("a", [("href", ParticipationRoute.meeting(m.id))], text: DateText.dateTime(m.start, language) + " – " + m.name),
                          txt(" (" + ParticipationNames.state(m.state, t) + ")")])
        })
        let content: [HTMLNode] = [
            el("p", [("class", "breadcrumb")], [el("a", [("href", ParticipationRoute.bodies())], text: t(.bodiesTitle))]),
            el("h1", text: b.name),
            el("dl", [("class", "facts")], [
                el("dt", text: t(.columnKind2)), el("dd", text: ParticipationNames.kind(b.kind, t)),
                el("dt", text: t(.columnParentBody)), el("dd", text: model.parentName ?? "–"),
                el("dt", text: t(.columnVisibility)), el("dd", text: b.isPublic ? t(.bodyPublic) : t(.bodyInternal)),
                el("dt", text: t(.termsTitle)), el("dd", text: b.terms.isEmpty ? "–" : b.terms.map { "\($0.name) (\(Format.day($0.start, language)) – \($0.end.map { Format.day($0, language) } ?? "…"))" }.joined(separator: "; ")),
            ]),
            model.subBodies.isEmpty ? .empty : el("p", [], [txt(t(.subBodiesLabel) + ": ")] + model.subBodies.map { el("a", [("href", ParticipationRoute.body($0.id))], text: $0.name) }),
            model.processes.isEmpty ? .empty : el("h2", text: t(.processesTitle)),
            model.processes.isEmpty ? .empty : el("ul", [], model.processes.map { el("li", [], [el("a", [("href", ParticipationRoute.process($0.id))], text: $0.title)]) }),
            el("p", [], [el("a", [("href", ParticipationRoute.measures() + "?gremium=" + b.id.uuidString.lowercased())], text: t(.measuresOfBody))]),
            model.consultations.isEmpty ? .empty : el("h2", text: t(.openConsultations)),
            model.consultations.isEmpty ? .empty : el("ul", [], model.consultations.map { entry in
                el("li", [], [el("a", [("href", ParticipationRoute.consultation(b.id, entry.process.id))], text: entry.paperTitle),
                              txt(" – " + t(.statementDeadline).replacingOccurrences(of: "{d}", with: DateText.dateTime(entry.process.deadline, language)))])
            }),
            el("h2", text: t(.meetingsTitle)),
            model.mayManage ? el("p", [], [el("a", [("href", ParticipationRoute.meetingNew() + "?gremium=" + b.id.uuidString.lowercased()), ("class", "button")], text: t(.newMeeting)),
                                           txt(" "), el("a", [("href", ParticipationRoute.bodyEdit(b.id))], text: t(.editBody))]) : .empty,
            meetings,
            ListTable.pager(state: model.meetingPages, pageCount: (model.meetingTotal + meetingsPerPage - 1) / meetingsPerPage, language),
            el("p", [], [el("a", [("href", ParticipationRoute.bodyCalendar(b.id))], text: t(.calendarFeed))]),
            el("h2", text: t(.membersTitle)),
            members,
        ] + (model.membershipForm.map { form in
            (model.membershipIDs.count == model.members.count ? [el("ul", [("class", "plain no-print")], zip(model.members, model.membershipIDs).enumerated().map { index, pair in
                let (member, id) = pair
                return el("li", [], [el("form", [("method", "post"), ("action", ParticipationRoute.membershipEnd(b.id, id)), ("class", "inline-form")], [
                    FormBuilder.csrf(context.csrfToken ?? ""),
                    el("div", [("class", "field")], [
                        el("label", [("for", "end-\(index)")], text: t(.membershipLastDay) + ": " + member.name),
                        el("input", [("type", "date"), ("id", "end-\(index)"), ("name", "end"), ("value", model.today?.iso ?? "")]),
                    ]),
                    el("button", [("type", "submit"), ("class", "secondary"), ("aria-label", t(.endMembership) + ": " + member.name)], text: t(.endMembership) + ": " + member.name),
                ])])
            })] : []) + form.render(context: context)
        } ?? []) + (model.mayManage ? TermForm.render(bodyID: b.id, issues: model.termIssues, values: model.termValues, context: context) : [])
        return Layout(title: b.name, context: context).render(content)
    }
}

/// A meeting with its agenda; items that are not public only for members and planners.
public enum MeetingPage {
    public struct Model: Sendable {
        public let meeting: Meeting
        public let body: Body
        public let items: [AgendaItem]
        public let papers: [UUID: Paper]
        public let resolutions: [UUID: Resolution]
        public let hiddenItems: Int
        /// The planner's forms; nil for everyone else.
        public let management: MeetingManagement?

        public init(meeting: Meeting, body: Body, items: [AgendaItem], papers: [UUID: Paper], resolutions: [UUID: Resolution], hiddenItems: Int,
                    management: MeetingManagement? = nil) {
            self.management = management
            self.meeting = meeting
            self.body = body
            self.items = items
            self.papers = papers
            self.resolutions = resolutions
            self.hiddenItems = hiddenItems
        }
    }

    public static func voteText(_ vote: Vote, _ t: Texts) -> String {
        switch vote {
        case .unanimous: return t(.voteUnanimous)
        case .counted(let yes, let no, let abstain):
            return t(.voteCounted).replacingOccurrences(of: "{y}", with: String(yes)).replacingOccurrences(of: "{n}", with: String(no))
                .replacingOccurrences(of: "{a}", with: String(abstain))
        }
    }

    public static func render(_ model: Model, context: PageContext) -> String {
        let t = context.t
        let language = context.language
        let m = model.meeting
        let items: [HTMLNode] = model.items.map { item in
            var parts: [HTMLNode] = [el("h3", text: item.number + ". " + item.title + (item.isPublic ? "" : " (" + t(.bodyInternal) + ")"))]
            let papers = item.paperIDs.compactMap { model.papers[$0] }
            if !papers.isEmpty {
                var line: [HTMLNode] = [txt(t(.papersLabel) + ": ")]
                for (index, paper) in papers.enumerated() {
                    if index > 0 { line.append(txt("; ")) }
                    line.append(el("a", [("href", ParticipationRoute.paper(paper.id))], text: paper.reference + " – " + paper.title))
                }
                if let role = item.role { line.append(txt(" (" + ParticipationNames.consultationRole(role, t) + ")")) }
                parts.append(el("p", [], line))
            }
            if let result = item.result { parts.append(el("p", text: t(.resultLabel) + ": " + result)) }
            if let resolution = model.resolutions[item.id] {
                parts.append(el("blockquote", [("class", "resolution")], [el("p", text: resolution.text), el("p", [("class", "hint")], text: voteText(resolution.vote, t))]))
            }
            return el("li", [], parts)
        }
        let content: [HTMLNode] = [
            el("p", [("class", "breadcrumb")], [el("a", [("href", ParticipationRoute.body(model.body.id))], text: model.body.name)]),
            el("h1", text: m.name),
            el("dl", [("class", "facts")], [
                el("dt", text: t(.columnWhen)), el("dd", text: DateText.dateTime(m.start, language) + " – " + DateText.dateTime(m.end, language)),
                el("dt", text: t(.columnWhere)), el("dd", text: m.location ?? "–"),
                el("dt", text: t(.columnState)), el("dd", text: ParticipationNames.state(m.state, t)),
                el("dt", text: t(.documentsLabel)), el("dd", [], [el("a", [("href", ParticipationRoute.invitation(m.id))], text: t(.meetingInvitation)), txt(" · "),
                                                                   el("a", [("href", ParticipationRoute.minutes(m.id))], text: t(.minutesTitle)), txt(" · "),
                                                                   el("a", [("href", ParticipationRoute.bodyCalendar(model.body.id))], text: "iCalendar")]),
            ]),
            el("h2", text: t(.agendaTitle)),
            items.isEmpty ? el("p", [("class", "empty-state")], text: t(.noAgenda)) : el("ol", [("class", "agenda")], items),
            model.hiddenItems > 0 ? el("p", [("class", "hint")], text: t(.hiddenItems).replacingOccurrences(of: "{n}", with: String(model.hiddenItems))) : .empty,
            model.resolutions.isEmpty ? .empty
                : el("p", [], [el("a", [("href", ParticipationRoute.measures() + "?gremium=" + m.bodyID.uuidString.lowercased())], text: t(.measuresOfMeeting))]),
        ] + (model.management?.render(meeting: m, items: model.items, resolutions: model.resolutions, context: context) ?? [])
        return Layout(title: m.name, context: context).render(content)
    }
}

/// What became of the recommendations: every measure with its rolled-up progress, and the overdue ones.
public enum MeasuresPage {
    /// Filter choices: status, body, area; `filters` holds the chosen values.
    public struct Filters: Sendable {
        public let bodies: [(id: UUID, name: String)]
        public let areas: [(key: String, name: String)]
        public let chosen: [String: String]

        public init(bodies: [(id: UUID, name: String)], areas: [(key: String, name: String)], chosen: [String: String]) {
            self.bodies = bodies
            self.areas = areas
            self.chosen = chosen
        }
    }

    public static func render(_ measures: [(measure: Measure, progress: Double, depth: Int)], today: Day, form: MeasureForm? = nil, filters: Filters? = nil,
                              context: PageContext) -> String {
        let t = context.t
        let language = context.language
        func select(_ name: String, _ label: String, _ options: [(String, String)]) -> HTMLNode {
            el("div", [("class", "field")], [el("label", [("for", name)], text: label),
                                             el("select", [("id", name), ("name", name)], options.map { el("option", [("value", $0.0), ("selected", $0.0 == (filters?.chosen[name] ?? "") ? "selected" : nil)], text: $0.1) })])
        }
        let filterForm: HTMLNode = filters.map { f in
            el("form", [("method", "get"), ("action", ParticipationRoute.measures()), ("class", "filters")], [
                select("stand", t(.columnState), [("", t(.allEntries))] + MeasureStatus.allCases.map { ($0.rawValue, ParticipationNames.status($0, t)) }),
                select("gremium", t(.columnBody), [("", t(.allEntries))] + f.bodies.map { ($0.id.uuidString.lowercased(), $0.name) }),
                select("gebiet", t(.fieldArea), [("", t(.allEntries))] + f.areas.map { ($0.key, $0.name) }),
                el("button", [("type", "submit")], text: t(.filterButton)),
            ])
        } ?? .empty
        let overdue = measures.filter { $0.measure.isOverdue(on: today) }
        func row(_ entry: (measure: Measure, progress: Double, depth: Int)) -> HTMLNode {
            let m = entry.measure
            return el("tr", [], [
                el("th", [("scope", "row"), ("style", entry.depth > 0 ? "padding-left: \(Double(entry.depth) * 1.5 + 1)rem" : nil)], [el("a", [("href", ParticipationRoute.measure(m.id))], text: m.title),
                                                                                                                                         m.isPublic ? .empty : el("span", [("class", "hint")], text: " (" + t(.measureInternalMark) + ")")]),
                el("td", text: ParticipationNames.status(m.status, t)),
                el("td", [("class", "num")], [el("progress", [("max", "100"), ("value", String(Format.clampedInt(entry.progress))), ("aria-hidden", "true")], []),
                                              txt(" " + Format.decimal(entry.progress, digits: 0, language) + " %")]),
                el("td", text: m.due.map { Format.day($0, language) } ?? "–"),
            ])
        }
        let table = { (caption: String, rows: [(measure: Measure, progress: Double, depth: Int)]) -> HTMLNode in
            el("div", [("class", "table-wrap")], [el("table", [("class", "data")], [
                el("caption", text: caption),
                el("thead", [], [el("tr", [], [t(.columnMeasure), t(.columnState), t(.columnProgress), t(.columnDue)].map { el("th", [("scope", "col")], text: $0) })]),
                el("tbody", [], rows.map(row)),
            ])])
        }
        let content: [HTMLNode] = [
            el("h1", text: t(.measuresTitle)),
            el("p", [("class", "lead")], text: t(.measuresIntro)),
            filterForm,
            measures.isEmpty ? el("p", [("class", "empty-state")], text: t(.noMeasures)) : table(t(.measuresTitle), measures),
            el("h2", text: t(.overdueTitle)),
            overdue.isEmpty ? el("p", [("class", "empty-state")], text: t(.noOverdue)) : table(t(.overdueTitle), overdue.map { ($0.measure, $0.progress, 0) }),
        ] + (form.map { [el("h2", text: t(.newMeasure))] + $0.render(action: ParticipationRoute.measures(), submit: t(.addMeasure), context: context) } ?? [])
        return Layout(title: t(.measuresTitle), context: context).render(content)
    }
}
