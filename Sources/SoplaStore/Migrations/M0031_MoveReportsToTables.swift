import Fluent
import Foundation
import SoplaCore
import SQLKit

/// Moves reports and editions from the document table `report_records` into tables of their own (`ReportTables`),
/// keeping ids and times, and drops the document table. Reverting writes the documents back as they were stored.
struct MoveReportsToTables: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.transaction { db in
            try await ReportTables.create(on: db)
            let sql = try ReportTables.sqlDatabase(db)
            let documents = try await ReportModel.query(on: db).sort(\.$createdAt).sort(\.$id).all()
            for model in documents {
                guard let id = model.id else { continue }
                switch model.kind {
                case "report":
                    try await ReportTables.insertReport(try ParticipationStore.decode(Report.self, model.document), createdAt: model.createdAt,
                                                        modifiedAt: model.modifiedAt, on: sql)
                case "edition": continue
                default: throw StoreError.corrupt("report record \(id.uuidString.lowercased()) has the unknown kind \(model.kind)")
                }
            }
            let reportIDs = Set(documents.filter { $0.kind == "report" }.compactMap(\.id))
            for model in documents where model.kind == "edition" {
                let edition = try ParticipationStore.decode(ReportEdition.self, model.document)
                guard reportIDs.contains(edition.reportID) else {
                    throw StoreError.corrupt("edition \(edition.id.uuidString.lowercased()) belongs to report \(edition.reportID.uuidString.lowercased()), which does not exist")
                }
                try await ReportTables.insertEdition(edition, createdAt: model.createdAt, modifiedAt: model.modifiedAt, on: sql)
            }
            try await db.schema(ReportModel.schema).delete()
        }
    }

    func revert(on database: any Database) async throws {
        try await database.transaction { db in
            try await CreateReportRecords().prepare(on: db)
            let sql = try ReportTables.sqlDatabase(db)
            for (report, createdAt, modifiedAt) in try await ReportTables.reports(on: sql) {
                try await Self.document(kind: "report", id: report.id, reportID: nil, value: report, label: report.title, createdAt: createdAt,
                                        modifiedAt: modifiedAt, on: db)
            }
            for row in try await ReportTables.editionRows(reportID: nil, full: true, on: sql) {
                let edition = try ReportTables.edition(row), summary = try ReportTables.summary(row)
                try await Self.document(kind: "edition", id: edition.id, reportID: edition.reportID, value: edition, label: ReportStore.label(edition),
                                        createdAt: summary.createdAt, modifiedAt: summary.modifiedAt, on: db)
            }
            try await ReportTables.drop(on: db)
        }
    }

    static func document<Value: Encodable>(kind: String, id: UUID, reportID: UUID?, value: Value, label: String, createdAt: Date, modifiedAt: Date,
                                           on db: any Database) async throws {
        let model = ReportModel()
        model.id = id
        model.kind = kind
        model.reportID = reportID
        model.document = try ParticipationStore.encode(value)
        model.label = label
        model.createdAt = createdAt
        model.modifiedAt = modifiedAt
        try await model.create(on: db)
    }
}
