import Fluent
import SQLKit
import Foundation
import SoplaCore

/// The spatial base on SQLite or PostgreSQL through Fluent. With an audit context every change writes
/// its audit entries in the same transaction.
public struct FluentSpatialRepository: SpatialRepository {
    let database: any Database
    let audit: AuditContext?

    public init(database: any Database, audit: AuditContext? = nil) {
        self.database = database
        self.audit = audit
    }

    /// Records a change of one unit (nothing when the fields are equal or no audit context is set).
    func record(_ action: AuditAction, key: String, label: String, before: [String: String], after: [String: String], on db: any Database) async throws {
        guard let audit else { return }
        let changes = FieldChange.diff(before: before, after: after)
        guard !changes.isEmpty || action == .create else { return }
        try await AuditEntryModel(AuditEntry(id: UUID(), at: audit.clock.now(), actor: audit.actor, action: action,
                                             entityType: AuditEntity.spatialUnit, entityID: key, entityLabel: label, changes: changes)).create(on: db)
    }

    public func allUnits() async throws -> [SpatialUnit] {
        let models = try await SpatialUnitModel.query(on: database).sort(\.$key).all()
        let populations = try await SpatialPopulationModel.query(on: database).all()
        let byUnit = Dictionary(grouping: populations, by: \.unitKey)
        return models.map { $0.toDomain(populations: byUnit[$0.key, default: []].compactMap { $0.toDomain() }) }
    }

    public func unit(key: String) async throws -> SpatialUnit? {
        guard let model = try await SpatialUnitModel.query(on: database).filter(\.$key == key).first() else { return nil }
        let populations = try await SpatialPopulationModel.query(on: database).filter(\.$unitKey == key).all()
        return model.toDomain(populations: populations.compactMap { $0.toDomain() })
    }

    public func boundaryHistory(unitKey: String) async throws -> [BoundaryVersion] {
        try await SpatialBoundaryModel.query(on: database)
            .filter(\.$unitKey == unitKey)
            .sort(\.$validFrom)
            .all()
            .map { try $0.toDomain() }
    }

    public func boundaries(validOn day: Day) async throws -> [String: BoundaryVersion] {
        // ISO dates compare correctly as text.
        let models = try await SpatialBoundaryModel.query(on: database)
            .filter(\.$validFrom <= day.iso)
            .group(.or) { $0.filter(\.$validTo == nil).filter(\.$validTo >= day.iso) }
            .all()
        var result: [String: BoundaryVersion] = [:]
        for model in models {
            let version = try model.toDomain()
            if let other = result[version.unitKey], other.validFrom > version.validFrom { continue }
            result[version.unitKey] = version
        }
        return result
    }

    public func existingUnits() async throws -> [String: ExistingUnit] {
        let units = try await allUnits()
        let current = try await SpatialBoundaryModel.query(on: database).filter(\.$validTo == nil).all()
        var boundaries: [String: BoundaryVersion] = [:]
        for model in current { boundaries[model.unitKey] = try model.toDomain() }
        return Dictionary(uniqueKeysWithValues: units.map { ($0.key, ExistingUnit(unit: $0, currentBoundary: boundaries[$0.key])) })
    }

    public func apply(_ plan: BoundaryImportPlan) async throws {
        guard plan.changesAnything else { return }
        try await database.transaction { db in
            for creation in plan.creations {
                try await SpatialUnitModel(creation.unit).create(on: db)
                try await SpatialBoundaryModel(creation.boundary).create(on: db)
                var fields = creation.unit.auditFields
                fields["boundaryValidFrom"] = creation.boundary.validFrom.iso
                try await record(.create, key: creation.unit.key, label: creation.unit.name, before: [:], after: fields, on: db)
            }
            for status in plan.newStatuses {
                if let from = status.closedVersionValidFrom, let closedOn = status.closedOn {
                    try await SpatialBoundaryModel.query(on: db)
                        .filter(\.$unitKey == status.unitKey)
                        .filter(\.$validFrom == from.iso)
                        .set(\.$validTo, to: closedOn.iso)
                        .update()
                }
                try await SpatialBoundaryModel(status.boundary).create(on: db)
                try await record(.update, key: status.unitKey, label: status.unitKey,
                                 before: status.closedVersionValidFrom.map { ["boundaryValidFrom": $0.iso] } ?? [:],
                                 after: ["boundaryValidFrom": status.boundary.validFrom.iso], on: db)
            }
            for update in plan.updates {
                guard let model = try await SpatialUnitModel.query(on: db).filter(\.$key == update.before.key).first() else { continue }
                model.update(from: update.after)
                try await model.save(on: db)
                try await record(.update, key: update.after.key, label: update.after.name, before: update.before.auditFields,
                                 after: update.after.auditFields, on: db)
            }
            try await Self.bumpVersion(on: db)
        }
    }

    public func create(_ unit: SpatialUnit) async throws {
        try await database.transaction { db in
            try await SpatialUnitModel(unit).create(on: db)
            try await Self.replacePopulations([unit.key: unit.populations], on: db)
            try await record(.create, key: unit.key, label: unit.name, before: [:],
                             after: unit.auditFields.merging(SpatialUnit.populationAuditFields(unit.populations)) { $1 }, on: db)
            try await Self.bumpVersion(on: db)
        }
    }

    public func update(_ unit: SpatialUnit) async throws {
        try await database.transaction { db in
            guard let model = try await SpatialUnitModel.query(on: db).filter(\.$key == unit.key).first() else {
                throw StoreError.notFound("spatial unit \(unit.key)")
            }
            // Populations are stored apart; compare only what this call writes.
            let before = model.toDomain(populations: unit.populations)
            guard before != unit else { return }
            model.update(from: unit)
            try await model.save(on: db)
            try await record(.update, key: unit.key, label: unit.name, before: before.auditFields, after: unit.auditFields, on: db)
            try await Self.bumpVersion(on: db)
        }
    }

    /// Ends a unit from `day` on: its current Gebietsstand closes the day before; every version stays in the history.
    /// False when the unit has no current boundary (it is retired already) or that boundary starts on or after `day`.
    public func retire(unitKey: String, label: String, from day: Day) async throws -> Bool {
        try await database.transaction { db in
            guard let current = try await SpatialBoundaryModel.query(on: db).filter(\.$unitKey == unitKey).filter(\.$validTo == nil).first(),
                  current.validFrom < day.iso else { return false }
            current.validTo = day.previous.iso
            try await current.save(on: db)
            try await record(.deactivate, key: unitKey, label: label, before: ["boundaryValidTo": ""], after: ["boundaryValidTo": day.previous.iso], on: db)
            try await Self.bumpVersion(on: db)
            return true
        }
    }

    public func replacePopulations(_ figures: [String: [PopulationFigure]]) async throws {
        try await database.transaction { db in
            for (key, list) in figures.sorted(by: { $0.key < $1.key }) {
                let before = try await SpatialPopulationModel.query(on: db).filter(\.$unitKey == key).all().compactMap { $0.toDomain() }
                try await record(.update, key: key, label: key, before: SpatialUnit.populationAuditFields(before),
                                 after: SpatialUnit.populationAuditFields(list), on: db)
            }
            try await Self.replacePopulations(figures, on: db)
            try await Self.bumpVersion(on: db)
        }
    }

    static func replacePopulations(_ figures: [String: [PopulationFigure]], on db: any Database) async throws {
        for (key, list) in figures {
            try await SpatialPopulationModel.query(on: db).filter(\.$unitKey == key).delete()
            for figure in list {
                try await SpatialPopulationModel(unitKey: key, figure).create(on: db)
            }
        }
    }

    public func dataVersion() async throws -> Int {
        try await DataVersionModel.query(on: database).filter(\.$area == Self.area).first()?.version ?? 0
    }

    static let area = "spatial"

    /// One atomic `version = version + 1`: concurrent writers in several processes never lose an increment,
    /// which would leave caches serving old data.
    static func bumpVersion(area: String = area, on db: any Database) async throws {
        guard let sql = db as? any SQLDatabase else { throw StoreError.corrupt("the database does not speak SQL") }
        try await sql.update(DataVersionFields.schema)
            .set(SQLIdentifier(DataVersionFields.version.description),
                 to: SQLBinaryExpression(SQLIdentifier(DataVersionFields.version.description), .add, SQLLiteral.numeric("1")))
            .where(SQLIdentifier(DataVersionFields.area.description), .equal, SQLBind(area))
            .run()
    }
}
