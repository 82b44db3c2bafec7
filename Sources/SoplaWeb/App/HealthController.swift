import Fluent
import Foundation
import SoplaRender
import Vapor

struct HealthStatus: Content {
    let status: String
    let checks: [String: String]?
}

/// `/healthz` says the process is up; `/readyz` that the database answers and is migrated.
struct HealthController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get("healthz", use: health)
        routes.get("readyz", use: ready)
        rejectOtherMethods(routes, ["healthz"])
        rejectOtherMethods(routes, ["readyz"])
    }

    func health(req: Request) async throws -> HealthStatus {
        HealthStatus(status: "ok", checks: nil)
    }

    func ready(req: Request) async throws -> Response {
        var checks: [String: String] = [:]
        var ok = true
        do {
            let pending = try await req.application.pendingMigrations()
            checks["database"] = "ok"
            checks["migrations"] = pending == 0 ? "ok" : "\(pending) pending: run sopla migrate"
            ok = pending == 0
        } catch {
            checks["database"] = "unreachable"
            ok = false
        }
        let response = Response(status: ok ? .ok : .serviceUnavailable)
        try response.content.encode(HealthStatus(status: ok ? "ok" : "unavailable", checks: checks), as: .json)
        return response
    }
}

/// Files the pages need, served by sopla itself: no CDN. Read once from the bundle.
struct StaticController: RouteCollection {
    struct Asset: Sendable {
        let body: String
        let contentType: HTTPMediaType
    }

    static let assets: [String: Asset] = [
        "sopla.css": Asset(body: load("sopla", "css"), contentType: HTTPMediaType(type: "text", subType: "css", parameters: ["charset": "utf-8"])),
        "favicon.svg": Asset(body: load("favicon", "svg"), contentType: HTTPMediaType(type: "image", subType: "svg+xml")),
    ]

    static func load(_ name: String, _ ext: String) -> String {
        guard let url = Bundle.module.url(forResource: name, withExtension: ext, subdirectory: "Resources/static"),
              let text = try? String(contentsOf: url, encoding: .utf8) else { return "" }
        return text
    }

    func boot(routes: any RoutesBuilder) throws {
        routes.get(SiteRoute.Pattern.staticFile.pathComponents) { req -> Response in
            guard let name = req.parameters.get("file"), let asset = Self.assets[name] else { throw Abort(.notFound) }
            var headers = HTTPHeaders()
            headers.contentType = asset.contentType
            headers.replaceOrAdd(name: .cacheControl, value: "public, max-age=3600")
            return Response(status: .ok, headers: headers, body: .init(string: asset.body))
        }
    }
}

/// The OpenAPI 3.1 description of the JSON API.
struct OpenAPIController: RouteCollection {
    static let document: String = {
        guard let url = Bundle.module.url(forResource: "openapi", withExtension: "json", subdirectory: "Resources"),
              let text = try? String(contentsOf: url, encoding: .utf8) else { return "{}" }
        return text
    }()

    func boot(routes: any RoutesBuilder) throws {
        routes.get(SiteRoute.Pattern.openAPI.pathComponents) { _ -> Response in
            var headers = HTTPHeaders()
            headers.contentType = .json
            return Response(status: .ok, headers: headers, body: .init(string: Self.document))
        }
    }
}
