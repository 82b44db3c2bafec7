import Foundation
import SoplaCore
import SQLKit

/// What the paper list sorts by.
public enum PaperOrder: String, Sendable, CaseIterable {
    case date, reference, title, body
}

/// A page of a list and how many items the whole list has.
public struct RecordPage<Item: Sendable>: Sendable {
    public let items: [Item]
    public let total: Int
}

extension ParticipationStore {
    /// One page of the live records of a kind in creation order, optionally of one body, and how many there are.
    public func page<Value: Codable & Sendable>(_ kind: ParticipationKind, as type: Value.Type, bodyID: UUID? = nil, page: Int,
                                                 perPage: Int) async throws -> RecordPage<ParticipationRecord<Value>> {
        let result = try await ParticipationTables.table(kind).page(scopes: bodyID.map { [.body: $0] } ?? [:], page: page, perPage: perPage,
                                                                    on: try ReportTables.sqlDatabase(database))
        return RecordPage(items: try result.rows.map { try Self.record($0, as: type) }, total: result.total)
    }

    /// A page of the papers a reader may see — public ones, and those of `readableBodies` — of bodies that exist,
    /// optionally only those whose reference or title contains `search` or those of `ids`; sorted in the database,
    /// ties by reference.
    public func papers(readableBodies: Set<UUID>, search: String? = nil, ids: Set<UUID>? = nil, order: PaperOrder = .date, descending: Bool = true,
                       page: Int = 1, perPage: Int = 50) async throws -> RecordPage<(record: ParticipationRecord<Paper>, bodyID: UUID)> {
        let sql = try ReportTables.sqlDatabase(database)
        let table = ParticipationTables.table(.paper)
        var condition: SQLQueryString = "p.deleted = \(bind: false) AND b.deleted = \(bind: false)"
        let readable = readableBodies.sorted { $0.uuidString < $1.uuidString }
        condition = readable.isEmpty ? condition + " AND p.is_public = \(bind: true)"
            : condition + " AND (p.is_public = \(bind: true) OR p.body_id IN (\(binds: readable)))"
        if let search = search?.trimmingCharacters(in: .whitespaces), !search.isEmpty {
            condition = condition + " AND p.search_text LIKE \(bind: RecordTable.searchPattern(search)) ESCAPE '\\'"
        }
        if let ids {
            guard !ids.isEmpty else { return RecordPage(items: [], total: 0) }
            condition = condition + " AND p.id IN (\(binds: ids.sorted { $0.uuidString < $1.uuidString }))"
        }
        let from: SQLQueryString = "FROM papers p JOIN bodies b ON b.id = p.body_id WHERE "
        let total = try await sql.raw("SELECT COUNT(*) AS n " + from + condition).first()?.decode(column: "n", as: Int.self) ?? 0
        let direction = descending ? "DESC" : "ASC"
        let column: String
        switch order {
        case .date: column = "p.\"date\""
        case .reference: column = "p.reference"
        case .title: column = "p.sort_title"
        case .body: column = "b.sort_name"
        }
        let (offset, overflow) = (max(1, page) - 1).multipliedReportingOverflow(by: max(1, perPage))
        guard !overflow else { return RecordPage(items: [], total: total) }
        let rows = try await sql.raw("SELECT p.* " + from + condition
                                     + " ORDER BY \(unsafeRaw: column) \(unsafeRaw: direction), p.reference \(unsafeRaw: direction), p.id LIMIT \(bind: max(1, perPage)) OFFSET \(bind: offset)").all()
        let items = try rows.map { row -> (record: ParticipationRecord<Paper>, bodyID: UUID) in
            let stored = try table.row(row)
            return (try Self.record(stored, as: Paper.self), stored.scopes[.body]!)
        }
        return RecordPage(items: items, total: total)
    }
}

/// What the application list sorts by.
public enum ApplicationOrder: String, Sendable, CaseIterable {
    case year, title, organisation, requested, state
}

extension FundingStore {
    /// A page of applications, optionally of one programme and state, whose title — or whose organisation's name —
    /// contains `search`; sorted in the database, ties by year and title (newest first by default).
    public func applications(programmeID: UUID? = nil, state: ApplicationState? = nil, search: String? = nil, order: ApplicationOrder = .year,
                             descending: Bool = true, page: Int = 1, perPage: Int = 50) async throws -> RecordPage<FundingApplication> {
        let sql = try Self.sql(database)
        var condition: SQLQueryString = "1 = 1"
        if let programmeID { condition = condition + " AND a.programme_id = \(bind: programmeID)" }
        if let state { condition = condition + " AND a.state = \(bind: state.rawValue)" }
        if let search = search?.trimmingCharacters(in: .whitespaces), !search.isEmpty {
            let term = SpatialUnitListing.normalise(search)
            let organisations = try await sql.raw("SELECT id, name FROM organisations").all().filter {
                SpatialUnitListing.normalise(try $0.decode(column: "name", as: String.self)).contains(term)
            }.map { try $0.decode(column: "id", as: UUID.self) }
            let title: SQLQueryString = "a.search_text LIKE \(bind: RecordTable.searchPattern(search)) ESCAPE '\\'"
            condition = condition + " AND (" + (organisations.isEmpty ? title : title + " OR a.organisation_id IN (\(binds: organisations))") + ")"
        }
        let from: SQLQueryString = "FROM funding_applications a LEFT JOIN organisations o ON o.id = a.organisation_id WHERE "
        let total = try await sql.raw("SELECT COUNT(*) AS n " + from + condition).first()?.decode(column: "n", as: Int.self) ?? 0
        let direction = descending ? "DESC" : "ASC"
        let column: String
        switch order {
        case .year: column = "a.year"
        case .title: column = "a.sort_title"
        case .organisation: column = "LOWER(o.name)"
        case .requested: column = "a.requested_cents"
        // In the order an application passes through its states.
        case .state: column = "CASE a.state " + ApplicationState.allCases.enumerated().map { "WHEN '\($0.element.rawValue)' THEN \($0.offset)" }.joined(separator: " ") + " END"
        }
        let (offset, overflow) = (max(1, page) - 1).multipliedReportingOverflow(by: max(1, perPage))
        guard !overflow else { return RecordPage(items: [], total: total) }
        let rows = try await sql.raw("SELECT a.* " + from + condition + """
             ORDER BY \(unsafeRaw: column) \(unsafeRaw: direction), a.year \(unsafeRaw: direction), a.sort_title \(unsafeRaw: direction), a.id \
            LIMIT \(bind: max(1, perPage)) OFFSET \(bind: offset)
            """).all()
        let table = FundingTables.table(.application)
        return RecordPage(items: try rows.map { try RecordWrites.decode(FundingApplication.self, try table.row($0)) }, total: total)
    }
}
