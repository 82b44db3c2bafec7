import Foundation

/// Storage of the spatial base. SoplaStore implements it for SQLite and PostgreSQL.
public protocol SpatialRepository: Sendable {
    /// All units with their population figures, in key order.
    func allUnits() async throws -> [SpatialUnit]
    func unit(key: String) async throws -> SpatialUnit?
    /// Every Gebietsstand of a unit, oldest first.
    func boundaryHistory(unitKey: String) async throws -> [BoundaryVersion]
    /// Boundaries valid on `day`, by unit key.
    func boundaries(validOn day: Day) async throws -> [String: BoundaryVersion]
    /// Units with their current boundary, for an import to compare against.
    func existingUnits() async throws -> [String: ExistingUnit]
    /// Writes a plan in one transaction: all of it or nothing.
    func apply(_ plan: BoundaryImportPlan) async throws
    /// Creates one unit (without boundary).
    func create(_ unit: SpatialUnit) async throws
    /// Saves the attributes of an existing unit (name, kind, keys, area, point); not its boundary.
    func update(_ unit: SpatialUnit) async throws
    /// Replaces all population figures of the given units in one transaction.
    func replacePopulations(_ figures: [String: [PopulationFigure]]) async throws
    /// A number that grows with every change of spatial data; caches compare it.
    func dataVersion() async throws -> Int
}
