import Foundation

/// A level of the spatial hierarchy (Land → county → municipality → planning area).
/// Levels are data, not code: a deployment can configure its own catalogue.
public struct SpatialLevel: Hashable, Sendable, Codable {
    /// Stable identifier used in the database, the API and on the command line.
    public let code: String
    /// Lower ranks are higher in the hierarchy; a parent's rank is always lower than its child's.
    public let rank: Int
    public let nameDE: String
    public let nameEN: String
    public let keyFormat: SpatialKeyFormat

    public init(code: String, rank: Int, nameDE: String, nameEN: String, keyFormat: SpatialKeyFormat) {
        self.code = code
        self.rank = rank
        self.nameDE = nameDE
        self.nameEN = nameEN
        self.keyFormat = keyFormat
    }

    public static let land = SpatialLevel(code: "land", rank: 1, nameDE: "Land", nameEN: "State", keyFormat: .digits(2))
    public static let county = SpatialLevel(code: "county", rank: 2, nameDE: "Kreis", nameEN: "County", keyFormat: .digits(5))
    public static let municipality = SpatialLevel(
        code: "municipality", rank: 3, nameDE: "Stadt/Gemeinde", nameEN: "Municipality", keyFormat: .digits(8)
    )
    public static let planningArea = SpatialLevel(
        code: "planning-area", rank: 4, nameDE: "Planungsraum", nameEN: "Planning area", keyFormat: .localSuffix
    )
}

/// How the key of a unit at a level is formed.
public enum SpatialKeyFormat: Hashable, Sendable, Codable {
    /// An official key of exactly this many digits (AGS parts: Land 2, county 5, municipality 8),
    /// which starts with its parent's key.
    case digits(Int)
    /// The parent's key, a hyphen, and a local code of 1–12 letters or digits: `06532023-001`.
    case localSuffix
}

/// The levels a deployment uses, in order.
public struct SpatialLevelCatalogue: Sendable {
    public let levels: [SpatialLevel]

    public init(levels: [SpatialLevel]) {
        self.levels = levels.sorted { $0.rank < $1.rank }
    }

    public static let standard = SpatialLevelCatalogue(levels: [.land, .county, .municipality, .planningArea])

    public func level(code: String) -> SpatialLevel? {
        levels.first { $0.code == code }
    }

    public var codes: [String] { levels.map(\.code) }
}
