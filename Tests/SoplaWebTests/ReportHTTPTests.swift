import Foundation
import SoplaCore
import SoplaStore
import SQLKit
import Testing
import Vapor
import VaporTesting
@testable import SoplaWeb

@Suite("Social reports over HTTP")
struct ReportHTTPTests {
    /// Creates a report with one chapter and section; returns the builder's path and the section's form address.
    static func draft(_ app: Application, _ planner: TestSession) async throws -> (builder: String, section: String) {
        var builder = ""
        try await post(app, "/berichte/verwaltung", session: planner, fields: [("title", "Sozialbericht (Test)"), ("reportingDate", "2025-06-30"),
                                                                             ("territorialStatus", "2025-06-30")]) { res in
            #expect(res.status == .seeOther)
            builder = String(try #require(res.headers.first(name: .location)).prefix { $0 != "?" })
        }
        try await post(app, builder + "/kapitel", session: planner, fields: [("chapter", "Lebenslagen")]) { res in #expect(res.status == .seeOther) }
        var chapterForm = ""
        try await get(app, builder, session: planner) { res in
            chapterForm = String(res.body.string.firstMatch(of: /action="([^"]+\/abschnitte)"/)!.1)
        }
        try await post(app, chapterForm, session: planner, fields: [("section", "Armut")]) { res in #expect(res.status == .seeOther) }
        var section = ""
        try await get(app, builder, session: planner) { res in
            section = String(res.body.string.firstMatch(of: /action="(\/berichte\/verwaltung\/[^"]+\/abschnitte\/[0-9a-f-]+)"/)!.1)
        }
        return (builder, section)
    }

    @Test func aPlannerBuildsPublishesAndTheEditionStaysAsItWas() async throws {
        try await withTestApp { app in
            let planner = try await login(app, DemoLogin.planner)
            let (builder, section) = try await Self.draft(app, planner)
            try await post(app, section, session: planner, fields: [("text", "Die **Lage** <script>alert(1)</script> [x](javascript:alert(2)).")]) { res in #expect(res.status == .seeOther) }
            // Unknown codes and a time series without a place are refused; nothing is added.
            try await post(app, section + "/bloecke", session: planner, fields: [("kind", "table"), ("codes", "sgb2_quote_u18, gibtsnicht"), ("caption", "T")]) { res in
                #expect(res.status == .unprocessableEntity && res.body.string.contains("gibtsnicht"))
            }
            try await post(app, section + "/bloecke", session: planner, fields: [("kind", "series"), ("codes", "sgb2_quote_u18"), ("caption", "Z")]) { res in
                #expect(res.status == .unprocessableEntity)
            }
            for fields in [[("kind", "table"), ("codes", "sgb2_quote_u18, alo_quote"), ("caption", "Quoten")],
                           [("kind", "map"), ("codes", "sgb2_quote_u18"), ("caption", "Karte SGB II")],
                           [("kind", "description"), ("codes", "sgb2_quote_u18"), ("unit", "06532023"), ("caption", "Wetzlar")],
                           [("kind", "index"), ("caption", "Sozialindex"), ("components", "sgb2_quote_u18; 2; ja\nalo_quote; 1; ja\nJahre: 3\nStatus: 60")]] {
                try await post(app, section + "/bloecke", session: planner, fields: fields) { res in #expect(res.status == .seeOther, "\(fields)") }
            }
            try await get(app, builder + "/vorschau", session: planner) { res in
                let body = res.body.string
                #expect(body.contains("Tabelle 1: Quoten") && body.contains("Abbildung 1: Karte SGB II") && body.contains("Abbildung 2: Sozialindex"))
                #expect(body.contains("&lt;script&gt;") && !body.contains("<script>alert") && !body.contains("href=\"javascript"))
                #expect(body.contains("liegt in Wetzlar mit"))
                #expect(body.contains("Status 60 %, Dynamik über 3 Jahre"))
            }
            var edition = ""
            try await post(app, builder + "/ausgaben", session: planner) { res in
                #expect(res.status == .seeOther)
                edition = String(try #require(res.headers.first(name: .location)).prefix { $0 != "?" })
            }
            // A draft edition is not public; publishing needs the confirmation.
            try await get(app, edition, session: nil) { res in #expect(res.status == .notFound) }
            try await post(app, builder + "/ausgaben/1/veroeffentlichen", session: planner) { res in #expect(res.status == .unprocessableEntity) }
            try await post(app, builder + "/ausgaben/1/veroeffentlichen", session: planner, fields: [("confirm", "ja")]) { res in #expect(res.status == .seeOther) }
            var published = ""
            try await get(app, edition, session: nil) { res in
                #expect(res.status == .ok)
                published = res.body.string
            }
            var annex = ""
            try await get(app, edition + "/daten.csv", session: nil) { res in annex = res.body.string }
            #expect(annex.contains("sgb2_quote_u18,2024-12-31,06532023,Wetzlar,"))
            // Unemployment revised upwards in Wetzlar: a second edition shows the change against the first.
            try await (app.db as! any SQLDatabase).raw("UPDATE observations SET value = value + 500 WHERE variable = 'alo' AND unit_key = '06532023' AND is_current = \(bind: true)").run()
            try await post(app, builder + "/ausgaben", session: planner) { res in #expect(res.status == .seeOther) }
            // The edition's address ends in its number.
            let second = String(edition.dropLast()) + "2"
            try await get(app, second + "/vergleich", session: planner) { res in
                #expect(res.status == .ok)
                #expect(res.body.string.contains("Arbeitslosenanteil (Beispiel)") && res.body.string.contains("Wetzlar"))
                #expect(!res.body.string.contains("Keine Zahl hat sich geändert."))
            }
            // The second edition is a draft: the public sees neither it nor its comparison.
            try await get(app, second + "/vergleich", session: nil) { res in #expect(res.status == .notFound) }
            // Data revised afterwards (the indicator removed from the catalogue): the builder says so and refuses a new
            // edition, the published one reads exactly as before.
            try await (app.db as! any SQLDatabase).raw("DELETE FROM indicators WHERE code = 'alo_quote'").run()
            try await get(app, builder, session: planner) { res in #expect(res.body.string.contains("„alo_quote“, den es nicht mehr gibt")) }
            try await post(app, builder + "/ausgaben", session: planner) { res in #expect(res.status == .unprocessableEntity) }
            try await get(app, edition, session: nil) { res in
                #expect(res.body.string.replacing(/Daten vom [^<]*/, with: "") == published.replacing(/Daten vom [^<]*/, with: ""))
            }
            try await get(app, edition + "/daten.csv", session: nil) { res in #expect(res.body.string == annex) }
            try await get(app, "/berichte", session: nil) { res in #expect(res.body.string.contains("Sozialbericht (Test)")) }
            // A published edition cannot be written again.
            let stored = try #require(try await ReportStore(database: app.db).editions().first)
            await #expect(throws: ReportStoreError.published) { try await ReportStore(database: app.db).save(stored, actor: .system("test"), at: testNow) }
            // Only planners build reports.
            let tina = try await login(app, DemoLogin.provider)
            try await get(app, builder, session: tina) { res in #expect(res.status == .forbidden) }
        }
    }
}

@Suite("Transparency portal over HTTP")
struct PortalHTTPTests {
    @Test func fundingTotalsSitemapAndStartPage() async throws {
        try await withTestApp { app in
            try await get(app, "/", session: nil) { res in #expect(res.body.string.contains("Transparenzportal") && res.body.string.contains("href=\"/foerderung/zahlen\"")) }
            try await get(app, "/foerderung/zahlen?jahr=\(Day(testNow).year)", session: nil) { res in
                #expect(res.status == .ok)
                let body = res.body.string
                #expect(body.contains("Förderung in Zahlen") && body.contains("212.308,00"))
                // Totals only: no provider, no agreement.
                #expect(!body.contains("Caritasverband") && !body.contains("EB-"))
            }
            try await get(app, "/foerderung/zahlen.csv?jahr=\(Day(testNow).year)", session: nil) { res in
                #expect(res.body.string.contains(",programme,") && !res.body.string.contains(",provider,") && !res.body.string.contains(",attainment,"))
            }
            try await get(app, "/sitemap.xml", session: nil) { res in
                let body = res.body.string
                #expect(body.hasPrefix("<?xml") && body.contains("/gebiete/06532023</loc>") && body.contains("/gebiete/06532023/steckbrief</loc>"))
                #expect(body.contains("/gremien/5b0c1e2a-0100-4000-8000-000000000004</loc>"))
                // The internal steering group is not listed.
                #expect(!body.contains("/gremien/5b0c1e2a-0100-4000-8000-000000000001<"))
            }
        }
    }
}
