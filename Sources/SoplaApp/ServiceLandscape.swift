import Foundation
import SoplaCore
import SoplaStore

/// What services are planned against, loaded once for a page or a report: the categories, the services with their
/// providers, the units and their boundaries on one day.
public struct ServiceLandscape: Sendable {
    public let categories: [ServiceCategory]
    public let records: [ServiceRecord]
    public let organisations: [UUID: Organisation]
    public let units: [SpatialUnit]
    public let unitsByKey: [String: SpatialUnit]
    /// Municipalities (and any unit below the county that is not a planning area), by name in German order.
    public let municipalities: [SpatialUnit]
    public let boundaries: [String: BoundaryVersion]

    public init(categories: [ServiceCategory], records: [ServiceRecord], organisations: [Organisation], units: [SpatialUnit],
                boundaries: [String: BoundaryVersion]) {
        self.categories = categories
        self.records = records
        self.organisations = Dictionary(organisations.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        self.units = units
        self.unitsByKey = Dictionary(units.map { ($0.key, $0) }, uniquingKeysWith: { first, _ in first })
        self.municipalities = units.filter { $0.levelCode == SpatialLevel.municipality.code }
            .sorted { $0.name.compare($1.name, locale: Locale(identifier: "de")) == .orderedAscending }
        self.boundaries = boundaries
    }

    /// Loads it; `services: false` leaves the services out (pages that need only places and providers).
    /// `boundaries` gives the boundaries of the day (a caller may keep them cached).
    public static func load(services store: ServiceStore, accounts: AccountStore, spatial: any SpatialRepository, withServices: Bool = true,
                            boundaries: () async throws -> [String: BoundaryVersion]) async throws -> ServiceLandscape {
        ServiceLandscape(categories: try await store.categories(), records: withServices ? try await store.services() : [],
                         organisations: try await accounts.organisations(), units: try await spatial.allUnits(), boundaries: try await boundaries())
    }

    public var unitNames: [String: String] { unitsByKey.mapValues(\.name) }
    public var municipalityOptions: [(key: String, name: String)] { municipalities.map { ($0.key, $0.name) } }
    public var categoryCodes: Set<String> { Set(categories.map(\.code)) }

    public func organisationName(_ id: UUID) -> String { organisations[id]?.name ?? "–" }

    /// The municipality a point lies in (for filtering by place); nil outside every municipality.
    public func municipality(containing point: Position) -> String? {
        municipalities.first { unit in boundaries[unit.key]?.geometry.contains(point) == true }?.key
    }
}
