import Foundation
import SoplaCore
import Testing
import Vapor
import VaporTesting
@testable import SoplaDemo
@testable import SoplaWeb

@Suite("Spatial API")
struct SpatialAPITests {
    @Test func listsAndFiltersUnits() async throws {
        try await withTestApp { app in
            try await app.testing().test(.GET, "/api/v1/spatial-units?level=municipality&perPage=5&page=2") { res in
                #expect(res.status == .ok)
                let body = try res.content.decode(SpatialUnitListResponse.self)
                #expect(body.total == 23)
                #expect(body.page == 2)
                #expect(body.perPage == 5)
                #expect(body.items.map(\.key) == ["06532006", "06532007", "06532008", "06532009", "06532010"])
            }
            try await app.testing().test(.GET, "/api/v1/spatial-units?parent=06532&q=lahn") { res in
                let body = try res.content.decode(SpatialUnitListResponse.self)
                #expect(body.items.map(\.name) == ["Lahnau"])
            }
        }
    }

    @Test func countyTotalsMatchTheSources() async throws {
        try await withTestApp { app in
            try await app.testing().test(.GET, "/api/v1/spatial-units/06532") { res in
                #expect(res.status == .ok)
                let unit = try res.content.decode(SpatialUnitResponse.self)
                #expect(unit.populations.map(\.count) == [253_319, 251_972])
                #expect(unit.areaKm2 == 1066.30)
                #expect(unit.childKeys.count == 23)
                #expect(unit.parentKey == nil)
            }
            try await app.testing().test(.GET, "/api/v1/spatial-units/06532023") { res in
                let unit = try res.content.decode(SpatialUnitResponse.self)
                #expect(unit.name == "Wetzlar")
                #expect(unit.kind == "Stadt")
                #expect(unit.ars == "065320023023")
                #expect(unit.population == 53116)
                #expect(unit.populationDate == "2022-05-15")
                #expect(unit.representativePoint != nil)
                #expect(unit.validFrom == "2013-01-01")
                // The centroid of Wetzlar's boundary lies in Wetzlar, near its representative point.
                let centroid = try #require(unit.centroid)
                #expect(abs(centroid.lon - 8.49) < 0.05 && abs(centroid.lat - 50.56) < 0.05)
            }
        }
    }

    @Test(arguments: [
        ("/api/v1/spatial-units?page=0", "page"), ("/api/v1/spatial-units?perPage=501", "perPage"),
        ("/api/v1/spatial-units?page=abc", "page"), ("/api/v1/spatial-units?level=mond", "level"),
        ("/api/v1/spatial-units?parent=65%2F", "parent"), ("/api/v1/spatial-units.geojson?date=2025-02-30", "date"),
        ("/api/v1/spatial-units?page=1&page=2", "page"), ("/api/v1/spatial-units?perPage=5&page=1&perPage=5", "perPage"),
        ("/api/v1/spatial-units.geojson?level=gemeinde&level=kreis", "level"),
    ])
    func badParametersAreNamed(_ path: String, _ field: String) async throws {
        try await withTestApp(demo: false) { app in
            try await app.testing().test(.GET, path) { res in
                #expect(res.status == .badRequest)
                let body = try res.content.decode(ErrorBody.self)
                #expect(body.error.code == "invalid_parameter")
                #expect(body.error.details.map(\.field) == [field])
                #expect(body.error.message.hasPrefix("invalid query parameter \(field): "))
            }
        }
    }

    @Test func unknownKeyAndUnknownPathAreJSON404() async throws {
        try await withTestApp(demo: false) { app in
            try await app.testing().test(.GET, "/api/v1/spatial-units/06532099") { res in
                #expect(res.status == .notFound)
                let body = try res.content.decode(ErrorBody.self)
                #expect(body.error.code == "not_found")
                #expect(body.error.message == "no spatial unit has the key \"06532099\"")
            }
            try await app.testing().test(.GET, "/api/v1/nothing") { res in
                #expect(res.status == .notFound)
                let body = try res.content.decode(ErrorBody.self)
                #expect(body.error.code == "not_found")
            }
        }
    }

    @Test func writeMethodsAreRefused() async throws {
        try await withTestApp(demo: false) { app in
            for method in [HTTPMethod.POST, .PUT, .PATCH, .DELETE] {
                try await app.testing().test(method, "/api/v1/spatial-units") { res in
                    #expect(res.status == .methodNotAllowed)
                    #expect(res.headers.first(name: "Allow") == "GET, HEAD")
                    let body = try res.content.decode(ErrorBody.self)
                    #expect(body.error.code == "method_not_allowed")
                }
            }
        }
    }

    @Test func oversizedBodiesAreRefusedBeforeAnythingElse() async throws {
        try await withTestApp(demo: false) { app in
            // Over a real connection, where the body arrives in parts and the limit applies while reading.
            try await app.testing(method: .running(port: 0)).test(.POST, "/api/v1/spatial-units", beforeRequest: { req in
                req.body = ByteBuffer(repeating: 0x41, count: 2 * 1024 * 1024)
            }) { res in
                #expect(res.status == .payloadTooLarge)
                let body = try res.content.decode(ErrorBody.self)
                #expect(body.error.code == "payload_too_large")
            }
        }
    }

    @Test func geoJSONHoldsTheMunicipalitiesAndIsCached() async throws {
        try await withTestApp { app in
            var etag = ""
            try await app.testing().test(.GET, "/api/v1/spatial-units.geojson") { res in
                #expect(res.status == .ok)
                #expect(res.headers.contentType?.description == "application/geo+json")
                etag = try #require(res.headers.first(name: .eTag))
                let json = try #require(try JSONSerialization.jsonObject(with: Data(res.text.utf8)) as? [String: Any])
                let features = try #require(json["features"] as? [[String: Any]])
                #expect(features.count == 23)
                #expect(features.map { $0["id"] as? String } == (1...23).map { String(format: "065320%02d", $0) })
                #expect(json["attribution"] as? String == "© GeoBasis-DE / BKG 2013 (Daten verändert)")
            }
            try await app.testing().test(.GET, "/api/v1/spatial-units.geojson", headers: ["If-None-Match": etag]) { res in
                #expect(res.status == .notModified)
                #expect(res.body.readableBytes == 0)
            }
            try await app.testing().test(.GET, "/api/v1/spatial-units.geojson", headers: ["Accept-Encoding": "gzip, deflate"]) { res in
                #expect(res.headers.first(name: .contentEncoding) == "gzip")
                let bytes = res.body.getBytes(at: 0, length: 2)
                #expect(bytes == [0x1f, 0x8b])
            }
            try await app.testing().test(.GET, "/api/v1/spatial-units.geojson?date=2012-12-31") { res in
                let json = try #require(try JSONSerialization.jsonObject(with: Data(res.text.utf8)) as? [String: Any])
                #expect((json["features"] as? [Any])?.isEmpty == true)
            }
            // A change of spatial data gives a new ETag.
            try await app.spatial.create(SpatialUnit(key: "06532023-001", name: "Altstadt", kind: "Planungsraum", levelCode: "planning-area", parentKey: "06532023"))
            try await app.testing().test(.GET, "/api/v1/spatial-units.geojson", headers: ["If-None-Match": etag]) { res in
                #expect(res.status == .ok)
                #expect(res.headers.first(name: .eTag) != etag)
            }
        }
    }

    @Test func cachedGeoJSONFromTheFastPathEqualsTheRoutedAnswer() async throws {
        // Revalidation every 60 s, so the second request is answered from the cache without routing.
        let app = try await Application.make(.testing)
        let settings = AppSettings(database: .sqliteMemory, clock: .fixed(Date(timeIntervalSince1970: 1_764_028_800)), cacheRevalidationSeconds: 60)
        do {
            try configure(app, settings: settings)
            try await app.autoMigrate()
            _ = try await DemoData.seed(repository: app.spatial, catalogue: settings.levels)
            var first: (HTTPHeaders, String)?
            for _ in 0..<2 {
                try await app.testing().test(.GET, "/api/v1/spatial-units.geojson") { res in
                    #expect(res.status == .ok)
                    if let first {
                        #expect(res.text == first.1)
                        #expect(res.headers.first(name: .eTag) == first.0.first(name: .eTag))
                        #expect(res.headers.first(name: "Content-Security-Policy") == first.0.first(name: "Content-Security-Policy"))
                        #expect(res.headers.contentType == first.0.contentType)
                    } else {
                        first = (res.headers, res.text)
                    }
                }
            }
            let etag = try #require(first?.0.first(name: .eTag))
            try await app.testing().test(.GET, "/api/v1/spatial-units.geojson", headers: ["If-None-Match": etag]) { res in
                #expect(res.status == .notModified)
            }
            // Other methods on the same path still reach the router.
            try await app.testing().test(.POST, "/api/v1/spatial-units.geojson") { res in
                #expect(res.status == .methodNotAllowed)
            }
        } catch {
            try await app.asyncShutdown()
            throw error
        }
        try await app.asyncShutdown()
    }

    @Test func healthAndReadiness() async throws {
        try await withTestApp(demo: false) { app in
            try await app.testing().test(.GET, "/healthz") { res in
                #expect(res.status == .ok)
                #expect(res.text == "{\"status\":\"ok\"}")
            }
            try await app.testing().test(.GET, "/readyz") { res in
                #expect(res.status == .ok)
                #expect(res.text.contains("\"migrations\":\"ok\""))
            }
        }
    }

    @Test func openAPIDocumentDescribesExactlyTheRoutes() async throws {
        try await withTestApp(demo: false) { app in
            try await app.testing().test(.GET, "/api/v1/openapi.json") { res in
                #expect(res.status == .ok)
                let json = try #require(try JSONSerialization.jsonObject(with: Data(res.text.utf8)) as? [String: Any])
                #expect(json["openapi"] as? String == "3.1.0")
                let documented = Set((json["paths"] as? [String: Any] ?? [:]).keys)
                let registered = Set(app.routes.all.filter { $0.method == .GET }.map { route in
                    "/" + route.path.map { component -> String in
                        if case .parameter(let name) = component { return "{\(name)}" }
                        return component.description
                    }.joined(separator: "/")
                }.filter { $0.hasPrefix("/api/") || $0 == "/healthz" || $0 == "/readyz" })
                #expect(documented == registered)
            }
        }
    }
}
