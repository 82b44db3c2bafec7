import Foundation
import SoplaApp
import SoplaCore
import SoplaFormats
import SoplaRender
import SoplaStore
import Vapor

/// Administration: users, the audit log, the policy table, and data protection requests.
struct AdminController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let manage = RoutePermission(.manageUsers)
        routes.on(.GET, SiteRoute.Pattern.users, manage, use: list)
        routes.on(.GET, SiteRoute.Pattern.usersCSV, manage, use: csv)
        routes.on(.GET, SiteRoute.Pattern.userNew, manage, use: newForm)
        routes.on(.POST, SiteRoute.Pattern.users, manage, use: create)
        routes.on(.GET, SiteRoute.Pattern.user, manage, use: show)
        routes.on(.GET, SiteRoute.Pattern.userEdit, manage, use: editForm)
        routes.on(.POST, SiteRoute.Pattern.user, manage, use: update)
        routes.on(.POST, SiteRoute.Pattern.userDeactivate, manage, use: deactivate)
        routes.on(.POST, SiteRoute.Pattern.userActivate, manage, use: activate)
        routes.on(.POST, SiteRoute.Pattern.userAccessLink, manage, use: accessLink)
        routes.on(.GET, SiteRoute.Pattern.userExport, RoutePermission(.managePersonalData), use: export)
        routes.on(.GET, SiteRoute.Pattern.userErase, RoutePermission(.managePersonalData), use: confirmErase)
        routes.on(.POST, SiteRoute.Pattern.userErase, RoutePermission(.managePersonalData), use: erase)
        routes.on(.GET, SiteRoute.Pattern.audit, RoutePermission(.viewAuditLog), use: audit)
        routes.on(.GET, SiteRoute.Pattern.auditCSV, RoutePermission(.viewAuditLog), use: auditCSV)
        routes.on(.GET, SiteRoute.Pattern.policy, RoutePermission(.viewPolicy), use: policy)
    }

    // MARK: Users

    static func listState(_ req: Request) -> (ListState, UserQuery) {
        let q = (try? req.query.get(String.self, at: "q")).map { String($0.prefix(100)) }
        let role = (try? req.query.get(String.self, at: "rolle")).flatMap(Role.init(rawValue:))
        let status = (try? req.query.get(String.self, at: "status")).flatMap(StatusFilter.init(rawValue:)) ?? .active
        let sort = (try? req.query.get(String.self, at: "sortierung")).flatMap(UserQuery.SortField.init(rawValue:))
        let descending = (try? req.query.get(String.self, at: "richtung")) == "ab"
        var filters: [String: String] = [:]
        filters["q"] = q.flatMap { $0.isEmpty ? nil : $0 }
        filters["rolle"] = role?.rawValue
        if status != .active { filters["status"] = status.rawValue }
        let state = ListState(path: SiteRoute.users.path, filters: filters, sort: sort?.rawValue, descending: descending,
                              page: (try? req.query.get(Int.self, at: "seite")) ?? 1)
        return (state, UserQuery(search: filters["q"], role: role, status: status, sort: sort ?? .name, descending: descending))
    }

    func list(req: Request) async throws -> HTMLResponse {
        let (state, query) = Self.listState(req)
        let users = query.apply(to: try await req.accounts.users())
        let names = Dictionary(uniqueKeysWithValues: try await req.accounts.organisations().map { ($0.id, $0.name) })
        let model = UserListPage.Model(users: Paging.slice(users, page: state.page, perPage: UserListPage.perPage), total: users.count,
                                       state: state, organisationNames: names)
        return HTMLResponse(UserListPage.render(model, context: try await req.pageContext()))
    }

    func csv(req: Request) async throws -> Response {
        let (_, query) = Self.listState(req)
        let names = Dictionary(uniqueKeysWithValues: try await req.accounts.organisations().map { ($0.id, $0.name) })
        let rows = query.apply(to: try await req.accounts.users()).map { u in
            [u.id.uuidString.lowercased(), u.displayName, u.email, Role.allCases.filter(u.roles.contains).map { AccountNames.role($0, .de) }.joined(separator: ", "),
             u.organisationIDs.compactMap { names[$0] }.sorted().joined(separator: "; "), GermanCSV.yesNo(u.active), GermanCSV.time(u.lastLoginAt)]
        }
        let text = CSV.write(header: ["ID", "Name", "E-Mail", "Rollen", "Organisationen", "aktiv", "letzte Anmeldung"], rows: rows)
        return CSVDownload.response(text, filename: "benutzer.csv")
    }

    static func user(_ req: Request) async throws -> UserAccount {
        guard let user = try await req.accounts.user(id: try req.idParameter()) else { throw Abort(.notFound) }
        return user
    }

    func page(_ req: Request, user: UserAccount, accessLink: String? = nil, notice: Notice? = nil, status: HTTPResponseStatus = .ok) async throws -> Response {
        let history = try await req.accounts.audit(AuditQuery(entityType: AuditEntity.user, entityID: user.id.uuidString, perPage: 100)).entries
        var model = UserPage.Model(user: user, organisations: try await req.accounts.organisations(), tokens: try await req.accounts.apiTokens(userID: user.id),
                                   accessLink: accessLink, history: history, isSelf: try await req.auth().user?.id == user.id, notice: notice)
        model.historyNames = try await req.auditNames(of: history)
        let response = HTMLResponse(UserPage.render(model, context: try await req.pageContext())).response(status: status)
        response.headers.replaceOrAdd(name: HTTPHeaders.Name.cacheControl, value: "no-store")
        return response
    }

    func show(req: Request) async throws -> Response {
        let user = try await Self.user(req)
        let notice = req.notice
        return try await page(req, user: user, notice: notice)
    }

    struct UserForm: Content {
        var displayName: String?
        var email: String?
        var roles: [String]?
        var grants: [String]?
        var organisations: [String]?

        var draft: UserDraft {
            UserDraft(email: email, displayName: displayName, roles: roles ?? [], grants: grants ?? [], organisationIDs: organisations ?? [])
        }
    }

    func form(_ req: Request, draft: UserDraft, issues: [ValidationIssue] = [], editing: UserAccount?, status: HTTPResponseStatus = .ok) async throws -> Response {
        let model = UserFormPage.Model(draft: draft, issues: issues, organisations: try await req.accounts.organisations(), editing: editing)
        return HTMLResponse(UserFormPage.render(model, context: try await req.pageContext())).response(status: status)
    }

    func newForm(req: Request) async throws -> Response {
        try await form(req, draft: UserDraft(), editing: nil)
    }

    func create(req: Request) async throws -> Response {
        let draft = try req.content.decode(UserForm.self).draft
        do {
            let valid = try draft.validated(existingUsers: try await req.accounts.users(), organisations: try await req.accounts.organisations())
            let user = UserAccount(id: UUID(), email: valid.email, displayName: valid.displayName, roles: valid.roles, grants: valid.grants,
                                   organisationIDs: valid.organisationIDs, createdAt: req.settings.clock.now())
            try await req.accounts.createUser(user, passwordHash: nil, actor: try await req.auditActor(), at: req.settings.clock.now())
            return req.redirect(to: SiteRoute.user(id: user.id).path, notice: .created)
        } catch let failure as ValidationFailure {
            return try await form(req, draft: draft, issues: failure.issues, editing: nil, status: Self.status(failure))
        } catch AccountStoreError.duplicate(let field) {
            return try await form(req, draft: draft, issues: [ValidationIssue(field, .duplicate)], editing: nil, status: .conflict)
        }
    }

    /// A taken e-mail address is a conflict (409); everything else is unprocessable input (422).
    static func status(_ failure: ValidationFailure) -> HTTPResponseStatus {
        failure.issues.count == 1 && failure.issues[0].problem == .duplicate ? .conflict : .unprocessableEntity
    }

    func editForm(req: Request) async throws -> Response {
        let user = try await Self.user(req)
        guard user.erasedAt == nil else { throw Abort(.notFound) }
        let draft = UserDraft(email: user.email, displayName: user.displayName, roles: user.roles.map(\.rawValue),
                              grants: user.grants.map(\.rawValue), organisationIDs: user.organisationIDs.map(\.uuidString))
        return try await form(req, draft: draft, editing: user)
    }

    func update(req: Request) async throws -> Response {
        let user = try await Self.user(req)
        guard user.erasedAt == nil else { throw Abort(.notFound) }
        let draft = try req.content.decode(UserForm.self).draft
        do {
            let valid = try draft.validated(existingUsers: try await req.accounts.users(), organisations: try await req.accounts.organisations(), editing: user.id)
            var changed = user
            changed.email = valid.email
            changed.displayName = valid.displayName
            changed.roles = valid.roles
            changed.grants = valid.grants
            changed.organisationIDs = valid.organisationIDs
            if try await req.auth().user?.id == user.id, !valid.roles.contains(.administrator) {
                // Administrators cannot remove their own administration role and lock everyone out.
                return try await form(req, draft: draft, issues: [ValidationIssue("roles", .required)], editing: user, status: .unprocessableEntity)
            }
            let changes = try await req.accounts.updateUser(changed, actor: try await req.auditActor(), at: req.settings.clock.now())
            return req.redirect(to: SiteRoute.user(id: user.id).path, notice: changes.isEmpty ? .unchanged : .saved)
        } catch let failure as ValidationFailure {
            return try await form(req, draft: draft, issues: failure.issues, editing: user, status: Self.status(failure))
        } catch AccountStoreError.duplicate(let field) {
            return try await form(req, draft: draft, issues: [ValidationIssue(field, .duplicate)], editing: user, status: .conflict)
        }
    }

    func setActive(_ req: Request, _ active: Bool) async throws -> Response {
        var user = try await Self.user(req)
        guard user.erasedAt == nil else { throw Abort(.notFound) }
        guard try await req.auth().user?.id != user.id else {
            throw APIError(.conflict, code: "own_account", message: "administrators cannot deactivate their own account")
        }
        user.active = active
        try await req.accounts.updateUser(user, actor: try await req.auditActor(), at: req.settings.clock.now(), action: active ? .activate : .deactivate)
        return req.redirect(to: SiteRoute.user(id: user.id).path, notice: active ? .activated : .deactivated)
    }

    func deactivate(req: Request) async throws -> Response { try await setActive(req, false) }
    func activate(req: Request) async throws -> Response { try await setActive(req, true) }

    func accessLink(req: Request) async throws -> Response {
        let user = try await Self.user(req)
        guard user.active, user.erasedAt == nil else {
            throw APIError(.conflict, code: "inactive_user", message: "links can be created for active users only")
        }
        let (token, _) = try await AccountService(request: req).createAccessLink(for: user, actor: try await req.auditActor())
        let base = req.siteURL
        // The link appears in this response only; the database holds its hash.
        return try await page(req, user: user, accessLink: base + SiteRoute.accessLink(token: token).path, status: .created)
    }

    // MARK: Data protection

    func export(req: Request) async throws -> Response {
        let user = try await Self.user(req)
        let data = try await req.personalData.export(userID: user.id, actor: try await req.auditActor(), at: req.settings.clock.now())
        return try Self.download(data, fileName: "personendaten-\(user.id.uuidString.lowercased()).json")
    }

    /// A personal data export as a JSON download that no cache keeps.
    static func download(_ data: PersonalDataReport, fileName: String) throws -> Response {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        encoder.dateEncodingStrategy = .iso8601
        var headers = HTTPHeaders()
        headers.contentType = .json
        headers.setAttachment(filename: fileName)
        headers.replaceOrAdd(name: HTTPHeaders.Name.cacheControl, value: "no-store")
        return Response(status: .ok, headers: headers, body: .init(data: try encoder.encode(data)))
    }

    func confirmErase(req: Request) async throws -> HTMLResponse {
        let user = try await Self.user(req)
        guard user.erasedAt == nil else { throw Abort(.notFound) }
        let t = Texts(req.language)
        var model = ConfirmPage.Model(title: t(.confirmEraseTitle), text: t(.confirmEraseText).replacingOccurrences(of: "{name}", with: user.displayName),
                                      action: SiteRoute.userErase(id: user.id).path, confirmLabel: t(.erasePerson),
                                      cancelPath: SiteRoute.user(id: user.id).path)
        model.warnings = ErasureWords.lines(try await req.accounts.freeTextMentions(of: [user.displayName, user.email]), req.language)
        model.warningTitle = ErasureWords.title(req.language)
        return HTMLResponse(ConfirmPage.render(model, context: try await req.pageContext()))
    }

    func erase(req: Request) async throws -> Response {
        let user = try await Self.user(req)
        guard user.erasedAt == nil else { throw Abort(.notFound) }
        guard try await req.auth().user?.id != user.id else {
            throw APIError(.conflict, code: "own_account", message: "administrators cannot erase their own account")
        }
        guard (try? req.content.get(String.self, at: "bestaetigt")) == "ja" else {
            throw Refusal(.unprocessableEntity, "Bitte die Löschung auf der Bestätigungsseite bestätigen.", "Please confirm the erasure on the confirmation page.")
        }
        try await req.accounts.erase(userID: user.id, actor: try await req.auditActor(), at: req.settings.clock.now())
        return req.redirect(to: SiteRoute.user(id: user.id).path, notice: .erased)
    }

    // MARK: Audit log and policy

    static func auditQuery(_ req: Request) -> (ListState, AuditQuery, [ValidationIssue]) {
        var filters: [String: String] = [:]
        var issues: [ValidationIssue] = []
        let entity = (try? req.query.get(String.self, at: "objekt")).flatMap { AuditEntity.all.contains($0) ? $0 : nil }
        let action = (try? req.query.get(String.self, at: "aktion")).flatMap(AuditAction.init(rawValue:))
        let who = (try? req.query.get(String.self, at: "wer")).map { String($0.prefix(100)) }.flatMap { $0.isEmpty ? nil : $0 }
        func day(_ name: String) -> Day? {
            guard let raw = try? req.query.get(String.self, at: name), !raw.isEmpty else { return nil }
            filters[name] = String(raw.prefix(10))
            return FormDay.read(raw, field: name, into: &issues)
        }
        let from = day("von"), to = day("bis")
        filters["objekt"] = entity
        filters["aktion"] = action?.rawValue
        filters["wer"] = who
        let page = (try? req.query.get(Int.self, at: "seite")) ?? 1
        let state = ListState(path: SiteRoute.audit.path, filters: filters, page: page)
        return (state, AuditQuery(entityType: entity, action: action, actorText: who, from: from, to: to, page: state.page, perPage: AuditPage.perPage), issues)
    }

    func audit(req: Request) async throws -> Response {
        let (state, query, issues) = Self.auditQuery(req)
        let (entries, total) = try await req.accounts.audit(query)
        var model = AuditPage.Model(entries: entries, total: total, state: state, issues: issues)
        model.names = try await req.auditNames(of: entries)
        return HTMLResponse(AuditPage.render(model, context: try await req.pageContext())).response(status: issues.isEmpty ? .ok : .badRequest)
    }

    func auditCSV(req: Request) async throws -> Response {
        let (_, query, issues) = Self.auditQuery(req)
        if let issue = issues.first { throw APIError.badParameter(issue.field, "expected a date yyyy-MM-dd") }
        let rows = try await req.accounts.auditAll(query).map { e in
            [GermanCSV.time(e.at), e.actor.label, e.actor.address ?? "", AccountNames.auditAction(e.action, .de), AccountNames.entity(e.entityType, .de),
             e.entityID ?? "", e.entityLabel, e.changes.map { AccountNames.change($0, entity: e.entityType, .de) }.joined(separator: "; ")]
        }
        let text = CSV.write(header: ["Zeitpunkt", "wer", "Adresse", "Aktion", "Objektart", "ID", "Objekt", "Änderungen"], rows: rows)
        return CSVDownload.response(text, filename: "protokoll.csv")
    }

    func policy(req: Request) async throws -> HTMLResponse {
        HTMLResponse(PolicyPage.render(context: try await req.pageContext()))
    }
}
