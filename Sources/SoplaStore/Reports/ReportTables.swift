import Fluent
import Foundation
import SoplaCore
import SQLKit

/// The tables of reports: a report's chapters, sections and blocks in order, the indicators each block uses (so
/// "where is this indicator used" is a query), and editions with their frozen structure and figures.
enum ReportTables {
    static let reports = "reports"
    static let chapters = "report_chapters"
    static let sections = "report_sections"
    static let blocks = "report_blocks"
    static let blockIndicators = "report_block_indicators"
    static let editions = "report_editions"

    /// Creates the tables with their keys: children belong to their report (deleted with it), positions are unique
    /// within their parent, an edition's number is unique within its report.
    static func create(on database: any Database) async throws {
        try await database.schema(reports).field("id", .uuid, .identifier(auto: false))
            .field("title", .string, .required).field("reporting_date", .string, .required).field("territorial_status", .string, .required)
            .field("created_at", .datetime, .required).field("modified_at", .datetime, .required).create()
        try await database.schema(chapters).field("report_id", .uuid, .required).field("id", .uuid, .required)
            .field("position", .int, .required).field("title", .string, .required)
            .compositeIdentifier(over: "report_id", "id").unique(on: "report_id", "position")
            .foreignKey("report_id", references: reports, "id", onDelete: .cascade).create()
        try await database.schema(sections).field("report_id", .uuid, .required).field("chapter_id", .uuid, .required).field("id", .uuid, .required)
            .field("position", .int, .required).field("title", .string, .required).field("text", .string, .required)
            .compositeIdentifier(over: "report_id", "id").unique(on: "report_id", "chapter_id", "position")
            .foreignKey(["report_id", "chapter_id"], references: chapters, ["report_id", "id"], onDelete: .cascade).create()
        try await database.schema(blocks).field("report_id", .uuid, .required).field("section_id", .uuid, .required).field("id", .uuid, .required)
            .field("position", .int, .required).field("kind", .string, .required).field("unit_key", .string).field("category_code", .string)
            .field("method", .string).field("caption", .string, .required).field("note", .string, .required)
            .compositeIdentifier(over: "report_id", "id").unique(on: "report_id", "section_id", "position")
            .foreignKey(["report_id", "section_id"], references: sections, ["report_id", "id"], onDelete: .cascade).create()
        try await database.schema(blockIndicators).field("report_id", .uuid, .required).field("block_id", .uuid, .required)
            .field("position", .int, .required).field("indicator_code", .string, .required)
            .compositeIdentifier(over: "report_id", "block_id", "position")
            .foreignKey(["report_id", "block_id"], references: blocks, ["report_id", "id"], onDelete: .cascade).create()
        try await database.schema(editions).field("id", .uuid, .identifier(auto: false))
            .field("report_id", .uuid, .required).field("number", .int, .required).field("title", .string, .required)
            .field("built_by", .string, .required).field("published_at", .datetime).field("review_paper_id", .uuid)
            .field("structure", .string, .required).field("snapshot", .string, .required)
            .field("created_at", .datetime, .required).field("modified_at", .datetime, .required)
            .unique(on: "report_id", "number")
            .foreignKey("report_id", references: reports, "id", onDelete: .restrict).create()
        let sql = try sqlDatabase(database)
        try await sql.raw("CREATE INDEX report_block_indicators_code ON \(unsafeRaw: blockIndicators) (indicator_code)").run()
        try await sql.raw("CREATE INDEX report_editions_published ON \(unsafeRaw: editions) (published_at)").run()
    }

    static func drop(on database: any Database) async throws {
        for table in [editions, blockIndicators, blocks, sections, chapters, reports] { try await database.schema(table).delete() }
    }

    static func sqlDatabase(_ database: any Database) throws -> any SQLDatabase {
        guard let sql = database as? any SQLDatabase else { throw StoreError.corrupt("the database does not speak SQL") }
        return sql
    }

    // MARK: Blocks as columns

    /// A block's kind as columns: its name, the unit or category it names, the social index method (JSON) and the
    /// indicators it uses in order.
    struct BlockColumns: Equatable {
        var kind: String
        var unitKey: String?
        var categoryCode: String?
        var method: String?
        var indicatorCodes: [String]
    }

    static func columns(_ kind: ReportBlockKind) throws -> BlockColumns {
        switch kind {
        case .indicatorTable(let codes): return BlockColumns(kind: "indicator-table", indicatorCodes: codes)
        case .map(let code): return BlockColumns(kind: "map", indicatorCodes: [code])
        case .ranking(let code): return BlockColumns(kind: "ranking", indicatorCodes: [code])
        case .timeSeries(let code, let unitKey): return BlockColumns(kind: "time-series", unitKey: unitKey, indicatorCodes: [code])
        case .description(let code, let unitKey): return BlockColumns(kind: "description", unitKey: unitKey, indicatorCodes: [code])
        case .socialIndex(let method):
            return BlockColumns(kind: "social-index", method: try ParticipationStore.encode(method), indicatorCodes: method.components.map(\.indicatorCode))
        case .serviceCoverage(let category): return BlockColumns(kind: "service-coverage", categoryCode: category, indicatorCodes: [])
        case .fundingOverview: return BlockColumns(kind: "funding-overview", indicatorCodes: [])
        case .measureStatus: return BlockColumns(kind: "measure-status", indicatorCodes: [])
        }
    }

    static func kind(_ c: BlockColumns, block: UUID) throws -> ReportBlockKind {
        func damaged(_ what: String) -> StoreError { .corrupt("report block \(block.uuidString.lowercased()): \(what)") }
        func code() throws -> String {
            guard c.indicatorCodes.count == 1 else { throw damaged("\(c.kind) needs one indicator, has \(c.indicatorCodes.count)") }
            return c.indicatorCodes[0]
        }
        switch c.kind {
        case "indicator-table": return .indicatorTable(codes: c.indicatorCodes)
        case "map": return .map(code: try code())
        case "ranking": return .ranking(code: try code())
        case "time-series":
            guard let unitKey = c.unitKey else { throw damaged("time series without a unit") }
            return .timeSeries(code: try code(), unitKey: unitKey)
        case "description": return .description(code: try code(), unitKey: c.unitKey)
        case "social-index":
            guard let method = c.method else { throw damaged("social index without a method") }
            return .socialIndex(try ParticipationStore.decode(SocialIndexMethod.self, method))
        case "service-coverage":
            guard let category = c.categoryCode else { throw damaged("service coverage without a category") }
            return .serviceCoverage(categoryCode: category)
        case "funding-overview": return .fundingOverview
        case "measure-status": return .measureStatus
        default: throw damaged("unknown kind \(c.kind)")
        }
    }

    // MARK: Writing

    /// Writes a report's row and its structure; `replacing` first removes the structure stored before.
    static func insertStructure(of report: Report, replacing: Bool, on sql: any SQLDatabase) async throws {
        if replacing {
            for table in [blockIndicators, blocks, sections, chapters] {
                try await sql.delete(from: table).where("report_id", .equal, SQLBind(report.id)).run()
            }
        }
        var chapterRows: [[any SQLExpression]] = [], sectionRows: [[any SQLExpression]] = []
        var blockRows: [[any SQLExpression]] = [], indicatorRows: [[any SQLExpression]] = []
        let r = SQLBind(report.id)
        for (c, chapter) in report.chapters.enumerated() {
            chapterRows.append([r, SQLBind(chapter.id), SQLBind(c), SQLBind(chapter.title)])
            for (s, section) in chapter.sections.enumerated() {
                sectionRows.append([r, SQLBind(chapter.id), SQLBind(section.id), SQLBind(s), SQLBind(section.title), SQLBind(section.text)])
                for (b, block) in section.blocks.enumerated() {
                    let columns = try Self.columns(block.kind)
                    blockRows.append([r, SQLBind(section.id), SQLBind(block.id), SQLBind(b), SQLBind(columns.kind), SQLBind(columns.unitKey),
                                      SQLBind(columns.categoryCode), SQLBind(columns.method), SQLBind(block.caption), SQLBind(block.note)])
                    for (i, code) in columns.indicatorCodes.enumerated() { indicatorRows.append([r, SQLBind(block.id), SQLBind(i), SQLBind(code)]) }
                }
            }
        }
        try await insert(chapterRows, into: chapters, columns: ["report_id", "id", "position", "title"], on: sql)
        try await insert(sectionRows, into: sections, columns: ["report_id", "chapter_id", "id", "position", "title", "text"], on: sql)
        try await insert(blockRows, into: blocks, columns: ["report_id", "section_id", "id", "position", "kind", "unit_key", "category_code", "method", "caption", "note"], on: sql)
        try await insert(indicatorRows, into: blockIndicators, columns: ["report_id", "block_id", "position", "indicator_code"], on: sql)
    }

    /// Inserts rows in statements of at most 100 rows (SQLite allows 32,766 bound values per statement).
    static func insert(_ rows: [[any SQLExpression]], into table: String, columns: [String], on sql: any SQLDatabase) async throws {
        var start = 0
        while start < rows.count {
            let end = min(start + 100, rows.count)
            var query = sql.insert(into: table).columns(columns)
            for row in rows[start..<end] { query = query.values(row) }
            try await query.run()
            start = end
        }
    }

    static func insertReport(_ report: Report, createdAt: Date, modifiedAt: Date, on sql: any SQLDatabase) async throws {
        try await sql.insert(into: reports).columns("id", "title", "reporting_date", "territorial_status", "created_at", "modified_at")
            .values(SQLBind(report.id), SQLBind(report.title), SQLBind(report.reportingDate.iso), SQLBind(report.territorialStatus.iso),
                    SQLBind(createdAt), SQLBind(modifiedAt)).run()
        try await insertStructure(of: report, replacing: false, on: sql)
    }

    static func insertEdition(_ edition: ReportEdition, createdAt: Date, modifiedAt: Date, on sql: any SQLDatabase) async throws {
        try await sql.insert(into: editions)
            .columns("id", "report_id", "number", "title", "built_by", "published_at", "review_paper_id", "structure", "snapshot", "created_at", "modified_at")
            .values(SQLBind(edition.id), SQLBind(edition.reportID), SQLBind(edition.number), SQLBind(edition.report.title), SQLBind(edition.builtBy),
                    SQLBind(edition.publishedAt), SQLBind(edition.reviewPaperID), SQLBind(try ParticipationStore.encode(edition.report)),
                    SQLBind(try ParticipationStore.encode(edition.snapshot)), SQLBind(createdAt), SQLBind(modifiedAt)).run()
    }

    // MARK: Reading

    /// Reports (all, or the one with `id`) with their structure, oldest first, each with its creation and change time.
    static func reports(id: UUID? = nil, on sql: any SQLDatabase) async throws -> [(report: Report, createdAt: Date, modifiedAt: Date)] {
        func scoped(_ query: SQLSelectBuilder) -> SQLSelectBuilder { id.map { query.where("report_id", .equal, SQLBind($0)) } ?? query }
        var head = sql.select().columns("id", "title", "reporting_date", "territorial_status", "created_at", "modified_at").from(reports)
        if let id { head = head.where("id", .equal, SQLBind(id)) }
        let heads = try await head.orderBy("created_at").orderBy("id").all()
        guard !heads.isEmpty else { return [] }
        let chapterRows = try await scoped(sql.select().columns("report_id", "id", "title").from(chapters)).orderBy("position").all()
        let sectionRows = try await scoped(sql.select().columns("chapter_id", "id", "title", "text").from(sections)).orderBy("position").all()
        let blockRows = try await scoped(sql.select().columns("section_id", "id", "kind", "unit_key", "category_code", "method", "caption", "note").from(blocks))
            .orderBy("position").all()
        let codeRows = try await scoped(sql.select().columns("block_id", "indicator_code").from(blockIndicators)).orderBy("position").all()

        var codes: [UUID: [String]] = [:]
        for row in codeRows { codes[try row.decode(column: "block_id", as: UUID.self), default: []].append(try row.decode(column: "indicator_code", as: String.self)) }
        var blocksBySection: [UUID: [ReportBlock]] = [:]
        for row in blockRows {
            let blockID = try row.decode(column: "id", as: UUID.self)
            let columns = BlockColumns(kind: try row.decode(column: "kind", as: String.self), unitKey: try row.decode(column: "unit_key", as: String?.self),
                                       categoryCode: try row.decode(column: "category_code", as: String?.self), method: try row.decode(column: "method", as: String?.self),
                                       indicatorCodes: codes[blockID] ?? [])
            blocksBySection[try row.decode(column: "section_id", as: UUID.self), default: []].append(
                ReportBlock(id: blockID, kind: try kind(columns, block: blockID), caption: try row.decode(column: "caption", as: String.self),
                            note: try row.decode(column: "note", as: String.self)))
        }
        var sectionsByChapter: [UUID: [ReportSection]] = [:]
        for row in sectionRows {
            let sectionID = try row.decode(column: "id", as: UUID.self)
            sectionsByChapter[try row.decode(column: "chapter_id", as: UUID.self), default: []].append(
                ReportSection(id: sectionID, title: try row.decode(column: "title", as: String.self), text: try row.decode(column: "text", as: String.self),
                              blocks: blocksBySection[sectionID] ?? []))
        }
        var chaptersByReport: [UUID: [ReportChapter]] = [:]
        for row in chapterRows {
            let chapterID = try row.decode(column: "id", as: UUID.self)
            chaptersByReport[try row.decode(column: "report_id", as: UUID.self), default: []].append(
                ReportChapter(id: chapterID, title: try row.decode(column: "title", as: String.self), sections: sectionsByChapter[chapterID] ?? []))
        }
        return try heads.map { row in
            let reportID = try row.decode(column: "id", as: UUID.self)
            func day(_ column: String) throws -> Day {
                let text = try row.decode(column: column, as: String.self)
                guard let day = Day(iso: text) else { throw StoreError.corrupt("report \(reportID.uuidString.lowercased()): \(column) \(text)") }
                return day
            }
            let report = Report(id: reportID, title: try row.decode(column: "title", as: String.self), reportingDate: try day("reporting_date"),
                                territorialStatus: try day("territorial_status"), chapters: chaptersByReport[reportID] ?? [])
            return (report, try row.decode(column: "created_at", as: Date.self), try row.decode(column: "modified_at", as: Date.self))
        }
    }

    static let summaryColumns = ["id", "report_id", "number", "title", "built_by", "published_at", "review_paper_id", "created_at", "modified_at"]

    /// Editions without their figures, or with them (`full`), ordered by number.
    static func editionRows(reportID: UUID?, id: UUID? = nil, full: Bool, on sql: any SQLDatabase) async throws -> [any SQLRow] {
        var query = sql.select().columns(summaryColumns + (full ? ["structure", "snapshot"] : [])).from(editions)
        if let reportID { query = query.where("report_id", .equal, SQLBind(reportID)) }
        if let id { query = query.where("id", .equal, SQLBind(id)) }
        return try await query.orderBy("number").orderBy("created_at").orderBy("id").all()
    }

    static func summary(_ row: any SQLRow) throws -> ReportEditionSummary {
        ReportEditionSummary(id: try row.decode(column: "id", as: UUID.self), reportID: try row.decode(column: "report_id", as: UUID.self),
                             number: try row.decode(column: "number", as: Int.self), title: try row.decode(column: "title", as: String.self),
                             builtBy: try row.decode(column: "built_by", as: String.self), publishedAt: try row.decode(column: "published_at", as: Date?.self),
                             reviewPaperID: try row.decode(column: "review_paper_id", as: UUID?.self),
                             createdAt: try row.decode(column: "created_at", as: Date.self), modifiedAt: try row.decode(column: "modified_at", as: Date.self))
    }

    static func edition(_ row: any SQLRow) throws -> ReportEdition {
        let s = try summary(row)
        return ReportEdition(id: s.id, reportID: s.reportID, number: s.number,
                             report: try ParticipationStore.decode(Report.self, try row.decode(column: "structure", as: String.self)),
                             snapshot: try ParticipationStore.decode(ReportSnapshot.self, try row.decode(column: "snapshot", as: String.self)),
                             builtBy: s.builtBy, publishedAt: s.publishedAt, reviewPaperID: s.reviewPaperID)
    }
}

/// An edition as lists show it, without its frozen structure and figures.
public struct ReportEditionSummary: Sendable, Hashable {
    public let id: UUID
    public let reportID: UUID
    public let number: Int
    public let title: String
    public let builtBy: String
    public let publishedAt: Date?
    public let reviewPaperID: UUID?
    public let createdAt: Date
    public let modifiedAt: Date
}
