import Foundation
import SoplaCore

extension ParticipationNames {
    public static func paperType(_ type: PaperType, _ t: Texts) -> String {
        switch type {
        case .planningReport: return t(.typePlanningReport)
        case .draftResolution: return t(.typeDraftResolution)
        case .recommendation: return t(.typeRecommendation)
        case .guideline: return t(.typeGuideline)
        case .awardCriteria: return t(.typeAwardCriteria)
        case .applicationChecklist: return t(.typeApplicationChecklist)
        case .statement: return t(.typeStatement)
        case .minutes: return t(.typeMinutes)
        case .other: return t(.typeOther)
        }
    }
}

public enum PaperListPage {
    public static let perPage = 50

    public struct Model: Sendable {
        public let papers: [(paper: Paper, bodyName: String)]
        public let total: Int
        public let state: ListState
        public let mayManage: Bool

        public init(papers: [(paper: Paper, bodyName: String)], total: Int, state: ListState, mayManage: Bool) {
            self.papers = papers
            self.total = total
            self.state = state
            self.mayManage = mayManage
        }
    }

    public static func render(_ model: Model, context: PageContext) -> String {
        let t = context.t
        let language = context.language
        let rows: [[HTMLNode]] = model.papers.map { entry in
            [txt(entry.paper.reference), el("a", [("href", ParticipationRoute.paper(entry.paper.id))], text: entry.paper.title),
             txt(ParticipationNames.paperType(entry.paper.type, t)), txt(entry.bodyName), txt(Format.day(entry.paper.date, language))]
        }
        let table = ListTable(caption: t(.papersTitle), columns: [
            .init(t(.columnReference), sortKey: "az"), .init(t(.columnTitle), sortKey: "titel"), .init(t(.columnKind2)),
            .init(t(.columnBody), sortKey: "gremium"), .init(t(.fieldMeetingDate), sortKey: "datum"),
        ], rows: rows, state: model.state, defaultSort: "datum", total: model.total, perPage: perPage)
        let content: [HTMLNode] = [
            el("h1", text: t(.papersTitle)),
            el("form", [("method", "get"), ("action", ParticipationRoute.papers()), ("class", "filters"), ("role", "search")], [
                el("div", [("class", "field")], [el("label", [("for", "suche")], text: t(.searchPapers)),
                                                 el("input", [("type", "search"), ("id", "suche"), ("name", "suche"), ("value", model.state.filters["suche"] ?? ""),
                                                              ("maxlength", "100")])]),
                model.state.sort.map { el("input", [("type", "hidden"), ("name", "sortierung"), ("value", $0)]) } ?? .empty,
                el("input", [("type", "hidden"), ("name", "richtung"), ("value", model.state.descending ? "ab" : "auf")]),
                el("button", [("type", "submit")], text: t(.searchButton)),
            ]),
            model.mayManage ? el("p", [], [el("a", [("href", ParticipationRoute.paperNew()), ("class", "button")], text: t(.newPaper))]) : .empty,
        ] + table.render(language, emptyText: t(.noPapers))
        return Layout(title: t(.papersTitle), context: context).render(content)
    }
}

public enum PaperPage {
    public struct Model: Sendable {
        public let paper: Paper
        public let bodyName: String
        /// Response tables the reader may open (planners all, members those of their bodies).
        public var readableTables: Set<UUID> = []
        /// Planning processes the paper belongs to.
        public var planningProcesses: [(id: UUID, title: String)] = []
        /// Changes of the paper and its versions, for planners.
        public var history: [AuditEntry]?
        public let versions: [PaperVersion]
        public let processes: [(process: StatementProcess, link: String?)]
        public let treatedIn: [(meeting: Meeting, item: AgendaItem)]
        public let mayManage: Bool
        public let bodies: [Body]
        public let issues: [ValidationIssue]
        public let attachments: [(id: UUID, name: String, size: Int, sha1: String)]
        /// Organisations a planner may invite to a consultation.
        public let organisations: [(id: UUID, name: String)]

        public init(paper: Paper, bodyName: String, versions: [PaperVersion], processes: [(process: StatementProcess, link: String?)], treatedIn: [(meeting: Meeting, item: AgendaItem)],
                    mayManage: Bool, bodies: [Body], issues: [ValidationIssue] = [], attachments: [(id: UUID, name: String, size: Int, sha1: String)] = [],
                    organisations: [(id: UUID, name: String)] = []) {
            self.organisations = organisations
            self.attachments = attachments
            self.paper = paper
            self.bodyName = bodyName
            self.versions = versions
            self.processes = processes
            self.treatedIn = treatedIn
            self.mayManage = mayManage
            self.bodies = bodies
            self.issues = issues
        }
    }

    public static func render(_ model: Model, context: PageContext) -> String {
        let t = context.t
        let language = context.language
        let p = model.paper
        let form = FormBuilder(language: language, issues: model.issues)
        var content: [HTMLNode] = [
            el("p", [("class", "breadcrumb")], [el("a", [("href", ParticipationRoute.papers())], text: t(.papersTitle))]),
            el("h1", text: p.title),
            el("dl", [("class", "facts")], [
                el("dt", text: t(.columnReference)), el("dd", text: p.reference),
                el("dt", text: t(.columnKind2)), el("dd", text: ParticipationNames.paperType(p.type, t)),
                el("dt", text: t(.columnBody)), el("dd", text: model.bodyName),
                el("dt", text: t(.fieldOriginator)), el("dd", text: p.originator),
                el("dt", text: t(.fieldMeetingDate)), el("dd", text: Format.day(p.date, language)),
            ]),
            model.mayManage ? el("p", [], [el("a", [("href", ParticipationRoute.paperEdit(p.id))], text: t(.editPaper))]) : .empty,
            model.planningProcesses.isEmpty ? .empty : el("h2", text: t(.processesOfPaper)),
            model.planningProcesses.isEmpty ? .empty : el("ul", [], model.planningProcesses.map { el("li", [], [el("a", [("href", ParticipationRoute.process($0.id))], text: $0.title)]) }),
            el("h2", text: t(.versionsTitle2)),
            el("ol", [("class", "versions"), ("reversed", "reversed")], model.versions.sorted { $0.number > $1.number }.map { v in
                el("li", [], [
                    el("h3", text: t(.versionLabel) + " " + String(v.number) + " · " + DateText.dateTime(v.createdAt, language) + " · " + v.createdBy),
                    v.answersConsultation.flatMap { model.readableTables.contains($0) ? $0 : nil }.map { el("p", [("class", "hint")], [el("a", [("href", ParticipationRoute.responseTable($0))], text: t(.answersTable))]) } ?? .empty,
                    el("blockquote", [("class", "paper-text")], paragraphs(v.text)),
                ])
            }),
        ]
        content += [el("h2", text: t(.attachmentsTitle)), model.attachments.isEmpty ? el("p", [("class", "empty-state")], text: t(.noAttachments))
            : el("ul", [], model.attachments.map { a in
                el("li", [], [el("a", [("href", ParticipationRoute.attachment(p.id, a.id)), ("download", a.name)], text: a.name),
                              txt(" (" + Format.integer((a.size + 1023) / 1024, language) + " KB, SHA-1 " + a.sha1.prefix(12) + "…)")])
            })]
        if model.mayManage {
            content.append(el("form", [("method", "post"), ("action", ParticipationRoute.attachments(p.id)), ("enctype", "multipart/form-data"), ("class", "stacked")], [
                FormBuilder.csrf(context.csrfToken ?? ""),
                form.text("file", label: t(.fieldAttachment), value: nil, type: "file", required: true, hint: t(.attachmentHint), maxLength: nil),
                el("div", [("class", "actions")], [el("button", [("type", "submit")], text: t(.uploadAttachment))]),
            ]))
        }
        if !model.treatedIn.isEmpty {
            content += [el("h2", text: t(.treatedIn)), el("ul", [], model.treatedIn.map { entry in
                el("li", [], [el("a", [("href", ParticipationRoute.meeting(entry.meeting.id))], text: DateText.dateTime(entry.meeting.start, language) + " – " + entry.meeting.name),
                              txt(": " + entry.item.number + ". " + entry.item.title + (entry.item.result.map { " (" + $0 + ")" } ?? ""))])
            })]
        }
        if !model.processes.isEmpty {
            content += [el("h2", text: t(.statementsTitle)), el("ul", [], model.processes.map { entry in
                el("li", [], [entry.link.map { el("a", [("href", $0)], text: t(.consultationTitle)) } ?? txt(t(.consultationTitle)),
                              txt(" – " + t(.versionLabel) + " \(entry.process.version), " + t(.statementDeadline).replacingOccurrences(of: "{d}", with: DateText.dateTime(entry.process.deadline, language)))])
            })]
        }
        if model.mayManage {
            let latest = model.versions.map(\.number).max() ?? 0
            content += [
                el("h2", text: t(.newVersion)),
                form.summary(labels: ["text": t(.fieldPaperText), "deadline": t(.fieldStatementDeadline), "invited": t(.fieldInvitedBodies), "organisations": t(.fieldInvitedOrganisations)]),
                el("form", [("method", "post"), ("action", ParticipationRoute.paperVersions(p.id)), ("class", "stacked")], [
                    FormBuilder.csrf(context.csrfToken ?? ""),
                    el("div", [("class", "field")], [el("label", [("for", "text")], text: t(.fieldPaperText) + " *"),
                                                     el("textarea", [("id", "text"), ("name", "text"), ("rows", "8"), ("required", "required"), ("maxlength", "100000")],
                                                        text: model.versions.first { $0.number == latest }?.text ?? "")]),
                    el("div", [("class", "actions")], [el("button", [("type", "submit")], text: t(.saveVersion))]),
                ]),
                el("h2", text: t(.openConsultation)),
                el("form", [("method", "post"), ("action", ParticipationRoute.paperConsultation(p.id)), ("class", "stacked")], [
                    FormBuilder.csrf(context.csrfToken ?? ""),
                    form.checkboxes("invited", legend: t(.fieldInvitedBodies), options: model.bodies.map { ($0.id.uuidString.lowercased(), $0.name) }, selected: []),
                    model.organisations.isEmpty ? .empty
                        : form.checkboxes("organisations", legend: t(.fieldInvitedOrganisations), options: model.organisations.map { ($0.id.uuidString.lowercased(), $0.name) }, selected: []),
                    form.text("deadline", label: t(.fieldStatementDeadline), value: nil, type: "date", required: true),
                    el("div", [("class", "actions")], [el("button", [("type", "submit")], text: t(.openConsultation))]),
                ]),
            ]
        }
        if let history = model.history {
            content.append(el("h2", [("id", "verlauf")], text: t(.paperHistory)))
            content += HistoryTable.render(history, language: language, caption: t(.paperHistory))
        }
        return Layout(title: p.title, context: context).render(content)
    }
}

public enum PaperFormPage {
    /// The form for a new paper, or with `editing` for correcting the details of one (its body and text stay: the text
    /// changes by a new version).
    public static func render(bodies: [Body], values: [String: String], issues: [ValidationIssue], context: PageContext,
                              editing: (paper: Paper, bodyName: String)? = nil) -> String {
        let t = context.t
        let form = FormBuilder(language: context.language, issues: issues)
        let labels = ["reference": t(.columnReference), "title": t(.columnTitle), "type": t(.columnKind2), "body": t(.columnBody), "public": t(.columnVisibility),
                      "date": t(.fieldMeetingDate), "originator": t(.fieldOriginator), "text": t(.fieldPaperText)]
        let title = editing.map { t(.editPaper) + ": " + $0.paper.reference } ?? t(.newPaper)
        var fields: [HTMLNode] = [
            FormBuilder.csrf(context.csrfToken ?? ""),
            form.text("reference", label: labels["reference"]!, value: values["reference"], required: true, maxLength: 40),
            form.text("title", label: labels["title"]!, value: values["title"], required: true, maxLength: 300),
            form.select("type", label: labels["type"]!, options: PaperType.allCases.map { ($0.rawValue, ParticipationNames.paperType($0, t)) }, selected: values["type"]),
        ]
        if let editing {
            fields.append(el("p", [], [el("strong", text: labels["body"]! + ": "), txt(editing.bodyName)]))
        } else {
            fields.append(form.select("body", label: labels["body"]!, options: bodies.map { ($0.id.uuidString.lowercased(), $0.name) }, selected: values["body"]))
        }
        fields += [
            form.select("public", label: labels["public"]!, options: [("nein", t(.bodyInternal)), ("ja", t(.bodyPublic))], selected: values["public"]),
            form.text("date", label: labels["date"]!, value: values["date"], type: "date", required: true),
            form.text("originator", label: labels["originator"]!, value: values["originator"], required: true, maxLength: 200),
        ]
        if editing == nil {
            fields.append(el("div", [("class", form.messages("text").isEmpty ? "field" : "field invalid")], [el("label", [("for", "text")], text: labels["text"]! + " *")]
                + form.described("text", hint: nil).1 + [
                    el("textarea", [("id", "text"), ("name", "text"), ("rows", "8"), ("required", "required"), ("maxlength", "100000")], text: values["text"] ?? ""),
                ]))
        } else {
            fields.append(el("p", [("class", "hint")], text: t(.editPaperHint)))
        }
        fields.append(el("div", [("class", "actions")], [el("button", [("type", "submit")], text: editing == nil ? t(.createPaper) : t(.savePaper))]))
        let content: [HTMLNode] = [
            el("p", [("class", "breadcrumb")], [editing.map { el("a", [("href", ParticipationRoute.paper($0.paper.id))], text: $0.paper.reference) }
                ?? el("a", [("href", ParticipationRoute.papers())], text: t(.papersTitle))]),
            el("h1", text: title),
            form.summary(labels: labels),
            el("form", [("method", "post"), ("action", editing.map { ParticipationRoute.paper($0.paper.id) } ?? ParticipationRoute.papers()), ("class", "stacked")], fields),
        ]
        return Layout(title: title, context: context).render(content)
    }
}
