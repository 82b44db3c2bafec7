import Fluent
import Foundation
import SoplaCore

/// A table of JSON documents with a kind, a label and timestamps: participation and funding records.
protocol DocumentRecordModel: Model where IDValue == UUID {
    var kind: String { get set }
    var document: String { get set }
    var label: String { get set }
    var createdAt: Date { get set }
    var modifiedAt: Date { get set }
}

extension ParticipationModel: DocumentRecordModel {}
extension FundingModel: DocumentRecordModel {}

enum DocumentRecords {
    /// Creates or updates record `id` of `kind` in the caller's transaction, with its audit entry field by field
    /// (`audited` chooses the fields kept there). A record of another kind under the id is refused; `check` sees the
    /// stored record first and may refuse too; `apply` sets the table's own columns. A save that changes neither a
    /// field nor the label of a live record writes nothing; returns whether it wrote.
    @discardableResult
    static func write<M: DocumentRecordModel>(_ type: M.Type, kind: String, id: UUID, document: String, label: String, entity: String, actor: AuditActor, at: Date,
                                               on db: any Database, isLive: (M) -> Bool = { _ in true }, check: (M) throws -> Void = { _ in },
                                               audited: ([String: String]) -> [String: String] = { $0 }, apply: (M) -> Void) async throws -> Bool {
        let existing = try await M.find(id, on: db)
        if let existing, existing.kind != kind { throw StoreError.corrupt("\(id) is a \(existing.kind), not a \(kind)") }
        if let existing { try check(existing) }
        let before = existing.map { isLive($0) ? ParticipationStore.fields($0.document) : [:] } ?? [:]
        let after = ParticipationStore.fields(document)
        if let existing, isLive(existing), before == after, existing.label == label { return false }
        let model = existing ?? M()
        if existing == nil {
            model.id = id
            model.kind = kind
            model.createdAt = at
        }
        apply(model)
        model.document = document
        model.label = label
        model.modifiedAt = at
        try await model.save(on: db)
        try await IndicatorStore.audit(existing == nil ? .create : .update, entity: entity, id: id.uuidString.lowercased(), label: label,
                                       before: audited(before), after: audited(after), actor: actor, at: at, on: db)
        return true
    }
}
