import Foundation
import SoplaCore
import SoplaRender
import Vapor

/// What a route needs: an action of the central policy and where its scope comes from.
struct RoutePermission: Sendable, Equatable {
    enum ScopeSource: Sendable, Equatable {
        case none
        /// The `:id` parameter names an organisation.
        case organisationParameter
        /// The `:body` parameter names a body (Gremium).
        case bodyParameter
        /// The `:application` parameter names a funding application; the scope is the applying organisation.
        case applicationOrganisation
    }

    let action: Action
    let scope: ScopeSource

    init(_ action: Action, scope: ScopeSource = .none) {
        self.action = action
        self.scope = scope
    }

    /// Asks the policy, loading the route's object only when it can change the answer: someone not logged in, or
    /// without any role named for the action, is refused alike for existing and unknown ids (no 404 tells them apart).
    func decide(_ principal: Principal, request: Request) async throws -> Decision {
        let unscoped = Policy.decide(principal, action)
        guard scope != .none, unscoped == .denyForbidden else { return unscoped }
        let rule = Policy.rule(for: action)
        let readOnly = rule.changesData && principal.access == .token(.read)
        guard !readOnly, principal.roles.contains(where: { rule.roles[$0] != nil }) else { return unscoped }
        return Policy.decide(principal, action, scope: try await scope(of: request))
    }

    func scope(of request: Request) async throws -> Scope {
        switch scope {
        case .none: return .none
        case .organisationParameter: return .organisation(try request.idParameter())
        case .bodyParameter:
            guard let raw = request.parameters.get("body"), let id = UUID(uuidString: raw) else { throw Abort(.notFound) }
            return .body(id)
        case .applicationOrganisation:
            return .organisation(try await FundingData.application(request).organisationID)
        }
    }
}

extension Route {
    /// The permission the route was registered with; nil means the route escaped `RoutesBuilder.on(_:_:_:)`.
    var permission: RoutePermission? {
        userInfo["sopla.permission"] as? RoutePermission
    }
}

extension RoutesBuilder {
    /// Registers a route with its permission. Every route of sopla goes through here, and a test checks
    /// that no route lacks one.
    @discardableResult
    func on<Response: AsyncResponseEncodable>(
        _ method: HTTPMethod, _ pattern: some RoutePattern, _ permission: RoutePermission,
        body: HTTPBodyStreamStrategy = .collect, use handler: @Sendable @escaping (Request) async throws -> Response
    ) -> Route {
        let route = grouped(PermissionMiddleware(permission: permission)).on(method, pattern.components.pathComponents, body: body, use: handler)
        route.userInfo["sopla.permission"] = permission
        return route
    }
}

/// Asks the policy before the handler runs, and checks the form token of allowed state-changing requests.
struct PermissionMiddleware: AsyncMiddleware {
    let permission: RoutePermission

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        let changes = request.method != .GET && request.method != .HEAD
        if changes { try BodyLimit.check(request) }
        let auth = try await request.auth()
        switch try await permission.decide(auth.principal, request: request) {
        case .allow:
            // Only a request that could change something needs the form token.
            if changes { try await CSRF.verify(request) }
            return try await next.respond(to: request)
        case .denyUnauthenticated:
            if ErrorResponses.wantsJSON(request) {
                throw APIError(.unauthorized, code: "unauthenticated", message: "this resource needs a login or an API token (Authorization: Bearer ...)")
            }
            if request.method == .GET || request.method == .HEAD {
                return request.redirect(to: SiteRoute.login(next: request.pathForLinks).path, redirectType: .normal)
            }
            throw Abort(.unauthorized)
        case .denyForbidden:
            throw APIError(.forbidden, code: "forbidden", message: "your role does not allow this action (\(permission.action.rawValue))")
        }
    }
}

/// Bodies larger than the route allows are refused before anything reads them (413), whether announced by
/// `Content-Length` or already received.
enum BodyLimit {
    static let key = "sopla.maxBody"

    /// The route's own limit (uploads), else the application's.
    static func limit(_ request: Request) -> Int {
        (request.route?.userInfo[key] as? Int) ?? request.application.routes.defaultMaxBodySize.value
    }

    static func check(_ request: Request) throws {
        let limit = limit(request)
        let announced = request.headers.first(name: .contentLength).flatMap(Int.init) ?? 0
        let received = request.body.data?.readableBytes ?? 0
        if max(announced, received) > limit {
            throw Abort(.payloadTooLarge, reason: "the request body is larger than \(limit / 1024) KiB")
        }
    }
}

/// Cross-site request forgery protection: a state-changing request carries the token of the session
/// (or, before login, of the form cookie) in the `_csrf` field or the `X-CSRF-Token` header.
/// Requests authenticated by an API token carry no ambient credential and need none.
enum CSRF {
    static let field = "_csrf"
    static let header = "X-CSRF-Token"

    static func verify(_ request: Request) async throws {
        if request.headers.bearerAuthorization != nil { return }
        var provided = request.headers.first(name: header)
        // A streamed upload is not collected here: `StreamedUpload.read` checks the form's token once it has read the body.
        if provided == nil, request.route?.userInfo[StreamedUpload.key] != nil { return }
        if provided == nil, request.headers.contentType == .urlEncodedForm || request.headers.contentType == .formData {
            _ = try await request.body.collect(max: BodyLimit.limit(request)).get()
            provided = try? request.content.get(String.self, at: field)
        }
        try await check(request, provided: provided)
    }

    /// Compares the token a request carries with its session's (or, before login, its form cookie's).
    static func check(_ request: Request, provided: String?) async throws {
        if request.headers.bearerAuthorization != nil { return }
        let auth = try await request.auth()
        let expected = auth.session?.csrfToken ?? request.cookies[SessionCookie.csrfName]?.string
        guard let expected, !expected.isEmpty, let provided, Secrets.equal(expected, provided) else {
            throw APIError(.forbidden, code: "csrf_failed", message: "the form token is missing or does not match; reload the page and submit again")
        }
    }
}

/// Answers 405 with an `Allow` header for every method a path does not take. Registered last, from the
/// routes that exist, so the answer is always true; these routes carry the public-read permission.
func registerMethodRefusals(_ app: Application) {
    var methodsByPath: [String: (components: [PathComponent], methods: Set<String>)] = [:]
    for route in app.routes.all {
        let key = route.path.map(\.description).joined(separator: "/")
        methodsByPath[key, default: (route.path, [])].methods.insert(route.method.rawValue)
    }
    let candidates: [HTTPMethod] = [.GET, .POST, .PUT, .PATCH, .DELETE, .TRACE, .OPTIONS]
    for (_, entry) in methodsByPath.sorted(by: { $0.key < $1.key }) {
        var allowed = entry.methods
        if allowed.contains("GET") { allowed.insert("HEAD") }
        let allow = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE"].filter(allowed.contains).joined(separator: ", ")
        for method in candidates where !entry.methods.contains(method.rawValue) {
            let route = app.routes.on(method, entry.components) { _ -> Response in
                throw Abort(.methodNotAllowed, headers: ["Allow": allow])
            }
            route.userInfo["sopla.permission"] = RoutePermission(.readPublic)
            route.userInfo["sopla.refusal"] = true
        }
    }
}
