import Foundation
import SoplaCore
import SoplaStore

/// Everything the application needs from outside, read once in the entry point; tests build it directly.
public struct AppSettings: Sendable {
    public var database: DatabaseLocation
    /// PostgreSQL schema for all tables; nil for the default search path.
    public var postgresSchema: String?
    public var levels: SpatialLevelCatalogue
    public var clock: Clock
    /// How long the spatial data version may be trusted before a cache asks the database again.
    public var cacheRevalidationSeconds: Double

    public init(
        database: DatabaseLocation, levels: SpatialLevelCatalogue = .standard, clock: Clock = .system,
        cacheRevalidationSeconds: Double = 1, postgresSchema: String? = nil
    ) {
        self.database = database
        self.postgresSchema = postgresSchema
        self.levels = levels
        self.clock = clock
        self.cacheRevalidationSeconds = cacheRevalidationSeconds
    }

    /// Reads `SOPLA_DATABASE_URL` (default `sqlite:./sopla.sqlite`) and `SOPLA_LEVELS` (default: Land,
    /// county, municipality, planning area).
    public static func fromEnvironment(_ environment: [String: String] = ProcessInfo.processInfo.environment) throws -> AppSettings {
        let url = environment["SOPLA_DATABASE_URL"].flatMap { $0.isEmpty ? nil : $0 } ?? DatabaseLocation.defaultValue
        var levels = SpatialLevelCatalogue.standard
        if let text = environment["SOPLA_LEVELS"], !text.isEmpty {
            levels = try SpatialLevelCatalogue.parse(text)
        }
        return AppSettings(database: try DatabaseLocation.parse(url), levels: levels)
    }
}
