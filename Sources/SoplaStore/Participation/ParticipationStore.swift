import Crypto
import Fluent
import Foundation
import SoplaCore
import SQLKit

/// The kinds of participation records, each stored as a JSON document with its body, creation and change times and a
/// deletion mark (OParl reports deleted objects, so nothing here is removed for good).
public enum ParticipationKind: String, Sendable, CaseIterable {
    case body, person, membership, meeting, agendaItem = "agenda-item", attendance, paper, paperVersion = "paper-version"
    case statementProcess = "statement-process", statement, statementResponse = "statement-response"
    case resolution, measure, milestone, planningProcess = "planning-process"
    case notification
}

enum ParticipationFields {
    static let schema = "participation_records"
    static let kind: FieldKey = "kind"
    static let bodyID: FieldKey = "body_id"
    static let document: FieldKey = "document"
    static let label: FieldKey = "label"
    static let createdAt: FieldKey = "created_at"
    static let modifiedAt: FieldKey = "modified_at"
    static let deleted: FieldKey = "deleted"
}

final class ParticipationModel: Model, @unchecked Sendable {
    static let schema = ParticipationFields.schema
    @ID(key: .id) var id: UUID?
    @Field(key: ParticipationFields.kind) var kind: String
    @OptionalField(key: ParticipationFields.bodyID) var bodyID: UUID?
    @Field(key: ParticipationFields.document) var document: String
    @Field(key: ParticipationFields.label) var label: String
    @Field(key: ParticipationFields.createdAt) var createdAt: Date
    @Field(key: ParticipationFields.modifiedAt) var modifiedAt: Date
    @Field(key: ParticipationFields.deleted) var deleted: Bool

    init() {}
}

struct CreateParticipationRecords: AsyncMigration {
    func prepare(on database: any Database) async throws {
        typealias F = ParticipationFields
        try await database.schema(F.schema).id()
            .field(F.kind, .string, .required).field(F.bodyID, .uuid).field(F.document, .string, .required).field(F.label, .string, .required)
            .field(F.createdAt, .datetime, .required).field(F.modifiedAt, .datetime, .required).field(F.deleted, .bool, .required)
            .create()
        if try await DataVersionModel.query(on: database).filter(\.$area == ParticipationStore.area).first() == nil {
            try await DataVersionModel(area: ParticipationStore.area, version: 0).create(on: database)
        }
    }

    func revert(on database: any Database) async throws {
        try await DataVersionModel.query(on: database).filter(\.$area == ParticipationStore.area).delete()
        try await database.schema(ParticipationFields.schema).delete()
    }
}

/// A stored participation record with its times.
public struct ParticipationRecord<Value: Codable & Sendable>: Sendable {
    public let id: UUID
    public let value: Value
    public let createdAt: Date
    public let modifiedAt: Date
    public let deleted: Bool
}

/// Bodies, people, memberships, meetings, papers, consultations, statements, resolutions and measures. Every change is
/// audited field by field in its transaction; deleting marks the record (its last state stays readable for OParl).
public struct ParticipationStore: Sendable {
    let database: any Database

    public init(database: any Database) {
        self.database = database
    }

    static let area = "participation"

    public func dataVersion() async throws -> Int {
        try await DataVersionModel.query(on: database).filter(\.$area == Self.area).first()?.version ?? 0
    }

    static func encode<Value: Encodable>(_ value: Value) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        encoder.dateEncodingStrategy = .iso8601
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }

    static func decode<Value: Decodable>(_ type: Value.Type, _ text: String) throws -> Value {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        do { return try decoder.decode(type, from: Data(text.utf8)) } catch { throw StoreError.corrupt("participation record: \(error)") }
    }

    /// The top-level fields of a record as text, for the audit log.
    static func fields(_ json: String) -> [String: String] {
        guard let object = (try? JSONSerialization.jsonObject(with: Data(json.utf8))) as? [String: Any] else { return [:] }
        return object.reduce(into: [:]) { result, entry in
            if entry.value is NSNull { return }
            if let text = entry.value as? String { result[entry.key] = text; return }
            if let data = try? JSONSerialization.data(withJSONObject: entry.value, options: [.sortedKeys, .fragmentsAllowed]) {
                result[entry.key] = String(decoding: data, as: UTF8.self)
            }
        }
    }

    /// Creates or updates a record.
    public func save<Value: Codable & Sendable>(_ kind: ParticipationKind, id: UUID, _ value: Value, label: String, bodyID: UUID? = nil,
                                                 actor: AuditActor, at: Date) async throws {
        try await database.transaction { db in
            let sql = try ReportTables.sqlDatabase(db)
            let before = Self.owners[kind] == nil ? nil : try await ParticipationTables.table(kind).row(id: id, on: sql)
            let written = try await RecordWrites.write(value, of: Value.self, in: ParticipationTables.table(kind), id: id, label: label,
                                                       scopes: bodyID.map { [.body: $0] } ?? [:], entity: "participation-" + kind.rawValue,
                                                       actor: actor, at: at, on: db)
            if written {
                try await Self.touchOwners(kind, documents: [before?.json, try RecordWrites.encode(value)].compactMap { $0 }, at: at, on: sql)
                try await FluentSpatialRepository.bumpVersion(area: Self.area, on: db)
            }
        }
    }

    /// OParl embeds memberships in persons, agenda items in meetings, versions and consultations in papers: a change
    /// to one of them changes the record that embeds it (before and after the change), so a client that syncs by
    /// `modified_since` sees it.
    static let owners: [ParticipationKind: [(field: String, table: String)]] = [
        .membership: [("personID", "persons")],
        .agendaItem: [("meetingID", "meetings"), ("paperIDs", "papers")],
        .paperVersion: [("paperID", "papers")],
    ]

    static func touchOwners(_ kind: ParticipationKind, documents: [Data], at: Date, on sql: any SQLDatabase) async throws {
        for (field, table) in owners[kind] ?? [] {
            var ids: Set<UUID> = []
            for data in documents {
                guard let object = (try? JSONSerialization.jsonObject(with: data)) as? [String: Any] else { continue }
                if let text = object[field] as? String, let id = UUID(uuidString: text) { ids.insert(id) }
                if let list = object[field] as? [String] { ids.formUnion(list.compactMap(UUID.init(uuidString:))) }
            }
            try await touch(table, ids: ids, at: at, on: sql)
        }
    }

    static func touch(_ table: String, ids: Set<UUID>, at: Date, on sql: any SQLDatabase) async throws {
        guard !ids.isEmpty else { return }
        try await sql.update(table).set("record_modified_at", to: SQLBind(at))
            .where("id", .in, SQLBind.group(ids.sorted { $0.uuidString < $1.uuidString })).run()
    }

    /// Marks a record deleted (it stays readable as deleted).
    public func delete(_ kind: ParticipationKind, id: UUID, actor: AuditActor, at: Date) async throws {
        try await database.transaction { db in
            let sql = try ReportTables.sqlDatabase(db), table = ParticipationTables.table(kind)
            guard let row = try await table.row(id: id, on: sql), !row.deleted else { throw StoreError.notFound("\(kind.rawValue) \(id)") }
            try await table.markDeleted(id: id, at: at, on: sql)
            try await Self.touchOwners(kind, documents: [row.json], at: at, on: sql)
            try await IndicatorStore.audit(.delete, entity: "participation-" + kind.rawValue, id: id.uuidString.lowercased(), label: row.label,
                                           before: Self.fields(String(decoding: row.json, as: UTF8.self)), after: [:], actor: actor, at: at, on: db)
            try await FluentSpatialRepository.bumpVersion(area: Self.area, on: db)
        }
    }

    /// Every record of a kind (deleted ones only when asked), oldest first.
    public func all<Value: Codable & Sendable>(_ kind: ParticipationKind, as type: Value.Type, includeDeleted: Bool = false,
                                                bodyID: UUID? = nil) async throws -> [ParticipationRecord<Value>] {
        try await ParticipationTables.table(kind).rows(includeDeleted: includeDeleted, scopes: bodyID.map { [.body: $0] } ?? [:],
                                                       on: try ReportTables.sqlDatabase(database)).map { try Self.record($0, as: type) }
    }

    public func one<Value: Codable & Sendable>(_ kind: ParticipationKind, id: UUID, as type: Value.Type) async throws -> ParticipationRecord<Value>? {
        guard let row = try await ParticipationTables.table(kind).row(id: id, on: try ReportTables.sqlDatabase(database)), !row.deleted else { return nil }
        return try Self.record(row, as: type)
    }

    static func record<Value: Codable & Sendable>(_ row: RecordTable.Row, as type: Value.Type) throws -> ParticipationRecord<Value> {
        ParticipationRecord(id: row.id, value: try RecordWrites.decode(type, row), createdAt: row.createdAt, modifiedAt: row.modifiedAt, deleted: row.deleted)
    }

    /// The bodies a user sits in on a day (through the persons linked to the login).
    public func bodies(ofUser userID: UUID, on day: Day) async throws -> Set<UUID> {
        let rows = try await ReportTables.sqlDatabase(database).raw("""
            SELECT m.id FROM memberships m JOIN persons p ON p.id = m.person_id
            WHERE p.user_id = \(bind: userID) AND p.deleted = \(bind: false) AND m.deleted = \(bind: false)
            """).all()
        let ids = try rows.map { try $0.decode(column: "id", as: UUID.self) }
        let memberships = try await ParticipationTables.table(.membership).rows(ids: ids, on: try ReportTables.sqlDatabase(database))
        return Set(try memberships.map { try RecordWrites.decode(Membership.self, $0) }.filter { $0.isActive(on: day) }.map(\.bodyID))
    }
}

enum AttachmentFields {
    static let schema = "paper_attachments"
    static let paperID: FieldKey = "paper_id"
    static let fileName: FieldKey = "file_name"
    static let mediaType: FieldKey = "media_type"
    static let size: FieldKey = "size"
    static let sha1: FieldKey = "sha1"
    static let sha512: FieldKey = "sha512"
    static let content: FieldKey = "content"
    static let createdAt: FieldKey = "created_at"
    static let createdBy: FieldKey = "created_by"
}

final class AttachmentModel: Model, @unchecked Sendable {
    static let schema = AttachmentFields.schema
    @ID(key: .id) var id: UUID?
    @Field(key: AttachmentFields.paperID) var paperID: UUID
    @Field(key: AttachmentFields.fileName) var fileName: String
    @Field(key: AttachmentFields.mediaType) var mediaType: String
    @Field(key: AttachmentFields.size) var size: Int
    @Field(key: AttachmentFields.sha1) var sha1: String
    @Field(key: AttachmentFields.sha512) var sha512: String
    @Field(key: AttachmentFields.content) var content: Data
    @Field(key: AttachmentFields.createdAt) var createdAt: Date
    @Field(key: AttachmentFields.createdBy) var createdBy: String

    init() {}
}

struct CreatePaperAttachments: AsyncMigration {
    func prepare(on database: any Database) async throws {
        typealias F = AttachmentFields
        try await database.schema(F.schema).id()
            .field(F.paperID, .uuid, .required).field(F.fileName, .string, .required).field(F.mediaType, .string, .required).field(F.size, .int, .required)
            .field(F.sha1, .string, .required).field(F.sha512, .string, .required).field(F.content, .data, .required)
            .field(F.createdAt, .datetime, .required).field(F.createdBy, .string, .required).create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(AttachmentFields.schema).delete()
    }
}

/// An attachment of a paper, without its bytes.
public struct Attachment: Sendable, Hashable {
    public let id: UUID
    public let paperID: UUID
    public let fileName: String
    public let mediaType: String
    public let size: Int
    public let sha1: String
    public let sha512: String
    public let createdAt: Date
    public let createdBy: String

    public init(id: UUID, paperID: UUID, fileName: String, mediaType: String, size: Int, sha1: String, sha512: String, createdAt: Date, createdBy: String) {
        self.id = id
        self.paperID = paperID
        self.fileName = fileName
        self.mediaType = mediaType
        self.size = size
        self.sha1 = sha1
        self.sha512 = sha512
        self.createdAt = createdAt
        self.createdBy = createdBy
    }

    /// An attachment record for checked bytes, with the SHA-1 and SHA-512 checksums OParl publishes.
    public init(_ data: Data, paperID: UUID, fileName: String, mediaType: String, at: Date, by actor: AuditActor) {
        self.init(id: UUID(), paperID: paperID, fileName: fileName, mediaType: mediaType, size: data.count,
                  sha1: Checksums.sha1(data), sha512: Checksums.sha512(data), createdAt: at, createdBy: actor.label)
    }
}

/// Checksums as lower-case hexadecimal text, as OParl publishes them.
public enum Checksums {
    public static func sha1(_ data: Data) -> String { hex(Insecure.SHA1.hash(data: data)) }
    public static func sha512(_ data: Data) -> String { hex(SHA512.hash(data: data)) }
    public static func sha1Bytes(_ data: Data) -> [UInt8] { Array(Insecure.SHA1.hash(data: data)) }

    static func hex(_ bytes: some Sequence<UInt8>) -> String { bytes.map { String(format: "%02x", $0) }.joined() }
}

extension ParticipationStore {
    public func attachments(paperID: UUID? = nil) async throws -> [Attachment] {
        var query = AttachmentModel.query(on: database).field(\.$id).field(\.$paperID).field(\.$fileName).field(\.$mediaType).field(\.$size).field(\.$sha1)
            .field(\.$sha512).field(\.$createdAt).field(\.$createdBy)
        if let paperID { query = query.filter(\.$paperID == paperID) }
        return try await query.sort(\.$createdAt).all().map {
            Attachment(id: $0.id!, paperID: $0.paperID, fileName: $0.fileName, mediaType: $0.mediaType, size: $0.size, sha1: $0.sha1, sha512: $0.sha512,
                       createdAt: $0.createdAt, createdBy: $0.createdBy)
        }
    }

    public func attachmentContent(id: UUID) async throws -> (Attachment, Data)? {
        guard let m = try await AttachmentModel.find(id, on: database) else { return nil }
        return (Attachment(id: id, paperID: m.paperID, fileName: m.fileName, mediaType: m.mediaType, size: m.size, sha1: m.sha1, sha512: m.sha512,
                           createdAt: m.createdAt, createdBy: m.createdBy), m.content)
    }

    public func addAttachment(_ attachment: Attachment, content: Data, actor: AuditActor) async throws {
        try await database.transaction { db in
            let m = AttachmentModel()
            m.id = attachment.id
            m.paperID = attachment.paperID
            m.fileName = attachment.fileName
            m.mediaType = attachment.mediaType
            m.size = attachment.size
            m.sha1 = attachment.sha1
            m.sha512 = attachment.sha512
            m.content = content
            m.createdAt = attachment.createdAt
            m.createdBy = attachment.createdBy
            try await m.create(on: db)
            try await Self.touch(ParticipationTables.table(.paper).name, ids: [attachment.paperID], at: attachment.createdAt, on: try ReportTables.sqlDatabase(db))
            try await IndicatorStore.audit(.create, entity: "participation-attachment", id: attachment.id.uuidString.lowercased(), label: attachment.fileName,
                                           before: [:], after: ["paper": attachment.paperID.uuidString.lowercased(), "size": String(attachment.size), "sha1": attachment.sha1],
                                           actor: actor, at: attachment.createdAt, on: db)
            try await FluentSpatialRepository.bumpVersion(area: Self.area, on: db)
        }
    }
}
