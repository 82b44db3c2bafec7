import Foundation
import SoplaCore

/// Applications as a table (programme page, the county's list) with filters, search and CSV.
public enum ApplicationListPage {
    public static func table(_ rows: [(application: FundingApplication, organisation: String)], caption: String, link: (FundingApplication) -> String = { FundingRoute.application($0.id) },
                             context: PageContext) -> HTMLNode {
        let t = context.t
        let language = context.language
        return el("div", [("class", "table-wrap")], [el("table", [("class", "data")], [
            el("caption", text: caption),
            el("thead", [], [el("tr", [], [t(.columnApplication), t(.columnOrganisation), t(.columnYear), t(.columnRequested), t(.columnGranted), t(.columnAppState)]
                .enumerated().map { i, h in el("th", [("scope", "col"), ("class", (3...4).contains(i) ? "num" : nil)], text: h) })]),
            el("tbody", [], rows.map { row in
                let a = row.application
                return el("tr", [], [
                    el("th", [("scope", "row")], [el("a", [("href", link(a))], text: a.title)]),
                    el("td", text: row.organisation),
                    el("td", text: String(a.year)),
                    el("td", [("class", "num")], text: Format.money(a.requested, language)),
                    el("td", [("class", "num")], text: a.granted.map { Format.money($0, language) } ?? "–"),
                    el("td", text: FundingNames.state(a.state, t)),
                ])
            }),
        ])])
    }

    public static let perPage = 50

    public struct Model: Sendable {
        public let rows: [(application: FundingApplication, organisation: String)]
        public let total: Int
        public let programmes: [(id: UUID, name: String)]
        public let state: ListState

        public init(rows: [(application: FundingApplication, organisation: String)], total: Int, programmes: [(id: UUID, name: String)], state: ListState) {
            self.rows = rows
            self.total = total
            self.programmes = programmes
            self.state = state
        }
    }

    public static func render(_ model: Model, context: PageContext) -> String {
        let t = context.t
        let language = context.language
        let form = FormBuilder(language: language)
        let filters = model.state.filters
        let table = ListTable(caption: t(.applicationsTitle), columns: [
            .init(t(.columnApplication), sortKey: "titel"), .init(t(.columnOrganisation), sortKey: "organisation"), .init(t(.columnYear), sortKey: "jahr"),
            .init(t(.columnRequested), sortKey: "beantragt", numeric: true), .init(t(.columnGranted), numeric: true), .init(t(.columnAppState), sortKey: "status"),
        ], rows: model.rows.map { row in
            let a = row.application
            return [el("a", [("href", FundingRoute.application(a.id))], text: a.title), txt(row.organisation), txt(String(a.year)),
                    txt(Format.money(a.requested, language)), txt(a.granted.map { Format.money($0, language) } ?? "–"), txt(FundingNames.state(a.state, t))]
        }, state: model.state, defaultSort: "jahr", total: model.total, perPage: perPage)
        var csv = model.state
        csv.page = 1
        let content: [HTMLNode] = [
            el("p", [("class", "breadcrumb")], [el("a", [("href", FundingRoute.overview())], text: t(.fundingTitle))]),
            el("h1", text: t(.applicationsTitle)),
            el("form", [("method", "get"), ("action", FundingRoute.applications()), ("class", "filters"), ("role", "search")], [
                form.text("suche", label: t(.searchLabel2), value: filters["suche"], type: "search", maxLength: 100),
                form.select("programm", label: t(.columnProgramme), options: [("", t(.allWord))] + model.programmes.map { ($0.id.uuidString.lowercased(), $0.name) }, selected: filters["programm"]),
                form.select("status", label: t(.columnAppState), options: [("", t(.allWord))] + ApplicationState.allCases.map { ($0.rawValue, FundingNames.state($0, t)) },
                            selected: filters["status"]),
                model.state.sort.map { el("input", [("type", "hidden"), ("name", "sortierung"), ("value", $0)]) } ?? .empty,
                el("input", [("type", "hidden"), ("name", "richtung"), ("value", model.state.descending ? "ab" : "auf")]),
                el("div", [("class", "actions")], [el("button", [("type", "submit")], text: t(.filterWord))]),
            ]),
        ] + table.render(language, emptyText: t(.noApplications)) + [
            el("p", [], [el("a", [("href", csv.link(FundingRoute.applicationsCSV()))], text: t(.downloadCSV3))]),
        ]
        return Layout(title: t(.applicationsTitle), context: context).render(content)
    }
}

/// A provider's funding page: open calls, its applications and its agreements.
public enum OrganisationFundingPage {
    public struct Model: Sendable {
        public let organisation: Organisation
        public let openProgrammes: [FundingProgramme]
        public let applications: [FundingApplication]
        public let agreements: [GrantAgreement]

        public init(organisation: Organisation, openProgrammes: [FundingProgramme], applications: [FundingApplication], agreements: [GrantAgreement]) {
            self.organisation = organisation
            self.openProgrammes = openProgrammes
            self.applications = applications
            self.agreements = agreements
        }
    }

    public static func render(_ model: Model, context: PageContext) -> String {
        let t = context.t
        let language = context.language
        let o = model.organisation.id
        let title = t(.ownFundingTitle) + ": " + model.organisation.name
        let content: [HTMLNode] = [
            el("h1", text: title),
            el("h2", text: t(.openCalls)),
            model.openProgrammes.isEmpty ? el("p", [("class", "empty-state")], text: t(.noOpenCalls)) : el("ul", [("class", "plain")], model.openProgrammes.map { p in
                el("li", [], [el("strong", text: p.name), txt(" – " + t(.callUntil).replacingOccurrences(of: "{d}", with: Format.day(p.callCloses, language)) + " "),
                              el("a", [("href", FundingRoute.newApplication(o, programme: p.id)), ("class", "button")], text: t(.applyButton) + ": " + p.name)])
            }),
            el("h2", text: t(.applicationsTitle)),
            model.applications.isEmpty ? el("p", [("class", "empty-state")], text: t(.noOwnApplications))
                : ApplicationListPage.table(model.applications.map { ($0, model.organisation.name) }, caption: t(.applicationsTitle), link: { FundingRoute.ownApplication(o, $0.id) }, context: context),
            el("h2", text: t(.agreementsTitle)),
            model.agreements.isEmpty ? el("p", [("class", "empty-state")], text: t(.noAgreements)) : el("ul", [], model.agreements.map { a in
                el("li", [], [el("a", [("href", FundingRoute.ownAgreement(o, a.id))], text: a.reference),
                              txt(" (" + Format.day(a.start, language) + " – " + Format.day(a.end, language) + ", " + Format.money(a.total, language) + ")")])
            }),
        ]
        return Layout(title: title, context: context).render(content)
    }
}

/// The provider's application form: the programme's criteria and checklist, the cost plan and the answers.
public enum ApplicationFormPage {
    public struct Model: Sendable {
        public let organisationID: UUID
        public let programme: FundingProgramme
        public let applicationID: UUID?
        public let changeRequest: String?
        public let values: [String: String]
        public let issues: [ValidationIssue]
        public let services: [(id: UUID, name: String)]
        public let selectedServices: Set<String>

        public init(organisationID: UUID, programme: FundingProgramme, applicationID: UUID?, changeRequest: String?, values: [String: String], issues: [ValidationIssue],
                    services: [(id: UUID, name: String)], selectedServices: Set<String>) {
            self.organisationID = organisationID
            self.programme = programme
            self.applicationID = applicationID
            self.changeRequest = changeRequest
            self.values = values
            self.issues = issues
            self.services = services
            self.selectedServices = selectedServices
        }
    }

    public static func labels(_ t: Texts, programme: FundingProgramme) -> [String: String] {
        var labels = ["title": t(.fieldApplicationTitle), "budgetLine": t(.columnBudgetLine), "requested": t(.columnRequested), "costs": t(.fieldCosts),
                      "ownFunds": t(.fieldOwnFunds), "otherFunding": t(.fieldOtherFunding), "costPlan": t(.costPlanTitle), "preventive": t(.columnPreventive),
                      "services": t(.fieldServices)]
        for item in programme.checklist where item.kind == .question { labels["answer-" + item.id.uuidString.lowercased()] = item.text }
        return labels
    }

    public static func render(_ model: Model, context: PageContext) -> String {
        let t = context.t
        let language = context.language
        let form = FormBuilder(language: language, issues: model.issues)
        let p = model.programme
        let labels = labels(t, programme: p)
        let v = model.values
        let action = model.applicationID.map { FundingRoute.ownApplication(model.organisationID, $0) } ?? FundingRoute.ownApplications(model.organisationID)
        let title = (model.applicationID == nil ? t(.newApplication) : t(.editApplication)) + ": " + p.name
        let questions = p.checklist.filter { $0.kind == .question }
        let content: [HTMLNode] = [
            el("p", [("class", "breadcrumb")], [el("a", [("href", FundingRoute.organisation(model.organisationID))], text: t(.ownFundingTitle))]),
            el("h1", text: title),
            model.changeRequest.map { el("div", [("class", "notice notice-warning"), ("role", "alert")], [el("strong", text: t(.changeRequested) + ": "), txt($0)]) } ?? .empty,
            el("details", [], [el("summary", text: t(.criteriaAndChecklist)), ProgrammePage.criteriaTable(p.criteria, t), ProgrammePage.checklistList(p.checklist, t)]),
            form.summary(labels: labels),
            el("form", [("method", "post"), ("action", action), ("class", "stacked")], [
                FormBuilder.csrf(context.csrfToken ?? ""),
                el("input", [("type", "hidden"), ("name", "programme"), ("value", p.id.uuidString.lowercased())]),
                form.text("title", label: labels["title"]!, value: v["title"], required: true, maxLength: 300),
                form.select("budgetLine", label: labels["budgetLine"]!, options: p.budgetLines.sorted { ($0.year, $0.name) < ($1.year, $1.name) }
                    .map { ($0.id.uuidString.lowercased(), "\($0.year) – \($0.name)") }, selected: v["budgetLine"]),
                model.services.isEmpty ? .empty : form.checkboxes("services", legend: labels["services"]!, options: model.services.map { ($0.id.uuidString.lowercased(), $0.name) },
                                                                  selected: model.selectedServices),
                form.select("preventive", label: labels["preventive"]!, options: [("nein", t(.noWord)), ("ja", t(.yesWord))], selected: v["preventive"], hint: t(.preventiveApplicationHint)),
                el("fieldset", [], [
                    el("legend", text: t(.costPlanTitle)),
                    ServiceFormPage.area(form, "costs", label: labels["costs"]!, value: v["costs"], hint: t(.costsHint), rows: 5),
                    form.text("ownFunds", label: labels["ownFunds"]!, value: v["ownFunds"], hint: t(.moneyHint), maxLength: 20),
                    ServiceFormPage.area(form, "otherFunding", label: labels["otherFunding"]!, value: v["otherFunding"], hint: t(.otherFundingHint), rows: 3),
                    form.text("requested", label: labels["requested"]!, value: v["requested"], required: true, hint: t(.requestedHint), maxLength: 20),
                    form.messages("costPlan").isEmpty ? .empty : el("p", [("class", "field-error"), ("id", "costPlan")], text: form.messages("costPlan").joined(separator: " ")),
                ]),
                questions.isEmpty ? .empty : el("fieldset", [], [el("legend", text: t(.checklistQuestions))] + questions.map { item in
                    let field = "answer-" + item.id.uuidString.lowercased()
                    return ServiceFormPage.area(form, field, label: item.text + (item.required ? " *" : ""), value: v[field], rows: 3)
                }),
                p.checklist.contains { $0.kind == .document } ? el("p", [("class", "hint")], text: t(.documentsAfterSaving)) : .empty,
                el("div", [("class", "actions")], [el("button", [("type", "submit")], text: t(.saveDraft))]),
            ]),
        ]
        return Layout(title: title, context: context).render(content)
    }
}

/// Who looks at an application, which decides the sections of its page.
public enum ApplicationViewer: Sendable, Equatable {
    /// The applying organisation: edit, upload, submit, withdraw while it may.
    case applicant(organisation: UUID)
    /// The county: transitions, reviewers, the agreement.
    case planner
    /// An assigned reviewer: their own review.
    case reviewer(kind: ReviewKind)
}

/// One application with its cost plan, checklist, history — and what the viewer may do with it.
public enum ApplicationPage {
    public struct Model: Sendable {
        public let application: FundingApplication
        public let programme: FundingProgramme
        public let organisationName: String
        public let serviceNames: [String]
        public let attachments: [FundingAttachment]
        public let viewer: ApplicationViewer
        public let reviews: [ApplicationReview]
        public let score: Double?
        /// Reviewers the planner may still assign (without conflict).
        public let assignable: [(id: UUID, name: String)]
        public let resolutions: [(id: UUID, title: String)]
        public let agreementID: UUID?
        public let values: [String: String]
        public let issues: [ValidationIssue]
        public let problem: String?
        /// Current names of the logins in the history and among the reviewers, by id (lowercased).
        public let people: [String: String]

        public init(application: FundingApplication, programme: FundingProgramme, organisationName: String, serviceNames: [String], attachments: [FundingAttachment],
                    viewer: ApplicationViewer, reviews: [ApplicationReview] = [], score: Double? = nil, assignable: [(id: UUID, name: String)] = [],
                    resolutions: [(id: UUID, title: String)] = [], agreementID: UUID? = nil, values: [String: String] = [:], issues: [ValidationIssue] = [], problem: String? = nil,
                    people: [String: String] = [:]) {
            self.people = people
            self.application = application
            self.programme = programme
            self.organisationName = organisationName
            self.serviceNames = serviceNames
            self.attachments = attachments
            self.viewer = viewer
            self.reviews = reviews
            self.score = score
            self.assignable = assignable
            self.resolutions = resolutions
            self.agreementID = agreementID
            self.values = values
            self.issues = issues
            self.problem = problem
        }
    }

    static func attachmentLink(_ model: Model, _ attachment: FundingAttachment) -> String {
        switch model.viewer {
        case .applicant(let organisation): return FundingRoute.ownAttachment(organisation, model.application.id, attachment.id)
        case .reviewer: return FundingRoute.reviewAttachment(model.application.id, attachment.id)
        default: return FundingRoute.applicationAttachment(model.application.id, attachment.id)
        }
    }

    public static func render(_ model: Model, context: PageContext) -> String {
        let t = context.t
        let language = context.language
        let a = model.application
        let p = model.programme
        let form = FormBuilder(language: language, issues: model.issues)
        let plan = a.costPlan
        var content: [HTMLNode] = [
            el("p", [("class", "breadcrumb")], [breadcrumb(model, t)]),
            el("h1", text: a.title),
            model.problem.map { el("div", [("class", "error-summary"), ("role", "alert"), ("tabindex", "-1"), ("id", "fehler")], [el("p", text: $0)]) }
                ?? form.summary(labels: AgreementFormSection.labels(t).merging(["file": t(.fieldFile), "item": t(.checklistItem), "amount": t(.fieldPartialAmount)]) { a, _ in a }),
            el("dl", [("class", "facts")], [
                el("dt", text: t(.columnAppState)), el("dd", [("class", "state")], text: FundingNames.state(a.state, t)),
                el("dt", text: t(.columnProgramme)), el("dd", text: p.name),
                el("dt", text: t(.columnOrganisation)), el("dd", text: model.organisationName),
                el("dt", text: t(.columnBudgetLine)), el("dd", text: p.budgetLines.first { $0.id == a.budgetLineID }.map { "\($0.year) – \($0.name)" } ?? "–"),
                el("dt", text: t(.columnRequested)), el("dd", text: Format.money(a.requested, language)),
                el("dt", text: t(.columnGranted)), el("dd", text: a.granted.map { Format.money($0, language) } ?? "–"),
                el("dt", text: t(.columnPreventive)), el("dd", text: a.preventive ? t(.yesWord) : t(.noWord)),
                el("dt", text: t(.fieldServices)), el("dd", text: model.serviceNames.isEmpty ? "–" : model.serviceNames.joined(separator: ", ")),
            ]),
            a.changeRequest.map { el("div", [("class", "notice notice-warning")], [el("strong", text: t(.changeRequested) + ": "), txt($0)]) } ?? .empty,
            el("h2", text: t(.costPlanTitle)),
            el("div", [("class", "table-wrap")], [el("table", [("class", "data")], [
                el("caption", text: t(.costPlanTitle)),
                el("thead", [], [el("tr", [], [el("th", [("scope", "col")], text: t(.columnItem)), el("th", [("scope", "col"), ("class", "num")], text: t(.columnAmount))])]),
                el("tbody", [], plan.costs.map { el("tr", [], [el("th", [("scope", "row")], text: $0.name), el("td", [("class", "num")], text: Format.money($0.amount, language))]) } + [
                    el("tr", [("class", "total")], [el("th", [("scope", "row")], text: t(.totalCosts)), el("td", [("class", "num")], text: Format.money(plan.totalCosts, language))]),
                    el("tr", [], [el("th", [("scope", "row")], text: t(.fieldOwnFunds)), el("td", [("class", "num")], text: "− " + Format.money(plan.ownFunds, language))]),
                ] + plan.otherFunding.map { el("tr", [], [el("th", [("scope", "row")], text: $0.name), el("td", [("class", "num")], text: "− " + Format.money($0.amount, language))]) } + [
                    el("tr", [("class", "total")], [el("th", [("scope", "row")], text: t(.columnRequested)), el("td", [("class", "num")], text: Format.money(a.requested, language))]),
                ]),
            ])]),
            el("h2", text: t(.checklistTitle)),
            el("ul", [("class", "checklist")], p.checklist.map { item in
                let answer = a.answers.first { $0.itemID == item.id }
                let files = model.attachments.filter { $0.itemID == item.id }
                let status = item.kind == .document ? (files.isEmpty ? t(.missingWord) : "") : ((answer?.isGiven ?? false) ? "" : t(.missingWord))
                return el("li", [], [el("strong", text: item.text + (item.required ? " *" : "")), txt(status.isEmpty ? "" : " – " + status)]
                    + (item.kind == .question ? [el("p", text: answer?.text ?? "")] : files.map { file in
                        el("p", [], [el("a", [("href", attachmentLink(model, file)), ("download", file.fileName)], text: file.fileName),
                                     txt(" (" + Format.integer((file.size + 1023) / 1024, language) + " KB)")])
                    }))
            }),
        ]
        switch model.viewer {
        case .applicant(let organisation): content += applicantSections(model, organisation: organisation, form: form, context: context)
        case .planner: content += plannerSections(model, form: form, context: context)
        case .reviewer(let kind): content += ReviewForm.render(model, kind: kind, form: form, context: context)
        }
        if model.viewer != .reviewer(kind: .content), model.viewer != .reviewer(kind: .financial) {
            content += [el("h2", text: t(.historyTitle2)), a.history.isEmpty ? el("p", [("class", "empty-state")], text: t(.noSteps)) : el("div", [("class", "table-wrap")], [el("table", [("class", "data")], [
                el("caption", text: t(.historyTitle2)),
                el("thead", [], [el("tr", [], [t(.columnWhen2), t(.columnStep), t(.columnBy), t(.columnJustification)].map { el("th", [("scope", "col")], text: $0) })]),
                el("tbody", [], a.history.map { h in
                    el("tr", [], [el("td", text: DateText.dateTime(h.at, language)), el("td", text: FundingNames.state(h.from, t) + " → " + FundingNames.state(h.to, t)),
                                  el("td", text: model.people[h.by] ?? h.by), el("td", text: h.reason.isEmpty ? "–" : h.reason)])
                }),
            ])])]
        }
        return Layout(title: a.title, context: context).render(content)
    }

    static func breadcrumb(_ model: Model, _ t: Texts) -> HTMLNode {
        switch model.viewer {
        case .applicant(let organisation): return el("a", [("href", FundingRoute.organisation(organisation))], text: t(.ownFundingTitle))
        case .planner: return el("a", [("href", FundingRoute.programme(model.programme.id))], text: model.programme.name)
        case .reviewer: return el("a", [("href", FundingRoute.reviews())], text: t(.reviewsTitle))
        }
    }

    static func applicantSections(_ model: Model, organisation: UUID, form: FormBuilder, context: PageContext) -> [HTMLNode] {
        let t = context.t
        let a = model.application
        var nodes: [HTMLNode] = []
        if a.state == .draft {
            nodes += [
                el("p", [], [el("a", [("href", FundingRoute.ownApplicationEdit(organisation, a.id)), ("class", "button secondary")], text: t(.editApplication))]),
                el("h2", text: t(.uploadDocument)),
                el("form", [("method", "post"), ("action", FundingRoute.ownAttachments(organisation, a.id)), ("enctype", "multipart/form-data"), ("class", "stacked")], [
                    FormBuilder.csrf(context.csrfToken ?? ""),
                    form.select("item", label: t(.checklistItem), options: model.programme.checklist.filter { $0.kind == .document }.map { ($0.id.uuidString.lowercased(), $0.text) },
                                selected: model.values["item"]),
                    form.text("file", label: t(.fieldFile), value: nil, type: "file", required: true, hint: t(.documentHint), maxLength: nil),
                    el("div", [("class", "actions")], [el("button", [("type", "submit")], text: t(.uploadDocument))]),
                ]),
            ]
        }
        let events = ApplicationWorkflow.events(from: a.state).filter(\.isApplicants)
        if !events.isEmpty {
            nodes.append(el("h2", text: t(.nextStep)))
            for event in events {
                nodes.append(el("form", [("method", "post"), ("action", FundingRoute.ownApplicationStep(organisation, a.id)), ("class", "stacked")], [
                    FormBuilder.csrf(context.csrfToken ?? ""),
                    el("input", [("type", "hidden"), ("name", "event"), ("value", event.name)]),
                    event == .withdraw ? el("div", [("class", "field")], [
                        el("input", [("type", "checkbox"), ("id", "confirm-withdraw"), ("name", "confirm"), ("value", "ja"), ("required", "required")]),
                        el("label", [("for", "confirm-withdraw")], text: t(.confirmWithdraw)),
                    ]) : .empty,
                    el("div", [("class", "actions")], [el("button", [("type", "submit"), ("class", event == .withdraw ? "danger" : nil)], text: FundingNames.event(event, t))]),
                ]))
            }
        }
        return nodes
    }

    static func plannerSections(_ model: Model, form: FormBuilder, context: PageContext) -> [HTMLNode] {
        let t = context.t
        let language = context.language
        let a = model.application
        var nodes: [HTMLNode] = [
            el("h2", text: t(.reviewsTitle)),
            el("p", text: t(.weightedScore) + ": " + (model.score.map { Format.decimal($0, digits: 1, language) + " / 100" } ?? t(.notScored))),
            a.reviewers.isEmpty ? el("p", [("class", "empty-state")], text: t(.noReviewers)) : el("ul", [], a.reviewers.map { r in
                let done = model.reviews.first { $0.reviewerID == r.userID && $0.kind == r.kind }
                return el("li", text: (model.people[r.userID.uuidString.lowercased()] ?? "–") + " (" + FundingNames.reviewKind(r.kind, t) + "): " + (done.map { review in
                    review.kind == .financial ? (review.proposedAmount.map { t(.proposedAmount) + " " + Format.money($0, language) } ?? t(.asRequested)) + " – " + review.note
                        : review.scores.map { s in (model.programme.criteria.first { $0.id == s.criterionID }?.name ?? "?") + " \(s.value): " + s.justification }.joined(separator: "; ")
                } ?? t(.reviewPending)))
            }),
        ]
        if !a.state.isFinal, !model.assignable.isEmpty {
            nodes.append(el("form", [("method", "post"), ("action", FundingRoute.applicationReviewers(a.id)), ("class", "stacked")], [
                FormBuilder.csrf(context.csrfToken ?? ""),
                form.select("reviewer", label: t(.assignReviewer), options: model.assignable.map { ($0.id.uuidString.lowercased(), $0.name) }, selected: nil, hint: t(.conflictHint)),
                form.select("kind", label: t(.reviewKindLabel), options: ReviewKind.allCases.map { ($0.rawValue, FundingNames.reviewKind($0, t)) }, selected: nil),
                el("div", [("class", "actions")], [el("button", [("type", "submit")], text: t(.assignReviewer))]),
            ]))
        }
        let events = ApplicationWorkflow.events(from: a.state).filter { !$0.isApplicants }
        if !events.isEmpty {
            nodes += [
                el("h2", text: t(.nextStep)),
                el("form", [("method", "post"), ("action", FundingRoute.applicationStep(a.id)), ("class", "stacked")], [
                    FormBuilder.csrf(context.csrfToken ?? ""),
                    form.select("event", label: t(.columnStep), options: events.map { ($0.name, FundingNames.event($0, t)) }, selected: model.values["event"]),
                    ServiceFormPage.area(form, "reason", label: t(.columnJustification), value: model.values["reason"], hint: t(.reasonHint), rows: 3),
                    events.contains(.approvePartly) ? form.text("amount", label: t(.fieldPartialAmount), value: model.values["amount"], hint: t(.moneyHint), maxLength: 20) : .empty,
                    events.contains(where: { [.recommend, .approve, .approvePartly].contains($0) })
                        ? el("div", [("class", "checkbox")], [
                            el("input", [("type", "checkbox"), ("id", "overrideReviews"), ("name", "overrideReviews"), ("value", "ja"),
                                         ("checked", model.values["overrideReviews"] == "ja" ? "checked" : nil)]),
                            el("label", [("for", "overrideReviews")], text: t(.overrideReviews)),
                        ]) : .empty,
                    events.contains(.approve) && !model.resolutions.isEmpty ? form.select("resolution", label: t(.fieldResolution),
                        options: [("", t(.administrativeDecision))] + model.resolutions.map { ($0.id.uuidString.lowercased(), $0.title) }, selected: model.values["resolution"]) : .empty,
                    el("div", [("class", "actions")], [el("button", [("type", "submit")], text: t(.doStep))]),
                ]),
            ]
        }
        if a.state.commitsMoney {
            if let agreement = model.agreementID {
                nodes.append(el("p", [], [el("a", [("href", FundingRoute.agreement(agreement))], text: t(.toAgreement))]))
            } else {
                nodes += AgreementFormSection.render(applicationID: a.id, year: a.year, granted: a.granted ?? a.requested, values: model.values, form: form, context: context)
            }
        }
        return nodes
    }
}

/// The reviewer's form: scores with justification per criterion, or the financial judgement.
enum ReviewForm {
    static func render(_ model: ApplicationPage.Model, kind: ReviewKind, form: FormBuilder, context: PageContext) -> [HTMLNode] {
        let t = context.t
        let language = context.language
        let own = model.reviews.first
        var fields: [HTMLNode] = [FormBuilder.csrf(context.csrfToken ?? "")]
        switch kind {
        case .content:
            for criterion in model.programme.criteria {
                let key = criterion.id.uuidString.lowercased()
                let previous = own?.scores.first { $0.criterionID == criterion.id }
                fields.append(el("fieldset", [], [
                    el("legend", text: criterion.name + " (\(criterion.weight) %, 0–\(criterion.scaleMax))"),
                    criterion.explanation.isEmpty ? .empty : el("p", [("class", "hint")], text: criterion.explanation),
                    form.select("score-" + key, label: t(.columnScore), options: (0...criterion.scaleMax).map { (String($0), String($0)) },
                                selected: model.values["score-" + key] ?? previous.map { String($0.value) }),
                    ServiceFormPage.area(form, "reason-" + key, label: t(.fieldJustification) + " *", value: model.values["reason-" + key] ?? previous?.justification, rows: 2),
                ]))
            }
        case .financial:
            fields += [
                form.text("proposedAmount", label: t(.proposedAmount), value: model.values["proposedAmount"] ?? own?.proposedAmount.map(FundingEntry.german), hint: t(.proposedAmountHint), maxLength: 20),
                ServiceFormPage.area(form, "note", label: t(.fieldFinanceNote) + " *", value: model.values["note"] ?? own?.note, rows: 4),
            ]
        }
        fields.append(el("div", [("class", "actions")], [el("button", [("type", "submit")], text: t(.saveReview))]))
        var labels: [String: String] = ["proposedAmount": t(.proposedAmount), "note": t(.fieldFinanceNote)]
        for c in model.programme.criteria {
            labels["score-" + c.id.uuidString.lowercased()] = c.name
            labels["reason-" + c.id.uuidString.lowercased()] = t(.fieldJustification) + " – " + c.name
        }
        return [
            el("h2", text: t(.yourReview) + " (" + FundingNames.reviewKind(kind, t) + ")"),
            own.map { el("p", [("class", "notice notice-info")], text: t(.reviewSaved).replacingOccurrences(of: "{d}", with: DateText.dateTime($0.submittedAt, language))) } ?? .empty,
            form.summary(labels: labels),
            el("form", [("method", "post"), ("action", FundingRoute.review(model.application.id)), ("class", "stacked")], fields),
        ]
    }
}

/// The reviewer's list of assigned applications, and the declarations of conflicts of interest.
public enum ReviewListPage {
    public struct Model: Sendable {
        public let assigned: [(application: FundingApplication, programme: String, kind: ReviewKind, done: Bool)]
        public let conflicts: [(organisation: String, note: String)]
        public let organisations: [(id: UUID, name: String)]
        public let issues: [ValidationIssue]

        public init(assigned: [(application: FundingApplication, programme: String, kind: ReviewKind, done: Bool)], conflicts: [(organisation: String, note: String)],
                    organisations: [(id: UUID, name: String)], issues: [ValidationIssue] = []) {
            self.assigned = assigned
            self.conflicts = conflicts
            self.organisations = organisations
            self.issues = issues
        }
    }

    public static func render(_ model: Model, context: PageContext) -> String {
        let t = context.t
        let form = FormBuilder(language: context.language, issues: model.issues)
        let content: [HTMLNode] = [
            el("h1", text: t(.reviewsTitle)),
            model.assigned.isEmpty ? el("p", [("class", "empty-state")], text: t(.noAssignments)) : el("div", [("class", "table-wrap")], [el("table", [("class", "data")], [
                el("caption", text: t(.reviewsTitle)),
                el("thead", [], [el("tr", [], [t(.columnApplication), t(.columnProgramme), t(.reviewKindLabel), t(.columnAppState)].map { el("th", [("scope", "col")], text: $0) })]),
                el("tbody", [], model.assigned.map { entry in
                    el("tr", [], [el("th", [("scope", "row")], [el("a", [("href", FundingRoute.review(entry.application.id))], text: entry.application.title)]),
                                  el("td", text: entry.programme), el("td", text: FundingNames.reviewKind(entry.kind, t)),
                                  el("td", text: entry.done ? t(.reviewDone) : t(.reviewPending))])
                }),
            ])]),
            el("h2", text: t(.conflictsTitle)),
            el("p", [("class", "hint")], text: t(.conflictsIntro)),
            model.conflicts.isEmpty ? el("p", [("class", "empty-state")], text: t(.noConflicts)) : el("ul", [], model.conflicts.map { el("li", text: $0.organisation + ($0.note.isEmpty ? "" : " – " + $0.note)) }),
            form.summary(labels: ["organisation": t(.columnOrganisation), "note": t(.fieldConflictNote)]),
            el("form", [("method", "post"), ("action", FundingRoute.conflicts()), ("class", "stacked")], [
                FormBuilder.csrf(context.csrfToken ?? ""),
                form.select("organisation", label: t(.columnOrganisation), options: [("", "–")] + model.organisations.map { ($0.id.uuidString.lowercased(), $0.name) }, selected: nil),
                form.text("note", label: t(.fieldConflictNote), value: nil, hint: t(.conflictNoteHint)),
                el("div", [("class", "actions")], [el("button", [("type", "submit")], text: t(.declareConflict))]),
            ]),
        ]
        return Layout(title: t(.reviewsTitle), context: context).render(content)
    }
}
