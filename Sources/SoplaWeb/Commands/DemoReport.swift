import Foundation
import SoplaApp
import SoplaCore
import SoplaStore
import Vapor

/// The demo's example Sozialbericht, built from the demo's figures and published, so the portal's first tile leads
/// to a report with chapters, maps, tables, generated text and its PDF. Marked as an example throughout.
enum DemoReport {
    static let id = UUID(uuidString: "5b0c1e2a-0300-4000-8000-000000000001")!

    /// Blocks are referred to in texts by the first eight characters of their id ("[[5b030001]]"), so these differ.
    static func block(_ n: Int, _ kind: ReportBlockKind, _ caption: String, note: String = "") -> ReportBlock {
        ReportBlock(id: UUID(uuidString: String(format: "5b03%04d-0300-4000-8000-5b0c1e2a0300", n))!, kind: kind, caption: caption, note: note)
    }

    static func part(_ n: Int) -> UUID { UUID(uuidString: String(format: "5b0c1e2a-0300-4000-8000-%012d", n))! }

    /// The report: population, poverty and participation, children and families, a social index, services and funding.
    static func report(today: Day) -> Report {
        let county = "06532"
        return Report(id: id, title: "Sozialbericht Lahn-Dill-Kreis (Beispiel)", reportingDate: Day(year: 2024, month: 12, day: 31)!, territorialStatus: today, chapters: [
            ReportChapter(id: part(10), title: "Bevölkerung", sections: [
                ReportSection(id: part(11), title: "Einwohnerinnen, Einwohner und Fläche",
                              text: "Der Lahn-Dill-Kreis hat 23 Städte und Gemeinden. Die Einwohnerzahlen und Flächen sind amtliche Angaben; "
                                  + "alle übrigen Zahlen dieses Beispielberichts sind erfunden und dienen nur der Vorführung.",
                              blocks: [block(1, .indicatorTable(codes: ["bevoelkerung", "dichte"]), "Einwohner und Bevölkerungsdichte nach Gemeinden"),
                                       block(2, .map(code: "dichte"), "Bevölkerungsdichte")]),
            ]),
            ReportChapter(id: part(20), title: "Armut und Teilhabe", sections: [
                ReportSection(id: part(21), title: "Kinder in Haushalten mit SGB-II-Leistungen",
                              text: "Wie viele Kinder in Bedarfsgemeinschaften nach dem SGB II leben, ist der wichtigste Hinweis auf Kinderarmut im Kreis (Beispielzahlen).",
                              blocks: [block(3, .map(code: "sgb2_quote_u18"), "SGB-II-Quote der unter 18-Jährigen"),
                                       block(4, .ranking(code: "sgb2_quote_u18"), "Gemeinden nach SGB-II-Quote der unter 18-Jährigen"),
                                       block(5, .timeSeries(code: "sgb2_quote_u18", unitKey: county), "Entwicklung im Kreis"),
                                       block(6, .description(code: "sgb2_quote_u18", unitKey: nil), "Was die Zahlen sagen")]),
                ReportSection(id: part(22), title: "Arbeitslosigkeit",
                              blocks: [block(7, .map(code: "alo_quote"), "Arbeitslosenanteil"),
                                       block(8, .description(code: "alo_quote", unitKey: county), "Arbeitslosenanteil im Kreis")]),
            ]),
            ReportChapter(id: part(30), title: "Kinder, Jugend und Familie", sections: [
                ReportSection(id: part(31), title: "Betreuung und Hilfen zur Erziehung",
                              text: "Kleine Fallzahlen der Heimerziehung werden nicht veröffentlicht; die Tabelle zeigt, wo Werte geheim gehalten werden.",
                              blocks: [block(9, .indicatorTable(codes: ["kita_u3_quote", "heim_je_1000"]), "Betreuung unter Dreijähriger und Heimerziehung")]),
            ]),
            ReportChapter(id: part(40), title: "Sozialindex", sections: [
                ReportSection(id: part(41), title: "Soziale Lage der Gemeinden",
                              text: "Der Sozialindex fasst SGB-II-Quote und Arbeitslosenanteil zusammen; Status und Entwicklung der letzten drei Jahre gehen ein.",
                              blocks: [block(10, .socialIndex(SocialIndexMethod(name: "Sozialindex (Beispiel)", components: [
                                  .init(indicatorCode: "sgb2_quote_u18", weight: 0.5, higherIsWorse: true),
                                  .init(indicatorCode: "alo_quote", weight: 0.5, higherIsWorse: true),
                              ], years: 3, statusWeight: 0.7)), "Sozialindex der Gemeinden")]),
            ]),
            ReportChapter(id: part(50), title: "Angebote, Förderung und Umsetzung", sections: [
                ReportSection(id: part(51), title: "Versorgung und Förderung",
                              blocks: [block(11, .serviceCoverage(categoryCode: "erziehungsberatung"), "Versorgung mit Erziehungsberatung"),
                                       block(12, .fundingOverview, "Förderung durch den Kreis"),
                                       block(13, .measureStatus, "Stand der Maßnahmen")]),
            ]),
        ])
    }

    /// Builds and publishes the report once; nothing when it is there already (a second `sopla demo`).
    @discardableResult
    static func publish(_ app: Application) async throws -> Bool {
        let reports = ReportStore(database: app.db)
        guard try await reports.report(id: id) == nil else { return false }
        let clock = app.settings.clock
        let actor = AuditActor.system("sopla demo")
        let report = report(today: clock.today)
        try await reports.save(report, actor: actor, at: clock.now())
        let planner = try await AccountStore(database: app.db).credentials(email: "planung@demo.sopla.example")?.user.id ?? UUID()
        let editions = ReportEditionService(reports: reports, snapshots: app.reportSnapshots(), participation: app.participationStore)
        switch try await editions.build(report, builtBy: planner, actor: actor, now: clock.now(), today: clock.today) {
        case .built(let edition):
            _ = try await editions.publish(edition, actor: actor, now: clock.now())
            return true
        case .refused(let issues):
            throw CommandFailure("the demo report could not be built: \(issues.map(\.field).joined(separator: ", "))")
        }
    }
}
