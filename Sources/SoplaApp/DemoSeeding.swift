import Foundation
import SoplaCore
import SoplaStore

/// What demo data gets to write with: the stores of a prepared database, the password hash and the settings.
public struct DemoStores: Sendable {
    public let spatial: any SpatialRepository
    public let accounts: AccountStore
    public let hash: @Sendable (String) async throws -> String
    public let indicators: IndicatorStore
    public let services: ServiceStore
    public let participation: ParticipationStore
    public let funding: FundingStore
    public let levels: SpatialLevelCatalogue
    public let clock: Clock

    public init(spatial: any SpatialRepository, accounts: AccountStore, hash: @escaping @Sendable (String) async throws -> String, indicators: IndicatorStore,
                services: ServiceStore, participation: ParticipationStore, funding: FundingStore, levels: SpatialLevelCatalogue, clock: Clock) {
        self.spatial = spatial
        self.accounts = accounts
        self.hash = hash
        self.indicators = indicators
        self.services = services
        self.participation = participation
        self.funding = funding
        self.levels = levels
        self.clock = clock
    }
}

/// What seeding did, for the console: lines of summary and the logins a person can try.
public struct DemoOutcome: Sendable {
    public struct Login: Sendable {
        public let email: String
        public let password: String
        public let roles: [String]

        public init(email: String, password: String, roles: [String]) {
            self.email = email
            self.password = password
            self.roles = roles
        }
    }

    public let summary: [String]
    public let logins: [Login]

    public init(summary: [String], logins: [Login]) {
        self.summary = summary
        self.logins = logins
    }
}

/// Creates or refreshes demo data. The production module has none of its own: the executable hands it over
/// (`Application.demoSeeding`), and `sopla demo` says so when a build has none.
public typealias DemoSeeding = @Sendable (DemoStores) async throws -> DemoOutcome
