import Foundation
import SoplaCore
import SoplaTestSupport
import Testing
import Vapor
import VaporTesting
@testable import SoplaWeb

/// A configured application on a fresh database, optionally with the Lahn-Dill demo; always shut down.
func withTestApp(demo: Bool = true, _ body: (Application) async throws -> Void) async throws {
    let app = try await Application.make(.testing)
    let schema = TestDatabase.freshSchema()
    let settings = AppSettings(
        database: TestDatabase.location, clock: .fixed(Date(timeIntervalSince1970: 1_764_028_800)), // 2025-11-25
        cacheRevalidationSeconds: 0, postgresSchema: schema
    )
    do {
        try configure(app, settings: settings)
        try await TestDatabase.prepare(app, schema: schema)
        if demo { _ = try await DemoData.seed(repository: app.spatial, catalogue: settings.levels) }
        try await body(app)
    } catch {
        try await TestDatabase.tearDown(app, schema: schema)
        throw error
    }
    try await TestDatabase.tearDown(app, schema: schema)
}

extension TestingHTTPResponse {
    var text: String { body.string }
}
