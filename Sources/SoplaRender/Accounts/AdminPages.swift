import Foundation
import SoplaCore

/// All users, for administrators: search, filter by role and status, sort, page, CSV.
public enum UserListPage {
    public static let perPage = 50

    public struct Model: Sendable {
        public let users: [UserAccount]
        public let total: Int
        public let state: ListState
        public let organisationNames: [UUID: String]
        public let notice: Notice?

        public init(users: [UserAccount], total: Int, state: ListState, organisationNames: [UUID: String], notice: Notice? = nil) {
            self.users = users
            self.total = total
            self.state = state
            self.organisationNames = organisationNames
            self.notice = notice
        }
    }

    public static func render(_ model: Model, context: PageContext) -> String {
        let t = context.t
        let language = context.language
        let form = FormBuilder(language: language)
        let roles = [("", t(.allRoles))] + Role.allCases.map { ($0.rawValue, AccountNames.role($0, language)) }
        let statuses = [("aktiv", t(.statusActiveOnly)), ("inaktiv", t(.statusInactiveOnly)), ("alle", t(.statusAll))]
        var content: [HTMLNode] = [
            el("h1", text: t(.usersTitle)),
            model.notice?.node ?? .empty,
            el("p", [], [el("a", [("href", SiteRoute.userNew.path), ("class", "button")], text: t(.newUser)), txt(" "),
                         el("a", [("href", SiteRoute.Pattern.persons())], text: t(.personsTitle))]),
            el("form", [("method", "get"), ("action", SiteRoute.users.path), ("class", "filters"), ("role", "search")], [
                form.text("q", label: t(.searchUsersLabel), value: model.state.filters["q"], type: "search", maxLength: 100),
                form.select("rolle", label: t(.fieldRole), options: roles, selected: model.state.filters["rolle"]),
                form.select("status", label: t(.fieldStatus), options: statuses, selected: model.state.filters["status"] ?? "aktiv"),
                el("button", [("type", "submit")], text: t(.searchButton)),
                model.state.filters.isEmpty ? .empty : el("a", [("href", SiteRoute.users.path), ("class", "reset")], text: t(.resetFilters)),
            ]),
        ]
        let rows: [[HTMLNode]] = model.users.map { user in
            [
                el("a", [("href", SiteRoute.user(id: user.id).path)], text: user.displayName),
                txt(user.email),
                txt(AccountNames.roles(user.roles, language)),
                txt(user.organisationIDs.compactMap { model.organisationNames[$0] }.sorted().joined(separator: ", ").nonEmpty ?? "–"),
                txt(user.lastLoginAt.map { DateText.dateTime($0, language) } ?? "–"),
                txt(UserPage.status(user, t)),
            ]
        }
        content += ListTable(caption: t(.usersTitle), columns: [
            .init(t(.fieldDisplayName), sortKey: "name"), .init(t(.fieldEmail), sortKey: "email"), .init(t(.fieldRoles)),
            .init(t(.fieldOrganisations)), .init(t(.fieldLastLogin), sortKey: "anmeldung"), .init(t(.fieldStatus), sortKey: "status"),
        ], rows: rows, state: model.state, defaultSort: "name", total: model.total, perPage: perPage).render(language, emptyText: t(.noUsers))
        var csvState = model.state
        csvState.page = 1
        content.append(el("p", [("class", "downloads")], [
            el("a", [("href", csvState.link(SiteRoute.usersCSV.path)), ("download", "benutzer.csv")], text: t(.downloadCSV)),
        ]))
        return Layout(title: t(.usersTitle), context: context).render(content)
    }
}

extension String {
    var nonEmpty: String? { isEmpty ? nil : self }
}

/// One user, for administrators: facts, actions, access link, history.
public enum UserPage {
    public struct Model: Sendable {
        public let user: UserAccount
        public let organisations: [Organisation]
        public let tokens: [APIToken]
        /// A link just created: shown this once.
        public let accessLink: String?
        public let history: [AuditEntry]
        /// Names of the records the history refers to by id.
        public var historyNames: [String: String] = [:]
        public let isSelf: Bool
        public let notice: Notice?

        public init(user: UserAccount, organisations: [Organisation], tokens: [APIToken], accessLink: String? = nil,
                    history: [AuditEntry], isSelf: Bool, notice: Notice? = nil) {
            self.user = user
            self.organisations = organisations
            self.tokens = tokens
            self.accessLink = accessLink
            self.history = history
            self.isSelf = isSelf
            self.notice = notice
        }
    }

    static func status(_ user: UserAccount, _ t: Texts) -> String {
        if user.erasedAt != nil { return t(.statusErased) }
        if !user.active { return t(.statusInactive) }
        return user.hasPassword ? t(.statusActive) : t(.statusInvited)
    }

    public static func render(_ model: Model, context: PageContext) -> String {
        let t = context.t
        let language = context.language
        let user = model.user
        let csrf = FormBuilder.csrf(context.csrfToken ?? "")
        let names = model.organisations.filter { user.organisationIDs.contains($0.id) }
        var actions: [HTMLNode] = []
        if user.erasedAt == nil {
            actions.append(el("a", [("href", SiteRoute.userEdit(id: user.id).path), ("class", "button")], text: t(.edit)))
            if !model.isSelf {
                actions.append(el("form", [("method", "post"), ("action", (user.active ? SiteRoute.userDeactivate(id: user.id) : SiteRoute.userActivate(id: user.id)).path), ("class", "inline")], [
                    csrf, el("button", [("type", "submit"), ("class", "secondary")], text: user.active ? t(.deactivate) : t(.activate)),
                ]))
            }
            if user.active {
                actions.append(el("form", [("method", "post"), ("action", SiteRoute.userAccessLink(id: user.id).path), ("class", "inline")], [
                    csrf, el("button", [("type", "submit"), ("class", "secondary")], text: user.hasPassword ? t(.createResetLink) : t(.createInvitationLink)),
                ]))
            }
            actions.append(el("a", [("href", SiteRoute.userExport(id: user.id).path), ("class", "button secondary"), ("download", "personendaten.json")], text: t(.exportPersonalData)))
            if !model.isSelf {
                actions.append(el("a", [("href", SiteRoute.userErase(id: user.id).path), ("class", "button danger")], text: t(.erasePerson)))
            }
        }
        var content: [HTMLNode] = [
            el("p", [("class", "breadcrumb")], [el("a", [("href", SiteRoute.users.path)], text: t(.usersTitle))]),
            el("h1", text: user.displayName),
            model.notice?.node ?? .empty,
        ]
        if let link = model.accessLink {
            content.append(el("div", [("class", "notice notice-success"), ("role", "status")], [
                el("p", text: t(.accessLinkCreatedOnce)),
                el("p", [], [el("code", [("class", "secret"), ("id", "zugangslink")], text: link)]),
            ]))
        }
        content += [
            actions.isEmpty ? .empty : el("div", [("class", "actions")], actions),
            user.active && user.erasedAt == nil && !model.isSelf ? el("p", [("class", "hint")], text: t(.deactivateEndsAccess)) : .empty,
            el("dl", [("class", "facts")], [
                el("dt", text: t(.fieldEmail)), el("dd", text: user.email),
                el("dt", text: t(.fieldRoles)), el("dd", text: AccountNames.roles(user.roles, language)),
                el("dt", text: t(.fieldGrants)), el("dd", text: user.grants.isEmpty ? "–" : user.grants.map { AccountNames.grant($0, language) }.sorted().joined(separator: ", ")),
                el("dt", text: t(.fieldOrganisations)), el("dd", [], names.isEmpty ? [txt("–")] : names.map { o in
                    el("a", [("href", SiteRoute.organisation(id: o.id).path), ("class", "list-link")], text: o.name)
                }),
                el("dt", text: t(.fieldStatus)), el("dd", text: status(user, t)),
                el("dt", text: t(.fieldCreatedAt)), el("dd", text: DateText.dateTime(user.createdAt, language)),
                el("dt", text: t(.fieldLastLogin)), el("dd", text: user.lastLoginAt.map { DateText.dateTime($0, language) } ?? "–"),
                el("dt", text: t(.apiTokensTitle)), el("dd", text: String(model.tokens.filter(\.isActive).count)),
            ]),
            el("h2", text: t(.historyTitle)),
        ]
        content += HistoryTable.render(model.history, language: language, caption: t(.historyTitle), names: model.historyNames)
        return Layout(title: user.displayName, context: context).render(content)
    }
}

/// Create or edit a user.
public enum UserFormPage {
    public struct Model: Sendable {
        public let draft: UserDraft
        public let issues: [ValidationIssue]
        public let organisations: [Organisation]
        public let editing: UserAccount?

        public init(draft: UserDraft, issues: [ValidationIssue] = [], organisations: [Organisation], editing: UserAccount?) {
            self.draft = draft
            self.issues = issues
            self.organisations = organisations
            self.editing = editing
        }
    }

    public static func render(_ model: Model, context: PageContext) -> String {
        let t = context.t
        let language = context.language
        let form = FormBuilder(language: language, issues: model.issues)
        let labels = ["email": t(.fieldEmail), "displayName": t(.fieldDisplayName), "roles": t(.fieldRoles), "grants": t(.fieldGrants),
                      "organisations": t(.fieldOrganisations)]
        let title = model.editing.map { t(.editUser) + ": " + $0.displayName } ?? t(.newUser)
        let action = model.editing.map { SiteRoute.user(id: $0.id).path } ?? SiteRoute.users.path
        let d = model.draft
        let content: [HTMLNode] = [
            el("p", [("class", "breadcrumb")], [el("a", [("href", SiteRoute.users.path)], text: t(.usersTitle))]),
            el("h1", text: title),
            model.editing == nil ? el("p", text: t(.newUserIntro)) : .empty,
            form.summary(labels: labels),
            el("form", [("method", "post"), ("action", action), ("class", "stacked")], [
                FormBuilder.csrf(context.csrfToken ?? ""),
                form.text("displayName", label: labels["displayName"]!, value: d.displayName, required: true, autocomplete: "off", maxLength: 120),
                form.text("email", label: labels["email"]!, value: d.email, type: "email", required: true, autocomplete: "off", maxLength: 254),
                form.checkboxes("roles", legend: labels["roles"]!, options: Role.allCases.map { ($0.rawValue, AccountNames.role($0, language)) }, selected: Set(d.roles)),
                form.checkboxes("grants", legend: labels["grants"]!, options: Grant.allCases.map { ($0.rawValue, AccountNames.grant($0, language)) }, selected: Set(d.grants)),
                form.checkboxes("organisations", legend: labels["organisations"]!, options: model.organisations.filter(\.active).map { ($0.id.uuidString.lowercased(), $0.name) },
                                selected: Set(d.organisationIDs.map { $0.lowercased() }), hint: t(.organisationsHint)),
                el("div", [("class", "actions")], [
                    el("button", [("type", "submit")], text: t(.save)),
                    el("a", [("href", model.editing.map { SiteRoute.user(id: $0.id).path } ?? SiteRoute.users.path)], text: t(.cancel)),
                ]),
            ]),
        ]
        return Layout(title: title, context: context).render(content)
    }
}

/// The audit log for administrators: filter by entity, action, person and period; page; CSV.
public enum AuditPage {
    public static let perPage = 50

    public struct Model: Sendable {
        public let entries: [AuditEntry]
        public let total: Int
        public let state: ListState
        public let issues: [ValidationIssue]
        /// Names of the records the entries refer to by id (lower-case id → name).
        public var names: [String: String] = [:]

        public init(entries: [AuditEntry], total: Int, state: ListState, issues: [ValidationIssue] = []) {
            self.entries = entries
            self.total = total
            self.state = state
            self.issues = issues
        }
    }

    public static func render(_ model: Model, context: PageContext) -> String {
        let t = context.t
        let language = context.language
        let form = FormBuilder(language: language, issues: model.issues)
        let f = model.state.filters
        let entities = [("", t(.allEntities))] + AuditEntity.all.map { ($0, AccountNames.entity($0, language)) }
        let actions = [("", t(.allActions))] + AuditAction.allCases.map { ($0.rawValue, AccountNames.auditAction($0, language)) }
        var content: [HTMLNode] = [
            el("h1", text: t(.auditTitle)),
            el("p", text: t(.auditIntro)),
            form.summary(labels: ["von": t(.fieldFrom), "bis": t(.fieldTo)]),
            el("form", [("method", "get"), ("action", SiteRoute.audit.path), ("class", "filters"), ("role", "search")], [
                form.select("objekt", label: t(.fieldEntity), options: entities, selected: f["objekt"]),
                form.select("aktion", label: t(.fieldAction), options: actions, selected: f["aktion"]),
                form.text("wer", label: t(.fieldWho), value: f["wer"], type: "search", maxLength: 100),
                form.text("von", label: t(.fieldFrom), value: f["von"], type: "date", maxLength: 10),
                form.text("bis", label: t(.fieldTo), value: f["bis"], type: "date", maxLength: 10),
                el("button", [("type", "submit")], text: t(.searchButton)),
                f.isEmpty ? .empty : el("a", [("href", SiteRoute.audit.path), ("class", "reset")], text: t(.resetFilters)),
            ]),
        ]
        let rows: [[HTMLNode]] = model.entries.map { entry in
            [
                txt(DateText.dateTime(entry.at, language)),
                txt(entry.actor.label + (entry.actor.address.map { " (\($0))" } ?? "")),
                txt(AccountNames.auditAction(entry.action, language)),
                txt(AccountNames.entity(entry.entityType, language) + ": "
                    + (entry.entityLabel.isEmpty ? entry.entityID.flatMap { UUID(uuidString: $0) }.flatMap { model.names[$0.uuidString.lowercased()] } ?? "–" : entry.entityLabel)),
                entry.changes.isEmpty ? txt("–") : el("ul", [("class", "changes")], entry.changes.map {
                    el("li", text: AccountNames.change($0, entity: entry.entityType, language, names: model.names))
                }),
            ]
        }
        content += ListTable(caption: t(.auditTitle), columns: [
            .init(t(.fieldWhen)), .init(t(.fieldWho)), .init(t(.fieldWhat)), .init(t(.fieldEntity)), .init(t(.fieldChanges)),
        ], rows: rows, state: model.state, defaultSort: "", total: model.total, perPage: perPage).render(language, emptyText: t(.noAuditEntries))
        var csvState = model.state
        csvState.page = 1
        content.append(el("p", [("class", "downloads")], [
            el("a", [("href", csvState.link(SiteRoute.auditCSV.path)), ("download", "protokoll.csv")], text: t(.downloadCSV)),
        ]))
        return Layout(title: t(.auditTitle), context: context).render(content)
    }
}

/// The policy table: every action, who may do it.
public enum PolicyPage {
    public static func render(context: PageContext) -> String {
        let t = context.t
        let language = context.language
        let header: [HTMLNode] = [el("th", [("scope", "col")], text: t(.fieldAction)), el("th", [("scope", "col")], text: t(.rolePublic))]
            + Role.allCases.map { el("th", [("scope", "col")], text: AccountNames.role($0, language)) }
        let rows: [HTMLNode] = Policy.rules.map { rule in
            el("tr", [], [
                el("th", [("scope", "row")], text: AccountNames.action(rule.action, language)),
                el("td", text: rule.everyone ? t(.permissionYes) : t(.permissionNo)),
            ] + Role.allCases.map { role in el("td", text: AccountNames.permission(rule.roles[role], rule: rule, language)) })
        }
        let content: [HTMLNode] = [
            el("h1", text: t(.policyTitle)),
            el("p", text: t(.policyIntro)),
            el("div", [("class", "table-wrap")], [el("table", [("class", "data")], [
                el("caption", text: t(.policyTitle)),
                el("thead", [], [el("tr", [], header)]),
                el("tbody", [], rows),
            ])]),
        ]
        return Layout(title: t(.policyTitle), context: context).render(content)
    }
}

/// The persons of the bodies, with or without a login, for access and erasure requests.
public enum PersonListPage {
    public static let perPage = 50

    public struct Row: Sendable {
        public let id: UUID
        public let name: String
        public let bodies: [String]
        public let userID: UUID?
        public let erased: Bool

        public init(id: UUID, name: String, bodies: [String], userID: UUID?, erased: Bool) {
            self.id = id
            self.name = name
            self.bodies = bodies
            self.userID = userID
            self.erased = erased
        }
    }

    public static func render(_ rows: [Row], total: Int, state: ListState, notice: Notice?, context: PageContext) -> String {
        let t = context.t
        let form = FormBuilder(language: context.language)
        var content: [HTMLNode] = [
            el("h1", text: t(.personsTitle)),
            notice?.node ?? .empty,
            el("p", text: t(.personsIntro)),
            el("form", [("method", "get"), ("action", SiteRoute.Pattern.persons()), ("class", "filters"), ("role", "search")], [
                form.text("q", label: t(.searchPersonsLabel), value: state.filters["q"], type: "search", maxLength: 100),
                el("button", [("type", "submit")], text: t(.searchButton)),
                state.filters.isEmpty ? .empty : el("a", [("href", SiteRoute.Pattern.persons()), ("class", "reset")], text: t(.resetFilters)),
            ]),
        ]
        let cells: [[HTMLNode]] = rows.map { row in
            let actions: HTMLNode = row.erased ? txt(t(.erasedPerson)) : el("span", [], [
                el("a", [("href", SiteRoute.Pattern.personExport(row.id)), ("download", "")], text: t(.exportPersonalData)), txt(" · "),
                el("a", [("href", row.userID.map { SiteRoute.user(id: $0).path } ?? SiteRoute.Pattern.personErase(row.id))], text: t(.erasePerson)),
            ])
            return [
                txt(row.name),
                txt(row.bodies.joined(separator: ", ").nonEmpty ?? "–"),
                row.userID.map { el("a", [("href", SiteRoute.user(id: $0).path)], text: t(.navUsers)) } ?? txt(t(.noLogin)),
                actions,
            ]
        }
        content += ListTable(caption: t(.personsTitle), columns: [
            .init(t(.fieldDisplayName), sortKey: "name"), .init(t(.fieldBodies)), .init(t(.fieldHasLogin)), .init(t(.fieldAction)),
        ], rows: cells, state: state, defaultSort: "name", total: total, perPage: perPage).render(context.language, emptyText: t(.noPersons))
        return Layout(title: t(.personsTitle), context: context).render(content)
    }
}
