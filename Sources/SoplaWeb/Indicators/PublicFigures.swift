import Foundation
import SoplaApp
import SoplaStore
import Vapor

extension Request {
    /// Records what the public pages show now of the variables (nil: all), after a change that can alter it.
    func recordPublicFigures(variables: Set<String>?) async throws {
        try await PublicFigures.recordLive(variables: variables, store: indicatorStore, spatial: spatial, ledger: disclosureLedger, at: settings.clock.now())
    }
}
