import Foundation
import SoplaApp
import SoplaCore
import SoplaStore
import SQLKit
import Testing
import Vapor
import VaporTesting
@testable import SoplaDemo
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
            // In English the generated sentence follows the same rules with English words and numbers.
            try await get(app, edition + "?lang=en", session: nil) { res in
                #expect(res.body.string.contains("in Wetzlar is ") && res.body.string.contains("the county value of"))
            }
            var annex = ""
            try await get(app, edition + "/daten.csv", session: nil) { res in annex = res.body.string }
            #expect(annex.contains("sgb2_quote_u18;31.12.2024;06532023;Wetzlar;"))
            // The annex holds the social index with its class per municipality.
            #expect(annex.contains(/sozialindex:Klasse;30\.06\.2025;;Wetzlar;(günstig|durchschnittlich|ungünstig|sehr ungünstig);nein/))
            // Unemployment revised upwards in Wetzlar: a second edition shows the change against the first.
            try await (app.db as! any SQLDatabase).raw("UPDATE observations SET value = value + 500 WHERE variable = 'alo' AND unit_key = '06532023' AND is_current = \(bind: true)").run()
            try await post(app, builder + "/ausgaben", session: planner) { res in #expect(res.status == .seeOther) }
            // The edition's address ends in its number.
            let second = String(edition.dropLast()) + "2"
            try await get(app, second + "/vergleich", session: planner) { res in
                #expect(res.status == .ok)
                #expect(res.body.string.contains("Arbeitslosenanteil (Beispiel)") && res.body.string.contains("Wetzlar"))
                #expect(!res.body.string.contains("Keine Zahl hat sich geändert."))
                // The social index follows the revised figures: its rows are compared too, by the block's caption.
                #expect(res.body.string.contains("Geänderte Werte in Tabellen"))
                #expect(res.body.string.contains("<th scope=\"row\">Sozialindex</th><td>Wetzlar</td><td>Status</td>"))
                // A municipality moving to another class is listed (Eschenburg from "ungünstig" to "durchschnittlich").
                #expect(res.body.string.contains("<th scope=\"row\">Sozialindex</th><td>Eschenburg</td><td>Klasse</td><td class=\"num\">ungünstig</td><td class=\"num\">durchschnittlich</td>"))
            }
            try await get(app, second + "/vergleich?lang=en", session: planner) { res in
                #expect(res.body.string.contains("<th scope=\"row\">Sozialindex</th><td>Eschenburg</td><td>Class</td><td class=\"num\">unfavourable</td><td class=\"num\">average</td>"))
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
            // A report with a published edition is kept: no delete button, and a crafted request is refused.
            try await get(app, builder, session: planner) { res in #expect(!res.body.string.contains("Bericht löschen")) }
            try await post(app, builder + "/loeschen", session: planner, fields: [("confirm", "ja")]) { res in #expect(res.status == .conflict) }
            // Only planners build reports.
            let tina = try await login(app, DemoLogin.provider)
            try await get(app, builder, session: tina) { res in #expect(res.status == .forbidden) }
        }
    }
}

extension ReportHTTPTests {
    static func blockOrder(_ body: String, _ captions: [String]) -> [String] {
        captions.compactMap { c in body.range(of: ": " + c + " ").map { (c, $0.lowerBound) } }.sorted { $0.1 < $1.1 }.map(\.0)
    }

    @Test func coverageFundingAndMeasureTablesAreFrozenReferencedReorderedAndPutOutForComment() async throws {
        try await withTestApp { app in
            let planner = try await login(app, DemoLogin.planner)
            let (builder, section) = try await Self.draft(app, planner)
            // A coverage table needs a category with a planning standard.
            try await post(app, section + "/bloecke", session: planner, fields: [("kind", "coverage"), ("caption", "Versorgung")]) { res in #expect(res.status == .unprocessableEntity) }
            try await post(app, section + "/bloecke", session: planner, fields: [("kind", "coverage"), ("category", "jugendarbeit"), ("caption", "Versorgung")]) { res in
                #expect(res.status == .unprocessableEntity)
            }
            for fields in [[("kind", "map"), ("codes", "sgb2_quote_u18"), ("caption", "Karte")],
                           [("kind", "coverage"), ("category", "schwangerschaftsberatung"), ("caption", "Versorgung")],
                           [("kind", "funding"), ("caption", "Foerderung")], [("kind", "measures"), ("caption", "Massnahmen")]] {
                try await post(app, section + "/bloecke", session: planner, fields: fields) { res in #expect(res.status == .seeOther, "\(fields)") }
            }
            var page = ""
            try await get(app, builder, session: planner) { res in page = res.body.string }
            #expect(Self.blockOrder(page, ["Karte", "Versorgung", "Foerderung", "Massnahmen"]) == ["Karte", "Versorgung", "Foerderung", "Massnahmen"])
            let mapKey = String(try #require(page.firstMatch(of: /Abbildung 1 · Verweis im Text: <\/span>|Abbildung 1 · Verweis im Text: <code>\[\[([0-9a-f]{8})\]\]/)?.1))
            let upButton = try #require(page.range(of: "aria-label=\"Nach oben: Massnahmen\""))
            let measuresID = String(try #require(page[..<upButton.lowerBound].matches(of: /name="item" value="([0-9a-f-]{36})"/).last?.1))
            // Move the measures up twice: before the funding table, then before the coverage table.
            for _ in 0..<2 {
                try await post(app, builder + "/verschieben", session: planner, fields: [("item", measuresID), ("direction", "up")]) { res in #expect(res.status == .seeOther) }
            }
            try await get(app, builder, session: planner) { res in
                #expect(Self.blockOrder(res.body.string, ["Karte", "Versorgung", "Foerderung", "Massnahmen"]) == ["Karte", "Massnahmen", "Versorgung", "Foerderung"])
            }
            try await post(app, builder + "/verschieben", session: planner, fields: [("item", measuresID), ("direction", "sideways")]) { res in #expect(res.status == .badRequest) }
            try await post(app, builder + "/verschieben", session: planner, fields: [("item", UUID().uuidString), ("direction", "up")]) { res in #expect(res.status == .notFound) }
            // A reference to the map becomes "Abbildung 1"; one to nothing is named in the builder and stops a build.
            try await post(app, section, session: planner, fields: [("text", "Wie [[\(mapKey)]] zeigt, siehe auch [[deadbeef]].")]) { res in #expect(res.status == .seeOther) }
            try await get(app, builder, session: planner) { res in #expect(res.body.string.contains("verweist mit [[deadbeef]] auf keine Abbildung oder Tabelle")) }
            try await post(app, builder + "/ausgaben", session: planner) { res in #expect(res.status == .unprocessableEntity) }
            try await post(app, section, session: planner, fields: [("text", "Wie [[\(mapKey)]] zeigt.")]) { res in #expect(res.status == .seeOther) }
            try await get(app, builder + "/vorschau", session: planner) { res in
                let body = res.body.string
                #expect(body.contains("Wie <a href=\"#b-\(mapKey)\">Abbildung 1</a> zeigt."))
                #expect(body.contains("Tabelle 1: Massnahmen") && body.contains("Tabelle 2: Versorgung") && body.contains("Tabelle 3: Foerderung"))
                #expect(body.contains("Vollzeitstellen einem Bedarf von") && body.contains("<li>Tabelle 2: Versorgung: SchKG § 4 Abs. 1</li>"))
                #expect(body.contains("in Zuwendungsverträgen gebunden") && body.contains("Von ") && body.contains(" Maßnahmen: "))
                // Totals only: no provider of an agreement appears in the funding table.
                #expect(!body.contains("Caritasverband"))
            }
            var edition = ""
            try await post(app, builder + "/ausgaben", session: planner) { res in
                #expect(res.status == .seeOther)
                edition = String(try #require(res.headers.first(name: .location)).prefix { $0 != "?" })
            }
            var first = ""
            try await get(app, edition, session: planner) { res in first = res.body.string }
            try await get(app, edition + "/daten.csv", session: planner) { res in
                #expect(res.body.string.contains("massnahmen:Fortschritt;30.06.2025;;") && res.body.string.contains("versorgung:schwangerschaftsberatung:Bedarf (VZÄ);30.06.2025;;Lahn-Dill-Kreis;"))
            }
            // Put the draft out for comment: a body is needed; then a non-public paper of the steering group with the text.
            try await post(app, builder + "/ausgaben/1/stellungnahme", session: planner) { res in #expect(res.status == .unprocessableEntity) }
            var paper = ""
            try await post(app, builder + "/ausgaben/1/stellungnahme", session: planner, fields: [("body", "5b0c1e2a-0100-4000-8000-000000000001")]) { res in
                #expect(res.status == .seeOther)
                paper = String(try #require(res.headers.first(name: .location)).prefix { $0 != "?" })
            }
            #expect(paper.hasPrefix("/vorlagen/"))
            try await get(app, paper, session: planner) { res in
                #expect(res.body.string.contains("Entwurf: Sozialbericht (Test) (Ausgabe 1)") && res.body.string.contains("1.1 Armut"))
                #expect(res.body.string.contains("Tabelle 1: Massnahmen"))
                if ReportPDF.executable != nil { #expect(res.body.string.contains("entwurf-sozialbericht-1.pdf")) }
            }
            try await get(app, paper, session: nil) { res in #expect(res.status != .ok) }
            try await get(app, builder, session: planner) { res in #expect(res.body.string.contains("Vorlage SB-2025-1")) }
            try await post(app, builder + "/ausgaben/1/stellungnahme", session: planner, fields: [("body", "5b0c1e2a-0100-4000-8000-000000000001")]) { res in
                #expect(res.headers.first(name: .location)?.hasPrefix(paper) == true)
            }
            // Measures change after the build: the edition keeps its table, a new edition shows what changed.
            try await (app.db as! any SQLDatabase).raw("UPDATE measures SET deleted = \(bind: true)").run()
            try await get(app, edition, session: planner) { res in
                #expect(res.body.string.replacing(/Daten vom [^<]*/, with: "") == first.replacing(/Daten vom [^<]*/, with: ""))
            }
            try await post(app, builder + "/ausgaben", session: planner) { res in #expect(res.status == .seeOther) }
            try await get(app, String(edition.dropLast()) + "2", session: planner) { res in #expect(res.body.string.contains("Es sind keine Maßnahmen erfasst.")) }
            try await get(app, String(edition.dropLast()) + "2/vergleich", session: planner) { res in
                #expect(res.body.string.contains("Geänderte Werte in Tabellen") && res.body.string.contains("massnahmen"))
            }
            let sectionID = String(section.split(separator: "/").last!)
            // Renaming: an empty title is refused, then the section carries its new title.
            try await post(app, builder + "/umbenennen", session: planner, fields: [("item", sectionID), ("title", " ")]) { res in #expect(res.status == .unprocessableEntity) }
            try await post(app, builder + "/umbenennen", session: planner, fields: [("item", sectionID), ("title", "Armut und Teilhabe")]) { res in #expect(res.status == .seeOther) }
            // The report's facts: a wrong date is named and what was typed stays in the form; then the next edition uses them.
            try await post(app, builder, session: planner, fields: [("title", "Sozialbericht 2025"), ("reportingDate", "2025-13-01"), ("territorialStatus", "2025-12-31")]) { res in
                #expect(res.status == .unprocessableEntity && res.body.string.contains("value=\"2025-13-01\""))
            }
            try await post(app, builder, session: planner, fields: [("title", "Sozialbericht 2025"), ("reportingDate", "2025-12-31"), ("territorialStatus", "2025-12-31")]) { res in
                #expect(res.status == .seeOther)
            }
            try await get(app, builder + "/vorschau", session: planner) { res in
                #expect(res.body.string.contains("<h1>Sozialbericht 2025</h1>") && res.body.string.contains("Berichtsstand 31.12.2025") && res.body.string.contains("1.1 Armut und Teilhabe"))
            }
            try await get(app, edition, session: planner) { res in #expect(res.body.string.contains("Sozialbericht (Test)") && !res.body.string.contains("Armut und Teilhabe")) }
            // Removing a section needs the confirmation; then it is gone with its blocks.
            try await post(app, builder + "/entfernen", session: planner, fields: [("item", sectionID)]) { res in #expect(res.status == .unprocessableEntity) }
            try await post(app, builder + "/entfernen", session: planner, fields: [("item", sectionID), ("confirm", "ja")]) { res in #expect(res.status == .seeOther) }
            try await get(app, builder, session: planner) { res in #expect(!res.body.string.contains("Armut") && !res.body.string.contains("Massnahmen")) }
            // Without indicators there is nothing to explain: no glossary, in the contents neither.
            try await get(app, builder + "/vorschau", session: planner) { res in #expect(!res.body.string.contains("Glossar der Indikatoren")) }
            let tina = try await login(app, DemoLogin.provider)
            try await post(app, builder + "/verschieben", session: tina, fields: [("item", measuresID), ("direction", "up")]) { res in #expect(res.status == .forbidden) }
            try await post(app, builder + "/loeschen", session: tina, fields: [("confirm", "ja")]) { res in #expect(res.status == .forbidden) }
            // A report without a published edition can be deleted, after the confirmation, with its drafts.
            try await post(app, builder + "/loeschen", session: planner) { res in #expect(res.status == .unprocessableEntity) }
            try await post(app, builder + "/loeschen", session: planner, fields: [("confirm", "ja")]) { res in #expect(res.status == .seeOther) }
            try await get(app, builder, session: planner) { res in #expect(res.status == .notFound) }
            #expect(try await ReportStore(database: app.db).editions().isEmpty)
        }
    }

    @Test func theSocialIndexBecomesACatalogueIndicatorAndMissingDataIsNamed() async throws {
        try await withTestApp { app in
            let planner = try await login(app, DemoLogin.planner)
            let (builder, section) = try await Self.draft(app, planner)
            try await post(app, section + "/bloecke", session: planner, fields: [("kind", "index"), ("caption", "Sozialindex Lahn-Dill"),
                                                                                ("components", "sgb2_quote_u18; 2; ja\nalo_quote; 1; ja\nJahre: 3\nStatus: 60")]) { res in
                #expect(res.status == .seeOther)
            }
            var adopt = ""
            try await get(app, builder, session: planner) { res in
                adopt = String(try #require(res.body.string.firstMatch(of: /action="([^"]+\/indikator)"/)?.1))
            }
            let tina = try await login(app, DemoLogin.provider)
            try await post(app, adopt, session: tina) { res in #expect(res.status == .forbidden) }
            try await post(app, adopt, session: planner) { res in
                #expect(res.status == .seeOther)
                #expect(res.headers.first(name: .location)?.hasPrefix("/indikatoren/sozialindex_lahn_dill") == true)
            }
            let indicator = try #require(try await IndicatorStore(database: app.db).indicator(code: "sozialindex_lahn_dill"))
            #expect(indicator.definitionDE.contains("Status 60 %, Dynamik 40 % (Veränderung über 3 Jahre)"))
            let values = try await IndicatorStore(database: app.db).observations(variables: ["sozialindex_lahn_dill"])
            let latest = try #require(values.dates(of: ["sozialindex_lahn_dill"]).last)
            let series = values.series("sozialindex_lahn_dill", .total, latest)
            #expect(series.count >= 20)
            // z-standardised again: the values over the municipalities have mean 0.
            #expect(abs(series.values.compactMap(\.value).reduce(0, +)) < 0.05)
            try await get(app, "/indikatoren/sozialindex_lahn_dill", session: nil) { res in #expect(res.status == .ok) }
            // A report on a territorial status before any boundary and a reporting date before any value: the builder names both.
            var old = ""
            try await post(app, "/berichte/verwaltung", session: planner, fields: [("title", "Alt"), ("reportingDate", "2000-12-31"), ("territorialStatus", "2000-12-31")]) { res in
                old = String(try #require(res.headers.first(name: .location)).prefix { $0 != "?" })
            }
            try await post(app, old + "/kapitel", session: planner, fields: [("chapter", "K")]) { res in #expect(res.status == .seeOther) }
            var chapterForm = ""
            try await get(app, old, session: planner) { res in chapterForm = String(res.body.string.firstMatch(of: /action="([^"]+\/abschnitte)"/)!.1) }
            try await post(app, chapterForm, session: planner, fields: [("section", "S")]) { res in #expect(res.status == .seeOther) }
            var oldSection = ""
            try await get(app, old, session: planner) { res in
                oldSection = String(res.body.string.firstMatch(of: /action="(\/berichte\/verwaltung\/[^"]+\/abschnitte\/[0-9a-f-]+)"/)!.1)
            }
            try await post(app, oldSection + "/bloecke", session: planner, fields: [("kind", "map"), ("codes", "sgb2_quote_u18"), ("caption", "Karte")]) { res in #expect(res.status == .seeOther) }
            try await get(app, old, session: planner) { res in
                let body = res.body.string
                #expect(body.contains("Für den Gebietsstand 31.12.2000 fehlen die Grenzen von 23 Gemeinden"))
                #expect(body.contains("keine Werte bis zum Berichtsstand 31.12.2000"))
            }
            // The edition is still built, and its PDF page says "no values" instead of breaking.
            try await post(app, old + "/ausgaben", session: planner) { res in #expect(res.status == .seeOther) }
            try await get(app, old + "/vorschau", session: planner) { res in #expect(res.status == .ok && res.body.string.contains("Abbildung 1: Karte")) }
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
                // Planned money is shown; the demo's committed 212.308 € are two providers' and kept secret (dominance rule).
                #expect(body.contains("Förderung in Zahlen") && body.contains("235.000,00") && !body.contains("212.308,00") && body.contains("geheim gehalten"))
                // Totals only: no provider, no agreement.
                #expect(!body.contains("Caritasverband") && !body.contains("EB-"))
            }
            try await get(app, "/foerderung/zahlen.csv?jahr=\(Day(testNow).year)", session: nil) { res in
                #expect(res.body.string.contains(";Programm;") && !res.body.string.contains(";Träger;") && !res.body.string.contains(";Zielerreichung;"))
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

    @Test func profilesOfMunicipalitiesAndPlanningAreasAsPagesAndFiles() async throws {
        try await withTestApp { app in
            try await get(app, "/gebiete/06532023/steckbrief", session: nil) { res in
                #expect(res.status == .ok && res.body.string.contains("Gemeindesteckbrief: Stadt Wetzlar") && res.body.string.contains("Versorgungsgrad nach Planungsstandard"))
            }
            // The county has no profile; an unknown key neither.
            try await get(app, "/gebiete/06532/steckbrief", session: nil) { res in #expect(res.status == .notFound) }
            try await get(app, "/gebiete/06532999/steckbrief", session: nil) { res in #expect(res.status == .notFound) }
            try await app.spatial.create(SpatialUnit(key: "06532023-001", name: "Altstadt", kind: "Planungsraum", levelCode: "planning-area", parentKey: "06532023"))
            try await get(app, "/gebiete/06532023-001/steckbrief", session: nil) { res in
                let body = res.body.string
                #expect(res.status == .ok && body.contains("Gebietssteckbrief: Planungsraum Altstadt"))
                // Services for the whole of Wetzlar serve its planning area; coverage is Wetzlar's, and says so.
                #expect(body.contains("Versorgungsgrad nach Planungsstandard (Stadt Wetzlar)") && !body.contains("Keine Angebote"))
            }
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent("profiles-" + UUID().uuidString)
            defer { try? FileManager.default.removeItem(at: folder) }
            #expect(try await ProfilesCommand.write(app, levels: [SpatialLevel.planningArea.code], to: folder, pdf: false) == 1)
            #expect(try String(contentsOf: folder.appendingPathComponent("06532023-001.html"), encoding: .utf8).contains("Gebietssteckbrief: Planungsraum Altstadt"))
            #expect(try await ProfilesCommand.write(app, levels: [SpatialLevel.municipality.code, SpatialLevel.planningArea.code], to: folder, pdf: false) == 24)
        }
    }
}

@Suite("The demo's example Sozialbericht")
struct DemoReportHTTPTests {
    @Test func theDemoPublishesAnExampleReportOnceWithMapsTablesTextAndPDF() async throws {
        try await withTestApp { app in
            try await PublicFigures.recordLive(variables: nil, store: app.indicatorStore, spatial: app.spatial, ledger: app.disclosureLedger, at: testNow)
            #expect(try await DemoReport.publish(app))
            #expect(try await DemoReport.publish(app) == false)
            let edition = try #require(try await ReportStore(database: app.db).editions(of: DemoReport.id).first)
            #expect(edition.number == 1 && edition.publishedAt != nil)
            try await get(app, "/berichte", session: nil) { res in #expect(res.body.string.contains("Sozialbericht Lahn-Dill-Kreis (Beispiel)")) }
            let path = "/berichte/\(DemoReport.id.uuidString.lowercased())/1"
            try await get(app, path, session: nil) { res in
                let html = res.body.string
                #expect(res.status == .ok)
                for part in ["Armut und Teilhabe", "Sozialindex", "Bevölkerungsdichte", "<svg", "<table", "Stand der Maßnahmen", "erfunden"] {
                    #expect(html.contains(part), "\(part)")
                }
                // Small counts of residential care stay secret in the public report.
                #expect(html.contains("geheim"))
            }
            try await get(app, path + "/daten.csv", session: nil) { res in #expect(res.status == .ok && res.body.string.contains("Wetzlar")) }
            let renderer = PDFRenderingTests.StubRenderer()
            app.pdfDocuments = PDFDocuments(renderer: renderer, settings: app.settings)
            try await get(app, path + "/bericht.pdf", session: nil) { res in #expect(res.status == .ok && res.body.string.hasPrefix("%PDF")) }
        }
    }
}
