import Fluent
import Foundation
import SoplaCore

public enum ReportStoreError: Error, Equatable, Sendable {
    /// A published edition is final.
    case published
}

final class ReportModel: Model, @unchecked Sendable {
    static let schema = "report_records"
    @ID(key: .id) var id: UUID?
    @Field(key: "kind") var kind: String
    @OptionalField(key: "report_id") var reportID: UUID?
    @Field(key: "document") var document: String
    @Field(key: "label") var label: String
    @Field(key: "created_at") var createdAt: Date
    @Field(key: "modified_at") var modifiedAt: Date

    init() {}
}

struct CreateReportRecords: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(ReportModel.schema).id()
            .field("kind", .string, .required).field("report_id", .uuid).field("document", .string, .required).field("label", .string, .required)
            .field("created_at", .datetime, .required).field("modified_at", .datetime, .required).create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(ReportModel.schema).delete()
    }
}

/// Reports (the structure planners edit) and their editions (built from a frozen snapshot), audited in their transaction.
public struct ReportStore: Sendable {
    let database: any Database

    public init(database: any Database) {
        self.database = database
    }

    public func save(_ report: Report, actor: AuditActor, at: Date) async throws {
        try await write(kind: "report", id: report.id, reportID: nil, value: report, label: report.title, actor: actor, at: at)
    }

    public func reports() async throws -> [Report] {
        try await ReportModel.query(on: database).filter(\.$kind == "report").sort(\.$createdAt).all().map { try ParticipationStore.decode(Report.self, $0.document) }
    }

    public func report(id: UUID) async throws -> Report? {
        guard let m = try await ReportModel.find(id, on: database), m.kind == "report" else { return nil }
        return try ParticipationStore.decode(Report.self, m.document)
    }

    /// Deletes a report with its draft editions; refused (`published`) once an edition is published. Audited.
    public func delete(reportID: UUID, actor: AuditActor, at: Date) async throws {
        try await database.transaction { db in
            guard let report = try await ReportModel.find(reportID, on: db), report.kind == "report" else { throw StoreError.notFound("report \(reportID)") }
            let editions = try await ReportModel.query(on: db).filter(\.$kind == "edition").filter(\.$reportID == reportID).all()
            for edition in editions where try ParticipationStore.decode(ReportEdition.self, edition.document).publishedAt != nil { throw ReportStoreError.published }
            for model in editions + [report] {
                try await IndicatorStore.audit(.delete, entity: "report-" + model.kind, id: model.id!.uuidString.lowercased(), label: model.label,
                                               before: ParticipationStore.fields(model.document).filter { $0.key != "snapshot" }, after: [:], actor: actor, at: at, on: db)
                try await model.delete(on: db)
            }
        }
    }

    /// Stores an edition; once published it cannot be written again.
    public func save(_ edition: ReportEdition, actor: AuditActor, at: Date) async throws {
        try await write(kind: "edition", id: edition.id, reportID: edition.reportID, value: edition, label: edition.report.title + " (\(edition.number))", actor: actor, at: at) { stored in
            if try ParticipationStore.decode(ReportEdition.self, stored).publishedAt != nil { throw ReportStoreError.published }
        }
    }

    public func editions(of reportID: UUID? = nil) async throws -> [ReportEdition] {
        var query = ReportModel.query(on: database).filter(\.$kind == "edition")
        if let reportID { query = query.filter(\.$reportID == reportID) }
        return try await query.sort(\.$createdAt).all().map { try ParticipationStore.decode(ReportEdition.self, $0.document) }.sorted { $0.number < $1.number }
    }

    /// Writes a record with its audit entry; `check` sees the stored document first (in the same transaction) and may refuse.
    /// Snapshots are large; the audit keeps what a person changed, not the figures.
    func write<Value: Codable & Sendable>(kind: String, id: UUID, reportID: UUID?, value: Value, label: String, actor: AuditActor, at: Date,
                                          check: @escaping @Sendable (String) throws -> Void = { _ in }) async throws {
        let document = try ParticipationStore.encode(value)
        try await database.transaction { db in
            _ = try await DocumentRecords.write(ReportModel.self, kind: kind, id: id, document: document, label: label, entity: "report-" + kind, actor: actor, at: at,
                                            on: db, check: { try check($0.document) }, audited: { $0.filter { $0.key != "snapshot" } }, apply: { model in
                model.reportID = reportID
            })
        }
    }
}
