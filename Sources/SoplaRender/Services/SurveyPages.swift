import Foundation
import SoplaCore

/// A provider's own services, open survey rounds and the state of its proposals.
public enum OrganisationServicesPage {
    public struct Model: Sendable {
        public let organisationID: UUID
        public let organisationName: String
        public let services: [ServiceRow]
        public let categories: [ServiceCategory]
        /// Open rounds that ask this organisation, with whether it answered.
        public let rounds: [(round: SurveyRound, answered: Bool)]
        public let proposals: [ProposalSummary]

        public init(organisationID: UUID, organisationName: String, services: [ServiceRow], categories: [ServiceCategory],
                    rounds: [(round: SurveyRound, answered: Bool)], proposals: [ProposalSummary]) {
            self.organisationID = organisationID
            self.organisationName = organisationName
            self.services = services
            self.categories = categories
            self.rounds = rounds
            self.proposals = proposals
        }
    }

    public static func render(_ model: Model, context: PageContext) -> String {
        let t = context.t
        let language = context.language
        let title = t(.ownServicesTitle) + " – " + model.organisationName
        let rounds: [HTMLNode] = model.rounds.map { entry in
            el("section", [("class", "survey-round"), ("aria-labelledby", "runde-\(entry.round.id.uuidString.lowercased())")], [
                el("h2", [("id", "runde-\(entry.round.id.uuidString.lowercased())")], text: t(.surveyRoundLabel) + ": " + entry.round.title),
                el("p", text: t(.surveyDeadline).replacingOccurrences(of: "{d}", with: Format.day(entry.round.deadline, language))),
                entry.answered ? el("p", [("class", "notice notice-success")], text: t(.roundAnswered))
                    : el("form", [("method", "post"), ("action", ServiceRoute.roundUnchanged(organisation: model.organisationID, round: entry.round.id).path)], [
                        FormBuilder.csrf(context.csrfToken ?? ""),
                        el("p", text: t(.roundHowTo)),
                        el("button", [("type", "submit")], text: t(.confirmUnchanged)),
                    ]),
            ])
        }
        let rows: [[HTMLNode]] = model.services.map { row in
            [el("a", [("href", ServiceRoute.organisationService(organisation: model.organisationID, service: row.service.id).path)], text: row.service.name),
             txt(ServiceNames.category(row.service.categoryCode, model.categories, language)),
             txt(ServiceNames.status(row.service.status, language)),
             txt(row.service.lastVerified.map { Format.day($0, language) } ?? "–"),
             el("a", [("href", ServiceRoute.organisationServiceEdit(organisation: model.organisationID, service: row.service.id).path),
                      ("aria-label", t(.proposeChange) + ": " + row.service.name)], text: t(.proposeChange))]
        }
        let table = ListTable(caption: t(.ownServicesTitle), columns: [.init(t(.fieldServiceName)), .init(t(.fieldCategory)), .init(t(.fieldServiceStatus)),
                                                                         .init(t(.columnVerified)), .init(t(.columnActions))],
                              rows: rows, state: ListState(path: ServiceRoute.organisationServices(organisation: model.organisationID).path),
                              defaultSort: "", total: rows.count, perPage: max(1, rows.count))
        let content: [HTMLNode] = [
            el("p", [("class", "breadcrumb")], [el("a", [("href", SiteRoute.organisation(id: model.organisationID).path)], text: model.organisationName)]),
            el("h1", text: title),
            el("p", [("class", "lead")], text: t(.ownServicesIntro)),
        ] + rounds + [
            el("p", [("class", "actions")], [el("a", [("href", ServiceRoute.organisationServiceNew(organisation: model.organisationID).path), ("class", "button")], text: t(.proposeNewService))]),
        ] + table.render(language, emptyText: t(.noOwnServices)) + [
            el("h2", text: t(.ownProposalsTitle)),
            ProposalSummary.table(model.proposals, language: language, links: false,
                                  link: { ServiceRoute.organisationProposal(organisation: model.organisationID, proposal: $0.id).path }),
        ]
        return Layout(title: title, context: context).render(content)
    }
}

/// A proposal in a list.
public struct ProposalSummary: Sendable {
    public let id: UUID
    public let serviceName: String
    public let organisationName: String
    public let isNew: Bool
    public let changeCount: Int
    public let proposedBy: String
    public let proposedAt: Date
    public let state: ServiceProposal.State
    public let note: String?
    /// The provider's answer to a rejection: text, who, when.
    public let answer: (text: String, by: String, at: Date)?

    public init(id: UUID, serviceName: String, organisationName: String, isNew: Bool, changeCount: Int, proposedBy: String, proposedAt: Date,
                state: ServiceProposal.State, note: String?, answer: (text: String, by: String, at: Date)? = nil) {
        self.answer = answer
        self.id = id
        self.serviceName = serviceName
        self.organisationName = organisationName
        self.isNew = isNew
        self.changeCount = changeCount
        self.proposedBy = proposedBy
        self.proposedAt = proposedAt
        self.state = state
        self.note = note
    }

    static func stateName(_ state: ServiceProposal.State, _ t: Texts) -> String {
        switch state {
        case .open: return t(.proposalOpen)
        case .accepted: return t(.proposalAccepted)
        case .rejected: return t(.proposalRejected)
        }
    }

    /// The provider's answer as a paragraph ("… antwortete am …: text").
    func answerNode(_ language: Language) -> HTMLNode {
        guard let answer else { return .empty }
        let t = Texts(language)
        return el("div", [("class", "proposal-answer")], [
            el("h2", text: t(.columnProviderAnswer)),
            el("p", [("class", "meta")], text: t(.proposalAnsweredNote).replacingOccurrences(of: "{who}", with: answer.by)
                .replacingOccurrences(of: "{when}", with: DateText.dateTime(answer.at, language))),
        ] + paragraphs(answer.text))
    }

    /// The changed fields side by side, before → after.
    static func diffTable(_ diff: [FieldChange], language: Language) -> HTMLNode {
        let t = Texts(language)
        guard !diff.isEmpty else { return el("p", [("class", "empty-state")], text: t(.noChanges)) }
        return el("div", [("class", "table-wrap")], [el("table", [("class", "data diff")], [
            el("caption", text: t(.diffTitle)),
            el("thead", [], [el("tr", [], [t(.columnField), t(.columnBefore), t(.columnAfter)].map { el("th", [("scope", "col")], text: $0) })]),
            el("tbody", [], diff.map { change in
                el("tr", [], [
                    el("th", [("scope", "row")], text: ServiceDiff.fieldName(change.field, language)),
                    el("td", [("class", "before")], [el("del", text: change.before ?? "–")]),
                    el("td", [("class", "after")], [el("ins", text: change.after ?? "–")]),
                ])
            }),
        ])])
    }

    /// The list; `link` gives each proposal's page (nil: no link).
    public static func table(_ proposals: [ProposalSummary], language: Language, links: Bool, link: ((ProposalSummary) -> String?)? = nil) -> HTMLNode {
        let t = Texts(language)
        guard !proposals.isEmpty else { return el("p", [("class", "empty-state")], text: t(.noProposals)) }
        return el("div", [("class", "table-wrap")], [el("table", [("class", "data")], [
            el("caption", text: t(.proposalsTitle)),
            el("thead", [], [el("tr", [], [t(.fieldServiceName), t(.fieldProvider), t(.columnKind), t(.columnProposed), t(.columnState), t(.fieldDecisionNote),
                                            t(.columnProviderAnswer)].map {
                el("th", [("scope", "col")], text: $0)
            })]),
            el("tbody", [], proposals.map { p in
                let href = links ? ServiceRoute.proposal(id: p.id).path : link?(p)
                return el("tr", [], [
                    el("th", [("scope", "row")], [href.map { el("a", [("href", $0)], text: p.serviceName) } ?? txt(p.serviceName)]),
                    el("td", text: p.organisationName),
                    el("td", text: p.isNew ? t(.proposalNewService) : (p.changeCount == 1 ? t(.proposalOneChange) : t(.proposalChanges).replacingOccurrences(of: "{n}", with: String(p.changeCount)))),
                    el("td", text: DateText.dateTime(p.proposedAt, language) + " · " + p.proposedBy),
                    el("td", text: stateName(p.state, t)),
                    el("td", text: p.note ?? "–"),
                    el("td", text: p.answer?.text ?? "–"),
                ])
            }),
        ])])
    }
}

/// Survey rounds: the list and the form to open one.
public enum RoundsPage {
    public struct Model: Sendable {
        public let rounds: [(round: SurveyRound, answered: Int)]
        public let organisations: [(id: UUID, name: String)]
        public let values: [String: String]
        public let selected: Set<String>
        public let issues: [ValidationIssue]
        public let openProposals: [ProposalSummary]

        public init(rounds: [(round: SurveyRound, answered: Int)], organisations: [(id: UUID, name: String)], values: [String: String], selected: Set<String>,
                    issues: [ValidationIssue] = [], openProposals: [ProposalSummary]) {
            self.rounds = rounds
            self.organisations = organisations
            self.values = values
            self.selected = selected
            self.issues = issues
            self.openProposals = openProposals
        }
    }

    public static func render(_ model: Model, context: PageContext) -> String {
        let t = context.t
        let language = context.language
        let form = FormBuilder(language: language, issues: model.issues)
        let labels = ["title": t(.fieldRoundTitle), "opensOn": t(.fieldOpensOn), "deadline": t(.fieldDeadline), "organisations": t(.fieldOrganisationsAsked)]
        let list: HTMLNode = model.rounds.isEmpty ? el("p", [("class", "empty-state")], text: t(.noRounds)) : el("div", [("class", "table-wrap")], [el("table", [("class", "data")], [
            el("caption", text: t(.roundsTitle)),
            el("thead", [], [el("tr", [], [t(.fieldRoundTitle), t(.fieldOpensOn), t(.fieldDeadline), t(.columnAnswered), t(.columnState)].map { el("th", [("scope", "col")], text: $0) })]),
            el("tbody", [], model.rounds.map { entry in
                el("tr", [], [
                    el("th", [("scope", "row")], [el("a", [("href", ServiceRoute.round(id: entry.round.id).path)], text: entry.round.title)]),
                    el("td", text: Format.day(entry.round.opensOn, language)),
                    el("td", text: Format.day(entry.round.deadline, language)),
                    el("td", [("class", "num")], text: "\(entry.answered) / \(entry.round.organisations.count)"),
                    el("td", text: entry.round.isOpen ? t(.roundOpen) : t(.roundClosed)),
                ])
            }),
        ])])
        let content: [HTMLNode] = [
            el("h1", text: t(.roundsTitle)),
            el("p", [("class", "lead")], text: t(.roundsIntro)),
            ServicePlanningNav.render(t),
            el("h2", text: t(.openProposalsTitle)),
            ProposalSummary.table(model.openProposals, language: language, links: true),
            el("h2", text: t(.roundsTitle)),
            list,
            el("h2", text: t(.newRound)),
            form.summary(labels: labels),
            el("form", [("method", "post"), ("action", ServiceRoute.rounds.path), ("class", "stacked")], [
                FormBuilder.csrf(context.csrfToken ?? ""),
                form.text("title", label: labels["title"]!, value: model.values["title"], required: true),
                form.text("opensOn", label: labels["opensOn"]!, value: model.values["opensOn"], type: "date", required: true),
                form.text("deadline", label: labels["deadline"]!, value: model.values["deadline"], type: "date", required: true),
                form.checkboxes("organisations", legend: labels["organisations"]!, options: model.organisations.map { ($0.id.uuidString.lowercased(), $0.name) },
                                selected: model.selected, hint: t(.organisationsAskedHint)),
                el("div", [("class", "actions")], [el("button", [("type", "submit")], text: t(.openRound))]),
            ]),
        ]
        return Layout(title: t(.roundsTitle), context: context).render(content)
    }
}

/// One round: who answered, who has not, and the proposals made in it.
public enum RoundPage {
    public struct Model: Sendable {
        public let round: SurveyRound
        public let today: Day
        public let organisations: [(id: UUID, name: String, answeredAt: Date?, by: String?, unchanged: Bool)]
        public let proposals: [ProposalSummary]

        public init(round: SurveyRound, today: Day, organisations: [(id: UUID, name: String, answeredAt: Date?, by: String?, unchanged: Bool)], proposals: [ProposalSummary]) {
            self.round = round
            self.today = today
            self.organisations = organisations
            self.proposals = proposals
        }
    }

    public static func render(_ model: Model, context: PageContext) -> String {
        let t = context.t
        let language = context.language
        let missing = model.organisations.filter { $0.answeredAt == nil }
        let rows: [HTMLNode] = model.organisations.map { org in
            el("tr", [], [
                el("th", [("scope", "row")], text: org.name),
                el("td", text: org.answeredAt.map { DateText.dateTime($0, language) + " · " + (org.by ?? "") } ?? t(.notAnswered)),
                el("td", text: org.answeredAt == nil ? "–" : (org.unchanged ? t(.answerUnchanged) : t(.answerChanges))),
            ])
        }
        let content: [HTMLNode] = [
            el("p", [("class", "breadcrumb")], [el("a", [("href", ServiceRoute.rounds.path)], text: t(.roundsTitle))]),
            el("h1", text: model.round.title),
            el("p", text: t(.surveyDeadline).replacingOccurrences(of: "{d}", with: Format.day(model.round.deadline, language)) + " · "
                + (model.round.isOpen ? t(.roundOpen) : t(.roundClosed))),
            model.round.isOverdue(on: model.today) && !missing.isEmpty ? Notice(.warning, t(.roundOverdue)).node : .empty,
            el("p", [("class", "result-count")], text: t(.missingCount).replacingOccurrences(of: "{n}", with: String(missing.count))
                .replacingOccurrences(of: "{m}", with: String(model.organisations.count))),
            el("div", [("class", "table-wrap")], [el("table", [("class", "data")], [
                el("caption", text: t(.answersTitle)),
                el("thead", [], [el("tr", [], [t(.fieldProvider), t(.columnAnswered), t(.columnAnswer)].map { el("th", [("scope", "col")], text: $0) })]),
                el("tbody", [], rows),
            ])]),
            el("h2", text: t(.proposalsTitle)),
            ProposalSummary.table(model.proposals, language: language, links: true),
            model.round.isOpen ? el("form", [("method", "post"), ("action", ServiceRoute.roundClose(id: model.round.id).path)], [
                FormBuilder.csrf(context.csrfToken ?? ""),
                el("button", [("type", "submit")], text: t(.closeRound)),
            ]) : .empty,
        ]
        return Layout(title: model.round.title, context: context).render(content)
    }
}

/// The planner reviews a proposal: the changed fields side by side, then accepts or rejects it.
public enum ProposalPage {
    /// The reason of a decision: required for a rejection, as the provider reads it.
    static func noteField(_ form: FormBuilder, _ t: Texts, value: String) -> HTMLNode {
        form.textArea("note", label: t(.fieldDecisionNote), value: value, hint: t(.decisionNoteHint), maxLength: ServiceProposal.maxNoteLength)
    }

    public struct Model: Sendable {
        public let summary: ProposalSummary
        public let diff: [FieldChange]
        public let isStale: Bool
        public let proposed: Service
        public let categories: [ServiceCategory]
        public let unitNames: [String: String]
        public let issues: [ValidationIssue]
        /// The reason as typed (kept when the decision was refused).
        public let note: String

        public init(summary: ProposalSummary, diff: [FieldChange], isStale: Bool, proposed: Service, categories: [ServiceCategory], unitNames: [String: String],
                    issues: [ValidationIssue] = [], note: String = "") {
            self.note = note
            self.summary = summary
            self.diff = diff
            self.isStale = isStale
            self.proposed = proposed
            self.categories = categories
            self.unitNames = unitNames
            self.issues = issues
        }
    }

    public static func render(_ model: Model, context: PageContext) -> String {
        let t = context.t
        let language = context.language
        let s = model.summary
        let title = t(.proposalTitle) + ": " + s.serviceName
        let form = FormBuilder(language: language, issues: model.issues)
        let diff = ProposalSummary.diffTable(model.diff, language: language)
        let decision: HTMLNode = s.state == .open ? el("form", [("method", "post"), ("action", ServiceRoute.proposal(id: s.id).path), ("class", "stacked")], [
            FormBuilder.csrf(context.csrfToken ?? ""),
            ProposalPage.noteField(form, t, value: model.note),
            model.isStale ? form.checkboxes("acceptStale", legend: t(.staleLegend), options: [("ja", t(.acceptStale))], selected: []) : .empty,
            el("div", [("class", "actions")], [
                el("button", [("type", "submit"), ("name", "decision"), ("value", "accept")], text: t(.acceptProposal)),
                el("button", [("type", "submit"), ("name", "decision"), ("value", "reject"), ("class", "secondary")], text: t(.rejectProposal)),
            ]),
        ]) : el("p", [("class", "notice notice-info")], text: ProposalSummary.stateName(s.state, t) + (s.note.map { ": " + $0 } ?? ""))
        let content: [HTMLNode] = [
            el("p", [("class", "breadcrumb")], [el("a", [("href", ServiceRoute.rounds.path)], text: t(.roundsTitle))]),
            el("h1", text: title),
            el("p", text: s.organisationName + " · " + DateText.dateTime(s.proposedAt, language) + " · " + s.proposedBy),
            model.isStale && s.state == .open ? Notice(.warning, t(.proposalStale)).node : .empty,
            form.summary(labels: ["acceptStale": t(.staleLegend), "note": t(.fieldDecisionNote)]),
            diff,
            decision,
            s.answerNode(language),
            el("h2", text: t(.proposedStateTitle)),
            ServiceFacts.render(model.proposed, organisationName: s.organisationName, categories: model.categories, unitNames: model.unitNames, language: language, showInternal: true),
        ]
        return Layout(title: title, context: context).render(content)
    }
}

/// A provider's own proposal: what it changed, how the planners decided and why, and the answer to a rejection.
public enum OwnProposalPage {
    public struct Model: Sendable {
        public let organisationID: UUID
        public let summary: ProposalSummary
        public let diff: [FieldChange]
        /// The service's page to revise it (nil for a new service that was not accepted).
        public let reviseLink: String
        public let answer: String
        public let issues: [ValidationIssue]
        /// Whether the reader belongs to the organisation (only its people answer).
        public let mayAnswer: Bool

        public init(organisationID: UUID, summary: ProposalSummary, diff: [FieldChange], reviseLink: String, answer: String = "", issues: [ValidationIssue] = [],
                    mayAnswer: Bool = true) {
            self.mayAnswer = mayAnswer
            self.organisationID = organisationID
            self.summary = summary
            self.diff = diff
            self.reviseLink = reviseLink
            self.answer = answer
            self.issues = issues
        }
    }

    public static func render(_ model: Model, context: PageContext) -> String {
        let t = context.t
        let language = context.language
        let s = model.summary
        let title = t(.proposalTitle) + ": " + s.serviceName
        let form = FormBuilder(language: language, issues: model.issues)
        let labels = ["answer": t(.answerProposal)]
        let changes = ProposalSummary.diffTable(model.diff, language: language)
        var content: [HTMLNode] = [
            el("p", [("class", "breadcrumb")], [el("a", [("href", ServiceRoute.organisationServices(organisation: model.organisationID).path)], text: t(.ownServicesTitle))]),
            el("h1", text: title),
            el("p", text: DateText.dateTime(s.proposedAt, language) + " · " + s.proposedBy + " · " + ProposalSummary.stateName(s.state, t)),
            form.summary(labels: labels),
        ]
        if s.state != .open, let note = s.note {
            content += [el("h2", text: s.state == .rejected ? t(.rejectionReasonTitle) : t(.fieldDecisionNote))] + paragraphs(note)
        }
        content.append(changes)
        if s.state == .rejected {
            if s.answer != nil {
                content.append(s.answerNode(language))
            } else if model.mayAnswer {
                content.append(el("form", [("method", "post"), ("action", ServiceRoute.organisationProposal(organisation: model.organisationID, proposal: s.id).path),
                                           ("class", "stacked")], [
                    FormBuilder.csrf(context.csrfToken ?? ""),
                    form.textArea("answer", label: labels["answer"]!, value: model.answer, required: true, hint: t(.answerProposalHint), rows: 4,
                                  maxLength: ServiceProposal.maxNoteLength),
                    el("div", [("class", "actions")], [el("button", [("type", "submit")], text: t(.answerButton))]),
                ]))
            }
            content.append(el("p", [], [el("a", [("href", model.reviseLink)], text: t(.proposeAgain))]))
        }
        return Layout(title: title, context: context).render(content)
    }
}
