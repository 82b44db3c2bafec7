import Fluent
import Foundation
import SoplaCore
import SQLKit

public enum ReportStoreError: Error, Equatable, Sendable {
    /// A published edition is final.
    case published
}

/// The document table reports were kept in before `MoveReportsToTables`; read only by that migration.
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

/// Reports (the structure planners edit) and their editions (built from a frozen snapshot), in tables of their own
/// (`ReportTables`), audited field by field in their transaction.
public struct ReportStore: Sendable {
    let database: any Database

    public init(database: any Database) {
        self.database = database
    }

    /// The fields of a record for the audit log. Snapshots are large; the audit keeps what a person changed, not the figures.
    static func audited<Value: Encodable>(_ value: Value) throws -> [String: String] {
        ParticipationStore.fields(try ParticipationStore.encode(value)).filter { $0.key != "snapshot" }
    }

    /// Creates or updates a report with its chapters, sections and blocks; a save that changes nothing writes nothing.
    public func save(_ report: Report, actor: AuditActor, at: Date) async throws {
        try await database.transaction { db in
            let sql = try ReportTables.sqlDatabase(db)
            let existing = try await ReportTables.reports(id: report.id, on: sql).first?.report
            let before = try existing.map(Self.audited) ?? [:], after = try Self.audited(report)
            if existing != nil, before == after { return }
            if existing == nil {
                try await ReportTables.insertReport(report, createdAt: at, modifiedAt: at, on: sql)
            } else {
                try await sql.update(ReportTables.reports).set("title", to: SQLBind(report.title)).set("reporting_date", to: SQLBind(report.reportingDate.iso))
                    .set("territorial_status", to: SQLBind(report.territorialStatus.iso)).set("modified_at", to: SQLBind(at))
                    .where("id", .equal, SQLBind(report.id)).run()
                try await ReportTables.insertStructure(of: report, replacing: true, on: sql)
            }
            try await IndicatorStore.audit(existing == nil ? .create : .update, entity: "report-report", id: report.id.uuidString.lowercased(), label: report.title,
                                           before: before, after: after, actor: actor, at: at, on: db)
        }
    }

    public func reports() async throws -> [Report] {
        try await ReportTables.reports(on: try ReportTables.sqlDatabase(database)).map(\.report)
    }

    public func report(id: UUID) async throws -> Report? {
        try await ReportTables.reports(id: id, on: try ReportTables.sqlDatabase(database)).first?.report
    }

    /// The reports whose current structure uses an indicator, oldest first: an indexed query finds them, and only
    /// those are read.
    public func reports(usingIndicator code: String) async throws -> [Report] {
        let sql = try ReportTables.sqlDatabase(database)
        let ids = try await sql.select().distinct().column(SQLColumn("id", table: ReportTables.reports)).column(SQLColumn("created_at", table: ReportTables.reports))
            .from(ReportTables.reports)
            .join(ReportTables.blockIndicators, on: SQLColumn("report_id", table: ReportTables.blockIndicators), .equal, SQLColumn("id", table: ReportTables.reports))
            .where(SQLColumn("indicator_code", table: ReportTables.blockIndicators), .equal, SQLBind(code))
            .orderBy(SQLColumn("created_at", table: ReportTables.reports)).all().map { try $0.decode(column: "id", as: UUID.self) }
        var reports: [Report] = []
        for id in ids { if let report = try await report(id: id) { reports.append(report) } }
        return reports
    }

    /// Deletes a report with its draft editions; refused (`published`) once an edition is published. Audited.
    public func delete(reportID: UUID, actor: AuditActor, at: Date) async throws {
        try await database.transaction { db in
            let sql = try ReportTables.sqlDatabase(db)
            guard let report = try await ReportTables.reports(id: reportID, on: sql).first?.report else { throw StoreError.notFound("report \(reportID)") }
            let editions = try await ReportTables.editionRows(reportID: reportID, full: true, on: sql).map(ReportTables.edition)
            if editions.contains(where: { $0.publishedAt != nil }) { throw ReportStoreError.published }
            for edition in editions {
                try await IndicatorStore.audit(.delete, entity: "report-edition", id: edition.id.uuidString.lowercased(), label: Self.label(edition),
                                               before: try Self.audited(edition), after: [:], actor: actor, at: at, on: db)
            }
            try await IndicatorStore.audit(.delete, entity: "report-report", id: reportID.uuidString.lowercased(), label: report.title,
                                           before: try Self.audited(report), after: [:], actor: actor, at: at, on: db)
            try await sql.delete(from: ReportTables.editions).where("report_id", .equal, SQLBind(reportID)).run()
            for table in [ReportTables.blockIndicators, ReportTables.blocks, ReportTables.sections, ReportTables.chapters] {
                try await sql.delete(from: table).where("report_id", .equal, SQLBind(reportID)).run()
            }
            try await sql.delete(from: ReportTables.reports).where("id", .equal, SQLBind(reportID)).run()
        }
    }

    static func label(_ edition: ReportEdition) -> String { edition.report.title + " (\(edition.number))" }

    /// Stores a new edition under the next free number of its report (two builds at once get two numbers) and
    /// returns it as stored.
    public func create(_ edition: ReportEdition, actor: AuditActor, at: Date) async throws -> ReportEdition {
        var attempt = 0
        while true {
            do {
                return try await database.transaction { db in
                    let sql = try ReportTables.sqlDatabase(db)
                    let last = try await sql.select().column(SQLFunction("MAX", args: SQLColumn("number")), as: "n").from(ReportTables.editions)
                        .where("report_id", .equal, SQLBind(edition.reportID)).first()?.decode(column: "n", as: Int?.self) ?? nil
                    var numbered = edition
                    numbered.number = (last ?? 0) + 1
                    try await ReportTables.insertEdition(numbered, createdAt: at, modifiedAt: at, on: sql)
                    try await IndicatorStore.audit(.create, entity: "report-edition", id: numbered.id.uuidString.lowercased(), label: Self.label(numbered),
                                                   before: [:], after: try Self.audited(numbered), actor: actor, at: at, on: db)
                    return numbered
                }
            } catch let error as any DatabaseError where error.isConstraintFailure && attempt < 4 {
                // Another build took the number between reading and writing; the next attempt reads it.
                attempt += 1
            }
        }
    }

    /// Stores an edition (publishing, a linked paper); once published it cannot be written again.
    public func save(_ edition: ReportEdition, actor: AuditActor, at: Date) async throws {
        try await database.transaction { db in
            let sql = try ReportTables.sqlDatabase(db)
            let existing = try await ReportTables.editionRows(reportID: nil, id: edition.id, full: true, on: sql).first.map(ReportTables.edition)
            if existing?.publishedAt != nil { throw ReportStoreError.published }
            let before = try existing.map(Self.audited) ?? [:], after = try Self.audited(edition)
            if let existing, before == after, Self.label(existing) == Self.label(edition) { return }
            if existing == nil {
                try await ReportTables.insertEdition(edition, createdAt: at, modifiedAt: at, on: sql)
            } else {
                try await sql.update(ReportTables.editions).set("report_id", to: SQLBind(edition.reportID)).set("number", to: SQLBind(edition.number))
                    .set("title", to: SQLBind(edition.report.title)).set("built_by", to: SQLBind(edition.builtBy))
                    .set("published_at", to: SQLBind(edition.publishedAt)).set("review_paper_id", to: SQLBind(edition.reviewPaperID))
                    .set("structure", to: SQLBind(try ParticipationStore.encode(edition.report)))
                    .set("snapshot", to: SQLBind(try ParticipationStore.encode(edition.snapshot))).set("modified_at", to: SQLBind(at))
                    .where("id", .equal, SQLBind(edition.id)).run()
            }
            try await IndicatorStore.audit(existing == nil ? .create : .update, entity: "report-edition", id: edition.id.uuidString.lowercased(),
                                           label: Self.label(edition), before: before, after: after, actor: actor, at: at, on: db)
        }
    }

    /// Editions with their figures (of one report or all), ordered by number.
    public func editions(of reportID: UUID? = nil) async throws -> [ReportEdition] {
        try await ReportTables.editionRows(reportID: reportID, full: true, on: try ReportTables.sqlDatabase(database)).map(ReportTables.edition)
    }

    /// The editions whose frozen structure or figures name an indicator: the stored text is searched for the code
    /// as the records encode it, and only the editions found are read and checked exactly.
    public func editions(usingIndicator code: String) async throws -> [ReportEdition] {
        let sql = try ReportTables.sqlDatabase(database)
        let pattern = LikePattern.containing(try ParticipationStore.encode(code))
        let rows = try await sql.raw("""
            SELECT \(unsafeRaw: (ReportTables.summaryColumns + ["structure", "snapshot"]).joined(separator: ", ")) FROM \(unsafeRaw: ReportTables.editions)
            WHERE structure LIKE \(bind: pattern) ESCAPE '\\' OR snapshot LIKE \(bind: pattern) ESCAPE '\\' ORDER BY report_id, number
            """).all()
        return try rows.map(ReportTables.edition).filter { $0.snapshot.indicators[code] != nil || $0.report.blocks.contains { $0.kind.indicatorCodes.contains(code) } }
    }

    public func edition(id: UUID) async throws -> ReportEdition? {
        try await ReportTables.editionRows(reportID: nil, id: id, full: true, on: try ReportTables.sqlDatabase(database)).first.map(ReportTables.edition)
    }

    /// The edition with `number` of a report.
    public func edition(reportID: UUID, number: Int) async throws -> ReportEdition? {
        let sql = try ReportTables.sqlDatabase(database)
        let rows = try await sql.select().columns(ReportTables.summaryColumns + ["structure", "snapshot"]).from(ReportTables.editions)
            .where("report_id", .equal, SQLBind(reportID)).where("number", .equal, SQLBind(number)).all()
        return try rows.first.map(ReportTables.edition)
    }

    /// Editions as lists show them, without reading their figures.
    public func editionSummaries(of reportID: UUID? = nil) async throws -> [ReportEditionSummary] {
        try await ReportTables.editionRows(reportID: reportID, full: false, on: try ReportTables.sqlDatabase(database)).map(ReportTables.summary)
    }
}
