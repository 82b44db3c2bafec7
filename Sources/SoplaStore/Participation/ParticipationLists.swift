import Foundation
import SoplaCore
import SQLKit

/// What the paper list sorts by.
public enum PaperOrder: String, Sendable, CaseIterable {
    case date, reference, title, body
}

extension ParticipationStore {
    /// One page of the live records of a kind in creation order, optionally of one body, and how many there are.
    public func page<Value: Codable & Sendable>(_ kind: ParticipationKind, as type: Value.Type, bodyID: UUID? = nil, page: Int,
                                                 perPage: Int) async throws -> RecordPage<ParticipationRecord<Value>> {
        let result = try await ParticipationTables.table(kind).page(scopes: bodyID.map { [.body: $0] } ?? [:], page: page, perPage: perPage,
                                                                    on: try ReportTables.sqlDatabase(database))
        return RecordPage(items: try result.rows.map { try Self.record($0, as: type) }, total: result.total)
    }

    /// A page of the papers a reader may see — public ones of public bodies, and those of `readableBodies` — of bodies that exist,
    /// optionally only those whose reference or title contains `search` or those of `ids`; sorted in the database,
    /// ties by reference.
    public func papers(readableBodies: Set<UUID>, search: String? = nil, ids: Set<UUID>? = nil, order: PaperOrder = .date, descending: Bool = true,
                       page: Int = 1, perPage: Int = 50) async throws -> RecordPage<(record: ParticipationRecord<Paper>, bodyID: UUID)> {
        let sql = try ReportTables.sqlDatabase(database)
        let table = ParticipationTables.table(.paper)
        var condition: SQLQueryString = "p.deleted = \(bind: false) AND b.deleted = \(bind: false)"
        let readable = readableBodies.sorted { $0.uuidString < $1.uuidString }
        // A public paper of an internal body stays with that body's members: it would tell of the body.
        condition = readable.isEmpty ? condition + " AND p.is_public = \(bind: true) AND b.is_public = \(bind: true)"
            : condition + " AND ((p.is_public = \(bind: true) AND b.is_public = \(bind: true)) OR p.body_id IN (\(binds: readable)))"
        if let search = search?.trimmingCharacters(in: .whitespaces), !search.isEmpty {
            condition = condition + " AND p.search_text LIKE \(bind: RecordTable.searchPattern(search)) ESCAPE '\\'"
        }
        if let ids {
            guard !ids.isEmpty else { return RecordPage(items: [], total: 0) }
            condition = condition + " AND p.id IN (\(binds: ids.sorted { $0.uuidString < $1.uuidString }))"
        }
        let direction = descending ? "DESC" : "ASC"
        let column: String
        switch order {
        case .date: column = "p.\"date\""
        case .reference: column = "p.reference"
        case .title: column = "p.sort_title"
        case .body: column = "b.sort_name"
        }
        let (rows, total) = try await table.page(alias: "p", from: "FROM papers p JOIN bodies b ON b.id = p.body_id", condition: condition,
                                                 order: "\(column) \(direction), p.reference \(direction), p.id", page: page, perPage: perPage, on: sql)
        let items = try rows.map { stored -> (record: ParticipationRecord<Paper>, bodyID: UUID) in
            (try Self.record(stored, as: Paper.self), stored.scopes[.body]!)
        }
        return RecordPage(items: items, total: total)
    }

    /// A page of the live meetings of a body, latest first, and how many there are.
    public func meetings(bodyID: UUID, page: Int = 1, perPage: Int = 20) async throws -> RecordPage<ParticipationRecord<Meeting>> {
        let (rows, total) = try await ParticipationTables.table(.meeting).page(
            alias: "m", from: "FROM meetings m", condition: "m.body_id = \(bind: bodyID) AND m.deleted = \(bind: false)", order: "m.start DESC, m.id",
            page: page, perPage: perPage, on: try ReportTables.sqlDatabase(database))
        return RecordPage(items: try rows.map { try Self.record($0, as: Meeting.self) }, total: total)
    }
}
