import Fluent
import Foundation
import SQLKit
import SoplaCore
@testable import SoplaStore
import SoplaTestSupport
import Testing

@Suite("Reports in tables of their own")
struct ReportTablesTests {
    let now = Date(timeIntervalSince1970: 1_764_028_800)
    let actor = AuditActor(userID: nil, label: "Test", address: nil)
    let day = Day(iso: "2024-12-31")!

    /// A report with a block of every kind, in two chapters.
    func report(_ title: String) -> Report {
        let method = SocialIndexMethod(name: "Sozialindex", components: [.init(indicatorCode: "sgb2_quote", weight: 2, higherIsWorse: true),
                                                                          .init(indicatorCode: "kita_quote", weight: 1, higherIsWorse: false)],
                                       years: 3, statusWeight: 0.5)
        let blocks: [ReportBlockKind] = [.indicatorTable(codes: ["sgb2_quote", "kita_quote", "sgb2_quote"]), .map(code: "sgb2_quote"), .ranking(code: "kita_quote"),
                                         .timeSeries(code: "sgb2_quote", unitKey: "06532001"), .description(code: "sgb2_quote", unitKey: nil),
                                         .description(code: "kita_quote", unitKey: "06532002"), .socialIndex(method), .serviceCoverage(categoryCode: "schuldnerberatung"),
                                         .fundingOverview, .measureStatus]
        return Report(id: UUID(), title: title, reportingDate: day, territorialStatus: Day(iso: "2024-01-01")!, chapters: [
            ReportChapter(id: UUID(), title: "Lebenslagen", sections: [
                ReportSection(id: UUID(), title: "Armut", text: "Die **Lage**\n\n- eins\n- zwei",
                              blocks: blocks.prefix(6).map { ReportBlock(id: UUID(), kind: $0, caption: "Abb. \($0)", note: "Quelle: BA") }),
                ReportSection(id: UUID(), title: "Leer"),
            ]),
            ReportChapter(id: UUID(), title: "Angebote", sections: [
                ReportSection(id: UUID(), title: "Index und Angebote", blocks: blocks.dropFirst(6).map { ReportBlock(id: UUID(), kind: $0, caption: "Tab.", note: "") }),
            ]),
            ReportChapter(id: UUID(), title: "Ohne Abschnitte"),
        ])
    }

    func edition(of report: Report, number: Int, publishedAt: Date? = nil) -> ReportEdition {
        let info = ReportSnapshot.IndicatorInfo(code: "sgb2_quote", name: "SGB-II-Quote", unit: "%", decimals: 1, definition: "Anteil", source: "BA",
                                                licence: "dl-de/by-2-0", gender: .feminine)
        let snapshot = ReportSnapshot(builtAt: now, countyKey: "06532", countyName: "Lahn-Dill-Kreis", unitKeys: ["06532001"], unitNames: ["06532001": "Aßlar"],
                                      indicators: ["sgb2_quote": info], values: ["sgb2_quote": ["2024-12-31": ["06532001": .init(value: 7.5, suppressed: false),
                                                                                                              "06532": .init(value: nil, suppressed: true)]]])
        return ReportEdition(id: UUID(), reportID: report.id, number: number, report: report, snapshot: snapshot, builtBy: "planung",
                             publishedAt: publishedAt, reviewPaperID: publishedAt == nil ? nil : UUID())
    }

    func count(_ table: String, _ db: any Database) async throws -> Int {
        try await (db as! any SQLDatabase).select().column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n").from(table).first()!.decode(column: "n", as: Int.self)
    }

    func tableExists(_ table: String, _ db: any Database) async -> Bool {
        (try? await (db as! any SQLDatabase).select().column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n").from(table).first()) != nil
    }

    @Test func documentsWrittenBeforeMoveIntoTablesUnchangedAndBack() async throws {
        try await TestDatabase.withDatabase { app in
            let migration = MoveReportsToTables()
            try await migration.revert(on: app.db)
            #expect(await !tableExists(ReportTables.reports, app.db))
            // Documents as the document table held them: two reports, a draft and a published edition, times of their own.
            let first = report("Sozialbericht 2024"), second = Report(id: UUID(), title: "Kurzbericht", reportingDate: day, territorialStatus: day)
            let draft = edition(of: first, number: 2), published = edition(of: first, number: 1, publishedAt: Date(timeIntervalSince1970: 1_760_000_000))
            let created = Date(timeIntervalSince1970: 1_700_000_000)
            try await MoveReportsToTables.document(kind: "report", id: first.id, reportID: nil, value: first, label: first.title,
                                                   createdAt: created, modifiedAt: now, on: app.db)
            try await MoveReportsToTables.document(kind: "report", id: second.id, reportID: nil, value: second, label: second.title,
                                                   createdAt: created.addingTimeInterval(60), modifiedAt: now, on: app.db)
            for e in [published, draft] {
                try await MoveReportsToTables.document(kind: "edition", id: e.id, reportID: first.id, value: e, label: ReportStore.label(e),
                                                       createdAt: now, modifiedAt: now, on: app.db)
            }

            try await migration.prepare(on: app.db)
            #expect(await !tableExists(ReportModel.schema, app.db))
            let store = ReportStore(database: app.db)
            #expect(try await store.reports() == [first, second])
            #expect(try await store.report(id: first.id) == first)
            #expect(try await store.editions() == [published, draft])
            #expect(try await store.edition(reportID: first.id, number: 2) == draft)
            let summaries = try await store.editionSummaries(of: first.id)
            #expect(summaries.map(\.number) == [1, 2] && summaries.map(\.title) == ["Sozialbericht 2024", "Sozialbericht 2024"])
            #expect(summaries[0].publishedAt == published.publishedAt && summaries[0].reviewPaperID == published.reviewPaperID && summaries[1].publishedAt == nil)
            #expect(summaries.allSatisfy { $0.createdAt == now })
            #expect(try await count(ReportTables.chapters, app.db) == 3)
            #expect(try await count(ReportTables.sections, app.db) == 3)
            #expect(try await count(ReportTables.blocks, app.db) == 10)
            // Three codes of the table (one twice), one each for map … second description, two of the social index.
            #expect(try await count(ReportTables.blockIndicators, app.db) == 3 + 5 + 2)
            #expect(try await store.reports(usingIndicator: "kita_quote").map(\.title) == ["Sozialbericht 2024"])
            #expect(try await store.reports(usingIndicator: "gibtsnicht").isEmpty)

            // Back to documents and forward again: nothing is lost either way.
            try await migration.revert(on: app.db)
            let documents = try await ReportModel.query(on: app.db).sort(\.$createdAt).sort(\.$kind).all()
            #expect(documents.count == 4)
            #expect(try documents.filter { $0.kind == "report" }.map { try ParticipationStore.decode(Report.self, $0.document) } == [first, second])
            #expect(Set(try documents.filter { $0.kind == "edition" }.map { try ParticipationStore.decode(ReportEdition.self, $0.document) }) == [published, draft])
            #expect(documents.first { $0.id == first.id }?.createdAt == created)
            try await migration.prepare(on: app.db)
            #expect(try await store.reports() == [first, second])
            #expect(try await store.editions() == [published, draft])
        }
    }

    @Test func anEditionOfAMissingReportOrAnUnknownKindStopsTheMoveAndLeavesTheDocuments() async throws {
        try await TestDatabase.withDatabase { app in
            let migration = MoveReportsToTables()
            try await migration.revert(on: app.db)
            let lost = report("Verloren")
            let orphan = edition(of: lost, number: 1)
            try await MoveReportsToTables.document(kind: "edition", id: orphan.id, reportID: lost.id, value: orphan, label: "Verloren (1)",
                                                   createdAt: now, modifiedAt: now, on: app.db)
            await #expect { try await migration.prepare(on: app.db) } throws: { error in
                "\(error)".contains("belongs to report \(lost.id.uuidString.lowercased()), which does not exist")
            }
            #expect(try await ReportModel.query(on: app.db).count() == 1)
            #expect(await !tableExists(ReportTables.reports, app.db))
        }
    }

    @Test func savingWritesOnlyChangesAndDeletingRemovesEveryRow() async throws {
        try await TestDatabase.withDatabase { app in
            let store = ReportStore(database: app.db), accounts = AccountStore(database: app.db)
            var r = report("Sozialbericht 2024")
            try await store.save(r, actor: actor, at: now)
            try await store.save(r, actor: actor, at: now)
            #expect(try await accounts.audit(AuditQuery()).entries.filter { $0.entityType == "report-report" }.count == 1)
            // Reordering sections and removing a block replaces the stored structure.
            r.chapters[0].sections.swapAt(0, 1)
            r.chapters[0].sections[1].blocks.removeFirst()
            r.title = "Sozialbericht 2024 (Entwurf)"
            try await store.save(r, actor: actor, at: now.addingTimeInterval(60))
            #expect(try await store.report(id: r.id) == r)
            #expect(try await count(ReportTables.blocks, app.db) == 9)
            let update = try #require(try await accounts.audit(AuditQuery()).entries.first { $0.entityType == "report-report" && $0.action == .update })
            #expect(update.changes.contains { $0.field == "title" && $0.before == "Sozialbericht 2024" && $0.after == "Sozialbericht 2024 (Entwurf)" })

            let draft = try await store.create(edition(of: r, number: 0), actor: actor, at: now)
            #expect(draft.number == 1)
            try await store.delete(reportID: r.id, actor: actor, at: now)
            for table in [ReportTables.reports, ReportTables.chapters, ReportTables.sections, ReportTables.blocks, ReportTables.blockIndicators, ReportTables.editions] {
                #expect(try await count(table, app.db) == 0, "\(table)")
            }
            let deletions = try await accounts.audit(AuditQuery()).entries.filter { $0.action == .delete }.map(\.entityType)
            #expect(deletions.sorted() == ["report-edition", "report-report"])
        }
    }

    @Test func editionNumbersAreUniqueAndPublishedEditionsFinal() async throws {
        try await TestDatabase.withDatabase { app in
            let store = ReportStore(database: app.db)
            let r = report("Sozialbericht 2024")
            try await store.save(r, actor: actor, at: now)
            // Two builds at once get two numbers.
            async let a = store.create(edition(of: r, number: 0), actor: actor, at: now)
            async let b = store.create(edition(of: r, number: 0), actor: actor, at: now)
            #expect(Set(try await [a.number, b.number]) == [1, 2])
            // The database refuses a second edition with a taken number.
            await #expect(throws: (any Error).self) { try await store.save(edition(of: r, number: 1), actor: actor, at: now) }
            #expect(try await store.editions(of: r.id).count == 2)

            var first = try #require(try await store.edition(reportID: r.id, number: 1))
            first.publishedAt = now
            try await store.save(first, actor: actor, at: now)
            first.builtBy = "jemand"
            await #expect(throws: ReportStoreError.published) { try await store.save(first, actor: actor, at: now) }
            await #expect(throws: ReportStoreError.published) { try await store.delete(reportID: r.id, actor: actor, at: now) }
            #expect(try await store.report(id: r.id) != nil)
            #expect(try await store.editions(of: r.id).count == 2)
            // An edition of a report that does not exist is refused by the database.
            await #expect(throws: (any Error).self) { try await store.create(edition(of: report("Nie gespeichert"), number: 0), actor: actor, at: now) }
        }
    }
}
