import Foundation
import SoplaCore
import SQLKit

/// Which records an OParl list or sync asks for: creation and change times; deleted records only for a client that
/// syncs (`modifiedSince` given), so it learns what is gone.
public struct SyncWindow: Sendable, Equatable {
    public var createdSince: Date?
    public var createdUntil: Date?
    public var modifiedSince: Date?
    public var modifiedUntil: Date?

    public init(createdSince: Date? = nil, createdUntil: Date? = nil, modifiedSince: Date? = nil, modifiedUntil: Date? = nil) {
        self.createdSince = createdSince
        self.createdUntil = createdUntil
        self.modifiedSince = modifiedSince
        self.modifiedUntil = modifiedUntil
    }

    public var includesDeleted: Bool { modifiedSince != nil }

    /// The window's conditions on the record times of `alias`.
    func condition(_ alias: String) -> SQLQueryString {
        var condition: SQLQueryString = includesDeleted ? "1 = 1" : "\(unsafeRaw: alias).deleted = \(bind: false)"
        if let createdSince { condition = condition + " AND \(unsafeRaw: alias).record_created_at >= \(bind: createdSince)" }
        if let createdUntil { condition = condition + " AND \(unsafeRaw: alias).record_created_at <= \(bind: createdUntil)" }
        if let modifiedSince { condition = condition + " AND \(unsafeRaw: alias).record_modified_at >= \(bind: modifiedSince)" }
        if let modifiedUntil { condition = condition + " AND \(unsafeRaw: alias).record_modified_at <= \(bind: modifiedUntil)" }
        return condition
    }

    /// Whether a record's times and state fall inside the window.
    public func contains(created: Date, modified: Date, deleted: Bool) -> Bool {
        if deleted, !includesDeleted { return false }
        if let createdSince, created < createdSince { return false }
        if let createdUntil, created > createdUntil { return false }
        if let modifiedSince, modified < modifiedSince { return false }
        if let modifiedUntil, modified > modifiedUntil { return false }
        return true
    }
}

/// The public part of participation, as OParl publishes it: public bodies with their memberships and the persons
/// holding them, meetings of public bodies with their public agenda items, public papers of public bodies with their
/// versions. A body that is deleted keeps what it published (its objects say so when they are deleted themselves).
public enum PublicRecords: String, Sendable, CaseIterable {
    case bodies, memberships, persons, meetings, agendaItems, papers, paperVersions

    var kind: ParticipationKind {
        switch self {
        case .bodies: .body
        case .memberships: .membership
        case .persons: .person
        case .meetings: .meeting
        case .agendaItems: .agendaItem
        case .papers: .paper
        case .paperVersions: .paperVersion
        }
    }

    /// The table as `r` with what decides its public part.
    var source: (from: SQLQueryString, condition: SQLQueryString) {
        switch self {
        case .bodies:
            ("FROM bodies r", "r.is_public = \(bind: true)")
        case .memberships:
            ("FROM memberships r JOIN bodies b ON b.id = r.body_id", "b.is_public = \(bind: true)")
        case .persons:
            ("FROM persons r", """
                EXISTS (SELECT 1 FROM memberships m JOIN bodies b ON b.id = m.body_id \
                WHERE m.person_id = r.id AND m.deleted = \(bind: false) AND b.is_public = \(bind: true))
                """)
        case .meetings:
            ("FROM meetings r JOIN bodies b ON b.id = r.body_id", "b.is_public = \(bind: true)")
        case .agendaItems:
            ("FROM agenda_items r JOIN meetings x ON x.id = r.meeting_id JOIN bodies b ON b.id = x.body_id", "b.is_public = \(bind: true) AND r.is_public = \(bind: true)")
        case .papers:
            ("FROM papers r JOIN bodies b ON b.id = r.body_id", "b.is_public = \(bind: true) AND r.is_public = \(bind: true)")
        case .paperVersions:
            ("FROM paper_versions r JOIN papers p ON p.id = r.paper_id JOIN bodies b ON b.id = p.body_id", "b.is_public = \(bind: true) AND p.is_public = \(bind: true)")
        }
    }
}

extension ParticipationStore {
    /// Public records of `list` in the window, oldest first, from `offset` on (at most `limit`); `bodyID` keeps those of one
    /// body (meetings and memberships). With how many there are in all.
    public func publicPage<Value: Codable & Sendable>(_ list: PublicRecords, as type: Value.Type, window: SyncWindow, bodyID: UUID? = nil, offset: Int,
                                                       limit: Int) async throws -> RecordPage<ParticipationRecord<Value>> {
        let sql = try ReportTables.sqlDatabase(database)
        var (from, condition) = list.source
        condition = condition + " AND " + window.condition("r")
        if let bodyID { condition = condition + " AND r.body_id = \(bind: bodyID)" }
        let total = try await sql.raw("SELECT COUNT(*) AS n " + from + " WHERE " + condition).first()?.decode(column: "n", as: Int.self) ?? 0
        guard offset < total, limit > 0 else { return RecordPage(items: [], total: total) }
        let table = ParticipationTables.table(list.kind)
        let rows = try await sql.raw("SELECT r.* " + from + " WHERE " + condition + " ORDER BY r.record_created_at, r.id LIMIT \(bind: limit) OFFSET \(bind: offset)").all()
        return RecordPage(items: try rows.map { try Self.record(try table.row($0), as: type) }, total: total)
    }

    /// Public records of `list` by id (deleted ones too), or those whose `column` (a reference) is one of `ids`;
    /// oldest first.
    public func publicRecords<Value: Codable & Sendable>(_ list: PublicRecords, as type: Value.Type, ids: [UUID], column: String = "id",
                                                          includeDeleted: Bool = true) async throws -> [ParticipationRecord<Value>] {
        guard !ids.isEmpty else { return [] }
        let sql = try ReportTables.sqlDatabase(database)
        var (from, condition) = list.source
        let sorted = ids.sorted { $0.uuidString < $1.uuidString }
        condition = condition + " AND r.\(unsafeRaw: column) IN (\(binds: sorted))"
        if !includeDeleted { condition = condition + " AND r.deleted = \(bind: false)" }
        let table = ParticipationTables.table(list.kind)
        let rows = try await sql.raw("SELECT r.* " + from + " WHERE " + condition + " ORDER BY r.record_created_at, r.id").all()
        return try rows.map { try Self.record(try table.row($0), as: type) }
    }

    /// The earliest creation and the latest change among the public records of `lists` (nil where there are none).
    public func publicSpan(_ lists: [PublicRecords]) async throws -> (created: Date?, modified: Date?) {
        let sql = try ReportTables.sqlDatabase(database)
        var created: Date?, modified: Date?
        for list in lists {
            let (from, condition) = list.source
            guard let row = try await sql.raw("SELECT MIN(r.record_created_at) AS c, MAX(r.record_modified_at) AS m " + from + " WHERE " + condition).first() else { continue }
            if let c = try row.decodeNil(column: "c") ? nil : row.decode(column: "c", as: Date.self) { created = min(created ?? c, c) }
            if let m = try row.decodeNil(column: "m") ? nil : row.decode(column: "m", as: Date.self) { modified = max(modified ?? m, m) }
        }
        return (created, modified)
    }

    /// Live public agenda items that name at least one paper; only those naming one of `papers` when given.
    public func publicAgendaItemsWithPapers(naming papers: [UUID]? = nil) async throws -> [ParticipationRecord<AgendaItem>] {
        let sql = try ReportTables.sqlDatabase(database)
        var (from, condition) = PublicRecords.agendaItems.source
        condition = condition + " AND r.deleted = \(bind: false) AND r.paper_ids <> \(bind: "[]")"
        if let papers {
            guard !papers.isEmpty else { return [] }
            // The list is kept as JSON text: a paper's id stands in it as a quoted string.
            var any: SQLQueryString = "1 = 0"
            for id in papers.sorted(by: { $0.uuidString < $1.uuidString }) {
                any = any + " OR r.paper_ids LIKE \(bind: "%\"" + id.uuidString + "\"%")"
            }
            condition = condition + " AND (" + any + ")"
        }
        let table = ParticipationTables.table(.agendaItem)
        let rows = try await sql.raw("SELECT r.* " + from + " WHERE " + condition + " ORDER BY r.record_created_at, r.id").all()
        return try rows.map { try Self.record(try table.row($0), as: AgendaItem.self) }
    }

    /// The ids of `ids` that are public papers of public bodies (deleted ones too).
    public func publicPaperIDs(among ids: Set<UUID>) async throws -> Set<UUID> {
        guard !ids.isEmpty else { return [] }
        let sql = try ReportTables.sqlDatabase(database)
        let (from, condition) = PublicRecords.papers.source
        let rows = try await sql.raw("SELECT r.id " + from + " WHERE " + condition + " AND r.id IN (\(binds: ids.sorted { $0.uuidString < $1.uuidString }))").all()
        return Set(try rows.map { try $0.decode(column: "id", as: UUID.self) })
    }

    /// The places of meetings of public bodies, each with the first creation and latest change of its meetings.
    public func publicMeetingPlaces() async throws -> [(place: String, created: Date, modified: Date)] {
        let sql = try ReportTables.sqlDatabase(database)
        let (from, condition) = PublicRecords.meetings.source
        let rows = try await sql.raw("""
            SELECT r.location AS place, MIN(r.record_created_at) AS c, MAX(r.record_modified_at) AS m \(from) \
            WHERE \(condition) AND r.location IS NOT NULL GROUP BY r.location ORDER BY r.location
            """).all()
        return try rows.map { (try $0.decode(column: "place", as: String.self), try $0.decode(column: "c", as: Date.self), try $0.decode(column: "m", as: Date.self)) }
    }

    /// Attachments of public papers of public bodies, oldest first.
    public func publicAttachments(papers: [UUID]? = nil) async throws -> [Attachment] {
        let sql = try ReportTables.sqlDatabase(database)
        let (_, condition) = PublicRecords.papers.source
        var query: SQLQueryString = """
            SELECT a.id, a.paper_id, a.file_name, a.media_type, a.size, a.sha1, a.sha512, a.created_at, a.created_by \
            FROM paper_attachments a JOIN papers r ON r.id = a.paper_id JOIN bodies b ON b.id = r.body_id WHERE \(condition)
            """
        if let papers {
            guard !papers.isEmpty else { return [] }
            query = query + " AND a.paper_id IN (\(binds: papers.sorted { $0.uuidString < $1.uuidString }))"
        }
        return try await sql.raw(query + " ORDER BY a.created_at, a.id").all().map { row in
            Attachment(id: try row.decode(column: "id", as: UUID.self), paperID: try row.decode(column: "paper_id", as: UUID.self),
                       fileName: try row.decode(column: "file_name", as: String.self), mediaType: try row.decode(column: "media_type", as: String.self),
                       size: try row.decode(column: "size", as: Int.self), sha1: try row.decode(column: "sha1", as: String.self),
                       sha512: try row.decode(column: "sha512", as: String.self), createdAt: try row.decode(column: "created_at", as: Date.self),
                       createdBy: try row.decode(column: "created_by", as: String.self))
        }
    }
}
