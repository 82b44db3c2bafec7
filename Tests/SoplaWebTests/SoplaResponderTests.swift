import Foundation
import SoplaCore
import Testing
import Vapor
@testable import SoplaWeb

@Suite("Fast path")
struct SoplaResponderTests {
    struct RouterCalled: Error {}

    /// Stands for the router: any request that reaches it fails.
    struct FailingRouter: Responder {
        func respond(to request: Request) -> EventLoopFuture<Response> {
            request.eventLoop.makeFailedFuture(RouterCalled())
        }
    }

    @Test func cachedBoundariesAreAnsweredWithoutTheRouter() async throws {
        let app = try await Application.make(.testing)
        do {
            let now = Date(timeIntervalSince1970: 1_764_028_800)
            let caches = SpatialCaches(revalidateAfter: 60)
            let key = GeoJSONCache.Key(level: nil, day: Day(now))
            let responder = SoplaResponder(router: FailingRouter(), caches: caches, clock: .fixed(now))
            func request(_ url: String) -> Request {
                Request(application: app, method: .GET, url: URI(string: url), on: app.eventLoopGroup.next())
            }

            // Nothing cached yet: the router is asked.
            await #expect(throws: RouterCalled.self) { try await responder.respond(to: request("/api/v1/spatial-units.geojson")).get() }

            _ = try await caches.geoJSON.value(key, now: now, version: { 7 }, make: { version in
                GeoJSONCache.Entry(key: key, version: version, data: Data("{\"type\":\"FeatureCollection\",\"features\":[]}".utf8),
                                   contentType: SpatialAPIController.geoJSONType)
            })
            let response = try await responder.respond(to: request("/api/v1/spatial-units.geojson")).get()
            #expect(response.status == .ok)
            #expect(response.body.string == "{\"type\":\"FeatureCollection\",\"features\":[]}")
            #expect(response.headers.first(name: .eTag)?.hasPrefix("\"v7-") == true)
            #expect(response.headers.first(name: "X-Content-Type-Options") == "nosniff")

            // Queries and other paths always go to the router.
            await #expect(throws: RouterCalled.self) { try await responder.respond(to: request("/api/v1/spatial-units.geojson?level=county")).get() }
            await #expect(throws: RouterCalled.self) { try await responder.respond(to: request("/api/v1/spatial-units")).get() }
        } catch {
            try await app.asyncShutdown()
            throw error
        }
        try await app.asyncShutdown()
    }
}
