import Foundation
import SoplaApp
import SoplaCore
import SoplaStore


/// The Lahn-Dill-Kreis demo: real boundaries, population and area, invented people, services, figures,
/// meetings and funding. Seeding is idempotent.
public enum SoplaDemo {
    public static let seeding: DemoSeeding = { stores in
        let plan = try await DemoData.seed(repository: stores.spatial, catalogue: stores.levels)
        try await DemoAccounts.seed(store: stores.accounts, hash: stores.hash, now: stores.clock.now())
        let figures = try await DemoIndicators.seed(store: stores.indicators, clock: stores.clock)
        let services = try await DemoServices.seed(store: stores.services, accounts: stores.accounts, clock: stores.clock)
        try await DemoParticipation.seed(store: stores.participation, accounts: stores.accounts, clock: stores.clock)
        try await DemoFunding.seed(store: stores.funding, accounts: stores.accounts, clock: stores.clock)
        return DemoOutcome(summary: [
            plan.summary,
            "Social report: \(DemoIndicators.indicators.count) indicators, \(figures.inserted + figures.revised) new values (real population and area; social figures invented).",
            "Services: \(services) example services added (invented), with planning standards and an open survey round.",
        ], logins: DemoAccounts.logins.map { DemoOutcome.Login(email: $0.email, password: $0.password, roles: $0.roles.map(\.rawValue).sorted()) })
    }
}
