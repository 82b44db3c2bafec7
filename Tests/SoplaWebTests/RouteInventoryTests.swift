import Testing
import Vapor
@testable import SoplaWeb

/// Until accounts and roles exist every route is public and read-only. This inventory makes a new
/// route fail the build's tests until someone decides who may use it.
@Suite("Route inventory")
struct RouteInventoryTests {
    static let publicReadRoutes: Set<String> = [
        "GET /", "GET /gebiete", "GET /gebiete.csv", "GET /gebiete/:key", "GET /gebiete/:key/einwohner.csv",
        "GET /gebiete/:key/gebietsstaende.csv", "GET /daten", "GET /schnittstelle", "GET /static/:file",
        "GET /api/v1/spatial-units", "GET /api/v1/spatial-units/:key", "GET /api/v1/spatial-units.geojson",
        "GET /api/v1/openapi.json", "GET /healthz", "GET /readyz",
    ]

    @Test func everyRouteIsAKnownPublicReadOrARefusal() async throws {
        try await withTestApp(demo: false) { app in
            var reads: Set<String> = []
            for route in app.routes.all {
                let path = "/" + route.path.map(\.description).joined(separator: "/")
                if route.method == .GET {
                    reads.insert("GET \(path)")
                } else {
                    // Any other method exists only to answer 405.
                    try await app.testing().test(route.method, path.replacingOccurrences(of: ":key", with: "06532023")) { res in
                        #expect(res.status == .methodNotAllowed, "\(route.method) \(path)")
                    }
                }
            }
            #expect(reads == Self.publicReadRoutes)
        }
    }
}
