import Fluent
import FluentSQL
import Foundation
import SQLKit
import SoplaCore

/// Releasing an import makes its values public; withdrawing the release falls back, per value, to the previous
/// released revision. Both are set-based over the import's values and audited in the same transaction.
extension IndicatorStore {
    /// Releases a run's values. The caller has checked the run (`ImportRelease.checkRelease`); here only the state
    /// is checked again inside the transaction, so two planners releasing at once write one release.
    public func release(runID: UUID, reason: String?, actor: AuditActor, at: Date) async throws -> ImportRun {
        try await database.transaction { db in
            guard let model = try await ImportRunModel.find(runID, on: db) else { throw IndicatorStoreError.notFound }
            let before = Self.domain(model)
            guard before.storedValues else { throw ImportRelease.Refusal.nothingToRelease }
            guard before.release.state != .released else { throw ImportRelease.Refusal.alreadyReleased }
            model.releasedAt = at
            model.releasedBy = actor.label
            model.releaseReason = ImportRelease.clean(reason)
            model.withdrawnAt = nil
            model.withdrawnBy = nil
            model.withdrawalReason = nil
            try await model.update(on: db)
            try await Self.choosePublicRevisions(of: runID, on: db)
            let after = Self.domain(model)
            try await Self.audit(.releaseData, entity: AuditEntity.dataImport, id: runID.uuidString, label: before.fileName,
                                 before: before.release.auditFields, after: after.release.auditFields, actor: actor, at: at, on: db)
            try await FluentSpatialRepository.bumpVersion(area: Self.area, on: db)
            return after
        }
    }

    /// Withdraws a run's release: its values are no longer public; each falls back to its previous released revision.
    public func withdraw(runID: UUID, reason: String, actor: AuditActor, at: Date) async throws -> ImportRun {
        try await database.transaction { db in
            guard let model = try await ImportRunModel.find(runID, on: db) else { throw IndicatorStoreError.notFound }
            let before = Self.domain(model)
            guard before.release.state == .released else { throw ImportRelease.Refusal.notReleased }
            guard let reason = ImportRelease.clean(reason) else { throw ImportRelease.Refusal.withdrawalReasonRequired }
            model.withdrawnAt = at
            model.withdrawnBy = actor.label
            model.withdrawalReason = reason
            try await model.update(on: db)
            try await Self.choosePublicRevisions(of: runID, on: db)
            let after = Self.domain(model)
            try await Self.audit(.withdrawRelease, entity: AuditEntity.dataImport, id: runID.uuidString, label: before.fileName,
                                 before: before.release.auditFields, after: after.release.auditFields, actor: actor, at: at, on: db)
            try await FluentSpatialRepository.bumpVersion(area: Self.area, on: db)
            return after
        }
    }

    /// How many values of a run are public now (its revision is the released one of their key).
    public func publicCount(runID: UUID) async throws -> Int {
        typealias F = ObservationFields
        return try await sql.select().column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n").from(F.schema)
            .where(SQLIdentifier(F.importID), .equal, SQLBind(runID))
            .where(SQLIdentifier(F.isPublic), .equal, SQLBind(true)).first()?.decode(column: "n", as: Int.self) ?? 0
    }

    /// For every key the run wrote, marks as public the newest revision whose import is released (no run, or released
    /// and not withdrawn) and no other. Driven by the run's own values through the index on `import_id`.
    static func choosePublicRevisions(of runID: UUID, on db: any Database) async throws {
        guard let sql = db as? any SQLDatabase else { throw StoreError.corrupt("the database does not speak SQL") }
        typealias F = ObservationFields
        typealias R = ImportRunFields
        let o = F.schema
        let sameKey = [F.variable, F.unitKey, F.referenceDate, F.breakdown].map { "o.\($0) = \(o).\($0)" }.joined(separator: " AND ")
        let runKey = [F.variable, F.unitKey, F.referenceDate, F.breakdown].map { "\(o).\($0) = k.\($0)" }.joined(separator: " AND ")
        let released = "(r.id IS NULL OR (r.\(R.releasedAt.description) IS NOT NULL AND r.\(R.withdrawnAt.description) IS NULL))"
        try await sql.raw("""
            UPDATE \(unsafeRaw: o) SET \(unsafeRaw: F.isPublic) = (\(unsafeRaw: o).\(unsafeRaw: F.revision) = COALESCE((
                SELECT MAX(o.\(unsafeRaw: F.revision)) FROM \(unsafeRaw: o) o LEFT JOIN \(unsafeRaw: R.schema) r ON r.id = o.\(unsafeRaw: F.importID)
                WHERE \(unsafeRaw: sameKey) AND \(unsafeRaw: released)), 0))
            FROM (SELECT DISTINCT \(unsafeRaw: F.variable), \(unsafeRaw: F.unitKey), \(unsafeRaw: F.referenceDate), \(unsafeRaw: F.breakdown)
                  FROM \(unsafeRaw: o) WHERE \(unsafeRaw: F.importID) = \(bind: runID)) k
            WHERE \(unsafeRaw: runKey)
            """).run()
    }
}

extension ImportRelease {
    /// The fields the audit log shows for a release or withdrawal.
    var auditFields: [String: String] {
        var fields: [String: String] = ["state": state.rawValue]
        fields["releaseReason"] = releaseReason
        fields["withdrawalReason"] = withdrawalReason
        return fields
    }
}

extension IndicatorStore {
    /// Keeps a computed series (a social index) with its variable and indicator: all together or nothing. The values
    /// go through staging like an import, so revisions and the audit log read as for any other data.
    public func saveComputedSeries(variable: Variable, indicator: Indicator, observations: [Observation], label: String, actor: AuditActor, at now: Date) async throws {
        try await database.transaction { db in
            let store = IndicatorStore(database: db)
            try await store.save(variable, actor: actor, at: now)
            try await store.save(indicator, actor: actor, at: now)
            let runID = UUID()
            try await store.stage(importID: runID, observations)
            _ = try await store.commitStaged(importID: runID, dryRun: false, at: now) { outcome in
                AuditEntry(id: UUID(), at: now, actor: actor, action: .importData, entityType: AuditEntity.dataImport, entityID: runID.uuidString, entityLabel: label,
                           changes: [FieldChange(field: "inserted", before: nil, after: String(outcome.inserted)),
                                     FieldChange(field: "revised", before: nil, after: String(outcome.revised))])
            }
        }
    }
}
