import Foundation
import NIOConcurrencyHelpers
import SoplaCore
import SoplaTestSupport
import Testing
import Vapor
import VaporTesting
@testable import SoplaDemo
@testable import SoplaWeb

/// A configured application on a fresh database, optionally with the Lahn-Dill demo; always shut down.
/// With the demo come the demo organisations and one login per role. Bcrypt runs at its lowest cost here.
func withTestApp(demo: Bool = true, clock: Clock = .fixed(testNow), _ body: (Application) async throws -> Void) async throws {
    try await TestDatabase.inSlot { try await withTestAppNow(demo: demo, clock: clock, body) }
}

private func withTestAppNow(demo: Bool, clock: Clock, _ body: (Application) async throws -> Void) async throws {
    let app = try await Application.make(.testing)
    let schema = TestDatabase.freshSchema()
    let settings = AppSettings(
        database: TestDatabase.location, clock: clock,
        cacheRevalidationSeconds: 0, postgresSchema: schema, bcryptCost: 4
    )
    do {
        try configure(app, settings: settings)
        try await TestDatabase.prepare(app, schema: schema)
        if demo {
            _ = try await DemoData.seed(repository: app.spatialWriter(.system("sopla demo")), catalogue: settings.levels)
            let service = AccountService(app: app)
            try await DemoAccounts.seed(store: service.store, hash: service.hash, now: clock.now())
            _ = try await DemoIndicators.seed(store: app.indicatorStore, clock: clock)
            try await DemoServices.seed(store: app.serviceStore, accounts: service.store, clock: clock)
            try await DemoParticipation.seed(store: app.participationStore, accounts: service.store, clock: clock)
            try await DemoFunding.seed(store: app.fundingStore, accounts: service.store, clock: clock)
        }
        try await body(app)
    } catch {
        try await TestDatabase.tearDown(app, schema: schema)
        throw error
    }
    try await TestDatabase.tearDown(app, schema: schema)
}

/// 2025-11-25, the day the tests live on.
let testNow = Date(timeIntervalSince1970: 1_764_028_800)

/// A clock tests move forward.
final class TestClock: Sendable {
    private let box = NIOLockedValueBox(testNow)

    var clock: Clock { Clock(now: { [box] in box.withLockedValue { $0 } }) }

    func advance(_ seconds: TimeInterval) {
        box.withLockedValue { $0 = $0.addingTimeInterval(seconds) }
    }
}

extension TestingHTTPResponse {
    var text: String { body.string }
}
