import Fluent
import Foundation
import SoplaCore
import SQLKit

/// Moves participation and funding records from the document tables `participation_records` and `funding_records`
/// into a table per kind (`ParticipationTables`, `FundingTables`), keeping ids, labels, times, deletion marks, bodies,
/// organisations and parents, and drops the document tables. A document of an unknown kind, without a field its
/// table requires, or naming a record that does not exist stops the migration with a message and leaves the
/// documents untouched. Reverting writes the documents back.
struct MoveRecordsToTables: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.transaction { db in
            let sql = try ReportTables.sqlDatabase(db)
            for table in ParticipationTables.ordered + FundingTables.ordered { try await table.create(on: db) }
            let participation = try await ParticipationModel.query(on: db).sort(\.$createdAt).sort(\.$id).all()
            try Self.refuseUnknownKinds(participation.map(\.kind), known: ParticipationTables.ordered)
            for table in ParticipationTables.ordered {
                for model in Self.parentsFirst(participation.filter { $0.kind == table.kind }, id: { $0.id! }, document: \.document) {
                    try await Self.move(model.id!, model.document, into: table, label: model.label, scopes: model.bodyID.map { [.body: $0] } ?? [:],
                                        createdAt: model.createdAt, modifiedAt: model.modifiedAt, deleted: model.deleted, on: sql)
                }
            }
            let funding = try await FundingModel.query(on: db).sort(\.$createdAt).sort(\.$id).all()
            try Self.refuseUnknownKinds(funding.map(\.kind), known: FundingTables.ordered)
            for table in FundingTables.ordered {
                for model in funding where model.kind == table.kind {
                    var scopes: [RecordScope: UUID] = [:]
                    scopes[.organisation] = model.organisationID
                    scopes[.parent] = model.parentID
                    try await Self.move(model.id!, model.document, into: table, label: model.label, scopes: scopes, createdAt: model.createdAt,
                                        modifiedAt: model.modifiedAt, deleted: false, on: sql)
                }
            }
            try await db.schema(ParticipationFields.schema).delete()
            try await db.schema(FundingFields.schema).delete()
        }
    }

    func revert(on database: any Database) async throws {
        try await database.transaction { db in
            let sql = try ReportTables.sqlDatabase(db)
            try await Self.createDocumentTables(on: db)
            for table in ParticipationTables.ordered {
                for row in try await table.rows(on: sql) {
                    let model = ParticipationModel()
                    model.id = row.id
                    model.kind = table.kind
                    model.bodyID = row.scopes[.body]
                    model.document = String(decoding: row.json, as: UTF8.self)
                    model.label = row.label
                    model.createdAt = row.createdAt
                    model.modifiedAt = row.modifiedAt
                    model.deleted = row.deleted
                    try await model.create(on: db)
                }
            }
            for table in FundingTables.ordered {
                for row in try await table.rows(on: sql) {
                    let model = FundingModel()
                    model.id = row.id
                    model.kind = table.kind
                    model.organisationID = row.scopes[.organisation]
                    model.parentID = row.scopes[.parent]
                    model.document = String(decoding: row.json, as: UTF8.self)
                    model.label = row.label
                    model.createdAt = row.createdAt
                    model.modifiedAt = row.modifiedAt
                    try await model.create(on: db)
                }
            }
            for table in (ParticipationTables.ordered + FundingTables.ordered).reversed() { try await table.drop(on: db) }
        }
    }

    /// The document tables as they were before the move.
    static func createDocumentTables(on db: any Database) async throws {
        typealias P = ParticipationFields
        try await db.schema(P.schema).id()
            .field(P.kind, .string, .required).field(P.bodyID, .uuid).field(P.document, .string, .required).field(P.label, .string, .required)
            .field(P.createdAt, .datetime, .required).field(P.modifiedAt, .datetime, .required).field(P.deleted, .bool, .required)
            .create()
        typealias F = FundingFields
        try await db.schema(F.schema).id()
            .field(F.kind, .string, .required).field(F.organisationID, .uuid).field(F.parentID, .uuid).field(F.document, .string, .required)
            .field(F.label, .string, .required).field(F.createdAt, .datetime, .required).field(F.modifiedAt, .datetime, .required)
            .create()
        try await ReportTables.sqlDatabase(db).raw("CREATE INDEX funding_records_kind ON funding_records (kind, parent_id)").run()
    }

    static func refuseUnknownKinds(_ kinds: [String], known: [RecordTable]) throws {
        let names = Set(known.map(\.kind))
        if let unknown = kinds.first(where: { !names.contains($0) }) { throw StoreError.corrupt("a record of the unknown kind \(unknown) cannot be moved") }
    }

    /// Records whose `parentID` names another record of the same kind come after it (bodies, measures).
    static func parentsFirst<M>(_ models: [M], id: (M) -> UUID, document: (M) -> String) -> [M] {
        let parents = models.map { model -> UUID? in
            let object = (try? JSONSerialization.jsonObject(with: Data(document(model).utf8))) as? [String: Any]
            return (object?["parentID"] as? String).flatMap(UUID.init(uuidString:))
        }
        let ids = Set(models.map(id))
        var placed = Set<UUID>(), result: [M] = [], pending = Array(zip(models, parents))
        while !pending.isEmpty {
            let before = pending.count
            pending = pending.filter { model, parent in
                guard let parent, ids.contains(parent), !placed.contains(parent) else {
                    result.append(model)
                    placed.insert(id(model))
                    return false
                }
                return true
            }
            if pending.count == before { result += pending.map(\.0); break }
        }
        return result
    }

    static func move(_ id: UUID, _ document: String, into table: RecordTable, label: String, scopes: [RecordScope: UUID], createdAt: Date,
                     modifiedAt: Date, deleted: Bool, on sql: any SQLDatabase) async throws {
        do {
            try await table.insert(Data(document.utf8), id: id, label: label, scopes: scopes, createdAt: createdAt, modifiedAt: modifiedAt,
                                   deleted: deleted, tolerant: true, on: sql)
        } catch let error as StoreError {
            throw error
        } catch {
            throw StoreError.corrupt("\(table.kind) \(id.uuidString.lowercased()) cannot be moved into \(table.name): \(String(reflecting: error))")
        }
    }
}
