import Foundation

/// One feature of a boundary file, after the file format has been read.
public struct BoundaryFeature: Sendable, Equatable {
    /// Position in the file's feature array, counted from 0 as in the file.
    public let index: Int
    /// Scalar properties as text; nil where the property is JSON null.
    public let properties: [String: String?]
    public let geometry: MultiPolygon

    public init(index: Int, properties: [String: String?], geometry: MultiPolygon) {
        self.index = index
        self.properties = properties
        self.geometry = geometry
    }
}

/// What is wrong with one part of an import: which feature (or row), which property, which value, why.
public struct ImportIssue: Error, Equatable, Sendable, CustomStringConvertible {
    public let featureIndex: Int?
    public let property: String?
    public let value: String?
    public let reason: String

    public init(featureIndex: Int?, property: String? = nil, value: String? = nil, reason: String) {
        self.featureIndex = featureIndex
        self.property = property
        self.value = value
        self.reason = reason
    }

    public var description: String {
        var place: [String] = []
        if let featureIndex { place.append("feature \(featureIndex)") }
        if let property { place.append("property \"\(property)\"") }
        if let value { place.append("value \"\(value.count > 60 ? String(value.prefix(60)) + "…" : value)\"") }
        return place.isEmpty ? reason : place.joined(separator: ", ") + ": " + reason
    }
}

/// An import that stored nothing, with every problem found.
public struct ImportFailure: Error, Equatable, Sendable, CustomStringConvertible {
    public let issues: [ImportIssue]

    public init(issues: [ImportIssue]) {
        self.issues = issues
    }

    public var description: String {
        "nothing was imported; \(issues.count) problem\(issues.count == 1 ? "" : "s") found:\n"
            + issues.map { "  - \($0)" }.joined(separator: "\n")
    }
}

/// How to read a boundary file into units of one level.
public struct BoundaryImportOptions: Sendable {
    public var level: SpatialLevel
    public var keyProperty: String
    public var nameProperty: String
    public var kindProperty: String?
    public var arsProperty: String?
    /// A property holding the area in km² (decimal point or comma, at most two decimals).
    public var areaProperty: String?
    /// A property holding each feature's parent key.
    public var parentProperty: String?
    /// One parent for all features (e.g. the municipality of imported planning areas).
    public var parentKey: String?
    /// Start of the Gebietsstand that new or changed boundaries get.
    public var validFrom: Day
    /// Kind used where no kind property is given or it is empty.
    public var defaultKind: String
    /// Leave a unit's boundary as it is when its current Gebietsstand starts on or after `validFrom` (someone changed it
    /// since): the demo refreshes its county without undoing a planner's boundaries.
    public var keepsLaterBoundaries = false
    /// The parent's boundary: every feature's centre must lie inside it (planning areas of a municipality), so that a
    /// file with longitude and latitude swapped, or of another place, is refused.
    public var enclosing: MultiPolygon?

    /// Features whose centre lies outside `enclosing`, as issues.
    public func outsideEnclosing(_ features: [BoundaryFeature]) -> [ImportIssue] {
        guard let enclosing else { return [] }
        return features.compactMap { feature in
            guard let centre = feature.geometry.centroid, !enclosing.contains(centre) else { return nil }
            return ImportIssue(featureIndex: feature.index, property: "geometry", value: String(format: "%.4f, %.4f", centre.lon, centre.lat),
                               reason: "the area's centre lies outside its parent's boundary")
        }
    }

    public init(
        level: SpatialLevel, keyProperty: String, nameProperty: String, kindProperty: String? = nil,
        arsProperty: String? = nil, areaProperty: String? = nil, parentProperty: String? = nil, parentKey: String? = nil,
        validFrom: Day, defaultKind: String? = nil
    ) {
        self.level = level
        self.keyProperty = keyProperty
        self.nameProperty = nameProperty
        self.kindProperty = kindProperty
        self.arsProperty = arsProperty
        self.areaProperty = areaProperty
        self.parentProperty = parentProperty
        self.parentKey = parentKey
        self.validFrom = validFrom
        self.defaultKind = defaultKind ?? level.nameDE
    }
}

/// A unit as it stands in the database, with its current boundary.
public struct ExistingUnit: Sendable, Equatable {
    public let unit: SpatialUnit
    public let currentBoundary: BoundaryVersion?

    public init(unit: SpatialUnit, currentBoundary: BoundaryVersion?) {
        self.unit = unit
        self.currentBoundary = currentBoundary
    }
}

/// What an import will do, decided before anything is written.
public struct BoundaryImportPlan: Sendable, Equatable {
    public struct Creation: Sendable, Equatable {
        public let unit: SpatialUnit
        public let boundary: BoundaryVersion

        public init(unit: SpatialUnit, boundary: BoundaryVersion) {
            self.unit = unit
            self.boundary = boundary
        }
    }

    public struct NewStatus: Sendable, Equatable {
        public let unitKey: String
        /// The current version, closed the day before the new one starts.
        public let closedVersionValidFrom: Day?
        public let closedOn: Day?
        public let boundary: BoundaryVersion

        public init(unitKey: String, closedVersionValidFrom: Day?, closedOn: Day?, boundary: BoundaryVersion) {
            self.unitKey = unitKey
            self.closedVersionValidFrom = closedVersionValidFrom
            self.closedOn = closedOn
            self.boundary = boundary
        }
    }

    public struct Update: Sendable, Equatable {
        public let before: SpatialUnit
        public let after: SpatialUnit
    }

    public var creations: [Creation] = []
    public var newStatuses: [NewStatus] = []
    public var updates: [Update] = []
    public var unchangedKeys: [String] = []

    public init() {}

    public var changesAnything: Bool {
        !creations.isEmpty || !newStatuses.isEmpty || !updates.isEmpty
    }

    public var summary: String {
        "\(creations.count) created, \(newStatuses.count) new Gebietsstand, \(updates.count) updated, \(unchangedKeys.count) unchanged"
    }
}

public enum BoundaryImportPlanner {
    /// Checks every feature and decides what to write. Either every feature is acceptable and
    /// a plan results, or an `ImportFailure` lists every problem and nothing is to be written.
    public static func plan(
        features: [BoundaryFeature],
        options: BoundaryImportOptions,
        existing: [String: ExistingUnit],
        catalogue: SpatialLevelCatalogue
    ) throws(ImportFailure) -> BoundaryImportPlan {
        var issues: [ImportIssue] = []
        var seenKeys: [String: Int] = [:]
        var plan = BoundaryImportPlan()

        if features.isEmpty {
            throw ImportFailure(issues: [ImportIssue(featureIndex: nil, reason: "the file holds no features")])
        }
        if let parentKey = options.parentKey {
            if let parent = existing[parentKey] {
                if let parentLevel = catalogue.level(code: parent.unit.levelCode) {
                    do { try SpatialKey.validateHierarchy(level: options.level, parentLevel: parentLevel) } catch {
                        throw ImportFailure(issues: [ImportIssue(featureIndex: nil, property: "--parent", value: parentKey, reason: error.description)])
                    }
                }
            } else {
                throw ImportFailure(issues: [ImportIssue(
                    featureIndex: nil, property: "--parent", value: parentKey,
                    reason: "no spatial unit has this key; create or import the parent first"
                )])
            }
        }

        for feature in features {
            let i = feature.index
            func text(_ property: String) -> String? {
                guard let value = feature.properties[property], let value else { return nil }
                let trimmed = value.trimmingCharacters(in: .whitespacesAndNewlines)
                return trimmed.isEmpty ? nil : trimmed
            }
            var featureIssues: [ImportIssue] = []

            guard let fileKey = text(options.keyProperty) else {
                issues.append(ImportIssue(featureIndex: i, property: options.keyProperty, reason: "the key property is missing or empty"))
                continue
            }
            // Planning-area files usually number their areas (1, 2, "A3"); with a known parent that local code
            // becomes the key below it (06532023-1). A full key (06532023-1) is taken as it is.
            var key = fileKey
            if options.level.keyFormat == .localSuffix, !fileKey.contains("-"),
               let parent = options.parentKey ?? options.parentProperty.flatMap(text) {
                key = parent + "-" + fileKey
            }
            let name = text(options.nameProperty)
            if name == nil {
                featureIssues.append(ImportIssue(featureIndex: i, property: options.nameProperty, reason: "the name property is missing or empty"))
            }
            if let first = seenKeys[key] {
                featureIssues.append(ImportIssue(featureIndex: i, property: options.keyProperty, value: key, reason: "duplicate key: feature \(first) has the same key"))
            } else {
                seenKeys[key] = i
            }

            // Parent: explicit (option or property) must exist; implied by the official key is linked where it exists.
            var parentKey: String?
            var parentIsExplicit = false
            if let property = options.parentProperty {
                parentKey = text(property)
                parentIsExplicit = true
                if parentKey == nil {
                    featureIssues.append(ImportIssue(featureIndex: i, property: property, reason: "the parent key property is missing or empty"))
                }
            } else if let option = options.parentKey {
                parentKey = option
                parentIsExplicit = true
            } else {
                parentKey = SpatialKey.impliedParentKey(of: key, level: options.level, in: catalogue)
            }
            var resolvedParent: String?
            if let parentKey {
                if let parent = existing[parentKey] {
                    resolvedParent = parentKey
                    if let parentLevel = catalogue.level(code: parent.unit.levelCode) {
                        do { try SpatialKey.validateHierarchy(level: options.level, parentLevel: parentLevel) } catch {
                            featureIssues.append(ImportIssue(featureIndex: i, property: options.parentProperty ?? options.keyProperty, value: parentKey, reason: error.description))
                        }
                    }
                } else if parentIsExplicit {
                    featureIssues.append(ImportIssue(
                        featureIndex: i, property: options.parentProperty ?? "--parent", value: parentKey,
                        reason: "parent key is not known; import or create the parent unit first"
                    ))
                }
            }
            do {
                try SpatialKey.validate(key, level: options.level, parentKey: resolvedParent ?? (parentIsExplicit ? parentKey : nil))
            } catch {
                featureIssues.append(ImportIssue(featureIndex: i, property: options.keyProperty, value: key, reason: error.description))
            }
            var ars: String?
            if let property = options.arsProperty, let value = text(property) {
                do {
                    try SpatialKey.validateARS(value, matchesAGS: key)
                    ars = value
                } catch {
                    featureIssues.append(ImportIssue(featureIndex: i, property: property, value: value, reason: error.description))
                }
            }
            var areaHectares: Int?
            if let property = options.areaProperty, let value = text(property) {
                if let hectares = Hundredths.parse(value), hectares > 0 {
                    areaHectares = hectares
                } else {
                    featureIssues.append(ImportIssue(featureIndex: i, property: property, value: value, reason: "the area must be a positive number of km² with at most two decimals, e.g. 43.57"))
                }
            }
            // Without a kind in the file, existing units keep theirs and new ones get the default.
            let kind = options.kindProperty.flatMap(text)

            guard featureIssues.isEmpty, let name else {
                issues.append(contentsOf: featureIssues)
                continue
            }
            let geometry = feature.geometry.rightHandRule
            if let current = existing[key] {
                if current.unit.levelCode != options.level.code {
                    issues.append(ImportIssue(
                        featureIndex: i, property: options.keyProperty, value: key,
                        reason: "the key belongs to an existing unit of level \(current.unit.levelCode), not \(options.level.code)"
                    ))
                    continue
                }
                var after = current.unit
                after.name = name
                if let kind { after.kind = kind }
                if let areaHectares { after.areaHectares = areaHectares }
                if let ars { after.ars = ars }
                if resolvedParent != nil || parentIsExplicit { after.parentKey = resolvedParent }
                if after != current.unit {
                    plan.updates.append(.init(before: current.unit, after: after))
                }
                if let boundary = current.currentBoundary, boundary.geometry == geometry {
                    if after == current.unit { plan.unchangedKeys.append(key) }
                } else {
                    if let boundary = current.currentBoundary, boundary.validFrom >= options.validFrom, options.keepsLaterBoundaries {
                        if after == current.unit { plan.unchangedKeys.append(key) }
                        continue
                    }
                    if let boundary = current.currentBoundary, boundary.validFrom >= options.validFrom {
                        issues.append(ImportIssue(
                            featureIndex: i, property: "geometry",
                            reason: "the boundary differs from the Gebietsstand valid from \(boundary.validFrom.iso); a new Gebietsstand must start later: give --valid-from after that day"
                        ))
                        continue
                    }
                    plan.newStatuses.append(.init(
                        unitKey: key,
                        closedVersionValidFrom: current.currentBoundary?.validFrom,
                        closedOn: current.currentBoundary == nil ? nil : options.validFrom.previous,
                        boundary: BoundaryVersion(unitKey: key, validFrom: options.validFrom, geometry: geometry)
                    ))
                }
            } else {
                let unit = SpatialUnit(
                    key: key, ars: ars, name: name, kind: kind ?? options.defaultKind, levelCode: options.level.code, parentKey: resolvedParent,
                    areaHectares: areaHectares
                )
                plan.creations.append(.init(unit: unit, boundary: BoundaryVersion(unitKey: key, validFrom: options.validFrom, geometry: geometry)))
            }
        }
        guard issues.isEmpty else { throw ImportFailure(issues: issues) }
        return plan
    }
}
