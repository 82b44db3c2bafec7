import Foundation
import SoplaCore
import SoplaRender
import SoplaStore
import Vapor

extension Request {
    /// The names of the records the entries refer to by id, keyed by the lower-case id, and of the areas they name
    /// by key (for `AuditWords`).
    func auditNames(of entries: [AuditEntry]) async throws -> [String: String] {
        let names = try await AuditNames(database: db).names(AuditNames.ids(in: entries))
        var result = Dictionary(uniqueKeysWithValues: names.map { ($0.key.uuidString.lowercased(), $0.value) })
        let mentionsAreas = entries.contains { $0.changes.contains { AuditWords.spatialKeyFields.contains($0.field) } }
        if mentionsAreas {
            for unit in try await spatial.allUnits() { result[unit.key] = unit.name }
        }
        return result
    }
}
