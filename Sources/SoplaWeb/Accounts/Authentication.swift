import Foundation
import SoplaCore
import SoplaRender
import SoplaStore
import Vapor

/// Who made a request: the principal the policy judges, and the user and session behind it.
struct AuthContext: Sendable {
    let principal: Principal
    let user: UserAccount?
    let session: SessionInfo?

    static let anonymous = AuthContext(principal: .anonymous, user: nil, session: nil)

    /// The logged-in person as the page header shows them; nil without a browser session.
    var accountBar: AccountBar? {
        guard let user, let session else { return nil }
        let ownOrganisation = principal.roles.contains(.provider) ? principal.organisations.sorted { $0.uuidString < $1.uuidString }.first : nil
        return AccountBar(displayName: user.displayName, csrfToken: session.csrfToken,
                          mayManageUsers: Policy.decide(principal, .manageUsers).isAllowed,
                          mayViewPolicy: Policy.decide(principal, .viewPolicy).isAllowed,
                          mayManageServices: Policy.decide(principal, .manageServices).isAllowed,
                          ownServicesPath: ownOrganisation.map { ServiceRoute.organisationServices(organisation: $0).path },
                          ownConsultationsPath: ownOrganisation.map { ParticipationRoute.organisationConsultations($0) },
                          ownFundingPath: ownOrganisation.map { FundingRoute.organisation($0) },
                          mayManageFunding: Policy.decide(principal, .manageFunding).isAllowed,
                          mayReview: Policy.decide(principal, .seeReviewAssignments).isAllowed)
    }
}

struct AuthContextKey: StorageKey {
    typealias Value = AuthContext
}

enum SessionCookie {
    static let name = "sopla_session"
    /// The form token of people not logged in (login and access-link forms): double-submit cookie.
    static let csrfName = "sopla_csrf"

    static func set(_ token: String, on response: Response, request: Request) {
        response.cookies[name] = HTTPCookies.Value(string: token, path: "/", isSecure: request.isSecure, isHTTPOnly: true, sameSite: .lax)
    }

    static func clear(on response: Response, request: Request) {
        response.cookies[name] = HTTPCookies.Value(string: "", expires: Date(timeIntervalSince1970: 0), maxAge: 0, path: "/",
                                                   isSecure: request.isSecure, isHTTPOnly: true, sameSite: .lax)
    }

    static func setFormToken(_ token: String, on response: Response, request: Request) {
        response.cookies[csrfName] = HTTPCookies.Value(string: token, path: "/", isSecure: request.isSecure, isHTTPOnly: true, sameSite: .strict)
    }
}

extension Request {
    var accounts: AccountStore { AccountStore(database: db) }

    /// Whether the request reached us over HTTPS (directly or, when configured, through a proxy: the scheme the
    /// nearest trusted proxy saw, i.e. the right-most `X-Forwarded-Proto` value).
    var isSecure: Bool {
        if url.scheme == "https" || settings.secureCookies { return true }
        guard settings.proxyHops > 0 else { return false }
        return ForwardedHeaders.values(headers[canonicalForm: "X-Forwarded-Proto"]).last?.lowercased() == "https"
    }

    /// The client address used for throttling and the audit log: the connection's peer, or behind the configured
    /// number of proxies the address the outermost of them saw (never one the client wrote itself).
    var clientAddress: String {
        let peer = remoteAddress?.ipAddress ?? "unbekannt"
        return ForwardedHeaders.clientAddress(forwardedFor: headers[canonicalForm: "X-Forwarded-For"], hops: settings.proxyHops, peer: peer)
    }

    /// Resolves the session cookie or API token once per request. A bad or revoked API token is refused
    /// outright; an expired or unknown session cookie just means "not logged in".
    func auth() async throws -> AuthContext {
        if let cached = storage[AuthContextKey.self] { return cached }
        let context = try await resolveAuth()
        storage[AuthContextKey.self] = context
        return context
    }

    private func resolveAuth() async throws -> AuthContext {
        let now = settings.clock.now()
        if let bearer = headers.bearerAuthorization?.token {
            guard let (token, user) = try await accounts.apiToken(tokenHash: Secrets.hash(bearer), at: now) else {
                throw APIError(.unauthorized, code: "invalid_token", message: "the API token is unknown, revoked or belongs to a deactivated user")
            }
            let bodies = try await ParticipationStore(database: db).bodies(ofUser: user.id, on: settings.clock.today)
            var principal = user.principal(access: .token(token.scope), bodies: bodies, conflicts: try await FundingData.conflicts(of: user, db: db))
            principal.organisations = try await activeOrganisations(of: user)
            return AuthContext(principal: principal, user: user, session: nil)
        }
        guard let cookie = cookies[SessionCookie.name]?.string, !cookie.isEmpty,
              let (session, user) = try await accounts.session(tokenHash: Secrets.hash(cookie)) else { return .anonymous }
        guard session.isValid(at: now) else {
            try await accounts.dropSession(id: session.id)
            return .anonymous
        }
        if now.timeIntervalSince(session.lastSeenAt) >= 60 {
            try await accounts.touchSession(id: session.id, at: now)
        }
        let bodies = try await ParticipationStore(database: db).bodies(ofUser: user.id, on: settings.clock.today)
        var principal = user.principal(bodies: bodies, conflicts: try await FundingData.conflicts(of: user, db: db))
        principal.organisations = try await activeOrganisations(of: user)
        return AuthContext(principal: principal, user: user, session: session)
    }

    /// The user's organisations that are still active: people of a deactivated organisation act for it no longer.
    private func activeOrganisations(of user: UserAccount) async throws -> Set<UUID> {
        var active: Set<UUID> = []
        for id in user.organisationIDs where try await accounts.organisation(id: id)?.active == true { active.insert(id) }
        return active
    }

    /// The address people reach sopla at (for links in mails, calendars and the standard APIs): from configuration,
    /// never from the request's `Host` header.
    var siteURL: String { application.siteURL }

    /// The acting person for audit entries.
    func auditActor() async throws -> AuditActor {
        let auth = try await auth()
        return AuditActor(userID: auth.user?.id, label: auth.user?.displayName ?? "Öffentlichkeit", address: clientAddress)
    }

    func may(_ action: Action, scope: Scope = .none) async throws -> Bool {
        Policy.decide(try await auth().principal, action, scope: scope).isAllowed
    }

    func pageContext(csrfToken: String? = nil, showNotice: Bool = false) async throws -> PageContext {
        PageContext(language: language, path: pathForLinks, account: try await auth().accountBar, csrfToken: csrfToken, notice: showNotice ? notice : nil)
    }

    /// The signed-in user; the route's permission has already required one.
    func requireUser() async throws -> UserAccount {
        guard let user = try await auth().user else { throw Abort(.unauthorized) }
        return user
    }

    /// The `:id` route parameter as a UUID; 404 when it is not one.
    func idParameter() throws -> UUID {
        guard let raw = parameters.get("id"), let id = UUID(uuidString: raw) else { throw Abort(.notFound) }
        return id
    }
}

/// Reading `X-Forwarded-For` and `X-Forwarded-Proto` behind a known number of reverse proxies.
///
/// Each proxy appends the address it received the request from, so with `hops` trusted proxies the last `hops`
/// entries were written by them and the entry `hops` from the right is the client as the outermost proxy saw it.
/// Anything further left was written by the client and is ignored. A chain shorter than `hops` did not pass all
/// proxies: the peer's own address counts.
enum ForwardedHeaders {
    static func values(_ headerValues: [Substring]) -> [String] {
        headerValues.flatMap { $0.split(separator: ",") }.map { $0.trimmingCharacters(in: .whitespaces) }
    }

    static func clientAddress(forwardedFor headerValues: [Substring], hops: Int, peer: String) -> String {
        guard hops > 0 else { return peer }
        let chain = values(headerValues)
        guard chain.count >= hops else { return peer }
        let candidate = chain[chain.count - hops]
        // Only an address goes into the audit log and the throttle keys, never arbitrary text.
        guard !candidate.isEmpty, candidate.count <= 45, candidate.allSatisfy({ $0.isHexDigit || $0 == "." || $0 == ":" }) else { return peer }
        return candidate
    }
}
