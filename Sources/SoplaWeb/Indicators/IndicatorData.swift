import Foundation
import SoplaApp
import SoplaCore
import SoplaRender
import SoplaStore
import Vapor

extension Request {
    var indicatorStore: IndicatorStore { IndicatorStore(database: db) }
}

extension Application {
    var indicatorStore: IndicatorStore { IndicatorStore(database: db) }
    var disclosureLedger: DisclosureLedger { DisclosureLedger(database: db) }
}

extension Request {
    var disclosureLedger: DisclosureLedger { DisclosureLedger(database: db) }
}

extension IndicatorData {
    /// Levels that have units and where the indicator is valid, in the catalogue's order.
    func levels(_ catalogue: SpatialLevelCatalogue, language: Language) -> [(code: String, name: String)] {
        let present = Set(units.map(\.levelCode))
        return catalogue.levels.filter { present.contains($0.code) && indicator.isValid(onLevel: $0.code) }
            .map { ($0.code, language == .de ? $0.nameDE : $0.nameEN) }
    }
}
