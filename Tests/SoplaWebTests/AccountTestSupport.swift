import Foundation
import SoplaCore
import SoplaStore
import Testing
import Vapor
import VaporTesting
@testable import SoplaDemo
@testable import SoplaWeb

/// A logged-in browser: its session cookie and the form token of that session.
struct TestSession {
    let cookie: String
    let csrf: String

    func apply(to req: inout TestingHTTPRequest) {
        req.headers.replaceOrAdd(name: .cookie, value: "\(SessionCookie.name)=\(cookie)")
    }
}

/// The demo login of each role.
enum DemoLogin {
    static func of(_ email: String) -> DemoAccounts.Login {
        DemoAccounts.logins.first { $0.email == email }!
    }

    static let admin = of("admin@demo.sopla.example")
    static let planner = of("planung@demo.sopla.example")
    static let cashier = of("kasse@demo.sopla.example")
    static let provider = of("traeger@demo.sopla.example")
    static let otherProvider = of("familienzentrum@demo.sopla.example")
    static let bodyMember = of("gremium@demo.sopla.example")
    static let reviewer = of("gutachten@demo.sopla.example")
}

/// The form token and cookie of the login page, as a browser gets them before logging in.
func anonymousFormToken(_ app: Application) async throws -> String {
    var token = ""
    try await app.testing().test(.GET, "/anmelden") { res in
        token = res.headers.setCookie?[SessionCookie.csrfName]?.string ?? ""
    }
    return token
}

func formBody(_ fields: [(String, String)]) -> ByteBuffer {
    var components = URLComponents()
    components.queryItems = fields.map { URLQueryItem(name: $0.0, value: $0.1) }
    let encoded = (components.percentEncodedQuery ?? "").replacingOccurrences(of: "+", with: "%2B")
    return ByteBuffer(string: encoded)
}

/// Posts a form as a browser does: urlencoded body, cookies, form token.
func post(_ app: Application, _ path: String, session: TestSession?, fields: [(String, String)] = [], csrf: String? = nil,
          anonymousToken: String? = nil, _ check: (TestingHTTPResponse) async throws -> Void) async throws {
    try await app.testing().test(.POST, path, beforeRequest: { req in
        setCookies(&req, session: session, anonymousToken: anonymousToken)
        req.headers.contentType = .urlEncodedForm
        let token = csrf ?? session?.csrf ?? anonymousToken
        req.body = formBody((token.map { [("_csrf", $0)] } ?? []) + fields)
    }, afterResponse: check)
}

/// The cookies a browser sends: its session, and before login the form-token cookie.
func setCookies(_ req: inout TestingHTTPRequest, session: TestSession?, anonymousToken: String?) {
    var cookies: [String] = []
    if let session { cookies.append("\(SessionCookie.name)=\(session.cookie)") }
    if let anonymousToken { cookies.append("\(SessionCookie.csrfName)=\(anonymousToken)") }
    if !cookies.isEmpty { req.headers.replaceOrAdd(name: .cookie, value: cookies.joined(separator: "; ")) }
}

/// Logs in through the login form and returns the session.
func login(_ app: Application, _ email: String, _ password: String) async throws -> TestSession {
    // Earlier failed attempts in the same test must not throttle the next login.
    try await AccountStore(database: app.db).clearThrottle(keys: ["address:unbekannt", "account:" + EmailAddress.normalise(email)])
    let token = try await anonymousFormToken(app)
    var cookie = ""
    try await post(app, "/anmelden", session: nil, fields: [("email", email), ("password", password)], anonymousToken: token) { res in
        #expect(res.status == .seeOther, "login of \(email)")
        cookie = res.headers.setCookie?[SessionCookie.name]?.string ?? ""
    }
    var csrf = ""
    try await app.testing().test(.GET, "/konto", beforeRequest: { req in
        req.headers.replaceOrAdd(name: .cookie, value: "\(SessionCookie.name)=\(cookie)")
    }) { res in
        csrf = formToken(in: res.text) ?? ""
    }
    return TestSession(cookie: cookie, csrf: csrf)
}

func login(_ app: Application, _ demo: DemoAccounts.Login) async throws -> TestSession {
    try await login(app, demo.email, demo.password)
}

func formToken(in html: String) -> String? {
    guard let range = html.range(of: "name=\"_csrf\" value=\"") else { return nil }
    return String(html[range.upperBound...].prefix { $0 != "\"" })
}

func get(_ app: Application, _ path: String, session: TestSession?, _ check: (TestingHTTPResponse) async throws -> Void) async throws {
    try await app.testing().test(.GET, path, beforeRequest: { req in
        if let session { session.apply(to: &req) }
    }, afterResponse: check)
}

func organisationID(_ app: Application, named name: String) async throws -> UUID {
    try await AccountStore(database: app.db).organisations().first { $0.name == name }!.id
}
