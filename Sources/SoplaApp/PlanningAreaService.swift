import Foundation
import SoplaCore
import SoplaStore

/// Planners keep the planning areas of a municipality: upload their boundaries (the rules of
/// `sopla import boundaries --level planning-area --parent KEY`), rename them and retire them from a day on.
/// Every change is audited by the repository it writes with.
public struct PlanningAreaService: Sendable {
    public let repository: FluentSpatialRepository
    public let catalogue: SpatialLevelCatalogue

    public init(repository: FluentSpatialRepository, catalogue: SpatialLevelCatalogue) {
        self.repository = repository
        self.catalogue = catalogue
    }

    public typealias Area = PlanningAreaState

    /// The municipality `key` when its sub-units are planning areas (locally keyed), else nil.
    public func parent(key: String) async throws -> (SpatialUnit, SpatialLevel)? {
        guard let unit = try await repository.unit(key: key), let level = catalogue.localChildLevel(of: unit.levelCode) else { return nil }
        return (unit, level)
    }

    /// The planning areas below `parentKey`, by key.
    public func areas(parentKey: String) async throws -> [Area] {
        let existing = try await repository.existingUnits()
        var result: [Area] = []
        for entry in existing.values where entry.unit.parentKey == parentKey {
            let retired = entry.currentBoundary == nil ? try await repository.boundaryHistory(unitKey: entry.unit.key).last?.validTo.map { Day($0.startDate.addingTimeInterval(86_400)) } : nil
            result.append(Area(unit: entry.unit, currentFrom: entry.currentBoundary?.validFrom, retiredFrom: retired))
        }
        return result.sorted { $0.unit.key < $1.unit.key }
    }

    /// The area `key` when it is a locally keyed sub-unit (a planning area).
    public func area(key: String) async throws -> Area? {
        guard let unit = try await repository.unit(key: key), let level = catalogue.level(code: unit.levelCode), level.keyFormat == .localSuffix,
              let parentKey = unit.parentKey else { return nil }
        return try await areas(parentKey: parentKey).first { $0.unit.key == key }
    }

    /// Checks the whole file and stores all of it or nothing (`BoundaryImporter`); keys may be local codes ("1" → PARENT-1).
    public func upload(parent: SpatialUnit, level: SpatialLevel, data: Data, keyProperty: String, nameProperty: String, validFrom: Day) async throws -> BoundaryImportPlan {
        let importer = BoundaryImporter(repository: repository, catalogue: catalogue)
        var options = BoundaryImportOptions(level: level, keyProperty: keyProperty, nameProperty: nameProperty, parentKey: parent.key, validFrom: validFrom)
        options.enclosing = try await repository.boundaryHistory(unitKey: parent.key).last { $0.validTo == nil }?.geometry
        return try await importer.run(data: data, options: options, dryRun: false)
    }

    /// Renames the area (name and kind); nothing happens when nothing changed.
    public func rename(_ unit: SpatialUnit, name: String, kind: String?) async throws {
        var changed = unit
        changed.name = name
        if let kind { changed.kind = kind }
        try await repository.update(changed)
    }

    /// Ends the area from `day` on; false when it has no current boundary starting before that day.
    public func retire(_ unit: SpatialUnit, from day: Day) async throws -> Bool {
        try await repository.retire(unitKey: unit.key, label: unit.name, from: day)
    }
}
