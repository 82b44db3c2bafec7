import Foundation
import SoplaCore

public enum BodyFormPage {
    /// A new body, or the body `editing` (its own name is not offered as its parent).
    public static func render(bodies: [Body], values: [String: String], issues: [ValidationIssue], editing: Body? = nil, context: PageContext) -> String {
        let t = context.t
        let form = FormBuilder(language: context.language, issues: issues)
        let labels = ["name": t(.columnBody), "shortName": t(.fieldShortBodyName), "kind": t(.columnKind2), "parentId": t(.columnParentBody), "public": t(.columnVisibility)]
        let title = editing == nil ? t(.newBody) : t(.editBody)
        let parents = bodies.filter { $0.id != editing?.id }
        let content: [HTMLNode] = [
            el("p", [("class", "breadcrumb")], [el("a", [("href", ParticipationRoute.bodies())], text: t(.bodiesTitle))]
                + (editing.map { [txt(" › "), el("a", [("href", ParticipationRoute.body($0.id))], text: $0.name)] } ?? [])),
            el("h1", text: title),
            form.summary(labels: labels),
            el("form", [("method", "post"), ("action", editing.map { ParticipationRoute.body($0.id) } ?? ParticipationRoute.bodies()), ("class", "stacked")], [
                FormBuilder.csrf(context.csrfToken ?? ""),
                form.text("name", label: labels["name"]!, value: values["name"], required: true, maxLength: 200),
                form.text("shortName", label: labels["shortName"]!, value: values["shortName"], maxLength: 40),
                form.select("kind", label: labels["kind"]!, options: BodyKind.allCases.map { ($0.rawValue, ParticipationNames.kind($0, t)) }, selected: values["kind"]),
                form.select("parentId", label: labels["parentId"]!, options: [("", "–")] + parents.map { ($0.id.uuidString.lowercased(), $0.name) }, selected: values["parentId"]),
                form.select("public", label: labels["public"]!, options: [("nein", t(.bodyInternal)), ("ja", t(.bodyPublic))], selected: values["public"]),
                el("div", [("class", "actions")], [el("button", [("type", "submit")], text: editing == nil ? t(.createBody) : t(.save))]),
            ]),
        ]
        return Layout(title: title, context: context).render(content)
    }

    /// The form's values of a stored body.
    public static func values(_ body: Body) -> [String: String] {
        ["name": body.name, "shortName": body.shortName ?? "", "kind": body.kind.rawValue, "parentId": body.parentID?.uuidString.lowercased() ?? "",
         "public": body.isPublic ? "ja" : "nein"]
    }
}

/// The planner's form under a body's member list.
public struct MembershipForm: Sendable {
    public let bodyID: UUID
    public let persons: [Person]
    public let organisations: [(id: UUID, name: String)]
    public let users: [(id: UUID, name: String)]
    public let issues: [ValidationIssue]

    public init(bodyID: UUID, persons: [Person], organisations: [(id: UUID, name: String)], users: [(id: UUID, name: String)] = [], issues: [ValidationIssue] = []) {
        self.users = users
        self.bodyID = bodyID
        self.persons = persons
        self.organisations = organisations
        self.issues = issues
    }

    public func render(context: PageContext) -> [HTMLNode] {
        let t = context.t
        let form = FormBuilder(language: context.language, issues: issues)
        let labels = ["person": t(.columnPerson), "newPerson": t(.fieldNewPerson), "role": t(.columnRole), "onBehalfOf": t(.columnOnBehalfOf),
                      "votingRight": t(.columnVoting), "start": t(.fieldMembershipStart)]
        return [
            el("h2", text: t(.addMember)),
            form.summary(labels: labels),
            el("form", [("method", "post"), ("action", ParticipationRoute.members(bodyID)), ("class", "stacked")], [
                FormBuilder.csrf(context.csrfToken ?? ""),
                form.select("person", label: labels["person"]!, options: [("", t(.newPersonOption))] + persons.map { ($0.id.uuidString.lowercased(), $0.name) }, selected: ""),
                form.text("newPerson", label: labels["newPerson"]!, value: nil, hint: t(.newPersonHint)),
                form.select("login", label: t(.fieldLogin), options: [("", "–")] + users.map { ($0.id.uuidString.lowercased(), $0.name) }, selected: "", hint: t(.loginHint)),
                form.select("role", label: labels["role"]!, options: MembershipRole.allCases.map { ($0.rawValue, ParticipationNames.role($0, t)) }, selected: MembershipRole.member.rawValue),
                form.select("onBehalfOf", label: labels["onBehalfOf"]!, options: [("", "–")] + organisations.map { ($0.id.uuidString.lowercased(), $0.name) }, selected: ""),
                form.select("votingRight", label: labels["votingRight"]!, options: [("ja", t(.votingYes)), ("nein", t(.votingNo))], selected: "ja"),
                form.text("start", label: labels["start"]!, value: nil, type: "date", required: true),
                el("div", [("class", "actions")], [el("button", [("type", "submit")], text: t(.addMember))]),
            ]),
        ]
    }
}

/// The planner's form for a body's next legislative term; an open term before it ends the day before.
public enum TermForm {
    public static func render(bodyID: UUID, issues: [ValidationIssue], values: [String: String], context: PageContext) -> [HTMLNode] {
        let t = context.t
        let form = FormBuilder(language: context.language, issues: issues)
        let labels = ["termName": t(.fieldTermName), "termStart": t(.fieldTermStart), "termEnd": t(.fieldTermEnd), "terms": t(.termsTitle)]
        return [
            el("h2", text: t(.addTerm)),
            form.summary(labels: labels),
            el("form", [("method", "post"), ("action", ParticipationRoute.terms(bodyID)), ("class", "stacked")], [
                FormBuilder.csrf(context.csrfToken ?? ""),
                form.text("termName", label: labels["termName"]!, value: values["termName"], required: true, hint: t(.termHint), maxLength: 100),
                form.text("termStart", label: labels["termStart"]!, value: values["termStart"], type: "date", required: true),
                form.text("termEnd", label: labels["termEnd"]!, value: values["termEnd"], type: "date"),
                el("div", [("class", "actions")], [el("button", [("type", "submit")], text: t(.addTerm))]),
            ]),
        ]
    }
}
