import Foundation
import SoplaCore

/// A new meeting of a body.
public enum MeetingFormPage {
    /// A new meeting, or the meeting `editing` (its body stays).
    public static func render(bodies: [Body], values: [String: String], issues: [ValidationIssue], editing: Meeting? = nil, context: PageContext) -> String {
        let t = context.t
        let form = FormBuilder(language: context.language, issues: issues)
        let labels = ["body": t(.columnBody), "name": t(.fieldMeetingName), "date": t(.fieldMeetingDate), "startTime": t(.fieldStartTime),
                      "endTime": t(.fieldEndTime), "end": t(.fieldEndTime), "location": t(.columnWhere), "state": t(.fieldNewState)]
        let title = editing == nil ? t(.newMeeting) : t(.editMeeting)
        let content: [HTMLNode] = [
            el("p", [("class", "breadcrumb")], [el("a", [("href", ParticipationRoute.bodies())], text: t(.bodiesTitle))]
                + (editing.map { [txt(" › "), el("a", [("href", ParticipationRoute.meeting($0.id))], text: $0.name)] } ?? [])),
            el("h1", text: title),
            form.summary(labels: labels),
            el("form", [("method", "post"), ("action", editing.map { ParticipationRoute.meeting($0.id) } ?? ParticipationRoute.meetings()), ("class", "stacked")], [
                FormBuilder.csrf(context.csrfToken ?? ""),
                editing == nil ? form.select("body", label: labels["body"]!, options: bodies.map { ($0.id.uuidString.lowercased(), $0.name) }, selected: values["body"], required: true)
                    : .empty,
                form.text("name", label: labels["name"]!, value: values["name"], required: true),
                form.text("date", label: labels["date"]!, value: values["date"], type: "date", required: true),
                form.text("startTime", label: labels["startTime"]!, value: values["startTime"], type: "time", required: true, hint: t(.timeHint)),
                form.text("endTime", label: labels["endTime"]!, value: values["endTime"], type: "time", required: true),
                form.text("location", label: labels["location"]!, value: values["location"], maxLength: 300),
                el("div", [("class", "actions")], [el("button", [("type", "submit")], text: editing == nil ? t(.createMeeting) : t(.save))]),
            ]),
        ]
        return Layout(title: title, context: context).render(content)
    }
}

/// Correcting one agenda item: number, subject, visibility, paper and why the body treats it; removing it while
/// nothing is decided on it.
public enum AgendaItemFormPage {
    public static func render(meeting: Meeting, item: AgendaItem, decided: Bool, papers: [Paper], values: [String: String], issues: [ValidationIssue],
                              context: PageContext) -> String {
        let t = context.t
        let form = FormBuilder(language: context.language, issues: issues)
        let labels = ["number": t(.fieldItemNumber), "title": t(.fieldItemTitle), "public": t(.columnVisibility), "paper": t(.papersLabel),
                      "role": t(.fieldConsultationRole), "resolution": t(.resolutionLabel)]
        let csrf = FormBuilder.csrf(context.csrfToken ?? "")
        let content: [HTMLNode] = [
            el("p", [("class", "breadcrumb")], [el("a", [("href", ParticipationRoute.meeting(meeting.id))], text: meeting.name)]),
            el("h1", text: t(.editAgendaItem) + ": " + item.number + ". " + item.title),
            form.summary(labels: labels),
            decided ? el("p", [("class", "notice notice-info")], text: t(.agendaItemDecided)) : .empty,
            el("form", [("method", "post"), ("action", ParticipationRoute.agendaItem(meeting.id, item.id)), ("class", "stacked")], [csrf,
                form.text("number", label: labels["number"]!, value: values["number"], required: true, maxLength: 10),
                form.text("title", label: labels["title"]!, value: values["title"], required: true, maxLength: 300),
                form.select("public", label: labels["public"]!, options: [("ja", t(.bodyPublic)), ("nein", t(.bodyInternal))], selected: values["public"] ?? "ja"),
                form.select("paper", label: labels["paper"]!, options: [("", "–")] + papers.map { ($0.id.uuidString.lowercased(), $0.reference + " – " + $0.title) },
                            selected: values["paper"] ?? ""),
                form.select("role", label: labels["role"]!, options: ConsultationRole.allCases.map { ($0.rawValue, ParticipationNames.consultationRole($0, t)) },
                            selected: values["role"] ?? ConsultationRole.advice.rawValue),
                el("div", [("class", "actions")], [el("button", [("type", "submit")], text: t(.save))]),
            ]),
            decided ? .empty : el("form", [("method", "post"), ("action", ParticipationRoute.agendaItemDelete(meeting.id, item.id)), ("class", "inline-form")], [csrf,
                el("button", [("type", "submit"), ("class", "danger")], text: t(.deleteAgendaItem)),
            ]),
        ]
        return Layout(title: t(.editAgendaItem), context: context).render(content)
    }

    public static func values(_ item: AgendaItem) -> [String: String] {
        ["number": item.number, "title": item.title, "public": item.isPublic ? "ja" : "nein", "paper": item.paperIDs.first?.uuidString.lowercased() ?? "",
         "role": item.role?.rawValue ?? ConsultationRole.advice.rawValue]
    }
}

/// What a planner sees below a meeting: state, agenda form, attendance with quorum, resolutions.
public struct MeetingManagement: Sendable {
    public let members: [(personID: UUID, name: String, voting: Bool, status: AttendanceStatus?)]
    public let quorum: Quorum
    public let papers: [Paper]
    public let issues: [ValidationIssue]
    /// The agenda item a failed resolution form belongs to.
    public let failedItem: UUID?
    /// What was typed into the agenda form or the failed item's resolution form, kept when it was refused.
    public let itemValues: [String: String]
    public let resolutionValues: [String: String]
    /// Which state changes are offered depends on the time (a meeting is held from its start).
    public let now: Date

    public init(members: [(personID: UUID, name: String, voting: Bool, status: AttendanceStatus?)], quorum: Quorum, papers: [Paper], issues: [ValidationIssue] = [],
                failedItem: UUID? = nil, itemValues: [String: String] = [:], resolutionValues: [String: String] = [:], now: Date) {
        self.itemValues = itemValues
        self.resolutionValues = resolutionValues
        self.now = now
        self.members = members
        self.quorum = quorum
        self.papers = papers
        self.issues = issues
        self.failedItem = failedItem
    }

    func render(meeting: Meeting, items: [AgendaItem], resolutions: [UUID: Resolution], context: PageContext) -> [HTMLNode] {
        let t = context.t
        let form = FormBuilder(language: context.language, issues: issues)
        let csrf = FormBuilder.csrf(context.csrfToken ?? "")
        let next = MeetingState.allCases.filter { meeting.canMove(to: $0, at: now) }
        var nodes: [HTMLNode] = [el("h2", text: t(.manageMeeting)), el("p", [], [el("a", [("href", ParticipationRoute.meetingEdit(meeting.id))], text: t(.editMeeting))])]
        if !items.isEmpty {
            nodes.append(el("ul", [("class", "agenda-edit")], items.map { item in
                el("li", [], [el("a", [("href", ParticipationRoute.agendaItem(meeting.id, item.id))], text: t(.editAgendaItem) + ": " + item.number + ". " + item.title)])
            }))
        }
        // Problems of the agenda, attendance or state form, or of an item without a resolution form (decided meanwhile, or
        // in a meeting not held): a summary on top.
        if failedItem.map({ resolutions[$0] != nil || meeting.state != .held }) ?? true {
            nodes.append(form.summary(labels: ["number": t(.fieldItemNumber), "title": t(.fieldItemTitle), "paper": t(.papersLabel), "resolution": t(.resolutionLabel),
                                               "attendance": t(.attendanceTitle), "state": t(.fieldNewState),
                                               "quorum": t(.attendanceTitle), "votes": t(.resolutionLabel)]))
        }
        if !next.isEmpty {
            nodes.append(el("form", [("method", "post"), ("action", ParticipationRoute.meetingState(meeting.id)), ("class", "inline-form")], [csrf,
                form.select("state", label: t(.fieldNewState), options: next.map { ($0.rawValue, ParticipationNames.state($0, t)) }, selected: next.first?.rawValue),
                el("button", [("type", "submit")], text: t(.changeState)),
            ]))
        }
        nodes += [
            el("h3", text: t(.attendanceTitle)),
            el("p", [("class", quorum.isQuorate ? "notice notice-success" : "notice notice-warning")], text: (quorum.isQuorate ? t(.quorate) : t(.notQuorate))
                .replacingOccurrences(of: "{p}", with: String(quorum.votingPresent)).replacingOccurrences(of: "{n}", with: String(quorum.votingMembers))
                .replacingOccurrences(of: "{r}", with: String(quorum.required))),
            el("form", [("method", "post"), ("action", ParticipationRoute.attendance(meeting.id)), ("class", "stacked")], [csrf,
                el("div", [("class", "table-wrap")], [el("table", [("class", "data")], [
                    el("caption", text: t(.attendanceTitle)),
                    el("thead", [], [el("tr", [], [t(.columnPerson), t(.columnVoting), t(.attendancePresent), t(.attendanceExcused), t(.attendanceAbsent)].map { el("th", [("scope", "col")], text: $0) })]),
                    el("tbody", [], members.enumerated().map { index, m in
                        el("tr", [], [el("th", [("scope", "row")], text: m.name), el("td", text: m.voting ? t(.votingYes) : t(.votingNo))]
                            + [AttendanceStatus.present, .excused, .absent].map { status in
                                el("td", [], [el("input", [("type", "radio"), ("name", "p" + m.personID.uuidString.lowercased()), ("value", status.rawValue),
                                                           ("id", "a\(index)-\(status.rawValue)"), ("checked", (m.status ?? .absent) == status ? "checked" : nil),
                                                           ("aria-label", m.name + ": " + ParticipationNames.attendance(status, t))])])
                            })
                    }),
                ])]),
                el("div", [("class", "actions")], [el("button", [("type", "submit")], text: t(.saveAttendance))]),
            ]),
            el("h3", text: t(.addAgendaItem)),
            el("form", [("method", "post"), ("action", ParticipationRoute.agenda(meeting.id)), ("class", "stacked")], [csrf,
                form.text("number", label: t(.fieldItemNumber), value: itemValues["number"], required: true, maxLength: 10),
                form.text("title", label: t(.fieldItemTitle), value: itemValues["title"], required: true, maxLength: 300),
                form.select("public", label: t(.columnVisibility), options: [("ja", t(.bodyPublic)), ("nein", t(.bodyInternal))], selected: itemValues["public"] ?? "ja"),
                form.select("paper", label: t(.papersLabel), options: [("", "–")] + papers.map { ($0.id.uuidString.lowercased(), $0.reference + " – " + $0.title) },
                            selected: itemValues["paper"] ?? ""),
                form.select("role", label: t(.fieldConsultationRole), options: ConsultationRole.allCases.map { ($0.rawValue, ParticipationNames.consultationRole($0, t)) },
                            selected: itemValues["role"] ?? ConsultationRole.advice.rawValue),
                el("div", [("class", "actions")], [el("button", [("type", "submit")], text: t(.addAgendaItem))]),
            ]),
        ]
        for item in items where resolutions[item.id] == nil && meeting.state == .held {
            let prefix = "b" + item.id.uuidString.lowercased()
            let problems = failedItem == item.id ? issues : []
            let typed = failedItem == item.id ? resolutionValues : [:]
            nodes.append(el("form", [("method", "post"), ("action", ParticipationRoute.resolution(meeting.id, item.id)), ("class", "stacked resolution-form")], [csrf,
                el("h3", text: t(.recordResolution) + ": " + item.number + ". " + item.title),
                problems.isEmpty ? .empty : el("p", [("class", "field-error"), ("role", "alert")], text: problems.map { issue in
                    // A count is named by its field (Ja-Stimmen, Nein-Stimmen, Enthaltungen).
                    let label = ["yes": t(.voteYes), "no": t(.voteNo), "abstain": t(.voteAbstain), "text": t(.fieldResolutionText)][issue.field]
                    if case .outOfRange(let range) = issue.problem { return IssueText.outOfRange(range, context.language, label: label) }
                    return (label.map { $0 + ": " } ?? "") + IssueText.message(issue.problem, context.language)
                }.joined(separator: " ")),
                el("div", [("class", "field")], [el("label", [("for", prefix + "-text")], text: t(.fieldResolutionText)),
                                                 el("textarea", [("id", prefix + "-text"), ("name", "text"), ("rows", "3"), ("required", "required")], text: typed["text"] ?? "")]),
                el("div", [("class", "inline-form")], ["yes", "no", "abstain"].map { field in
                    el("div", [("class", "field")], [el("label", [("for", prefix + "-" + field)], text: t(field == "yes" ? .voteYes : field == "no" ? .voteNo : .voteAbstain)),
                                                     el("input", [("type", "number"), ("min", "0"), ("id", prefix + "-" + field), ("name", field), ("value", typed[field] ?? "0")])])
                }),
                el("div", [("class", "checkbox")], [el("input", [("type", "checkbox"), ("id", prefix + "-unanimous"), ("name", "unanimous"), ("value", "ja"),
                                                                    ("checked", typed["unanimous"] == "ja" ? "checked" : nil)]),
                                                    el("label", [("for", prefix + "-unanimous")], text: t(.voteUnanimous))]),
                el("div", [("class", "actions")], [el("button", [("type", "submit")], text: t(.recordResolution))]),
            ]))
        }
        return nodes
    }
}

extension ParticipationNames {
    public static func consultationRole(_ role: ConsultationRole, _ t: Texts) -> String {
        switch role {
        case .information: return t(.roleInformation)
        case .advice: return t(.roleAdvice)
        case .decision: return t(.roleDecision)
        }
    }

    public static func attendance(_ status: AttendanceStatus, _ t: Texts) -> String {
        switch status {
        case .present: return t(.attendancePresent)
        case .excused: return t(.attendanceExcused)
        case .absent: return t(.attendanceAbsent)
        }
    }
}
