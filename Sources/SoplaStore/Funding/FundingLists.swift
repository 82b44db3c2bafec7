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
        if let matching = try await matching(search, text: "LOWER(a.reference)", on: sql) { condition = condition + " AND " + matching }
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

    /// The condition of a list's search on `a`: `text` (a trusted column expression) contains `search`, or the
    /// record's organisation's name does (compared as the lists compare: case and accents aside); nil without a search.
    func matching(_ search: String?, text: String, on sql: any SQLDatabase) async throws -> SQLQueryString? {
        guard let search = search?.trimmingCharacters(in: .whitespaces), !search.isEmpty else { return nil }
        let term = SpatialUnitListing.normalise(search)
        let organisations = try await sql.raw("SELECT id, name FROM organisations").all().filter {
            SpatialUnitListing.normalise(try $0.decode(column: "name", as: String.self)).contains(term)
        }.map { try $0.decode(column: "id", as: UUID.self) }
        let own: SQLQueryString = "\(unsafeRaw: text) LIKE \(bind: RecordTable.searchPattern(search)) ESCAPE '\\'"
        return "(" + (organisations.isEmpty ? own : own + " OR a.organisation_id IN (\(binds: organisations))") + ")"
    }

    /// A page of applications, optionally of one programme and state, whose title — or whose organisation's name —
    /// contains `search`; sorted in the database, ties by year and title (newest first by default).
    public func applications(programmeID: UUID? = nil, state: ApplicationState? = nil, search: String? = nil, order: ApplicationOrder = .year,
                             descending: Bool = true, page: Int = 1, perPage: Int = 50) async throws -> RecordPage<FundingApplication> {
        let sql = try Self.sql(database)
        var condition: SQLQueryString = "1 = 1"
        if let programmeID { condition = condition + " AND a.programme_id = \(bind: programmeID)" }
        if let state { condition = condition + " AND a.state = \(bind: state.rawValue)" }
        if let matching = try await matching(search, text: "a.search_text", on: sql) { condition = condition + " AND " + matching }
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
