import Foundation
import SoplaApp
import SoplaCore
import SoplaStore
import Vapor

struct DemoSeedingKey: StorageKey {
    typealias Value = DemoSeeding
}

extension Application {
    public var demoSeeding: DemoSeeding? {
        get { storage[DemoSeedingKey.self] }
        set { storage[DemoSeedingKey.self] = newValue }
    }

    /// The stores demo data writes to, changes recorded as made by `sopla demo`.
    public var demoStores: DemoStores {
        let accounts = AccountService(app: self)
        return DemoStores(spatial: spatialWriter(.system("sopla demo")), accounts: accounts.store, hash: { try await accounts.hash($0) },
                          indicators: indicatorStore, services: serviceStore, participation: participationStore, funding: fundingStore,
                          levels: settings.levels, clock: settings.clock)
    }
}
