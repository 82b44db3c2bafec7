import Foundation
import Fluent
import SoplaCore
import SoplaRender
import SoplaStore
import Vapor

/// Every request passes one middleware that chooses the language, turns errors into responses and
/// adds the security headers. One future-based middleware rather than three async ones: it runs on
/// every request, and staying on the event loop saves a task and two futures per request.
struct SiteMiddleware: Middleware {
    func respond(to request: Request, chainingTo next: any Responder) -> EventLoopFuture<Response> {
        // Search fields and filters arrive in the query: they lose control and bidi characters like form fields do.
        if let query = request.url.query, query.contains("%") {
            let clean = CleanInput.cleanForm(query)
            if clean != query { request.url.query = clean }
        }
        let chosenLanguage = LanguageSelection.apply(to: request)
        let answer: EventLoopFuture<Response>
        if let address = request.application.storage[SiteAddressKey.self],
           !address.admits(host: request.headers.first(name: .host), path: request.url.path) {
            answer = request.eventLoop.makeFailedFuture(Abort(.misdirectedRequest, reason: "Diese Adresse wird hier nicht bedient."))
        } else {
            answer = next.respond(to: request)
        }
        return answer
            .flatMapErrorThrowing { error in try ErrorResponses.response(for: error, request: request) }
            .map { response in
                if let chosenLanguage { LanguageSelection.remember(chosenLanguage, in: response) }
                SecurityHeaders.add(to: response)
                HeaderSafety.clean(&response.headers)
                // What a logged-in person sees may be personal: no cache keeps it.
                if request.storage[AuthContextKey.self]?.user != nil {
                    response.headers.replaceOrAdd(name: .cacheControl, value: "no-store, private")
                }
                return response
            }
    }
}

/// Chooses the page language: `?lang=` sets it (and a cookie), else the cookie, else German.
enum LanguageSelection {
    static let cookieName = "sopla_lang"

    /// Stores the language on the request; returns it if the query chose it, so it can be remembered.
    static func apply(to request: Request) -> Language? {
        var fromQuery: Language?
        if request.url.query?.contains("lang=") == true, let raw = try? request.query.get(String.self, at: "lang") {
            fromQuery = Language(rawValue: raw)
        }
        request.storage[LanguageKey.self] = fromQuery ?? request.cookies[cookieName].flatMap { Language(rawValue: $0.string) } ?? .de
        return fromQuery
    }

    static func remember(_ language: Language, in response: Response) {
        response.cookies[cookieName] = HTTPCookies.Value(
            string: language.rawValue, maxAge: 365 * 24 * 3600, path: "/", isHTTPOnly: true, sameSite: .lax
        )
    }
}

struct LanguageKey: StorageKey {
    typealias Value = Language
}

extension Request {
    var language: Language { storage[LanguageKey.self] ?? .de }

    /// Path and query as requested, without the language switch, for links back to this page.
    var pathForLinks: String {
        var components = URLComponents(string: url.string) ?? URLComponents()
        components.queryItems = components.queryItems?.filter { $0.name != "lang" }
        if components.queryItems?.isEmpty == true { components.queryItems = nil }
        let query = components.percentEncodedQuery.map { "?" + $0 } ?? ""
        return url.path + query
    }
}

/// Headers that keep pages from being framed, sniffed or loading anything from elsewhere.
enum SecurityHeaders {
    static let contentSecurityPolicy =
        "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'"

    static let names = ["Content-Security-Policy", "X-Content-Type-Options", "Referrer-Policy", "X-Frame-Options"]
    static let values = [contentSecurityPolicy, "nosniff", "same-origin", "DENY"]

    static func add(to response: Response) {
        // Responses built with the headers already (cached GeoJSON) are left as they are.
        guard !response.headers.contains(name: names[0]) else { return }
        add(to: &response.headers)
    }

    static func add(to headers: inout HTTPHeaders) {
        for (name, value) in zip(names, values) {
            headers.replaceOrAdd(name: name, value: value)
        }
    }
}

/// An error of the JSON API, in the shape `{"error": {"code", "message", "details"}}`.
struct APIError: AbortError {
    struct Detail: Content, Equatable {
        let field: String
        let message: String
    }

    let status: HTTPResponseStatus
    let code: String
    let message: String
    let details: [Detail]

    init(_ status: HTTPResponseStatus, code: String, message: String, details: [Detail] = []) {
        self.status = status
        self.code = code
        self.message = message
        self.details = details
    }

    var reason: String { message }

    static func notFound(_ message: String) -> APIError {
        APIError(.notFound, code: "not_found", message: message)
    }

    static func badParameter(_ field: String, _ message: String) -> APIError {
        APIError(.badRequest, code: "invalid_parameter", message: "invalid query parameter \(field): \(message)",
                 details: [Detail(field: field, message: message)])
    }
}

struct ErrorBody: Content {
    struct Inner: Content {
        let code: String
        let message: String
        let details: [APIError.Detail]
    }

    let error: Inner
}

/// Turns every error into a response: the JSON error shape for the API, an HTML page for people.
/// Internals (stack traces, SQL) never reach the client; server errors are logged.
enum ErrorResponses {
    static func response(for error: any Error, request: Request) throws -> Response {
        let status: HTTPResponseStatus
        let code: String
        let message: String
        var details: [APIError.Detail] = []
        let stored = StoreErrorStatus.status(of: error)
        switch error {
        case let apiError as APIError:
            (status, code, message, details) = (apiError.status, apiError.code, apiError.message, apiError.details)
        case let decoding as DecodingError where request.method != .GET && request.method != .HEAD:
            // A body that does not fit the form or object: 422 naming the field, whichever route read it.
            let problem = FieldDecodingProblem(decoding).apiError
            (status, code, message, details) = (problem.status, problem.code, problem.message, problem.details)
        case let validation as ValidationFailure:
            (status, code, message) = (.unprocessableEntity, "unprocessable", "the request has invalid fields")
            details = validation.issues.map { APIError.Detail(field: $0.field, message: IssueText.message($0.problem, .en)) }
        case _ where stored != nil:
            let mapped = stored!
            (status, code, message) = (mapped.status, Self.code(for: mapped.status), mapped.message)
        case is ConnectionPoolTimeoutError:
            // Every database connection stayed busy for the pool's whole wait (a burst): busy, not broken.
            (status, code, message) = (.serviceUnavailable, "busy", "the server is busy; try again in a few seconds")
        case let refusal as Refusal:
            (status, code, message) = (refusal.status, Self.code(for: refusal.status), refusal.message(wantsJSON(request) ? .en : request.language))
        case let abort as any AbortError:
            status = abort.status
            code = Self.code(for: abort.status)
            message = abort.status == .notFound ? "no resource at \(request.url.path)" : (abort.status == .payloadTooLarge ? "the request body is too large" : abort.reason)
        default:
            status = .internalServerError
            code = "internal_error"
            message = "the request could not be handled"
        }
        if status.code >= 500 {
            request.logger.report(error: error)
        }
        let response: Response
        if wantsJSON(request) {
            response = Response(status: status)
            try response.content.encode(ErrorBody(error: .init(code: code, message: message, details: details)), as: .json)
        } else {
            response = HTMLResponse(ErrorPage.render(
                status: Int(status.code), language: request.language, path: request.pathForLinks,
                account: request.cachedAccountBar, formExpired: code == "csrf_failed",
                detail: (error as? Refusal)?.message(request.language)
                    ?? (code == "invalid_field" ? details.first.map { Self.unreadable(field: $0.field, request.language) } : nil)
            )).response(status: status)
        }
        if let abort = error as? any AbortError {
            response.headers.add(contentsOf: abort.headers)
        }
        if error is ConnectionPoolTimeoutError { response.headers.replaceOrAdd(name: .retryAfter, value: "5") }
        if status == .unauthorized, wantsJSON(request) {
            response.headers.replaceOrAdd(name: .wwwAuthenticate, value: "Bearer realm=\"sopla\"")
        }
        return response
    }

    /// Which field could not be read, by its label where one is known (never the name in code).
    static func unreadable(field: String, _ language: Language) -> String {
        let t = Texts(language)
        guard let label = AuditWords.knownField(field, language) else { return t(.errorSomeFieldUnreadable) }
        return t(.errorFieldUnreadable).replacingOccurrences(of: "{f}", with: label)
    }

    static func wantsJSON(_ request: Request) -> Bool {
        let path = request.url.path
        let hsds = ServiceRoute.Pattern.hsdsRoot()
        return path.hasPrefix("/api/") || path.hasPrefix(hsds + "/") || path == hsds || path.hasPrefix(OParlRoute.base + "/") || SiteAddress.probePaths.contains(path)
    }

    static func code(for status: HTTPResponseStatus) -> String {
        switch status.code {
        case 400: return "bad_request"
        case 401: return "unauthenticated"
        case 403: return "forbidden"
        case 409: return "conflict"
        case 422: return "unprocessable"
        case 429: return "too_many_requests"
        case 404: return "not_found"
        case 405: return "method_not_allowed"
        case 406: return "not_acceptable"
        case 413: return "payload_too_large"
        case 415: return "unsupported_media_type"
        case 400..<500: return "client_error"
        default: return "internal_error"
        }
    }
}

/// A rendered HTML page.
struct HTMLResponse: AsyncResponseEncodable {
    let html: String

    init(_ html: String) {
        self.html = html
    }

    func response(status: HTTPResponseStatus = .ok) -> Response {
        var headers = HTTPHeaders()
        headers.contentType = .html
        headers.replaceOrAdd(name: .cacheControl, value: "no-cache")
        return Response(status: status, headers: headers, body: .init(string: html))
    }

    func encodeResponse(for request: Request) async throws -> Response {
        response()
    }
}

extension Request {
    /// The logged-in person for error pages, from what the request already resolved (no database access).
    var cachedAccountBar: AccountBar? {
        storage[AuthContextKey.self]?.accountBar
    }
}

/// The errors of the stores and of Core, as HTTP statuses, in one place: what does not exist is 404; what
/// collides with the data as it stands now (changed meanwhile, decided already, taken, published, still in use,
/// a constraint of the database) is 409. Handlers that can say more catch these first; everything else lands here.
enum StoreErrorStatus {
    static func status(of error: any Error) -> (status: HTTPResponseStatus, message: String)? {
        let gone = "the record does not exist (any more)"
        let changed = "the record changed meanwhile or conflicts with the data as it stands; reload and try again"
        switch error {
        case let e as StoreError:
            if case .notFound = e { return (.notFound, gone) }
            return nil
        case let e as AccountStoreError:
            return e == .notFound ? (.notFound, gone) : (.conflict, changed)
        case let e as IndicatorStoreError:
            return e == .notFound ? (.notFound, gone) : (.conflict, changed)
        case let e as ServiceStoreError:
            return e == .notFound ? (.notFound, gone) : (.conflict, changed)
        case is FundingStoreError, is ReportStoreError:
            return (.conflict, changed)
        case let e as any DatabaseError where e.isConstraintFailure:
            return (.conflict, changed)
        default:
            return nil
        }
    }
}
