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
        routes.on(.GET, SiteRoute.Pattern.healthz, RoutePermission(.readPublic), use: health)
        routes.on(.GET, SiteRoute.Pattern.readyz, RoutePermission(.readPublic), use: ready)
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
