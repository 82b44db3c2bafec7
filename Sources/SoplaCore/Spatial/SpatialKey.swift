import Foundation

/// Why an official key (AGS, ARS or planning-area key) is not acceptable.
public enum SpatialKeyError: Error, Equatable, Sendable, CustomStringConvertible {
    case empty(level: String)
    case wrongLength(key: String, level: String, expected: Int)
    case notDigits(key: String)
    case unknownLand(key: String)
    case badLocalCode(key: String)
    case parentMismatch(key: String, parentKey: String)
    case levelNotBelowParent(level: String, parentLevel: String)
    case badARS(ars: String)
    case arsMismatch(ars: String, key: String)

    public var description: String {
        switch self {
        case .empty(let level):
            return "the key is empty; a \(level) needs a key"
        case .wrongLength(let key, let level, let expected):
            return "key \"\(key)\" has \(key.count) characters; a \(level) key (AGS) has exactly \(expected) digits"
        case .notDigits(let key):
            return "key \"\(key)\" must consist of digits 0–9 only"
        case .unknownLand(let key):
            return "key \"\(key)\" starts with \"\(key.prefix(2))\", which is no Land (01–16)"
        case .badLocalCode(let key):
            return "planning-area key \"\(key)\" must be the municipality's 8-digit AGS, a hyphen and 1–12 letters or digits, e.g. 06532023-001"
        case .parentMismatch(let key, let parentKey):
            return "key \"\(key)\" does not start with its parent's key \"\(parentKey)\""
        case .levelNotBelowParent(let level, let parentLevel):
            return "a \(level) cannot be placed below a \(parentLevel)"
        case .badARS(let ars):
            return "regional key (ARS) \"\(ars)\" must have exactly 12 digits"
        case .arsMismatch(let ars, let key):
            return "regional key (ARS) \"\(ars)\" does not match AGS \"\(key)\" (ARS = 5 digits of the county, 4 of the Verband, 3 of the municipality)"
        }
    }
}

/// Checks of official keys. The AGS is built as Land (2) + Regierungsbezirk (1) + Kreis (2) +
/// Gemeinde (3); the ARS inserts the 4-digit Gemeindeverband after the first five digits.
public enum SpatialKey {
    /// Checks the form of `key` for `level`, and, if a parent is given, that the key continues it.
    public static func validate(_ key: String, level: SpatialLevel, parentKey: String? = nil) throws(SpatialKeyError) {
        guard !key.isEmpty else { throw .empty(level: level.code) }
        switch level.keyFormat {
        case .digits(let count):
            guard key.allSatisfy({ $0.isASCII && $0.isNumber }) else { throw .notDigits(key: key) }
            guard key.count == count else { throw .wrongLength(key: key, level: level.code, expected: count) }
            guard let land = Int(key.prefix(2)), (1...16).contains(land) else { throw .unknownLand(key: key) }
        case .localSuffix:
            let parts = key.split(separator: "-", maxSplits: 1, omittingEmptySubsequences: false)
            guard parts.count == 2, parts[0].count == 8, parts[0].allSatisfy({ $0.isASCII && $0.isNumber }),
                  (1...12).contains(parts[1].count),
                  parts[1].allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber) }) else {
                throw .badLocalCode(key: key)
            }
        }
        if let parentKey {
            let expectedPrefix = level.keyFormat == .localSuffix ? parentKey + "-" : parentKey
            guard key.hasPrefix(expectedPrefix), key != parentKey else {
                throw .parentMismatch(key: key, parentKey: parentKey)
            }
        }
    }

    /// The key of the unit one level up that an official key implies, if any:
    /// municipality 06532023 → county 06532 → Land 06; planning area 06532023-001 → 06532023.
    public static func impliedParentKey(of key: String, level: SpatialLevel, in catalogue: SpatialLevelCatalogue) -> String? {
        if level.keyFormat == .localSuffix {
            return key.split(separator: "-").first.map(String.init)
        }
        guard let parentLevel = catalogue.levels.last(where: { $0.rank < level.rank }),
              case .digits(let length) = parentLevel.keyFormat, length < key.count else { return nil }
        return String(key.prefix(length))
    }

    /// Checks a 12-digit ARS against the 8-digit AGS of the same municipality.
    public static func validateARS(_ ars: String, matchesAGS ags: String) throws(SpatialKeyError) {
        guard ars.count == 12, ars.allSatisfy({ $0.isASCII && $0.isNumber }) else { throw .badARS(ars: ars) }
        if ags.count == 8 {
            guard ars.prefix(5) == ags.prefix(5), ars.suffix(3) == ags.suffix(3) else {
                throw .arsMismatch(ars: ars, key: ags)
            }
        }
    }

    /// Checks that a unit of `level` may sit below a unit of `parentLevel`.
    public static func validateHierarchy(level: SpatialLevel, parentLevel: SpatialLevel) throws(SpatialKeyError) {
        guard parentLevel.rank < level.rank else {
            throw .levelNotBelowParent(level: level.code, parentLevel: parentLevel.code)
        }
    }
}
