import Foundation
import SoplaCore
import SoplaStore
import Vapor

extension Request {
    /// The names of the records the entries refer to by id, keyed by the lower-case id (for `AuditWords`).
    func auditNames(of entries: [AuditEntry]) async throws -> [String: String] {
        let names = try await AuditNames(database: db).names(AuditNames.ids(in: entries))
        return Dictionary(uniqueKeysWithValues: names.map { ($0.key.uuidString.lowercased(), $0.value) })
    }
}
