import Foundation

/// What every block of an edition shows as a table, for the comparison of editions and the data annex: the frozen
/// tables (coverage, funding, measures) as they were built, and the social index with its classes as computed from
/// the frozen figures (the same computation the report shows).
public enum ReportBlockTables {
    /// The class names of the social index in the words of the (German) report, least disadvantaged first.
    public static let indexClassNames = ["günstig", "durchschnittlich", "ungünstig", "sehr ungünstig"]
    public static let indexHeader = ["Gemeinde", "Status", "Dynamik", "Index", "Klasse"]

    /// The social index of a block at `day` as a table: one row per municipality with status, dynamics, index and
    /// class; a municipality left out (a value missing or kept secret) says so in every column.
    public static func socialIndex(_ method: SocialIndexMethod, snapshot: ReportSnapshot, on day: Day) -> ReportTable {
        let inputs = SocialIndexSeries.inputs(method, snapshot: snapshot, on: day)
        let result = SocialIndex.compute(method, now: inputs.now, before: inputs.before)
        let byUnit = Dictionary(result.rows.map { ($0.unitKey, $0) }, uniquingKeysWith: { a, _ in a })
        let rows: [[ReportTable.Cell]] = snapshot.unitKeys.compactMap { key in
            let name = ReportTable.Cell(snapshot.unitNames[key] ?? key)
            guard let row = byUnit[key] else {
                return result.leftOut[key] == nil ? nil : [name] + Array(repeating: ReportTable.Cell("nicht berechnet"), count: 4)
            }
            func figure(_ x: Double) -> ReportTable.Cell { ReportTable.Cell(FigureDescription.number(x, decimals: 2), value: (x * 100).rounded() / 100) }
            return [name, figure(row.status), row.dynamics.map(figure) ?? ReportTable.Cell("–"), figure(row.index),
                    ReportTable.Cell(indexClassNames[min(row.classIndex, indexClassNames.count - 1)])]
        }
        return ReportTable(key: SocialIndexSeries.code(for: method.name), header: indexHeader, rows: rows, summary: "", source: "")
    }

    /// Every block's table by block id (lower-case): frozen tables and social indices, in reading order.
    public static func all(_ report: Report, snapshot: ReportSnapshot) -> [(blockID: String, caption: String, table: ReportTable)] {
        report.blocks.compactMap { block in
            let id = block.id.uuidString.lowercased()
            if case .socialIndex(let method) = block.kind { return (id, block.caption, socialIndex(method, snapshot: snapshot, on: report.reportingDate)) }
            return snapshot.table(for: block.id).map { (id, block.caption, $0) }
        }
    }

    /// Every figure of an edition for the data annex: the indicator values, then each block's table at the
    /// reporting date (frozen tables and social indices with their classes).
    public static func annexRows(_ report: Report, snapshot: ReportSnapshot) -> [[String]] {
        snapshot.annexRows() + all(report, snapshot: snapshot).flatMap { $0.table.annexRows(date: report.reportingDate) }
    }

    /// What changed in the blocks' tables from one edition to the next, matched by block (a block's table in only one
    /// edition is compared with an empty one, so each of its cells is listed as appeared or gone). The table is named
    /// by its block's caption in the newer edition.
    public static func changes(from old: ReportEdition, to new: ReportEdition) -> [(table: String, row: String, column: String, before: String?, after: String?)] {
        let before = all(old.report, snapshot: old.snapshot), after = all(new.report, snapshot: new.snapshot)
        let beforeByID = Dictionary(before.map { ($0.blockID, $0.table) }, uniquingKeysWith: { a, _ in a })
        let afterIDs = Set(after.map(\.blockID))
        var result: [(table: String, row: String, column: String, before: String?, after: String?)] = []
        for (id, caption, table) in after {
            let previous = beforeByID[id] ?? ReportTable(key: table.key, header: table.header, rows: [], summary: "", source: "")
            result += ReportTable.changes(from: previous, to: table).map { (caption, $0.row, $0.column, $0.before, $0.after) }
        }
        for (id, caption, table) in before where !afterIDs.contains(id) {
            let empty = ReportTable(key: table.key, header: table.header, rows: [], summary: "", source: "")
            result += ReportTable.changes(from: table, to: empty).map { (caption, $0.row, $0.column, $0.before, $0.after) }
        }
        return result
    }
}

/// The limits of the builder's fields, enforced on the server and shown beside each field.
public enum ReportLimits {
    public static let title = 200
    public static let chapterTitle = 200
    public static let sectionTitle = 200
    public static let caption = 150
    public static let note = 500
    public static let text = 20_000
    public static let components = 2_000
    /// The codes typed for a block, separated by commas.
    public static let codes = 300
    /// Indicators in one table: more do not fit an A4 page side by side.
    public static let tableIndicators = 4
}
