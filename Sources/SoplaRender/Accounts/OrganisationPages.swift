import Foundation
import SoplaCore

/// The list of organisations: search, filter by kind and status, sort, page, CSV.
public enum OrganisationListPage {
    public static let perPage = 50

    public struct Model: Sendable {
        public let organisations: [Organisation]
        public let total: Int
        public let state: ListState
        public let names: [UUID: String]
        public let mayCreate: Bool
        public let notice: Notice?

        public init(organisations: [Organisation], total: Int, state: ListState, names: [UUID: String], mayCreate: Bool, notice: Notice? = nil) {
            self.organisations = organisations
            self.total = total
            self.state = state
            self.names = names
            self.mayCreate = mayCreate
            self.notice = notice
        }
    }

    public static func render(_ model: Model, context: PageContext) -> String {
        let t = context.t
        let language = context.language
        let state = model.state
        let form = FormBuilder(language: language)
        let kinds = [("", t(.allKinds))] + OrganisationKind.allCases.map { ($0.rawValue, AccountNames.kind($0, language)) }
        let statuses = [("aktiv", t(.statusActiveOnly)), ("inaktiv", t(.statusInactiveOnly)), ("alle", t(.statusAll))]
        var content: [HTMLNode] = [
            el("h1", text: t(.organisationsTitle)),
            el("p", text: t(.organisationsIntro)),
            model.notice?.node ?? .empty,
            model.mayCreate ? el("p", [], [el("a", [("href", SiteRoute.organisationNew.path), ("class", "button")], text: t(.newOrganisation))]) : .empty,
            el("form", [("method", "get"), ("action", SiteRoute.organisations.path), ("class", "filters"), ("role", "search")], [
                form.text("q", label: t(.searchOrganisationsLabel), value: state.filters["q"], type: "search", maxLength: 100),
                form.select("art", label: t(.fieldKind), options: kinds, selected: state.filters["art"]),
                form.select("status", label: t(.fieldStatus), options: statuses, selected: state.filters["status"] ?? "aktiv"),
                el("button", [("type", "submit")], text: t(.searchButton)),
                state.filters.isEmpty ? .empty : el("a", [("href", SiteRoute.organisations.path), ("class", "reset")], text: t(.resetFilters)),
            ]),
        ]
        let rows: [[HTMLNode]] = model.organisations.map { o in
            [
                el("a", [("href", SiteRoute.organisation(id: o.id).path)], text: o.name),
                txt(o.shortName ?? "–"),
                txt(AccountNames.kind(o.kind, language)),
                o.parentID.map { id in el("a", [("href", SiteRoute.organisation(id: id).path)], text: model.names[id] ?? "–") } ?? txt("–"),
                txt(o.city ?? "–"),
                txt(o.active ? t(.statusActive) : t(.statusInactive)),
            ]
        }
        let table = ListTable(caption: t(.organisationsTitle), columns: [
            .init(t(.columnName), sortKey: "name"), .init(t(.fieldShortName), sortKey: "kurz"), .init(t(.fieldKind), sortKey: "art"),
            .init(t(.fieldParent)), .init(t(.fieldCity), sortKey: "ort"), .init(t(.fieldStatus), sortKey: "status"),
        ], rows: rows, state: state, defaultSort: "name", total: model.total, perPage: perPage)
        content += table.render(language, emptyText: t(.noOrganisations))
        var csvState = state
        csvState.page = 1
        content.append(el("p", [("class", "downloads")], [
            el("a", [("href", csvState.link(SiteRoute.organisationsCSV.path)), ("download", "organisationen.csv")], text: t(.downloadCSV)),
        ]))
        return Layout(title: t(.organisationsTitle), context: context).render(content)
    }
}

/// One organisation: facts, member associations, and for those allowed, its change history.
public enum OrganisationPage {
    public struct Model: Sendable {
        public let organisation: Organisation
        public let parent: Organisation?
        public let children: [Organisation]
        public let mayEdit: Bool
        public let mayDeactivate: Bool
        /// The audit entries of this organisation, or nil if the viewer may not see them.
        public let history: [AuditEntry]?
        /// Names of the records the history refers to by id.
        public var historyNames: [String: String] = [:]
        public let notice: Notice?

        public init(organisation: Organisation, parent: Organisation?, children: [Organisation], mayEdit: Bool, mayDeactivate: Bool,
                    history: [AuditEntry]?, notice: Notice? = nil) {
            self.organisation = organisation
            self.parent = parent
            self.children = children
            self.mayEdit = mayEdit
            self.mayDeactivate = mayDeactivate
            self.history = history
            self.notice = notice
        }
    }

    public static func render(_ model: Model, context: PageContext) -> String {
        let t = context.t
        let language = context.language
        let o = model.organisation
        var facts: [HTMLNode] = [
            el("dt", text: t(.fieldKind)), el("dd", text: AccountNames.kind(o.kind, language)),
            el("dt", text: t(.fieldStatus)), el("dd", text: o.active ? t(.statusActive) : t(.statusInactive)),
        ]
        if let shortName = o.shortName { facts += [el("dt", text: t(.fieldShortName)), el("dd", text: shortName)] }
        if let parent = model.parent {
            facts += [el("dt", text: t(.fieldParent)), el("dd", [], [el("a", [("href", SiteRoute.organisation(id: parent.id).path)], text: parent.name)])]
        }
        let address = [o.street, [o.postcode, o.city].compactMap { $0 }.joined(separator: " ")].compactMap { $0 }.filter { !$0.isEmpty }
        if !address.isEmpty { facts += [el("dt", text: t(.fieldAddress)), el("dd", text: address.joined(separator: ", "))] }
        if let email = o.email { facts += [el("dt", text: t(.fieldEmail)), el("dd", [], [el("a", [("href", "mailto:" + email)], text: email)])] }
        if let phone = o.phone { facts += [el("dt", text: t(.fieldPhone)), el("dd", text: phone)] }
        if let website = o.website { facts += [el("dt", text: t(.fieldWebsite)), el("dd", [], [el("a", [("href", website), ("rel", "noopener")], text: website)])] }
        var actions: [HTMLNode] = []
        if model.mayEdit { actions.append(el("a", [("href", SiteRoute.organisationEdit(id: o.id).path), ("class", "button")], text: t(.edit))) }
        if model.mayDeactivate {
            if o.active {
                actions.append(el("a", [("href", SiteRoute.organisationDeactivate(id: o.id).path), ("class", "button secondary")], text: t(.deactivate)))
            } else {
                actions.append(el("form", [("method", "post"), ("action", SiteRoute.organisationActivate(id: o.id).path), ("class", "inline")], [
                    FormBuilder.csrf(context.csrfToken ?? ""), el("button", [("type", "submit")], text: t(.activate)),
                ]))
            }
        }
        var content: [HTMLNode] = [
            el("p", [("class", "breadcrumb")], [el("a", [("href", SiteRoute.organisations.path)], text: t(.organisationsTitle))]),
            el("h1", text: o.name),
            model.notice?.node ?? .empty,
            actions.isEmpty ? .empty : el("div", [("class", "actions")], actions),
            el("dl", [("class", "facts")], facts),
            el("h2", text: t(.memberOrganisations)),
        ]
        if model.children.isEmpty {
            content.append(el("p", [("class", "empty-state")], text: t(.noMemberOrganisations)))
        } else {
            content.append(el("ul", [], model.children.map { child in
                el("li", [], [el("a", [("href", SiteRoute.organisation(id: child.id).path)], text: child.name),
                              child.active ? .empty : txt(" (" + t(.statusInactive) + ")")])
            }))
        }
        if let history = model.history {
            content.append(el("h2", [("id", "verlauf")], text: t(.historyTitle)))
            content += HistoryTable.render(history, language: language, caption: t(.historyTitle), names: model.historyNames)
        }
        return Layout(title: o.name, context: context).render(content)
    }
}

/// Changes of one record, newest first, with before → after per field.
public enum HistoryTable {
    public static func render(_ entries: [AuditEntry], language: Language, caption: String, names: [String: String] = [:]) -> [HTMLNode] {
        let t = Texts(language)
        let rows: [[HTMLNode]] = entries.map { entry in
            [
                txt(DateText.dateTime(entry.at, language)),
                txt(entry.actor.label),
                txt(AccountNames.auditAction(entry.action, language)),
                entry.changes.isEmpty ? txt("–") : el("ul", [("class", "changes")], entry.changes.map { el("li", text: AccountNames.change($0, entity: entry.entityType, language, names: names)) }),
            ]
        }
        return ListTable(caption: caption, columns: [.init(t(.fieldWhen)), .init(t(.fieldWho)), .init(t(.fieldWhat)), .init(t(.fieldChanges))],
                         rows: rows, state: ListState(path: ""), defaultSort: "", total: rows.count, perPage: max(1, rows.count))
            .render(language, emptyText: t(.noHistory))
    }
}

/// Create or edit an organisation.
public enum OrganisationFormPage {
    public struct Model: Sendable {
        public let draft: OrganisationDraft
        public let issues: [ValidationIssue]
        public let organisations: [Organisation]
        /// The organisation being edited; nil when creating.
        public let editing: Organisation?
        /// Whether the form may change kind and parent (planners) or only contact details (providers).
        public let mayChangeStructure: Bool

        public init(draft: OrganisationDraft, issues: [ValidationIssue] = [], organisations: [Organisation], editing: Organisation?, mayChangeStructure: Bool) {
            self.draft = draft
            self.issues = issues
            self.organisations = organisations
            self.editing = editing
            self.mayChangeStructure = mayChangeStructure
        }
    }

    public static func labels(_ t: Texts) -> [String: String] {
        ["name": t(.columnName), "shortName": t(.fieldShortName), "kind": t(.fieldKind), "parentId": t(.fieldParent),
         "email": t(.fieldEmail), "phone": t(.fieldPhone), "website": t(.fieldWebsite), "street": t(.fieldStreet),
         "postcode": t(.fieldPostcode), "city": t(.fieldCity)]
    }

    public static func render(_ model: Model, context: PageContext) -> String {
        let t = context.t
        let language = context.language
        let form = FormBuilder(language: language, issues: model.issues)
        let labels = labels(t)
        let d = model.draft
        let title = model.editing.map { t(.editOrganisation) + ": " + $0.name } ?? t(.newOrganisation)
        let action = model.editing.map { SiteRoute.organisation(id: $0.id).path } ?? SiteRoute.organisations.path
        let parents = [("", t(.noParent))] + model.organisations.filter { $0.id != model.editing?.id && $0.active }
            .map { ($0.id.uuidString.lowercased(), $0.name) }
        var names = [
            form.text("name", label: labels["name"]!, value: d.name, required: true),
            form.text("shortName", label: labels["shortName"]!, value: d.shortName, maxLength: 40),
        ]
        var structure: [HTMLNode]
        if model.mayChangeStructure {
            structure = [
                form.select("kind", label: labels["kind"]!, options: OrganisationKind.allCases.map { ($0.rawValue, AccountNames.kind($0, language)) },
                            selected: d.kind ?? OrganisationKind.provider.rawValue, required: true),
                form.select("parentId", label: labels["parentId"]!, options: parents, selected: d.parentID?.lowercased(), hint: t(.parentHint)),
            ]
        } else {
            // Providers change contact details only; the name is shown, not offered.
            names = model.editing.map { o in [el("p", text: labels["name"]! + ": " + o.name + (o.shortName.map { " (\($0))" } ?? ""))] } ?? names
            structure = [el("p", [("class", "hint")], text: t(.structureByPlanner))]
        }
        let content: [HTMLNode] = [
            el("p", [("class", "breadcrumb")], [el("a", [("href", SiteRoute.organisations.path)], text: t(.organisationsTitle))]),
            el("h1", text: title),
            form.summary(labels: labels),
            el("form", [("method", "post"), ("action", action), ("class", "stacked")], [
                FormBuilder.csrf(context.csrfToken ?? ""),
            ] + names + structure + [
                form.text("email", label: labels["email"]!, value: d.email, type: "email", autocomplete: "off"),
                form.text("phone", label: labels["phone"]!, value: d.phone, type: "tel", maxLength: 40),
                form.text("website", label: labels["website"]!, value: d.website, type: "url", hint: t(.websiteHint), maxLength: 300),
                form.text("street", label: labels["street"]!, value: d.street),
                form.text("postcode", label: labels["postcode"]!, value: d.postcode, maxLength: 5),
                form.text("city", label: labels["city"]!, value: d.city, maxLength: 100),
                el("div", [("class", "actions")], [
                    el("button", [("type", "submit")], text: t(.save)),
                    el("a", [("href", model.editing.map { SiteRoute.organisation(id: $0.id).path } ?? SiteRoute.organisations.path)], text: t(.cancel)),
                ]),
            ]),
        ]
        return Layout(title: title, context: context).render(content)
    }
}

/// A question before a destructive or far-reaching action, with what it does and a way back.
public enum ConfirmPage {
    public struct Model: Sendable {
        public let title: String
        public let text: String
        public let action: String
        public let confirmLabel: String
        public let cancelPath: String
        /// Things to check before confirming, each a line of a list under `warningTitle`.
        public var warningTitle: String?
        public var warnings: [String] = []

        public init(title: String, text: String, action: String, confirmLabel: String, cancelPath: String) {
            self.title = title
            self.text = text
            self.action = action
            self.confirmLabel = confirmLabel
            self.cancelPath = cancelPath
        }
    }

    public static func render(_ model: Model, context: PageContext) -> String {
        let t = context.t
        let content: [HTMLNode] = [
            el("h1", text: model.title),
            el("p", text: model.text),
            model.warnings.isEmpty ? .empty : el("div", [("class", "notice notice-warning")], [
                el("p", text: model.warningTitle ?? ""),
                el("ul", [], model.warnings.map { el("li", text: $0) }),
            ]),
            el("form", [("method", "post"), ("action", model.action), ("class", "actions")], [
                FormBuilder.csrf(context.csrfToken ?? ""),
                el("input", [("type", "hidden"), ("name", "bestaetigt"), ("value", "ja")]),
                el("button", [("type", "submit"), ("class", "danger")], text: model.confirmLabel),
                el("a", [("href", model.cancelPath)], text: t(.cancel)),
            ]),
        ]
        return Layout(title: model.title, context: context).render(content)
    }
}
