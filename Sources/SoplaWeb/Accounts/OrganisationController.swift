import Foundation
import SoplaCore
import SoplaFormats
import SoplaRender
import SoplaStore
import Vapor

/// Organisations: public list and detail, create/edit/deactivate for planners, providers edit their own.
struct OrganisationController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.on(.GET, SiteRoute.Pattern.organisations, RoutePermission(.readPublic), use: list)
        routes.on(.GET, SiteRoute.Pattern.organisationsCSV, RoutePermission(.readPublic), use: csv)
        routes.on(.GET, SiteRoute.Pattern.organisationNew, RoutePermission(.createOrganisation), use: newForm)
        routes.on(.POST, SiteRoute.Pattern.organisations, RoutePermission(.createOrganisation), use: create)
        routes.on(.GET, SiteRoute.Pattern.organisation, RoutePermission(.readPublic), use: show)
        routes.on(.GET, SiteRoute.Pattern.organisationEdit, RoutePermission(.editOrganisation, scope: .organisationParameter), use: editForm)
        routes.on(.POST, SiteRoute.Pattern.organisation, RoutePermission(.editOrganisation, scope: .organisationParameter), use: update)
        routes.on(.GET, SiteRoute.Pattern.organisationDeactivate, RoutePermission(.deactivateOrganisation), use: confirmDeactivate)
        routes.on(.POST, SiteRoute.Pattern.organisationDeactivate, RoutePermission(.deactivateOrganisation), use: deactivate)
        routes.on(.POST, SiteRoute.Pattern.organisationActivate, RoutePermission(.deactivateOrganisation), use: activate)
        routes.on(.GET, SiteRoute.Pattern.apiOrganisations, RoutePermission(.readPublic), use: apiList)
        routes.on(.GET, SiteRoute.Pattern.apiOrganisation, RoutePermission(.readPublic), use: apiShow)
        routes.on(.PATCH, SiteRoute.Pattern.apiOrganisation, RoutePermission(.editOrganisation, scope: .organisationParameter), use: apiUpdate)
    }

    // MARK: Pages

    static func listState(_ req: Request) -> (ListState, OrganisationQuery) {
        let q = try? req.query.get(String.self, at: "q")
        let kindRaw = try? req.query.get(String.self, at: "art")
        let statusRaw = try? req.query.get(String.self, at: "status")
        let sortRaw = try? req.query.get(String.self, at: "sortierung")
        let descending = (try? req.query.get(String.self, at: "richtung")) == "ab"
        let page = (try? req.query.get(Int.self, at: "seite")) ?? 1
        let kind = kindRaw.flatMap(OrganisationKind.init(rawValue:))
        let status = statusRaw.flatMap(StatusFilter.init(rawValue:)) ?? .active
        let sort = sortRaw.flatMap(OrganisationQuery.SortField.init(rawValue:))
        var filters: [String: String] = [:]
        filters["q"] = q.flatMap { $0.isEmpty ? nil : String($0.prefix(100)) }
        filters["art"] = kind?.rawValue
        if status != .active { filters["status"] = status.rawValue }
        let state = ListState(path: SiteRoute.organisations.path, filters: filters, sort: sort?.rawValue, descending: descending, page: page)
        return (state, OrganisationQuery(search: filters["q"], kind: kind, status: status, sort: sort ?? .name, descending: descending))
    }

    func list(req: Request) async throws -> HTMLResponse {
        let (state, query) = Self.listState(req)
        let all = try await req.accounts.organisations()
        let matching = query.apply(to: all)
        let names = Dictionary(uniqueKeysWithValues: all.map { ($0.id, $0.name) })
        let model = OrganisationListPage.Model(organisations: Paging.slice(matching, page: state.page, perPage: OrganisationListPage.perPage),
                                               total: matching.count, state: state, names: names,
                                               mayCreate: try await req.may(.createOrganisation))
        return HTMLResponse(OrganisationListPage.render(model, context: try await req.pageContext()))
    }

    func csv(req: Request) async throws -> Response {
        let (_, query) = Self.listState(req)
        let all = try await req.accounts.organisations()
        let names = Dictionary(uniqueKeysWithValues: all.map { ($0.id, $0.name) })
        let rows = query.apply(to: all).map { o in
            [o.id.uuidString.lowercased(), o.name, o.shortName ?? "", AccountNames.kind(o.kind, .de), o.parentID.flatMap { names[$0] } ?? "",
             o.street ?? "", o.postcode ?? "", o.city ?? "", o.email ?? "", o.phone ?? "", o.website ?? "", GermanCSV.yesNo(o.active)]
        }
        let text = CSV.write(header: ["ID", "Name", "Kurzname", "Art", "übergeordnet", "Straße", "PLZ", "Ort", "E-Mail", "Telefon", "Website", "aktiv"], rows: rows)
        return CSVDownload.response(text, filename: "organisationen.csv")
    }

    static func organisation(_ req: Request) async throws -> Organisation {
        guard let organisation = try await req.accounts.organisation(id: try req.idParameter()) else { throw Abort(.notFound) }
        return organisation
    }

    func show(req: Request) async throws -> HTMLResponse {
        let organisation = try await Self.organisation(req)
        let all = try await req.accounts.organisations()
        let scope = Scope.organisation(organisation.id)
        var history: [AuditEntry]?
        if try await req.may(.viewOrganisationHistory, scope: scope) {
            history = try await req.accounts.audit(AuditQuery(entityType: AuditEntity.organisation, entityID: organisation.id.uuidString, perPage: 100)).entries
        }
        let notice = req.notice
        var model = OrganisationPage.Model(
            organisation: organisation, parent: organisation.parentID.flatMap { id in all.first { $0.id == id } },
            children: all.filter { $0.parentID == organisation.id },
            mayEdit: try await req.may(.editOrganisation, scope: scope), mayDeactivate: try await req.may(.deactivateOrganisation),
            history: history, notice: notice
        )
        model.historyNames = try await req.auditNames(of: history ?? [])
        return HTMLResponse(OrganisationPage.render(model, context: try await req.pageContext()))
    }

    struct OrganisationForm: Content {
        var name: String?
        var shortName: String?
        var kind: String?
        var parentId: String?
        var email: String?
        var phone: String?
        var website: String?
        var street: String?
        var postcode: String?
        var city: String?

        var draft: OrganisationDraft {
            OrganisationDraft(name: name, shortName: shortName, kind: kind, parentID: parentId, email: email, phone: phone,
                              website: website, street: street, postcode: postcode, city: city)
        }
    }

    func form(_ req: Request, draft: OrganisationDraft, issues: [ValidationIssue] = [], editing: Organisation?,
              status: HTTPResponseStatus = .ok) async throws -> Response {
        let model = OrganisationFormPage.Model(draft: draft, issues: issues, organisations: try await req.accounts.organisations(),
                                               editing: editing, mayChangeStructure: try await req.may(.deactivateOrganisation))
        return HTMLResponse(OrganisationFormPage.render(model, context: try await req.pageContext())).response(status: status)
    }

    func newForm(req: Request) async throws -> Response {
        try await form(req, draft: OrganisationDraft(kind: OrganisationKind.provider.rawValue), editing: nil)
    }

    func create(req: Request) async throws -> Response {
        let (submitted, unreadable) = try req.formKeepingInput(OrganisationForm.self)
        let draft = submitted.draft
        guard unreadable.isEmpty else { return try await form(req, draft: draft, issues: unreadable, editing: nil, status: .unprocessableEntity) }
        let existing = try await req.accounts.organisations()
        do {
            let valid = try draft.validated(existing: existing)
            let organisation = Organisation(id: UUID(), draft: valid)
            try await req.accounts.createOrganisation(organisation, actor: try await req.auditActor(), at: req.settings.clock.now())
            return req.redirect(to: SiteRoute.organisation(id: organisation.id).path, notice: .created)
        } catch let failure as ValidationFailure {
            return try await form(req, draft: draft, issues: failure.issues, editing: nil, status: .unprocessableEntity)
        } catch AccountStoreError.duplicate(let field) {
            return try await form(req, draft: draft, issues: [ValidationIssue(field, .duplicate)], editing: nil, status: .conflict)
        }
    }

    func editForm(req: Request) async throws -> Response {
        let organisation = try await Self.organisation(req)
        return try await form(req, draft: OrganisationDraft(organisation), editing: organisation)
    }

    /// Applies a draft to an organisation. People who may not change the structure (providers) change contact
    /// details only: name, short name, kind and parent stay as they are, whatever the request says.
    static func apply(_ draft: OrganisationDraft, to organisation: Organisation, req: Request) async throws -> Organisation {
        var draft = draft
        if !(try await req.may(.deactivateOrganisation)) {
            draft.name = organisation.name
            draft.shortName = organisation.shortName
            draft.kind = organisation.kind.rawValue
            draft.parentID = organisation.parentID?.uuidString
        }
        let valid = try draft.validated(existing: try await req.accounts.organisations(), editing: organisation.id)
        return Organisation(id: organisation.id, draft: valid, active: organisation.active)
    }

    func update(req: Request) async throws -> Response {
        let organisation = try await Self.organisation(req)
        let (submitted, unreadable) = try req.formKeepingInput(OrganisationForm.self)
        let draft = submitted.draft
        guard unreadable.isEmpty else { return try await form(req, draft: draft, issues: unreadable, editing: organisation, status: .unprocessableEntity) }
        do {
            let changed = try await Self.apply(draft, to: organisation, req: req)
            let changes = try await req.accounts.updateOrganisation(changed, actor: try await req.auditActor(), at: req.settings.clock.now())
            return req.redirect(to: SiteRoute.organisation(id: organisation.id).path, notice: changes.isEmpty ? .unchanged : .saved)
        } catch let failure as ValidationFailure {
            return try await form(req, draft: draft, issues: failure.issues, editing: organisation, status: .unprocessableEntity)
        } catch AccountStoreError.duplicate(let field) {
            return try await form(req, draft: draft, issues: [ValidationIssue(field, .duplicate)], editing: organisation, status: .conflict)
        }
    }

    func confirmDeactivate(req: Request) async throws -> HTMLResponse {
        let organisation = try await Self.organisation(req)
        let t = Texts(req.language)
        let model = ConfirmPage.Model(
            title: t(.confirmDeactivateOrganisationTitle),
            text: t(.confirmDeactivateOrganisationText).replacingOccurrences(of: "{name}", with: organisation.name),
            action: SiteRoute.organisationDeactivate(id: organisation.id).path, confirmLabel: t(.deactivate),
            cancelPath: SiteRoute.organisation(id: organisation.id).path
        )
        return HTMLResponse(ConfirmPage.render(model, context: try await req.pageContext()))
    }

    func setActive(_ req: Request, _ active: Bool) async throws -> Response {
        var organisation = try await Self.organisation(req)
        organisation.active = active
        try await req.accounts.updateOrganisation(organisation, actor: try await req.auditActor(), at: req.settings.clock.now(),
                                                  action: active ? .activate : .deactivate)
        return req.redirect(to: SiteRoute.organisation(id: organisation.id).path, notice: active ? .activated : .deactivated)
    }

    func deactivate(req: Request) async throws -> Response { try await setActive(req, false) }
    func activate(req: Request) async throws -> Response { try await setActive(req, true) }

    // MARK: API

    struct OrganisationResponse: Content {
        let id: UUID
        let name: String
        let shortName: String?
        let kind: String
        let parentId: UUID?
        let email: String?
        let phone: String?
        let website: String?
        let street: String?
        let postcode: String?
        let city: String?
        let active: Bool

        init(_ o: Organisation) {
            id = o.id
            name = o.name
            shortName = o.shortName
            kind = o.kind.rawValue
            parentId = o.parentID
            email = o.email
            phone = o.phone
            website = o.website
            street = o.street
            postcode = o.postcode
            city = o.city
            active = o.active
        }
    }

    struct OrganisationListResponse: Content {
        let items: [OrganisationResponse]
        let page: Int
        let perPage: Int
        let total: Int
    }

    func apiList(req: Request) async throws -> OrganisationListResponse {
        try rejectUnknownParameters(req, allowed: ["q", "kind", "status", "page", "perPage"])
        let page = try APIParameters.integer(req, "page", range: 1...100_000) ?? 1
        let perPage = try APIParameters.integer(req, "perPage", range: 1...500) ?? 50
        var kind: OrganisationKind?
        if let raw = try? req.query.get(String.self, at: "kind") {
            guard let parsed = OrganisationKind(rawValue: raw) else {
                throw APIError.badParameter("kind", "use one of \(OrganisationKind.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            kind = parsed
        }
        var status = StatusFilter.active
        if let raw = try? req.query.get(String.self, at: "status") {
            switch raw {
            case "active": status = .active
            case "inactive": status = .inactive
            case "all": status = .all
            default: throw APIError.badParameter("status", "use one of active, inactive, all")
            }
        }
        let q = try? req.query.get(String.self, at: "q")
        if let q, q.count > 100 { throw APIError.badParameter("q", "at most 100 characters") }
        let matching = OrganisationQuery(search: q, kind: kind, status: status).apply(to: try await req.accounts.organisations())
        return OrganisationListResponse(items: Paging.slice(matching, page: page, perPage: perPage).map(OrganisationResponse.init),
                                        page: page, perPage: perPage, total: matching.count)
    }

    static func apiOrganisation(_ req: Request) async throws -> Organisation {
        guard let raw = req.parameters.get("id"), let id = UUID(uuidString: raw),
              let organisation = try await req.accounts.organisation(id: id) else {
            throw APIError.notFound("no organisation with this id")
        }
        return organisation
    }

    func apiShow(req: Request) async throws -> OrganisationResponse {
        try rejectUnknownParameters(req, allowed: [])
        return OrganisationResponse(try await Self.apiOrganisation(req))
    }

    /// Fields a PATCH may change; absent fields stay, `null` empties an optional field.
    struct UpdateOrganisationRequest: Content {
        let name: String?
        let shortName: String??
        let kind: String?
        let parentId: String??
        let email: String??
        let phone: String??
        let website: String??
        let street: String??
        let postcode: String??
        let city: String??

        enum CodingKeys: String, CodingKey {
            case name, shortName, kind, parentId, email, phone, website, street, postcode, city
        }

        init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            let unknown = (try? decoder.container(keyedBy: AnyKey.self).allKeys.map(\.stringValue).filter { CodingKeys(rawValue: $0) == nil }) ?? []
            if let first = unknown.first {
                throw APIError(.unprocessableEntity, code: "unknown_field", message: "unknown field \(first)",
                               details: unknown.map { .init(field: $0, message: "not a field of an organisation") })
            }
            func optional(_ key: CodingKeys) throws -> String?? {
                guard c.contains(key) else { return .none }
                return .some(try c.decodeNil(forKey: key) ? nil : try c.decode(String.self, forKey: key))
            }
            // Name and kind are never empty: null is refused, not ignored.
            for key in [CodingKeys.name, .kind] where c.contains(key) {
                if try c.decodeNil(forKey: key) {
                    throw APIError(.unprocessableEntity, code: "invalid_body", message: "\(key.rawValue) cannot be null",
                                   details: [.init(field: key.rawValue, message: "must be a string")])
                }
            }
            name = try c.decodeIfPresent(String.self, forKey: .name)
            kind = try c.decodeIfPresent(String.self, forKey: .kind)
            shortName = try optional(.shortName)
            parentId = try optional(.parentId)
            email = try optional(.email)
            phone = try optional(.phone)
            website = try optional(.website)
            street = try optional(.street)
            postcode = try optional(.postcode)
            city = try optional(.city)
        }

        func draft(from o: Organisation) -> OrganisationDraft {
            var d = OrganisationDraft(o)
            if let name { d.name = name }
            if let kind { d.kind = kind }
            if let shortName { d.shortName = shortName }
            if let parentId { d.parentID = parentId }
            if let email { d.email = email }
            if let phone { d.phone = phone }
            if let website { d.website = website }
            if let street { d.street = street }
            if let postcode { d.postcode = postcode }
            if let city { d.city = city }
            return d
        }
    }

    struct AnyKey: CodingKey {
        let stringValue: String
        let intValue: Int? = nil
        init?(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { return nil }
    }

    func apiUpdate(req: Request) async throws -> OrganisationResponse {
        try rejectUnknownParameters(req, allowed: [])
        let organisation = try await Self.apiOrganisation(req)
        guard let type = req.headers.contentType, type.type == "application", type.subType == "json" || type.subType.hasSuffix("+json") else {
            throw APIError(.unsupportedMediaType, code: "unsupported_media_type", message: "send the changes as application/json")
        }
        let body: UpdateOrganisationRequest
        do {
            body = try req.content.decode(UpdateOrganisationRequest.self)
        } catch let error as APIError {
            throw error
        } catch let error as DecodingError {
            // The field whose value could not be read, where the decoder knows it ("city": 1e308).
            let field: String?
            switch error {
            case .typeMismatch(_, let context), .valueNotFound(_, let context), .keyNotFound(_, let context), .dataCorrupted(let context):
                field = context.codingPath.last?.stringValue
            @unknown default:
                field = nil
            }
            throw APIError(.unprocessableEntity, code: "invalid_body", message: "the body must be a JSON object with organisation fields",
                           details: field.map { [.init(field: $0, message: "not a valid value for this field")] } ?? [])
        } catch {
            throw APIError(.unprocessableEntity, code: "invalid_body", message: "the body must be a JSON object with organisation fields")
        }
        if !(try await req.may(.deactivateOrganisation)) {
            let structural = [("name", body.name != nil), ("shortName", body.shortName != nil), ("kind", body.kind != nil), ("parentId", body.parentId != nil)]
                .filter(\.1).map(\.0)
            if !structural.isEmpty {
                throw APIError(.forbidden, code: "forbidden", message: "name, shortName, kind and parentId are maintained by social planning; providers change contact details only",
                               details: structural.map { .init(field: $0, message: "maintained by social planning") })
            }
        }
        do {
            let changed = try await Self.apply(body.draft(from: organisation), to: organisation, req: req)
            try await req.accounts.updateOrganisation(changed, actor: try await req.auditActor(), at: req.settings.clock.now())
            return OrganisationResponse(changed)
        } catch let failure as ValidationFailure {
            throw APIError(.unprocessableEntity, code: "validation_failed", message: "the organisation was not changed",
                           details: failure.issues.map { .init(field: $0.field, message: IssueText.message($0.problem, .en)) })
        } catch AccountStoreError.duplicate(let field) {
            throw APIError(.conflict, code: "duplicate", message: "another organisation has this \(field)", details: [.init(field: field, message: "already taken")])
        }
    }
}

extension Request {
    /// The active organisations by name, as choices of a form.
    func activeOrganisationChoices() async throws -> [(id: UUID, name: String)] {
        try await accounts.organisations().filter(\.active).sorted { $0.name < $1.name }.map { ($0.id, $0.name) }
    }
}
