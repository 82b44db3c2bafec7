import Foundation
import SoplaCore

public enum StatementNames {
    public static func decision(_ decision: StatementResponse.Decision, _ t: Texts) -> String {
        switch decision {
        case .adopted: return t(.decisionAdopted)
        case .partlyAdopted: return t(.decisionPartlyAdopted)
        case .notAdopted: return t(.decisionNotAdopted)
        case .noted: return t(.decisionNoted)
        }
    }
}

/// A consultation on a paper version: the text, the deadline, the statements so far and the form to add one.
public enum ConsultationPage {
    /// Who is invited: the members of a body, or an organisation speaking for itself.
    public enum Invitee: Sendable, Equatable {
        case body(UUID)
        case organisation(UUID)

        public func path(process: UUID) -> String {
            switch self {
            case .body(let body): return ParticipationRoute.consultation(body, process)
            case .organisation(let organisation): return ParticipationRoute.organisationConsultation(organisation, process)
            }
        }
    }

    public struct Model: Sendable {
        public let invitee: Invitee
        public let process: StatementProcess
        public let paper: Paper
        public let text: String
        public let statements: [Statement]
        public let isOpen: Bool
        public let mayManage: Bool
        public let values: [String: String]
        public let issues: [ValidationIssue]

        public init(invitee: Invitee, process: StatementProcess, paper: Paper, text: String, statements: [Statement], isOpen: Bool, mayManage: Bool,
                    values: [String: String] = [:], issues: [ValidationIssue] = []) {
            self.invitee = invitee
            self.process = process
            self.paper = paper
            self.text = text
            self.statements = statements
            self.isOpen = isOpen
            self.mayManage = mayManage
            self.values = values
            self.issues = issues
        }
    }

    public static func render(_ model: Model, context: PageContext) -> String {
        let t = context.t
        let language = context.language
        let form = FormBuilder(language: language, issues: model.issues)
        let labels = ["section": t(.fieldSection), "text": t(.fieldStatement), "deadline": t(.fieldStatementDeadline)]
        let title = t(.consultationTitle) + ": " + model.paper.reference
        let statements: HTMLNode = model.statements.isEmpty ? el("p", [("class", "empty-state")], text: t(.noStatements)) : el("ol", [("class", "statements")], model.statements.map { s in
            el("li", [], [
                el("p", [("class", "meta")], text: s.author + (s.onBehalfOf.map { " (" + $0 + ")" } ?? "") + " · " + DateText.dateTime(s.submittedAt, language)
                    + (s.section.map { " · " + t(.fieldSection) + " " + $0 } ?? "")),
                el("p", text: s.text),
            ])
        })
        var content: [HTMLNode] = [
            { () -> HTMLNode in
                switch model.invitee {
                case .body(let body): return el("p", [("class", "breadcrumb")], [el("a", [("href", ParticipationRoute.body(body))], text: t(.bodiesTitle))])
                case .organisation(let organisation):
                    return el("p", [("class", "breadcrumb")], [el("a", [("href", ParticipationRoute.organisationConsultations(organisation))], text: t(.organisationConsultationsTitle))])
                }
            }(),
            el("h1", text: title),
            el("p", [("class", "lead")], text: model.paper.title + " – " + t(.versionLabel) + " " + String(model.process.version)),
            el("p", text: t(.statementDeadline).replacingOccurrences(of: "{d}", with: DateText.dateTime(model.process.deadline, language))),
            el("blockquote", [("class", "paper-text")], paragraphs(model.text)),
            el("h2", text: t(.statementsTitle)),
            statements,
        ]
        if model.isOpen {
            content += [
                el("h2", text: t(.addStatement)),
                form.summary(labels: labels),
                el("form", [("method", "post"), ("action", model.invitee.path(process: model.process.id)), ("class", "stacked")], [
                    FormBuilder.csrf(context.csrfToken ?? ""),
                    form.text("section", label: labels["section"]!, value: model.values["section"], hint: t(.sectionHint), maxLength: 20),
                    el("div", [("class", form.messages("text").isEmpty ? "field" : "field invalid")], [el("label", [("for", "text")], text: labels["text"]! + " *")]
                        + form.described("text", hint: nil).1 + [
                            el("textarea", [("id", "text"), ("name", "text"), ("rows", "6"), ("maxlength", "20000"), ("required", "required"),
                                            ("aria-describedby", form.messages("text").isEmpty ? nil : "text-error")], text: model.values["text"] ?? ""),
                        ]),
                    el("div", [("class", "actions")], [el("button", [("type", "submit")], text: t(.submitStatement))]),
                ]),
            ]
        } else {
            content.append(el("p", [("class", "notice notice-info")], text: t(.consultationClosed)))
        }
        if model.mayManage {
            content.append(el("p", [], [el("a", [("href", ParticipationRoute.responseTable(model.process.id))], text: t(.responseTableTitle))]))
        }
        return Layout(title: title, context: context).render(content)
    }
}

/// The response table (Abwägungstabelle): every statement with the planner's answer and reason; printable, CSV.
public enum ResponseTablePage {
    public struct Model: Sendable {
        public let process: StatementProcess
        public let paper: Paper
        public let rows: [ResponseTable.Row]
        public let issues: [UUID: [ValidationIssue]]
        /// Planners answer; members of the consulted bodies only read.
        public var mayAnswer = true

        public init(process: StatementProcess, paper: Paper, rows: [ResponseTable.Row], issues: [UUID: [ValidationIssue]] = [:]) {
            self.process = process
            self.paper = paper
            self.rows = rows
            self.issues = issues
        }
    }

    public static func render(_ model: Model, context: PageContext) -> String {
        let t = context.t
        let language = context.language
        let title = t(.responseTableTitle) + ": " + model.paper.reference
        let decisions = StatementResponse.Decision.allCases.map { ($0.rawValue, StatementNames.decision($0, t)) }
        let rows: [HTMLNode] = model.rows.enumerated().map { index, row in
            let s = row.statement
            let prefix = "s\(index)"
            let problems = model.issues[s.id] ?? []
            return el("tr", [], [
                el("th", [("scope", "row")], text: String(index + 1)),
                el("td", text: s.section ?? "–"),
                el("td", [], [el("p", [("class", "meta")], text: s.author + (s.onBehalfOf.map { " (" + $0 + ")" } ?? ""))] + paragraphs(s.text)),
                el("td", [], [
                    row.response.map { el("p", [], [el("strong", text: StatementNames.decision($0.decision, t))]) } ?? el("p", [("class", "hint")], text: t(.notAnswered2)),
                    row.response.map { el("p", text: $0.reason) } ?? .empty,
                    !model.mayAnswer ? .empty : el("form", [("method", "post"), ("action", ParticipationRoute.answer(model.process.id, s.id)), ("class", "inline-form no-print")], [
                        FormBuilder.csrf(context.csrfToken ?? ""),
                        el("div", [("class", "field")], [el("label", [("for", prefix + "-decision")], text: t(.fieldDecision)),
                                                         el("select", [("id", prefix + "-decision"), ("name", "decision")], decisions.map {
                                                             el("option", [("value", $0.0), ("selected", $0.0 == row.response?.decision.rawValue ? "selected" : nil)], text: $0.1)
                                                         })]),
                        el("div", [("class", problems.isEmpty ? "field" : "field invalid")], [
                            el("label", [("for", prefix + "-reason")], text: t(.fieldReason)),
                            problems.isEmpty ? .empty : el("p", [("class", "field-error"), ("id", prefix + "-error")], text: problems.map { IssueText.message($0.problem, language) }.joined(separator: " ")),
                            el("textarea", [("id", prefix + "-reason"), ("name", "reason"), ("rows", "2"), ("maxlength", "4000"),
                                            ("aria-describedby", problems.isEmpty ? nil : prefix + "-error")], text: row.response?.reason ?? ""),
                        ]),
                        el("button", [("type", "submit")], text: t(.saveAnswer)),
                    ]),
                ]),
            ])
        }
        let answered = model.rows.filter { $0.response != nil }.count
        let content: [HTMLNode] = [
            el("h1", text: title),
            el("p", [("class", "lead")], text: model.paper.title + " – " + t(.versionLabel) + " " + String(model.process.version)),
            el("p", [("class", "result-count")], text: t(.answeredCount).replacingOccurrences(of: "{a}", with: String(answered)).replacingOccurrences(of: "{n}", with: String(model.rows.count))),
            el("p", [("class", "no-print")], [el("a", [("href", ParticipationRoute.responseTableCSV(model.process.id))], text: t(.downloadCSV2)),
                                              txt(" · "), el("button", [("type", "button"), ("data-print", "true")], text: t(.printTable))]),
            model.rows.isEmpty ? el("p", [("class", "empty-state")], text: t(.noStatements)) : el("div", [("class", "table-wrap"), ("tabindex", "0"), ("role", "region"), ("aria-label", t(.responseTableTitle))], [
                el("table", [("class", "data response-table")], [
                    el("caption", text: title),
                    el("thead", [], [el("tr", [], [t(.columnNumber), t(.fieldSection), t(.fieldStatement), t(.columnAnswer2)].map { el("th", [("scope", "col")], text: $0) })]),
                    el("tbody", [], rows),
                ]),
            ]),
            el("script", [("src", ServiceRoute.script.path), ("defer", "defer")], []),
        ]
        return Layout(title: title, context: context).render(content)
    }
}

/// The consultations an organisation is invited to, open ones first.
public enum OrganisationConsultationsPage {
    public static func render(organisation: Organisation, entries: [(process: StatementProcess, paperTitle: String, isOpen: Bool)], context: PageContext) -> String {
        let t = context.t
        let title = t(.organisationConsultationsTitle) + ": " + organisation.name
        let content: [HTMLNode] = [
            el("h1", text: title),
            el("p", [("class", "lead")], text: t(.organisationConsultationsIntro)),
            entries.isEmpty ? el("p", [("class", "empty-state")], text: t(.noOrganisationConsultations)) : el("ul", [], entries.map { entry in
                el("li", [], [el("a", [("href", ParticipationRoute.organisationConsultation(organisation.id, entry.process.id))], text: entry.paperTitle),
                              txt(" – " + (entry.isOpen ? t(.statementDeadline).replacingOccurrences(of: "{d}", with: DateText.dateTime(entry.process.deadline, context.language))
                                                        : t(.consultationClosed)))])
            }),
        ]
        return Layout(title: title, context: context).render(content)
    }
}
