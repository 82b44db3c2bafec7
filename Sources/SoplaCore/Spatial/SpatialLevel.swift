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

    /// The level directly below `code` if its units are keyed by a local code (planning areas below a
    /// municipality); nil otherwise.
    public func localChildLevel(of code: String) -> SpatialLevel? {
        guard let index = levels.firstIndex(where: { $0.code == code }), index + 1 < levels.count,
              levels[index + 1].keyFormat == .localSuffix else { return nil }
        return levels[index + 1]
    }
}

extension SpatialLevelCatalogue {
    /// Why a level configuration cannot be used.
    public struct ConfigurationError: Error, Equatable, CustomStringConvertible {
        public let entry: String
        public let reason: String

        public var description: String {
            "SOPLA_LEVELS entry \"\(entry)\": \(reason); write entries as code=German name|English name|digits or local, separated by commas, highest level first"
        }
    }

    /// Reads a configuration such as
    /// `county=Kreis|County|5,municipality=Stadt/Gemeinde|Municipality|8,planning-area=Planungsraum|Planning area|local`.
    /// Levels are ranked in the order given.
    public static func parse(_ text: String) throws(ConfigurationError) -> SpatialLevelCatalogue {
        var levels: [SpatialLevel] = []
        for (index, rawEntry) in text.split(separator: ",").enumerated() {
            let entry = rawEntry.trimmingCharacters(in: .whitespaces)
            let parts = entry.split(separator: "=", maxSplits: 1).map(String.init)
            guard parts.count == 2 else { throw ConfigurationError(entry: entry, reason: "missing \"=\"") }
            let code = parts[0].trimmingCharacters(in: .whitespaces)
            guard !code.isEmpty, code.allSatisfy({ $0.isASCII && ($0.isLowercase || $0.isNumber || $0 == "-") }) else {
                throw ConfigurationError(entry: entry, reason: "the code must be lowercase letters, digits or hyphens")
            }
            guard !levels.contains(where: { $0.code == code }) else {
                throw ConfigurationError(entry: entry, reason: "the code \(code) appears twice")
            }
            let fields = parts[1].split(separator: "|", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
            guard fields.count == 3, !fields[0].isEmpty, !fields[1].isEmpty else {
                throw ConfigurationError(entry: entry, reason: "expected three fields after \"=\"")
            }
            let format: SpatialKeyFormat
            if fields[2] == "local" {
                format = .localSuffix
            } else if let digits = Int(fields[2]), (1...12).contains(digits) {
                format = .digits(digits)
            } else {
                throw ConfigurationError(entry: entry, reason: "the key format must be a number of digits (1–12) or local")
            }
            levels.append(SpatialLevel(code: code, rank: index + 1, nameDE: fields[0], nameEN: fields[1], keyFormat: format))
        }
        guard !levels.isEmpty else { throw ConfigurationError(entry: text, reason: "no level given") }
        return SpatialLevelCatalogue(levels: levels)
    }
}
