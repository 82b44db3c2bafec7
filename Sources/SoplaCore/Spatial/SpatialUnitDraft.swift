import Foundation

/// A unit entered by hand, e.g. a planning area below a municipality.
public struct SpatialUnitDraft: Sendable, Equatable {
    public var key: String
    public var name: String
    public var kind: String?
    public var levelCode: String
    public var parentKey: String?

    public init(key: String, name: String, kind: String? = nil, levelCode: String, parentKey: String?) {
        self.key = key
        self.name = name
        self.kind = kind
        self.levelCode = levelCode
        self.parentKey = parentKey
    }

    /// Checks the draft against the catalogue and the units that exist, naming each field that is wrong.
    public func validated(
        catalogue: SpatialLevelCatalogue, existing: (String) -> SpatialUnit?
    ) throws(ImportFailure) -> SpatialUnit {
        var issues: [ImportIssue] = []
        let key = key.trimmingCharacters(in: .whitespaces)
        let name = name.trimmingCharacters(in: .whitespaces)
        guard let level = catalogue.level(code: levelCode) else {
            throw ImportFailure(issues: [ImportIssue(
                featureIndex: nil, property: "level", value: levelCode,
                reason: "unknown level; use one of \(catalogue.codes.joined(separator: ", "))"
            )])
        }
        if name.isEmpty { issues.append(ImportIssue(featureIndex: nil, property: "name", reason: "a name is required")) }
        if name.count > 200 { issues.append(ImportIssue(featureIndex: nil, property: "name", reason: "a name has at most 200 characters")) }
        var parent: SpatialUnit?
        if let parentKey {
            parent = existing(parentKey)
            if let parent, let parentLevel = catalogue.level(code: parent.levelCode) {
                do { try SpatialKey.validateHierarchy(level: level, parentLevel: parentLevel) } catch {
                    issues.append(ImportIssue(featureIndex: nil, property: "parent", value: parentKey, reason: error.description))
                }
            } else if parent == nil {
                issues.append(ImportIssue(featureIndex: nil, property: "parent", value: parentKey, reason: "no spatial unit has this key"))
            }
        } else if level.keyFormat == .localSuffix {
            issues.append(ImportIssue(featureIndex: nil, property: "parent", reason: "a \(level.code) needs a parent unit"))
        }
        do {
            try SpatialKey.validate(key, level: level, parentKey: parent?.key)
        } catch {
            issues.append(ImportIssue(featureIndex: nil, property: "key", value: key, reason: error.description))
        }
        if existing(key) != nil {
            issues.append(ImportIssue(featureIndex: nil, property: "key", value: key, reason: "a spatial unit with this key exists already"))
        }
        guard issues.isEmpty else { throw ImportFailure(issues: issues) }
        let trimmedKind = kind?.trimmingCharacters(in: .whitespaces) ?? ""
        return SpatialUnit(
            key: key, name: name, kind: trimmedKind.isEmpty ? level.nameDE : trimmedKind,
            levelCode: level.code, parentKey: parent?.key
        )
    }
}
