import Foundation
import SoplaCore
import SoplaRender
import SoplaStore
import Vapor

/// Login, logout, and setting a password through an invitation or reset link.
struct AuthController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.on(.GET, SiteRoute.Pattern.login, RoutePermission(.readPublic), use: loginForm)
        routes.on(.POST, SiteRoute.Pattern.login, RoutePermission(.signIn), use: login)
        routes.on(.POST, SiteRoute.Pattern.logout, RoutePermission(.changeOwnAccount), use: logout)
        routes.on(.GET, SiteRoute.Pattern.accessLink, RoutePermission(.readPublic), use: accessLinkForm)
        routes.on(.POST, SiteRoute.Pattern.accessLink, RoutePermission(.useAccessLink), use: useAccessLink)
    }

    struct LoginForm: Content {
        var email: String?
        var password: String?
        var weiter: String?
    }

    /// Where to go after login: a local path only (no open redirect).
    static func safeNext(_ next: String?) -> String? {
        guard let next = RedirectTarget.localPath(next), !next.hasPrefix(SiteRoute.login().path) else { return nil }
        return next
    }

    /// Renders a form for people not logged in, with a fresh double-submit token.
    static func anonymousForm(_ req: Request, status: HTTPResponseStatus = .ok, render: (PageContext) -> String) async throws -> Response {
        var token = Secrets.token()
        if let existing = req.cookies[SessionCookie.csrfName]?.string, existing.count == 43 { token = existing }
        let context = try await req.pageContext(csrfToken: token)
        let response = HTMLResponse(render(context)).response(status: status)
        response.headers.replaceOrAdd(name: HTTPHeaders.Name.cacheControl, value: "no-store")
        SessionCookie.setFormToken(token, on: response, request: req)
        return response
    }

    func loginForm(req: Request) async throws -> Response {
        let next = Self.safeNext(try? req.query.get(String.self, at: "weiter"))
        if try await req.auth().user != nil {
            return req.redirect(to: next ?? SiteRoute.account.path)
        }
        let notice = req.notice
        let model = LoginPage.Model(next: next, problem: next != nil && notice == nil ? .sessionExpired : nil, notice: notice)
        return try await Self.anonymousForm(req) { LoginPage.render(model, context: $0) }
    }

    func login(req: Request) async throws -> Response {
        let form = try req.content.decode(LoginForm.self)
        let email = form.email ?? ""
        let next = Self.safeNext(form.weiter)
        let service = AccountService(request: req)
        switch try await service.login(email: email, password: form.password ?? "", address: req.clientAddress) {
        case .success(let token, _, _):
            let response = req.redirect(to: next ?? SiteRoute.account.path, redirectType: .normal)
            SessionCookie.set(token, on: response, request: req)
            return response
        case .invalid:
            let model = LoginPage.Model(email: email, next: next, problem: .invalidCredentials)
            return try await Self.anonymousForm(req, status: .unauthorized) { LoginPage.render(model, context: $0) }
        case .throttled(let seconds):
            let model = LoginPage.Model(email: email, next: next, problem: .throttled(seconds: seconds))
            let response = try await Self.anonymousForm(req, status: .tooManyRequests) { LoginPage.render(model, context: $0) }
            response.headers.replaceOrAdd(name: .retryAfter, value: String(seconds))
            return response
        }
    }

    func logout(req: Request) async throws -> Response {
        let auth = try await req.auth()
        if let session = auth.session, let user = auth.user {
            try await req.accounts.endSession(session, user: user, actor: try await req.auditActor(), at: req.settings.clock.now())
        }
        let response = req.redirect(to: SiteRoute.login().path, notice: .loggedOut)
        SessionCookie.clear(on: response, request: req)
        return response
    }

    /// The link's state and user, without revealing whether an unusable token ever existed.
    static func link(_ req: Request) async throws -> (token: String, link: AccessLink, user: UserAccount)? {
        guard let token = req.parameters.get("token"), token.count <= 100,
              let link = try await req.accounts.accessLink(tokenHash: Secrets.hash(token)),
              link.state(at: req.settings.clock.now()) == .usable,
              let user = try await req.accounts.user(id: link.userID), user.active else { return nil }
        return (token, link, user)
    }

    func accessLinkForm(req: Request) async throws -> Response {
        let token = req.parameters.get("token") ?? ""
        guard let (_, link, user) = try await Self.link(req) else {
            let model = AccessLinkPage.Model(token: token, state: .unusable)
            return try await Self.anonymousForm(req, status: .notFound) { AccessLinkPage.render(model, context: $0) }
        }
        let model = AccessLinkPage.Model(token: token, state: .usable(purpose: link.purpose, displayName: user.displayName, email: user.email))
        return try await Self.anonymousForm(req) { AccessLinkPage.render(model, context: $0) }
    }

    struct PasswordForm: Content {
        var password: String?
        var passwordConfirmation: String?
    }

    func useAccessLink(req: Request) async throws -> Response {
        let token = req.parameters.get("token") ?? ""
        guard let (_, link, user) = try await Self.link(req) else {
            let model = AccessLinkPage.Model(token: token, state: .unusable)
            return try await Self.anonymousForm(req, status: .gone) { AccessLinkPage.render(model, context: $0) }
        }
        let form = try req.content.decode(PasswordForm.self)
        let service = AccountService(request: req)
        do {
            try service.checkNewPassword(form.password ?? "", confirmation: form.passwordConfirmation ?? "", for: user)
            try await req.accounts.redeem(link, passwordHash: try await service.hash(form.password ?? ""), at: req.settings.clock.now())
        } catch let failure as ValidationFailure {
            let model = AccessLinkPage.Model(token: token, state: .usable(purpose: link.purpose, displayName: user.displayName, email: user.email),
                                             issues: failure.issues)
            return try await Self.anonymousForm(req, status: .unprocessableEntity) { AccessLinkPage.render(model, context: $0) }
        } catch AccountStoreError.linkUnusable {
            let model = AccessLinkPage.Model(token: token, state: .unusable)
            return try await Self.anonymousForm(req, status: .gone) { AccessLinkPage.render(model, context: $0) }
        }
        return req.redirect(to: SiteRoute.login().path, notice: .passwordSet)
    }
}
