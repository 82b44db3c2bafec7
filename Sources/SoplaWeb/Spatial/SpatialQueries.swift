import Foundation
import SoplaCore
import Vapor

/// Reads shared by pages, API and commands.
extension SpatialRepository {
    /// All units, with parents' population and area summed from their children.
    func unitsWithAggregates(catalogue: SpatialLevelCatalogue) async throws -> [SpatialUnit] {
        SpatialAggregation.withAggregates(try await allUnits(), catalogue: catalogue)
    }
}

/// The county the start page shows: the first county-level unit, or else the first root unit.
func primaryRegion(of units: [SpatialUnit]) -> SpatialUnit? {
    units.first { $0.levelCode == SpatialLevel.county.code } ?? units.first { $0.parentKey == nil }
}
