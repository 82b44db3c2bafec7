import Fluent
import Foundation
import SoplaCore
import SQLKit

/// What the funding store keeps as documents.
public enum FundingKind: String, Sendable, CaseIterable {
    case programme, application, review, agreement, drawdown, proof, dialogue, conflict
}

enum FundingFields {
    static let schema = "funding_records"
    static let kind: FieldKey = "kind"
    static let organisationID: FieldKey = "organisation_id"
    static let parentID: FieldKey = "parent_id"
    static let document: FieldKey = "document"
    static let label: FieldKey = "label"
    static let createdAt: FieldKey = "created_at"
    static let modifiedAt: FieldKey = "modified_at"

    static let budgetSchema = "funding_budget_lines"
    static let agreementYearSchema = "funding_agreement_years"
    static let attachmentSchema = "funding_attachments"
}

final class FundingAttachmentModel: Model, @unchecked Sendable {
    static let schema = FundingFields.attachmentSchema
    @ID(key: .id) var id: UUID?
    @Field(key: "application_id") var applicationID: UUID
    @Field(key: "item_id") var itemID: UUID
    @Field(key: "file_name") var fileName: String
    @Field(key: "media_type") var mediaType: String
    @Field(key: "size") var size: Int
    @Field(key: "sha256") var sha256: String
    @Field(key: "content") var content: Data
    @Field(key: "created_at") var createdAt: Date
    @Field(key: "created_by") var createdBy: String

    init() {}

    var attachment: FundingAttachment {
        FundingAttachment(id: id!, applicationID: applicationID, itemID: itemID, fileName: fileName, mediaType: mediaType, size: size, sha256: sha256,
                          createdAt: createdAt, createdBy: createdBy)
    }
}

final class FundingModel: Model, @unchecked Sendable {
    static let schema = FundingFields.schema
    @ID(key: .id) var id: UUID?
    @Field(key: FundingFields.kind) var kind: String
    @OptionalField(key: FundingFields.organisationID) var organisationID: UUID?
    @OptionalField(key: FundingFields.parentID) var parentID: UUID?
    @Field(key: FundingFields.document) var document: String
    @Field(key: FundingFields.label) var label: String
    @Field(key: FundingFields.createdAt) var createdAt: Date
    @Field(key: FundingFields.modifiedAt) var modifiedAt: Date

    init() {}
}

/// Records, and two tables of running totals that the database itself keeps within their limits: the commitments
/// of each budget line and the drawdowns of each agreement year. A conditional `UPDATE … WHERE total + x <= limit`
/// is atomic in SQLite and PostgreSQL alike, so parallel approvals can never overspend.
struct CreateFundingTables: AsyncMigration {
    func prepare(on database: any Database) async throws {
        typealias F = FundingFields
        try await database.schema(F.schema).id()
            .field(F.kind, .string, .required).field(F.organisationID, .uuid).field(F.parentID, .uuid).field(F.document, .string, .required)
            .field(F.label, .string, .required).field(F.createdAt, .datetime, .required).field(F.modifiedAt, .datetime, .required)
            .create()
        try await database.schema(F.budgetSchema)
            .field("line_id", .string, .required).field("programme_id", .string, .required).field("year", .int, .required)
            .field("amount_cents", .int64, .required).field("committed_cents", .int64, .required)
            .unique(on: "line_id").create()
        try await database.schema(F.agreementYearSchema)
            .field("agreement_id", .string, .required).field("year", .int, .required)
            .field("agreed_cents", .int64, .required).field("drawn_cents", .int64, .required)
            .unique(on: "agreement_id", "year").create()
        try await database.schema(F.attachmentSchema).id()
            .field("application_id", .uuid, .required).field("item_id", .uuid, .required).field("file_name", .string, .required)
            .field("media_type", .string, .required).field("size", .int, .required).field("sha256", .string, .required).field("content", .data, .required)
            .field("created_at", .datetime, .required).field("created_by", .string, .required).create()
        try await (database as? any SQLDatabase)?.raw("CREATE INDEX funding_records_kind ON funding_records (kind, parent_id)").run()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(FundingFields.attachmentSchema).delete()
        try await database.schema(FundingFields.agreementYearSchema).delete()
        try await database.schema(FundingFields.budgetSchema).delete()
        try await database.schema(FundingFields.schema).delete()
    }
}

public struct FundingRecord<Value: Codable & Sendable>: Sendable {
    public let id: UUID
    public let value: Value
    public let createdAt: Date
    public let modifiedAt: Date
}

/// Why the money does not fit.
public enum FundingStoreError: Error, Equatable, Sendable {
    /// The budget line has `available` left.
    case budgetExceeded(available: Money)
    /// The agreement year has `available` left to draw.
    case agreementExceeded(available: Money)
    /// A budget line cannot fall below what it has committed.
    case budgetBelowCommitted(line: String, committed: Money)
    /// Someone changed the record since it was read.
    case changedMeanwhile
}

public struct FundingStore: Sendable {
    let database: any Database

    public init(database: any Database) {
        self.database = database
    }

    static func sql(_ db: any Database) throws -> any SQLDatabase {
        guard let sql = db as? any SQLDatabase else { throw StoreError.corrupt("the database does not speak SQL") }
        return sql
    }

    static func key(_ id: UUID) -> String { id.uuidString.lowercased() }

    /// Writes a record inside a transaction and audits the change field by field.
    static func write<Value: Codable & Sendable>(_ kind: FundingKind, id: UUID, _ value: Value, label: String, organisationID: UUID?, parentID: UUID?,
                                                  actor: AuditActor, at: Date, on db: any Database) async throws {
        var scopes: [RecordScope: UUID] = [:]
        scopes[.organisation] = organisationID
        scopes[.parent] = parentID
        try await RecordWrites.write(value, of: Value.self, in: FundingTables.table(kind), id: id, label: label, scopes: scopes,
                                     entity: "funding-" + kind.rawValue, actor: actor, at: at, on: db)
    }

    public func save<Value: Codable & Sendable>(_ kind: FundingKind, id: UUID, _ value: Value, label: String, organisationID: UUID? = nil, parentID: UUID? = nil,
                                                 actor: AuditActor, at: Date) async throws {
        try await database.retryingTransaction { db in
            try await Self.write(kind, id: id, value, label: label, organisationID: organisationID, parentID: parentID, actor: actor, at: at, on: db)
        }
    }

    /// Records of a kind, oldest first, optionally only of one organisation or below one parent (programme, application, agreement).
    public func all<Value: Codable & Sendable>(_ kind: FundingKind, as type: Value.Type, organisationID: UUID? = nil, parentID: UUID? = nil) async throws -> [FundingRecord<Value>] {
        var scopes: [RecordScope: UUID] = [:]
        scopes[.organisation] = organisationID
        scopes[.parent] = parentID
        return try await FundingTables.table(kind).rows(scopes: scopes, on: try Self.sql(database)).map { try Self.record($0, as: type) }
    }

    /// One page of the records of a kind in creation order, optionally of one organisation or below one parent, and how many there are.
    public func page<Value: Codable & Sendable>(_ kind: FundingKind, as type: Value.Type, organisationID: UUID? = nil, parentID: UUID? = nil, page: Int,
                                                 perPage: Int) async throws -> RecordPage<FundingRecord<Value>> {
        var scopes: [RecordScope: UUID] = [:]
        scopes[.organisation] = organisationID
        scopes[.parent] = parentID
        let result = try await FundingTables.table(kind).page(scopes: scopes, page: page, perPage: perPage, on: try Self.sql(database))
        return RecordPage(items: try result.rows.map { try Self.record($0, as: type) }, total: result.total)
    }

    public func one<Value: Codable & Sendable>(_ kind: FundingKind, id: UUID, as type: Value.Type) async throws -> FundingRecord<Value>? {
        try await Self.stored(kind, id: id, as: type, on: database)
    }

    static func stored<Value: Codable & Sendable>(_ kind: FundingKind, id: UUID, as type: Value.Type, on db: any Database) async throws -> FundingRecord<Value>? {
        try await FundingTables.table(kind).row(id: id, on: try sql(db)).map { try record($0, as: type) }
    }

    static func record<Value: Codable & Sendable>(_ row: RecordTable.Row, as type: Value.Type) throws -> FundingRecord<Value> {
        FundingRecord(id: row.id, value: try RecordWrites.decode(type, row), createdAt: row.createdAt, modifiedAt: row.modifiedAt)
    }

    // MARK: Programmes and budget lines

    /// Saves a programme and its budget lines; a line may not be set below what it has already committed.
    public func saveProgramme(_ programme: FundingProgramme, actor: AuditActor, at: Date) async throws {
        try await database.retryingTransaction { db in
            let sql = try Self.sql(db)
            for line in programme.budgetLines {
                let rows = try await sql.raw("SELECT committed_cents FROM funding_budget_lines WHERE line_id = \(bind: Self.key(line.id))").all()
                if let row = rows.first {
                    let committed = try row.decode(column: "committed_cents", as: Int.self)
                    if committed > line.amount.cents { throw FundingStoreError.budgetBelowCommitted(line: line.name, committed: Money(cents: committed)) }
                    try await sql.raw("UPDATE funding_budget_lines SET amount_cents = \(bind: line.amount.cents), year = \(bind: line.year) WHERE line_id = \(bind: Self.key(line.id))").run()
                } else {
                    try await sql.raw("""
                        INSERT INTO funding_budget_lines (line_id, programme_id, year, amount_cents, committed_cents)
                        VALUES (\(bind: Self.key(line.id)), \(bind: Self.key(programme.id)), \(bind: line.year), \(bind: line.amount.cents), 0)
                        """).run()
                }
            }
            try await Self.write(.programme, id: programme.id, programme, label: programme.name, organisationID: nil, parentID: nil, actor: actor, at: at, on: db)
        }
    }

    /// What each budget line has committed, by line id.
    public func committed() async throws -> [UUID: Money] {
        let rows = try await Self.sql(database).raw("SELECT line_id, committed_cents FROM funding_budget_lines").all()
        var result: [UUID: Money] = [:]
        for row in rows {
            guard let id = UUID(uuidString: try row.decode(column: "line_id", as: String.self)) else { continue }
            result[id] = Money(cents: try row.decode(column: "committed_cents", as: Int.self))
        }
        return result
    }

    // MARK: Applications

    /// Stores an application after a transition. Moving into approved or partly approved commits the granted amount
    /// to the application's budget line in the same transaction — refused when the line has not enough left — and
    /// the application must still be in the state it was read in.
    public func transition(_ application: FundingApplication, from previous: ApplicationState, actor: AuditActor, at: Date) async throws {
        try await database.retryingTransaction { db in
            let sql = try Self.sql(db)
            try await Self.lock(.application, application.id, on: sql)
            if let stored = try await Self.stored(.application, id: application.id, as: FundingApplication.self, on: db)?.value,
               stored.state != previous { throw FundingStoreError.changedMeanwhile }
            if application.state.commitsMoney, !previous.commitsMoney, let granted = application.granted {
                try await Self.commit(granted.cents, line: application.budgetLineID, on: sql)
            }
            try await Self.write(.application, id: application.id, application, label: application.title, organisationID: application.organisationID,
                                 parentID: application.programmeID, actor: actor, at: at, on: db)
        }
    }

    // MARK: Agreements and drawdowns

    /// Saves an agreement and the agreed amount of each year. Years named in `commitLines` also commit their amount
    /// (or the change of it) to that budget line — the further years of a multi-year agreement, whose first year the
    /// approval already committed — refused when a line has not enough left.
    public func saveAgreement(_ agreement: GrantAgreement, commitLines: [Int: UUID] = [:], actor: AuditActor, at: Date) async throws {
        try await database.retryingTransaction { db in
            let sql = try Self.sql(db)
            let key = Self.key(agreement.id)
            for (year, amount) in agreement.amounts.sorted(by: { $0.key < $1.key }) {
                let rows = try await sql.raw("SELECT agreed_cents, drawn_cents FROM funding_agreement_years WHERE agreement_id = \(bind: key) AND year = \(bind: year)").all()
                var before = 0
                if let row = rows.first {
                    before = try row.decode(column: "agreed_cents", as: Int.self)
                    let drawn = try row.decode(column: "drawn_cents", as: Int.self)
                    if drawn > amount.cents { throw FundingStoreError.agreementExceeded(available: Money(cents: amount.cents - drawn)) }
                    try await sql.raw("UPDATE funding_agreement_years SET agreed_cents = \(bind: amount.cents) WHERE agreement_id = \(bind: key) AND year = \(bind: year)").run()
                } else {
                    try await sql.raw("INSERT INTO funding_agreement_years (agreement_id, year, agreed_cents, drawn_cents) VALUES (\(bind: key), \(bind: year), \(bind: amount.cents), 0)").run()
                }
                if let line = commitLines[year], amount.cents != before {
                    try await Self.commit(amount.cents - before, line: line, on: sql)
                }
            }
            try await Self.write(.agreement, id: agreement.id, agreement, label: agreement.reference, organisationID: agreement.organisationID,
                                 parentID: agreement.programmeID, actor: actor, at: at, on: db)
        }
    }

    /// Holds a record until the transaction ends, so a second writer reads it only after the first has committed.
    /// PostgreSQL locks the row; SQLite runs one writing transaction at a time anyway.
    static func lock(_ kind: FundingKind, _ id: UUID, on sql: any SQLDatabase) async throws {
        guard sql.dialect.name != "sqlite" else { return }
        _ = try await sql.raw("SELECT id FROM \(unsafeRaw: FundingTables.table(kind).name) WHERE id = \(bind: id) FOR UPDATE").all()
    }

    /// Adds `cents` to a budget line's commitments only while they stay within the line (a negative change always fits).
    static func commit(_ cents: Int, line id: UUID, on sql: any SQLDatabase) async throws {
        let line = key(id)
        let rows = try await sql.raw("""
            UPDATE funding_budget_lines SET committed_cents = committed_cents + \(bind: cents)
            WHERE line_id = \(bind: line) AND committed_cents + \(bind: cents) <= amount_cents RETURNING committed_cents
            """).all()
        if rows.isEmpty {
            let left = try await sql.raw("SELECT amount_cents - committed_cents AS available FROM funding_budget_lines WHERE line_id = \(bind: line)").all()
            throw FundingStoreError.budgetExceeded(available: Money(cents: try left.first?.decode(column: "available", as: Int.self) ?? 0))
        }
    }

    /// Stores a drawdown. A new request reserves its amount in the agreement year (refused beyond the agreed sum);
    /// a rejection releases it. A decision names the state it was made on (`from`): when another decision came first,
    /// it is refused (`changedMeanwhile`), so a request is never approved and rejected at once.
    public func saveDrawdown(_ drawdown: Drawdown, from expected: Drawdown.State? = nil, organisationID: UUID, actor: AuditActor, at: Date) async throws {
        try await database.retryingTransaction { db in
            let sql = try Self.sql(db)
            try await Self.lock(.drawdown, drawdown.id, on: sql)
            let previous = try await Self.stored(.drawdown, id: drawdown.id, as: Drawdown.self, on: db)?.value
            if let expected, previous?.state != expected { throw FundingStoreError.changedMeanwhile }
            let key = Self.key(drawdown.agreementID)
            let wasCounted = previous.map { $0.state != .rejected } ?? false
            let counts = drawdown.state != .rejected
            if counts, !wasCounted {
                let rows = try await sql.raw("""
                    UPDATE funding_agreement_years SET drawn_cents = drawn_cents + \(bind: drawdown.amount.cents)
                    WHERE agreement_id = \(bind: key) AND year = \(bind: drawdown.year) AND drawn_cents + \(bind: drawdown.amount.cents) <= agreed_cents RETURNING drawn_cents
                    """).all()
                if rows.isEmpty {
                    let left = try await sql.raw("SELECT agreed_cents - drawn_cents AS available FROM funding_agreement_years WHERE agreement_id = \(bind: key) AND year = \(bind: drawdown.year)").all()
                    throw FundingStoreError.agreementExceeded(available: Money(cents: try left.first?.decode(column: "available", as: Int.self) ?? 0))
                }
            } else if !counts, wasCounted, let previous {
                try await sql.raw("UPDATE funding_agreement_years SET drawn_cents = drawn_cents - \(bind: previous.amount.cents) WHERE agreement_id = \(bind: key) AND year = \(bind: previous.year)").run()
            }
            try await Self.write(.drawdown, id: drawdown.id, drawdown, label: "Abruf \(drawdown.year): " + FundingEntry.german(drawdown.amount) + " €", organisationID: organisationID, parentID: drawdown.agreementID,
                                 actor: actor, at: at, on: db)
        }
    }

    // MARK: Attachments

    /// Adds a document for a checklist item and records it as the item's answer, in one transaction; an earlier
    /// document of the same item stays stored but is no longer the answer.
    public func addAttachment(_ attachment: FundingAttachment, content: Data, to application: FundingApplication, actor: AuditActor) async throws {
        try await database.retryingTransaction { db in
            let m = FundingAttachmentModel()
            m.id = attachment.id
            m.applicationID = attachment.applicationID
            m.itemID = attachment.itemID
            m.fileName = attachment.fileName
            m.mediaType = attachment.mediaType
            m.size = attachment.size
            m.sha256 = attachment.sha256
            m.content = content
            m.createdAt = attachment.createdAt
            m.createdBy = attachment.createdBy
            try await m.create(on: db)
            var updated = application
            updated.answers.removeAll { $0.itemID == attachment.itemID }
            updated.answers.append(ChecklistAnswer(itemID: attachment.itemID, attachmentID: attachment.id))
            try await Self.write(.application, id: application.id, updated, label: application.title, organisationID: application.organisationID,
                                 parentID: application.programmeID, actor: actor, at: attachment.createdAt, on: db)
        }
    }

    /// The documents of an application that are answers of its checklist.
    public func attachments(of application: FundingApplication) async throws -> [FundingAttachment] {
        let current = Set(application.answers.compactMap(\.attachmentID))
        return try await FundingAttachmentModel.query(on: database).filter(\.$applicationID == application.id)
            .field(\.$id).field(\.$applicationID).field(\.$itemID).field(\.$fileName).field(\.$mediaType).field(\.$size).field(\.$sha256)
            .field(\.$createdAt).field(\.$createdBy).sort(\.$createdAt).all().map(\.attachment).filter { current.contains($0.id) }
    }

    public func attachmentContent(id: UUID, applicationID: UUID) async throws -> (FundingAttachment, Data)? {
        guard let m = try await FundingAttachmentModel.find(id, on: database), m.applicationID == applicationID else { return nil }
        return (m.attachment, m.content)
    }
}
