import Foundation
import SoplaCore
import SoplaRender
import SoplaStore
import SQLKit
import Testing
import Vapor
import VaporTesting
@testable import SoplaDemo
@testable import SoplaWeb

@Suite("Drafts, publishing, archiving and deleting in the catalogue over HTTP")
struct CatalogueLifecycleHTTPTests {
    func codes(_ res: TestingHTTPResponse) throws -> [String] {
        let list = try #require(try JSONSerialization.jsonObject(with: Data(res.body.readableBytesView)) as? [[String: Any]])
        return list.compactMap { $0["code"] as? String }
    }

    /// Creates the variable `wohngeld` and the indicator `wohngeld_quote` through the admin forms.
    func createDrafts(_ app: Application, _ planner: TestSession) async throws {
        try await post(app, "/merkmale", session: planner, fields: [("code", "wohngeld"), ("nameDE", "Wohngeldhaushalte"), ("nameEN", "Housing benefit households"),
                                                                    ("unit", "Haushalte"), ("source", "Land"), ("licence", "dl-de/by-2-0"), ("isCount", "ja")]) { res in
            #expect(res.status == .seeOther)
        }
        try await post(app, "/indikatoren", session: planner, fields: [("code", "wohngeld_quote"), ("nameDE", "Wohngeldquote"), ("nameEN", "Housing benefit rate"),
                                                                       ("topic", "housing"), ("numerator", "wohngeld"), ("denominator", "bevoelkerung"), ("factor", "1000"),
                                                                       ("polarity", "higher-is-worse"), ("decimals", "1")]) { res in
            #expect(res.status == .seeOther)
            #expect(res.headers.first(name: .location) == "/indikatoren/wohngeld_quote?hinweis=angelegt")
        }
    }

    @Test func aNewIndicatorIsADraftSeenByPlannersOnlyUntilPublished() async throws {
        try await withTestApp { app in
            let planner = try await login(app, DemoLogin.planner)
            try await createDrafts(app, planner)
            #expect(try await app.indicatorStore.variable(code: "wohngeld")?.state == .draft)
            #expect(try await app.indicatorStore.indicator(code: "wohngeld_quote")?.state == .draft)
            // Nobody else sees the drafts: not the page, the catalogue, the CSVs, the API, the sitemap.
            for path in ["/indikatoren/wohngeld_quote", "/indikatoren/wohngeld_quote/werte.csv", "/api/v1/indicators/wohngeld_quote",
                         "/api/v1/indicators/wohngeld_quote/values"] {
                try await get(app, path, session: nil) { res in #expect(res.status == .notFound, "\(path)") }
            }
            for path in ["/indikatoren", "/indikatoren.csv", "/sitemap.xml", "/merkmale", "/merkmale.csv"] {
                try await get(app, path, session: nil) { res in
                    #expect(res.status == .ok, "\(path)")
                    #expect(!res.body.string.contains("wohngeld") && !res.body.string.contains("Wohngeld"), "\(path)")
                }
            }
            try await get(app, "/api/v1/indicators", session: nil) { res in
                let list = try codes(res)
                #expect(list.contains("heim_je_1000") && !list.contains("wohngeld_quote"))
            }
            try await get(app, "/api/v1/variables", session: nil) { res in
                let list = try codes(res)
                #expect(list.contains("heim") && !list.contains("wohngeld"))
            }
            // The planner sees them, marked, and opens the page.
            try await get(app, "/indikatoren", session: planner) { res in
                let html = res.body.string
                #expect(html.contains("<h2 id=\"unveroeffentlicht\">Entwürfe und archivierte Indikatoren</h2>"))
                #expect(html.contains("<a href=\"/indikatoren/wohngeld_quote\">Wohngeldquote</a></th><td><span class=\"catalogue-state\">Entwurf</span></td>"))
            }
            try await get(app, "/indikatoren/wohngeld_quote", session: planner) { res in
                #expect(res.status == .ok)
                #expect(res.body.string.contains("<p class=\"notice notice-info\" role=\"note\">Entwurf: nur für Planende sichtbar"))
                #expect(res.body.string.contains("action=\"/indikatoren/wohngeld_quote/veroeffentlichen\""))
            }
            try await get(app, "/merkmale", session: planner) { res in
                #expect(res.body.string.contains("<th scope=\"row\">Wohngeldhaushalte<span class=\"catalogue-state\">Entwurf</span></th>"))
            }
            // Publishing the indicator first is refused, naming the draft variable; nothing changes.
            try await post(app, "/indikatoren/wohngeld_quote/veroeffentlichen", session: planner) { res in
                #expect(res.status == .conflict)
                let html = res.body.string
                #expect(html.contains("<h1>Nicht veröffentlicht: „Wohngeldquote“</h1>"))
                #expect(html.contains("<a href=\"/merkmale/wohngeld/bearbeiten\">Wohngeldhaushalte (wohngeld) – Entwurf</a>"))
            }
            #expect(try await app.indicatorStore.indicator(code: "wohngeld_quote")?.state == .draft)
            // Without the form token nothing happens.
            try await post(app, "/merkmale/wohngeld/veroeffentlichen", session: planner, csrf: "falsch") { res in #expect(res.status == .forbidden) }
            #expect(try await app.indicatorStore.variable(code: "wohngeld")?.state == .draft)
            try await post(app, "/merkmale/wohngeld/veroeffentlichen", session: planner) { res in
                #expect(res.status == .seeOther)
                #expect(res.headers.first(name: .location) == "/merkmale/wohngeld/bearbeiten?hinweis=veroeffentlicht")
            }
            try await get(app, "/merkmale/wohngeld/bearbeiten?hinweis=veroeffentlicht", session: planner) { res in
                #expect(res.body.string.contains(">Veröffentlicht.</p>"))
                #expect(res.body.string.contains("<h2 id=\"status\">Status: veröffentlicht</h2>"))
            }
            try await post(app, "/indikatoren/wohngeld_quote/veroeffentlichen", session: planner) { res in
                #expect(res.status == .seeOther)
                #expect(res.headers.first(name: .location) == "/indikatoren/wohngeld_quote?hinweis=veroeffentlicht")
            }
            // Now everyone sees it.
            try await get(app, "/indikatoren/wohngeld_quote", session: nil) { res in #expect(res.status == .ok) }
            try await get(app, "/indikatoren", session: nil) { res in
                #expect(res.body.string.contains("<a href=\"/indikatoren/wohngeld_quote\">Wohngeldquote</a>"))
            }
            try await get(app, "/indikatoren.csv", session: nil) { res in #expect(res.body.string.contains("\nwohngeld_quote;Wohngeldquote;Housing benefit rate;Wohnen;")) }
            try await get(app, "/api/v1/indicators", session: nil) { res in
                let list = try codes(res)
                #expect(list.contains("wohngeld_quote"))
            }
            try await get(app, "/sitemap.xml", session: nil) { res in #expect(res.body.string.contains("/indikatoren/wohngeld_quote</loc>")) }
            try await get(app, "/merkmale.csv", session: nil) { res in #expect(res.body.string.contains("\nwohngeld;Wohngeldhaushalte;")) }
            // A person without the right cannot publish or delete.
            let provider = try await login(app, DemoLogin.provider)
            try await post(app, "/indikatoren/wohngeld_quote/archivieren", session: provider, fields: [("bestaetigt", "ja")]) { res in #expect(res.status == .forbidden) }
            #expect(try await app.indicatorStore.indicator(code: "wohngeld_quote")?.state == .published)
        }
    }

    @Test func deletingAUsedVariableIsRefusedNamingTheUseAndAnUnusedOneIsDeleted() async throws {
        try await withTestApp { app in
            let planner = try await login(app, DemoLogin.planner)
            let sql = try #require(app.db as? any SQLDatabase)
            let stored = try #require(try await sql.raw("SELECT COUNT(*) AS n FROM observations WHERE variable = 'alo'").first()?.decode(column: "n", as: Int.self))
            #expect(stored > 0)
            try await get(app, "/merkmale/alo/loeschen", session: planner) { res in
                #expect(res.status == .conflict)
                let html = res.body.string
                #expect(html.contains("<h1>Nicht gelöscht: „Arbeitslose“ wird verwendet</h1>"))
                #expect(html.contains("<li>\(Format.integer(stored, .de)) gespeicherte Werte</li>"))
                #expect(html.contains("<li><a href=\"/indikatoren/alo_quote\">Indikator „Arbeitslosenanteil (Beispiel)“ (alo_quote)</a></li>"))
                #expect(html.contains("<li><a href=\"/indikatoren/alo_frauen\">Indikator „Arbeitslose Frauen (Beispiel)“ (alo_frauen)</a></li>"))
                // Archiving is offered; here it is refused in turn while published indicators show the variable.
                #expect(html.contains("<a href=\"/merkmale/alo/archivieren\" class=\"button\">Stattdessen archivieren</a>"))
            }
            try await post(app, "/merkmale/alo/loeschen", session: planner, fields: [("bestaetigt", "ja")]) { res in
                #expect(res.status == .conflict)
                #expect(res.body.string.contains("gespeicherte Werte"))
            }
            #expect(try await app.indicatorStore.variable(code: "alo") != nil)
            try await get(app, "/merkmale/alo/archivieren", session: planner) { res in
                #expect(res.status == .conflict)
                #expect(res.body.string.contains("<h1>Nicht archiviert: „Arbeitslose“</h1>"))
                #expect(res.body.string.contains("<a href=\"/indikatoren/alo_frauen\">Arbeitslose Frauen (Beispiel) (alo_frauen)</a>"))
            }
            // An unused draft: a confirmation, then it is gone, and the audit log keeps what it was.
            try await createDrafts(app, planner)
            try await get(app, "/indikatoren/wohngeld_quote/loeschen", session: planner) { res in
                #expect(res.status == .ok)
                #expect(res.body.string.contains("Der Indikator „Wohngeldquote“ wird endgültig gelöscht."))
                #expect(res.body.string.contains("<input type=\"hidden\" name=\"bestaetigt\" value=\"ja\"/>"))
            }
            // Without the confirmation field the request leads back to the confirmation.
            try await post(app, "/indikatoren/wohngeld_quote/loeschen", session: planner) { res in
                #expect(res.status == .seeOther)
                #expect(res.headers.first(name: .location) == "/indikatoren/wohngeld_quote/loeschen")
            }
            #expect(try await app.indicatorStore.indicator(code: "wohngeld_quote") != nil)
            // The variable is used by the indicator until the indicator is deleted.
            try await get(app, "/merkmale/wohngeld/loeschen", session: planner) { res in
                #expect(res.status == .conflict)
                #expect(res.body.string.contains("Indikator „Wohngeldquote“ (wohngeld_quote)"))
            }
            try await post(app, "/indikatoren/wohngeld_quote/loeschen", session: planner, fields: [("bestaetigt", "ja")]) { res in
                #expect(res.status == .seeOther)
                #expect(res.headers.first(name: .location) == "/indikatoren?hinweis=entfernt")
            }
            try await post(app, "/merkmale/wohngeld/loeschen", session: planner, fields: [("bestaetigt", "ja")]) { res in
                #expect(res.status == .seeOther)
                #expect(res.headers.first(name: .location) == "/merkmale?hinweis=entfernt")
            }
            #expect(try await app.indicatorStore.indicator(code: "wohngeld_quote") == nil)
            #expect(try await app.indicatorStore.variable(code: "wohngeld") == nil)
            try await get(app, "/indikatoren/wohngeld_quote", session: planner) { res in #expect(res.status == .notFound) }
            let entries = try await AccountStore(database: app.db).audit(AuditQuery(entityID: "wohngeld")).entries
            // The clock stands still in tests: the entries are told apart by their action, not their order.
            #expect(entries.map(\.action).sorted { $0.rawValue < $1.rawValue } == [.create, .delete])
            let deletion = try #require(entries.first { $0.action == .delete })
            #expect(deletion.entityType == AuditEntity.variable)
            #expect(deletion.changes.contains(FieldChange(field: "nameDE", before: "Wohngeldhaushalte", after: nil)))
        }
    }

    @Test func archivingHidesFromTheCatalogueButAnExistingEditionStillShowsIt() async throws {
        try await withTestApp { app in
            let planner = try await login(app, DemoLogin.planner)
            let name = "Betreuungsplätze je 100 Kinder unter 3 (Beispiel)"
            let (builder, section) = try await ReportHTTPTests.draft(app, planner)
            try await post(app, section + "/bloecke", session: planner, fields: [("kind", "table"), ("codes", "kita_u3_quote"), ("caption", "Betreuung")]) { res in
                #expect(res.status == .seeOther)
            }
            var edition = ""
            try await post(app, builder + "/ausgaben", session: planner) { res in
                #expect(res.status == .seeOther)
                edition = String(try #require(res.headers.first(name: .location)).prefix { $0 != "?" })
            }
            try await post(app, builder + "/ausgaben/1/veroeffentlichen", session: planner, fields: [("confirm", "ja")]) { res in #expect(res.status == .seeOther) }
            var before = ""
            try await get(app, edition, session: nil) { res in
                #expect(res.status == .ok)
                before = res.body.string
            }
            #expect(before.contains(name))
            try await get(app, "/gebiete/06532023", session: nil) { res in #expect(res.body.string.contains(name)) }
            // Used by the report and its edition: deleting is refused and archiving offered.
            try await get(app, "/indikatoren/kita_u3_quote/loeschen", session: planner) { res in
                #expect(res.status == .conflict)
                #expect(res.body.string.contains("<li>Bericht „Sozialbericht (Test)“</li>"))
                #expect(res.body.string.contains("<li>Ausgabe 1 des Berichts „Sozialbericht (Test)“</li>"))
                #expect(res.body.string.contains("href=\"/indikatoren/kita_u3_quote/archivieren\""))
            }
            try await get(app, "/indikatoren/kita_u3_quote/archivieren", session: planner) { res in
                #expect(res.status == .ok)
                #expect(res.body.string.contains("Bestehende Berichtsausgaben zeigen ihn weiter"))
            }
            try await post(app, "/indikatoren/kita_u3_quote/archivieren", session: planner, fields: [("bestaetigt", "ja")]) { res in
                #expect(res.status == .seeOther)
                #expect(res.headers.first(name: .location) == "/indikatoren/kita_u3_quote?hinweis=archiviert")
            }
            #expect(try await app.indicatorStore.indicator(code: "kita_u3_quote")?.state == .archived)
            // Gone from the catalogue, the API, the profile and the choice for new blocks …
            try await get(app, "/indikatoren/kita_u3_quote", session: nil) { res in #expect(res.status == .notFound) }
            try await get(app, "/indikatoren", session: nil) { res in #expect(!res.body.string.contains(name)) }
            try await get(app, "/api/v1/indicators", session: nil) { res in
                let list = try codes(res)
                #expect(!list.contains("kita_u3_quote"))
            }
            try await get(app, "/gebiete/06532023", session: nil) { res in #expect(!res.body.string.contains(name)) }
            try await get(app, builder, session: planner) { res in #expect(!res.body.string.contains("<option value=\"kita_u3_quote\"")) }
            try await post(app, section + "/bloecke", session: planner, fields: [("kind", "map"), ("codes", "kita_u3_quote"), ("caption", "Karte")]) { res in
                #expect(res.status == .unprocessableEntity)
            }
            // … but the published edition reads exactly as before.
            try await get(app, edition, session: nil) { res in
                #expect(res.status == .ok)
                #expect(res.body.string.replacing(/Daten vom [^<]*/, with: "") == before.replacing(/Daten vom [^<]*/, with: ""))
            }
            // Planners still open it, marked, and restore it.
            try await get(app, "/indikatoren/kita_u3_quote", session: planner) { res in
                #expect(res.status == .ok)
                #expect(res.body.string.contains("<p class=\"notice notice-info\" role=\"note\">Archiviert: aus dem öffentlichen Katalog genommen."))
                #expect(res.body.string.contains("action=\"/indikatoren/kita_u3_quote/wiederherstellen\""))
            }
            try await post(app, "/indikatoren/kita_u3_quote/wiederherstellen", session: planner) { res in
                #expect(res.headers.first(name: .location) == "/indikatoren/kita_u3_quote?hinweis=wiederhergestellt")
            }
            try await get(app, "/indikatoren/kita_u3_quote", session: nil) { res in #expect(res.status == .ok) }
        }
    }
}
