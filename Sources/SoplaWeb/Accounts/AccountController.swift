import Foundation
import SoplaCore
import SoplaRender
import SoplaStore
import Vapor

/// The own account: profile, password, API tokens; and `/api/v1/me` for machine clients.
struct AccountController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.on(.GET, SiteRoute.Pattern.account, RoutePermission(.viewOwnAccount), use: show)
        routes.on(.POST, SiteRoute.Pattern.accountPassword, RoutePermission(.changeOwnAccount), use: changePassword)
        routes.on(.POST, SiteRoute.Pattern.accountTokens, RoutePermission(.changeOwnAccount), use: createToken)
        routes.on(.POST, SiteRoute.Pattern.accountTokenRevoke, RoutePermission(.changeOwnAccount), use: revokeToken)
        routes.on(.POST, SiteRoute.Pattern.accountCalendar, RoutePermission(.changeOwnAccount), use: renewCalendar)
        routes.on(.POST, SiteRoute.Pattern.accountCalendarRevoke, RoutePermission(.changeOwnAccount), use: revokeCalendar)
        routes.on(.GET, SiteRoute.Pattern.apiMe, RoutePermission(.viewOwnAccount), use: me)
    }

    func page(_ req: Request, status: HTTPResponseStatus = .ok, newToken: String? = nil, passwordIssues: [ValidationIssue] = [],
              tokenIssues: [ValidationIssue] = [], notice: Notice? = nil, newCalendarLink: String? = nil) async throws -> Response {
        let user = try await req.requireUser()
        let organisations = try await req.accounts.organisations().filter { user.organisationIDs.contains($0.id) }.map(\.name)
        let tokens = try await req.accounts.apiTokens(userID: user.id)
        var model = AccountPage.Model(user: user, organisationNames: organisations, tokens: tokens, newToken: newToken,
                                      passwordIssues: passwordIssues, tokenIssues: tokenIssues, notice: notice)
        model.calendarLinkCreated = try await req.accounts.calendarLinkCreated(userID: user.id)
        model.newCalendarLink = newCalendarLink
        let response = HTMLResponse(AccountPage.render(model, context: try await req.pageContext())).response(status: status)
        response.headers.replaceOrAdd(name: HTTPHeaders.Name.cacheControl, value: "no-store")
        return response
    }

    func show(req: Request) async throws -> Response {
        let notice = req.notice
        return try await page(req, notice: notice)
    }

    struct PasswordForm: Content {
        var currentPassword: String?
        var password: String?
        var passwordConfirmation: String?
    }

    func changePassword(req: Request) async throws -> Response {
        let user = try await req.requireUser()
        let form = try req.content.decode(PasswordForm.self)
        let service = AccountService(request: req)
        // The current password counts against the same limits as a login: a session is no way to guess it faster.
        let check = try await service.throttledCheck(email: user.email, address: req.clientAddress, audit: false) {
            guard let stored = try await req.accounts.passwordHash(userID: user.id) else { return false }
            return try await service.verify(form.currentPassword ?? "", hash: stored)
        }
        switch check {
        case .matched: break
        case .wrong:
            return try await page(req, status: .unprocessableEntity, passwordIssues: [ValidationIssue("currentPassword", .wrongPassword)])
        case .throttled(let seconds):
            let response = try await page(req, status: .tooManyRequests, passwordIssues: [ValidationIssue("currentPassword", .tooManyAttempts(seconds: seconds))])
            response.headers.replaceOrAdd(name: .retryAfter, value: String(seconds))
            return response
        }
        do {
            try service.checkNewPassword(form.password ?? "", confirmation: form.passwordConfirmation ?? "", for: user)
        } catch let failure as ValidationFailure {
            return try await page(req, status: .unprocessableEntity, passwordIssues: failure.issues)
        }
        try await req.accounts.setPassword(userID: user.id, hash: try await service.hash(form.password ?? ""),
                                           keepSession: try await req.auth().session?.id, actor: try await req.auditActor(),
                                           at: req.settings.clock.now())
        return req.redirect(to: SiteRoute.account.path, notice: .passwordChanged)
    }

    struct TokenForm: Content {
        var tokenName: String?
        var scope: String?
    }

    func createToken(req: Request) async throws -> Response {
        let user = try await req.requireUser()
        let form = try req.content.decode(TokenForm.self)
        var issues: [ValidationIssue] = []
        let name = FieldCheck.clean(form.tokenName)
        if name == nil { issues.append(ValidationIssue("tokenName", .required)) }
        FieldCheck.length(name, field: "tokenName", max: 80, into: &issues)
        let scope = TokenScope(rawValue: form.scope ?? "")
        if scope == nil { issues.append(ValidationIssue("scope", .unknownValue(String((form.scope ?? "").prefix(40))))) }
        guard issues.isEmpty, let name, let scope else {
            return try await page(req, status: .unprocessableEntity, tokenIssues: issues)
        }
        let token = try await AccountService(request: req).createAPIToken(for: user, name: name, scope: scope, actor: try await req.auditActor())
        // Shown once, in this response; never stored in clear and never sent again.
        return try await page(req, status: .created, newToken: token)
    }

    /// A new personal calendar link, shown once (only its hash is kept); the previous one stops working.
    func renewCalendar(req: Request) async throws -> Response {
        let user = try await req.requireUser()
        let token = Secrets.token()
        try await req.accounts.renewCalendarLink(userID: user.id, tokenHash: Secrets.hash(token), actor: try await req.auditActor(), at: req.settings.clock.now())
        return try await page(req, status: .created, newCalendarLink: req.siteURL + SiteRoute.Pattern.personalCalendar(token))
    }

    func revokeCalendar(req: Request) async throws -> Response {
        let user = try await req.requireUser()
        try await req.accounts.revokeCalendarLink(userID: user.id, actor: try await req.auditActor(), at: req.settings.clock.now())
        return req.redirect(to: SiteRoute.account.path + "#kalender", notice: .tokenRevoked)
    }

    func revokeToken(req: Request) async throws -> Response {
        let user = try await req.requireUser()
        do {
            try await req.accounts.revokeAPIToken(id: try req.idParameter(), userID: user.id, actor: try await req.auditActor(), at: req.settings.clock.now())
        } catch AccountStoreError.notFound {
            throw Abort(.notFound)
        }
        return req.redirect(to: SiteRoute.account.path, notice: .tokenRevoked)
    }

    struct MeResponse: Content {
        let id: UUID
        let email: String
        let displayName: String
        let roles: [String]
        let organisations: [UUID]
        let access: String
    }

    func me(req: Request) async throws -> MeResponse {
        try rejectUnknownParameters(req, allowed: [])
        let auth = try await req.auth()
        let user = try await req.requireUser()
        let access: String
        switch auth.principal.access {
        case .token(let scope): access = "token-" + scope.rawValue
        default: access = "session"
        }
        return MeResponse(id: user.id, email: user.email, displayName: user.displayName, roles: user.roles.map(\.rawValue).sorted(),
                          organisations: user.organisationIDs.sorted { $0.uuidString < $1.uuidString }, access: access)
    }
}
