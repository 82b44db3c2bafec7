import Foundation
import SoplaCore
import SQLKit

/// What the application list sorts by.
public enum ApplicationOrder: String, Sendable, CaseIterable {
    case year, title, organisation, requested, state
}

/// What the agreement list sorts by.
public enum AgreementOrder: String, Sendable, CaseIterable {
    case reference, organisation, programme, start
}

extension FundingStore {
    /// A page of grant agreements, optionally of one programme, whose file number — or whose organisation's name —
    /// contains `search`; sorted in the database, ties by file number.
    public func agreements(programmeID: UUID? = nil, search: String? = nil, order: AgreementOrder = .reference, descending: Bool = false, page: Int = 1,
                           perPage: Int = 50) async throws -> RecordPage<GrantAgreement> {
        let sql = try Self.sql(database)
        var condition: SQLQueryString = "1 = 1"
        if let programmeID { condition = condition + " AND a.programme_id = \(bind: programmeID)" }
        if let search = search?.trimmingCharacters(in: .whitespaces), !search.isEmpty {
            let organisations = try await organisationIDs(matching: search, on: sql)
            let reference: SQLQueryString = "LOWER(a.reference) LIKE \(bind: RecordTable.searchPattern(search)) ESCAPE '\\'"
            condition = condition + " AND (" + (organisations.isEmpty ? reference : reference + " OR a.organisation_id IN (\(binds: organisations))") + ")"
        }
        let direction = descending ? "DESC" : "ASC"
        let column: String
        switch order {
        case .reference: column = "LOWER(a.reference)"
        case .organisation: column = "LOWER(o.name)"
        case .programme: column = "LOWER(p.name)"
        case .start: column = "a.start"
        }
        let (rows, total) = try await FundingTables.table(.agreement).page(
            alias: "a", from: "FROM funding_agreements a LEFT JOIN organisations o ON o.id = a.organisation_id LEFT JOIN funding_programmes p ON p.id = a.programme_id",
            condition: condition, order: "\(column) \(direction), LOWER(a.reference) \(direction), a.id", page: page, perPage: perPage, on: sql)
        return RecordPage(items: try rows.map { try RecordWrites.decode(GrantAgreement.self, $0) }, total: total)
    }

    /// The organisations whose name contains `search` (compared as the lists compare: case and accents aside).
    func organisationIDs(matching search: String, on sql: any SQLDatabase) async throws -> [UUID] {
        let term = SpatialUnitListing.normalise(search)
        return try await sql.raw("SELECT id, name FROM organisations").all().filter {
            SpatialUnitListing.normalise(try $0.decode(column: "name", as: String.self)).contains(term)
        }.map { try $0.decode(column: "id", as: UUID.self) }
    }

    /// A page of applications, optionally of one programme and state, whose title — or whose organisation's name —
    /// contains `search`; sorted in the database, ties by year and title (newest first by default).
    public func applications(programmeID: UUID? = nil, state: ApplicationState? = nil, search: String? = nil, order: ApplicationOrder = .year,
                             descending: Bool = true, page: Int = 1, perPage: Int = 50) async throws -> RecordPage<FundingApplication> {
        let sql = try Self.sql(database)
        var condition: SQLQueryString = "1 = 1"
        if let programmeID { condition = condition + " AND a.programme_id = \(bind: programmeID)" }
        if let state { condition = condition + " AND a.state = \(bind: state.rawValue)" }
        if let search = search?.trimmingCharacters(in: .whitespaces), !search.isEmpty {
            let organisations = try await organisationIDs(matching: search, on: sql)
            let title: SQLQueryString = "a.search_text LIKE \(bind: RecordTable.searchPattern(search)) ESCAPE '\\'"
            condition = condition + " AND (" + (organisations.isEmpty ? title : title + " OR a.organisation_id IN (\(binds: organisations))") + ")"
        }
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
        let table = FundingTables.table(.application)
        let (rows, total) = try await table.page(alias: "a", from: "FROM funding_applications a LEFT JOIN organisations o ON o.id = a.organisation_id",
                                                 condition: condition, order: "\(column) \(direction), a.year \(direction), a.sort_title \(direction), a.id",
                                                 page: page, perPage: perPage, on: sql)
        return RecordPage(items: try rows.map { try RecordWrites.decode(FundingApplication.self, $0) }, total: total)
    }
}
