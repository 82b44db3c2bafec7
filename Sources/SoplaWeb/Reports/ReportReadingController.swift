import Foundation
import SoplaApp
import SoplaCore
import SoplaFormats
import SoplaRender
import SoplaStore
import Vapor

/// Published social reports for everyone: the list, each edition as a page, PDF and data annex, and what changed
/// against the edition before. Drafts only for those who manage reports.
struct ReportReadingController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let p = ReportRoute.self
        let read = RoutePermission(.readPublic)
        routes.on(.GET, p.published, read, use: published)
        routes.on(.GET, p.edition, read, use: edition)
        routes.on(.GET, p.annex, read, use: annex)
        routes.on(.GET, p.pdf, read, use: pdf)
        routes.on(.GET, p.comparison, read, use: comparison)
    }

    func published(req: Request) async throws -> HTMLResponse {
        let editions = try await req.reportStore.editionSummaries().compactMap { e in e.publishedAt.map { (title: e.title, number: e.number, reportID: e.reportID, publishedAt: $0) } }
            .sorted { $0.publishedAt > $1.publishedAt }
        return HTMLResponse(PublishedReportsPage.render(editions, context: try await req.pageContext()))
    }

    func edition(req: Request) async throws -> HTMLResponse {
        let e = try await ReportPages.edition(req)
        let document = ReportDocument(report: e.report, snapshot: e.snapshot, geometry: try await ReportPages.geometry(req, on: e.report.territorialStatus), language: req.language)
        let previous = ReportPages.previousPublished(before: (e.number, e.publishedAt), in: try await req.reportStore.editionSummaries(of: e.reportID))?.number
        return HTMLResponse(ReportEditionPage.render(document, edition: (e.number, e.publishedAt != nil, previous), annex: ReportRoute.annex(e.reportID, e.number),
                                                     context: try await req.pageContext()))
    }

    /// A published edition's PDF is kept while the boundaries its maps show stay as they are (the edition itself is
    /// final); a draft's is made anew each time.
    func pdf(req: Request) async throws -> Response {
        let e = try await ReportPages.edition(req)
        let language = req.language
        var key: PDFCache.Key?
        if let published = e.publishedAt {
            key = PDFCache.Key(document: "bericht/\(e.reportID.uuidString)/\(e.number)/\(language.rawValue)",
                               stamp: "s\(try await req.spatial.dataVersion())-p\(published.timeIntervalSince1970)")
        }
        return try await req.pdfDocuments.response(req, key: key, filename: "sozialbericht-\(e.number).pdf") {
            try await ReportPages.printHTML(req, e, language: language)
        }
    }

    /// The figures that differ from the edition before (both readable by the requester).
    func comparison(req: Request) async throws -> HTMLResponse {
        let e = try await ReportPages.edition(req)
        guard let summary = ReportPages.previousPublished(before: (e.number, e.publishedAt), in: try await req.reportStore.editionSummaries(of: e.reportID)),
              let previous = try await req.reportStore.edition(id: summary.id) else { throw Abort(.notFound) }
        func text(_ v: ReportSnapshot.Value?, _ code: String) -> String {
            guard let v else { return "–" }
            if v.suppressed { return "•" }
            return v.value.map { Format.decimal($0, digits: e.snapshot.indicators[code]?.decimals ?? 1, req.language) } ?? "–"
        }
        let names = e.snapshot.unitNames.merging(previous.snapshot.unitNames) { a, _ in a }
        let changes = ReportSnapshot.changes(from: previous.snapshot, to: e.snapshot).map { c in
            (indicator: e.snapshot.indicators[c.code]?.name ?? previous.snapshot.indicators[c.code]?.name ?? c.code, date: Day(iso: c.date).map { Format.day($0, req.language) } ?? c.date,
             unit: names[c.unit] ?? c.unit, before: text(c.before, c.code), after: text(c.after, c.code))
        }
        // The social index's columns and classes in the page's language (the report shows them so too).
        let t = Texts(req.language)
        let indexWords = Dictionary(uniqueKeysWithValues: zip(ReportBlockTables.indexHeader.dropFirst() + ReportBlockTables.indexClassNames,
                                                              [t(.indexStatus), t(.indexDynamics), t(.indexValue), t(.indexClass),
                                                               t(.indexClass0), t(.indexClass1), t(.indexClass2), t(.indexClass3)]))
        let indexBlocks = Set((e.report.blocks + previous.report.blocks).filter { if case .socialIndex = $0.kind { return true } else { return false } }.map(\.caption))
        func word(_ text: String?, _ table: String) -> String { text.map { indexBlocks.contains(table) ? indexWords[$0] ?? $0 : $0 } ?? "–" }
        let tableChanges = ReportBlockTables.changes(from: previous, to: e).map { c in
            (table: c.table, row: c.row, column: word(c.column, c.table), before: word(c.before, c.table), after: word(c.after, c.table))
        }
        return HTMLResponse(EditionComparisonPage.render(title: e.report.title, reportID: e.reportID, number: e.number, previous: previous.number, changes: changes,
                                                         tableChanges: tableChanges,
                                                         context: try await req.pageContext()))
    }

    func annex(req: Request) async throws -> Response {
        let e = try await ReportPages.edition(req)
        // The snapshot keeps its cells as written when it was frozen (ISO dates, decimal point); the file shows them the German way.
        let rows = ReportBlockTables.annexRows(e.report, snapshot: e.snapshot).map { row in
            [row[0], Day(iso: row[1]).map(GermanCSV.day) ?? row[1], row[2], row[3], Double(row[4]).map { GermanCSV.number($0) } ?? row[4], GermanCSV.yesNo(row[5] == "true")]
        }
        return CSVDownload.response(CSV.write(header: ["Kennzahl", "Stichtag", "Gebietsschlüssel", "Gebiet", "Wert", "geheim gehalten"], rows: rows),
                                                  filename: "sozialbericht-\(e.number)-daten.csv")
    }
}
