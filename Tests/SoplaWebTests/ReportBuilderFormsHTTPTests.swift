import Foundation
import SoplaCore
import SoplaRender
import SQLKit
import Testing
import Vapor
import VaporTesting
@testable import SoplaDemo
@testable import SoplaWeb

@Suite("The report builder's forms: limits, messages at the field, the editor's preview")
struct ReportBuilderFormsHTTPTests {
    /// The text of the message at a field (`<p class="field-error" id="…-error">`), or nil.
    static func message(_ body: String, _ id: String) -> String? {
        guard let start = body.range(of: "id=\"\(id)-error\">") else { return nil }
        let rest = body[start.upperBound...]
        return String(rest[..<rest.range(of: "</p>")!.lowerBound])
    }

    @Test func limitsAreEnforcedWithTheMessageAtTheFieldAndTheInputKept() async throws {
        try await withTestApp { app in
            let planner = try await login(app, DemoLogin.planner)
            let (builder, section) = try await ReportHTTPTests.draft(app, planner)
            let sid = String(section.split(separator: "/").last!)
            var page = ""
            try await get(app, builder, session: planner) { res in page = res.body.string }
            // Limits and required marks are shown beside the fields.
            #expect(page.contains("<label for=\"caption-\(sid)\">Beschriftung *</label><p class=\"hint\" id=\"caption-\(sid)-hint\">(höchstens 150 Zeichen)</p>"))
            #expect(page.contains("(höchstens 20.000 Zeichen)") && page.contains("Mit * markierte Felder müssen ausgefüllt werden."))
            // A caption of 151 characters is refused, the message stands at the field and what was typed is kept.
            let long = String(repeating: "x", count: 151)
            try await post(app, section + "/bloecke", session: planner, fields: [("kind", "table"), ("codes", "sgb2_quote_u18"), ("caption", long), ("note", "Mein Hinweis")]) { res in
                #expect(res.status == .unprocessableEntity)
                let body = res.body.string
                #expect(Self.message(body, "caption-\(sid)") == "Beschriftung ist zu lang (höchstens 150 Zeichen).")
                #expect(body.contains("value=\"\(long)\"") && body.contains("value=\"Mein Hinweis\"") && body.contains("value=\"sgb2_quote_u18\""))
                #expect(body.contains("<a href=\"#caption-\(sid)\">Beschriftung ist zu lang (höchstens 150 Zeichen).</a>"))
                #expect(body.contains("<details class=\"add-block\" open=\"open\">"))
            }
            // 150 characters pass.
            try await post(app, section + "/bloecke", session: planner, fields: [("kind", "table"), ("codes", "sgb2_quote_u18"), ("caption", String(repeating: "y", count: 150))]) { res in
                #expect(res.status == .seeOther)
            }
            // Five indicators do not fit a table side by side; a map shows one.
            try await post(app, section + "/bloecke", session: planner,
                           fields: [("kind", "table"), ("codes", "sgb2_quote_u18, alo_quote, bevoelkerung, dichte, kita_u3_quote"), ("caption", "Fünf")]) { res in
                #expect(res.status == .unprocessableEntity)
                #expect(Self.message(res.body.string, "codes-\(sid)") == "Eine Tabelle zeigt höchstens 4 Indikatoren – mehr passen nicht nebeneinander auf eine Seite. Bitte auf zwei Tabellen verteilen.")
            }
            try await post(app, section + "/bloecke", session: planner, fields: [("kind", "table"), ("codes", String(repeating: "x,", count: 151)), ("caption", "Lang")]) { res in
                #expect(Self.message(res.body.string, "codes-\(sid)") == "Indikatoren (Codes) ist zu lang (höchstens 300 Zeichen).")
            }
            try await post(app, section + "/bloecke", session: planner, fields: [("kind", "map"), ("codes", "sgb2_quote_u18, alo_quote"), ("caption", "Zwei")]) { res in
                #expect(Self.message(res.body.string, "codes-\(sid)") == "Diese Art von Block zeigt genau einen Indikator; bitte nur einen Code angeben.")
            }
            try await post(app, section + "/bloecke", session: planner, fields: [("kind", "table"), ("codes", "sgb2_quote_u18"), ("caption", "T"), ("note", String(repeating: "n", count: 501))]) { res in
                #expect(Self.message(res.body.string, "note-\(sid)") == "Hinweis ist zu lang (höchstens 500 Zeichen).")
            }
            // A social index: its name is the caption (one message, at the caption), its years are typed in the components.
            try await post(app, section + "/bloecke", session: planner, fields: [("kind", "index"), ("caption", ""), ("components", "sgb2_quote_u18; 1; ja\nJahre: 99")]) { res in
                #expect(res.status == .unprocessableEntity)
                #expect(Self.message(res.body.string, "caption-\(sid)") == "Beschriftung fehlt.")
                #expect(Self.message(res.body.string, "components-\(sid)") == "Jahre: bitte eine ganze Zahl zwischen 1 und 50 angeben.")
                #expect(res.body.string.contains("Jahre: 99</textarea>"))
            }
            // The status share is read in per cent as typed, and named in per cent when it is none.
            try await post(app, section + "/bloecke", session: planner, fields: [("kind", "index"), ("caption", "Index"), ("components", "sgb2_quote_u18; 1; ja\nStatus: 500")]) { res in
                #expect(res.status == .unprocessableEntity)
                let message = Self.message(res.body.string, "components-\(sid)") ?? ""
                #expect(message.contains("Prozentsatz") && !message.contains("5.0"))
            }
            // A text over the limit is refused and kept in the editor.
            let text = "# Lage\n" + String(repeating: "a", count: 20_000)
            try await post(app, section, session: planner, fields: [("text", text)]) { res in
                #expect(res.status == .unprocessableEntity)
                #expect(Self.message(res.body.string, "text-\(sid)") == "Text ist zu lang (höchstens 20000 Zeichen).")
                #expect(res.body.string.contains(String(repeating: "a", count: 20_000) + "</textarea>"))
            }
            // Titles of chapters and sections: 201 characters are refused at their field.
            try await post(app, builder + "/kapitel", session: planner, fields: [("chapter", String(repeating: "k", count: 201))]) { res in
                #expect(Self.message(res.body.string, "chapter") == "Titel des Kapitels ist zu lang (höchstens 200 Zeichen).")
                #expect(res.body.string.contains("value=\"" + String(repeating: "k", count: 201) + "\""))
            }
            // Renaming a block keeps to the caption's limit.
            var blockID = ""
            try await get(app, builder, session: planner) { res in blockID = String(res.body.string.firstMatch(of: /bloecke\/([0-9a-f-]{36})\/loeschen/)!.1) }
            try await post(app, builder + "/umbenennen", session: planner, fields: [("item", blockID), ("title", long)]) { res in
                #expect(res.status == .unprocessableEntity)
                #expect(Self.message(res.body.string, "rename-\(blockID)") == "Neuer Titel ist zu lang (höchstens 150 Zeichen).")
            }
        }
    }

    @Test func refusalsWithoutTheConfirmationSayWhyAtTheBox() async throws {
        try await withTestApp { app in
            let planner = try await login(app, DemoLogin.planner)
            let (builder, section) = try await ReportHTTPTests.draft(app, planner)
            try await post(app, section + "/bloecke", session: planner, fields: [("kind", "table"), ("codes", "sgb2_quote_u18"), ("caption", "Quote")]) { res in #expect(res.status == .seeOther) }
            try await post(app, builder + "/ausgaben", session: planner) { res in #expect(res.status == .seeOther) }
            try await post(app, builder + "/ausgaben/1/veroeffentlichen", session: planner) { res in
                #expect(res.status == .unprocessableEntity)
                #expect(Self.message(res.body.string, "confirm-1")
                    == "Nicht veröffentlicht: Bitte das Kästchen ankreuzen und damit bestätigen, dass die Ausgabe geprüft ist – veröffentlichte Ausgaben ändern sich nicht mehr.")
                #expect(res.body.string.contains("aria-describedby=\"confirm-1-error\" aria-invalid=\"true\""))
            }
            try await post(app, builder + "/loeschen", session: planner) { res in
                #expect(Self.message(res.body.string, "confirm-delete") == "Nicht gelöscht: Bitte das Kästchen ankreuzen, um das Löschen zu bestätigen.")
            }
            // A social index without values at any date is not adopted; the message stands at its button.
            try await post(app, section + "/bloecke", session: planner, fields: [("kind", "index"), ("caption", "Index"), ("components", "sgb2_quote_u18; 1; ja\nStatus: 100")]) { res in
                #expect(res.status == .seeOther)
            }
            try await (app.db as! any SQLDatabase).raw("DELETE FROM observations").run()
            var adopt = ""
            try await get(app, builder, session: planner) { res in adopt = String(try #require(res.body.string.firstMatch(of: /action="([^"]+\/bloecke\/([0-9a-f-]{36})\/indikator)"/)?.1)) }
            let blockID = String(adopt.split(separator: "/").dropLast().last!)
            try await post(app, adopt, session: planner) { res in
                #expect(res.status == .unprocessableEntity)
                #expect(Self.message(res.body.string, "adopt-\(blockID)") == "Nicht übernommen: Für keinen Stichtag liegen Werte aller Indikatoren des Sozialindex vor.")
            }
            var chapterID = ""
            try await get(app, builder, session: planner) { res in chapterID = String(res.body.string.firstMatch(of: /kapitel\/([0-9a-f-]{36})\/abschnitte/)!.1) }
            try await post(app, builder + "/entfernen", session: planner, fields: [("item", chapterID)]) { res in
                #expect(res.status == .unprocessableEntity)
                #expect(Self.message(res.body.string, "remove-\(chapterID)") == "Nicht entfernt: Bitte das Kästchen ankreuzen, um zu bestätigen, dass alles darin mit entfernt wird.")
            }
        }
    }

    @Test func thePreviewIsTheServersRenderingOfTheText() async throws {
        try await withTestApp { app in
            let planner = try await login(app, DemoLogin.planner)
            let (builder, section) = try await ReportHTTPTests.draft(app, planner)
            try await post(app, section + "/vorschau", session: planner, fields: [("text", "# Lage\n\n- eins\n- zwei\n\n**fett** <b>x</b>")]) { res in
                #expect(res.status == .ok)
                #expect(res.body.string == "<h4>Lage</h4><ul><li>eins</li><li>zwei</li></ul><p><strong>fett</strong> &lt;b&gt;x&lt;/b&gt;</p>")
            }
            try await post(app, section + "/vorschau", session: planner, fields: [("text", "  ")]) { res in
                #expect(res.body.string == "<p class=\"empty-state\">Noch kein Text.</p>")
            }
            // Over the limit the preview says that saving would be refused (umlauts take two bytes each: the body limit is not reached).
            try await post(app, section + "/vorschau", session: planner, fields: [("text", String(repeating: "ä", count: 20_001))]) { res in
                #expect(res.status == .ok)
                #expect(res.body.string == "<p class=\"field-error\">Der Text ist zu lang: höchstens 20.000 Zeichen. So würde er nicht gespeichert.</p>")
            }
            // Nothing was saved; without the form token or as someone else it is refused.
            try await get(app, builder, session: planner) { res in #expect(!res.body.string.contains("<h4>Lage</h4>")) }
            try await post(app, section + "/vorschau", session: planner, fields: [("text", "x")], csrf: "falsch") { res in #expect(res.status == .forbidden) }
            let provider = try await login(app, DemoLogin.provider)
            try await post(app, section + "/vorschau", session: provider, fields: [("text", "x")]) { res in #expect(res.status == .forbidden) }
            // The editor: a large field, the preview beside it, the script from sopla itself.
            try await get(app, builder, session: planner) { res in
                let body = res.body.string
                #expect(body.contains("rows=\"16\"") && body.contains("data-preview=\"\(section)/vorschau\"") && body.contains("<script src=\"/static/report-editor.js\" defer=\"defer\"></script>"))
                #expect(body.contains("role=\"toolbar\"") && body.contains("data-tool=\"h\""))
            }
            try await get(app, "/static/report-editor.js", session: nil) { res in
                #expect(res.status == .ok && res.body.string.contains("data-preview"))
            }
        }
    }

    /// A report whose description names a unit kept secret and whose contents are numbered once.
    @Test func aSecretValueIsNamedInTheDescriptionAndTheContentsAreNumberedOnce() {
        let day = Day(year: 2025, month: 6, day: 30)!
        let block = ReportBlock(id: UUID(), kind: .description(code: "heim", unitKey: nil), caption: "Heimerziehung")
        let report = Report(id: UUID(), title: "R", reportingDate: day, territorialStatus: day,
                            chapters: [ReportChapter(id: UUID(), title: "Armut", sections: [ReportSection(id: UUID(), title: "Kinder", blocks: [block])])])
        let snapshot = ReportSnapshot(builtAt: Date(timeIntervalSince1970: 0), countyKey: "k", countyName: "Kreis", unitKeys: ["a", "b"], unitNames: ["a": "Aßlar", "b": "Wetzlar"],
                                      indicators: ["heim": .init(code: "heim", name: "Heimerziehung je 1.000", unit: "", decimals: 1, definition: "", source: "S", licence: "L", gender: .feminine)],
                                      values: ["heim": ["2025-06-30": ["k": .init(value: 2, suppressed: false), "a": .init(value: nil, suppressed: true), "b": .init(value: 3, suppressed: false)]]])
        let html = ReportDocument(report: report, snapshot: snapshot, geometry: [:], language: .de).body().map { $0.render() }.joined()
        #expect(html.contains("<p>Der Wert für Aßlar (Heimerziehung je 1.000, 30.06.2025) wird geheim gehalten, weil er auf einer kleinen Fallzahl beruht oder sich aus geheim gehaltenen Werten errechnen ließe.</p>"))
        #expect(html.contains("liegt in Wetzlar mit 3,0"))
        // The contents: the number once, in the entry's text; the list itself has none.
        #expect(html.contains("<ul class=\"toc-list\"><li><a href=\"#k1\">1 Armut</a><ul class=\"toc-list\"><li><a href=\"#k1-1\">1.1 Kinder</a></li></ul></li>"))
        #expect(!html.contains("<nav class=\"toc\" aria-labelledby=\"inhaltsverzeichnis\"><h2 id=\"inhaltsverzeichnis\">Inhalt</h2><ol"))
    }
}
