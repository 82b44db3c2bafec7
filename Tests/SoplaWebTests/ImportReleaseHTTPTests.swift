import Foundation
import SoplaCore
import SoplaStore
import Testing
import Vapor
import VaporTesting
@testable import SoplaDemo
@testable import SoplaWeb

@Suite("Releasing imports over HTTP")
struct ImportReleaseHTTPTests {
    static let date = Day(iso: "2024-12-31")!
    static let unit = "06532001"

    func json(_ res: TestingHTTPResponse) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(res.body.readableBytesView)) as? [String: Any])
    }

    /// The API's numerator for the unit, as an anonymous reader (or the given session) gets it.
    func apiNumerator(_ app: Application, _ indicator: String, session: TestSession? = nil) async throws -> Double? {
        var numerator: Double?
        try await get(app, "/api/v1/indicators/\(indicator)/values?date=\(Self.date.iso)&level=municipality", session: session) { res in
            #expect(res.status == .ok)
            let items = try #require(try json(res)["items"] as? [[String: Any]])
            numerator = items.first { $0["key"] as? String == Self.unit }?["numerator"] as? Double
        }
        return numerator
    }

    /// Whether the API marks the unit's value as not released yet.
    func apiUnreleased(_ app: Application, _ indicator: String, session: TestSession? = nil) async throws -> Bool? {
        var unreleased: Bool?
        try await get(app, "/api/v1/indicators/\(indicator)/values?date=\(Self.date.iso)&level=municipality", session: session) { res in
            let items = try #require(try json(res)["items"] as? [[String: Any]])
            unreleased = items.first { $0["key"] as? String == Self.unit }?["unreleased"] as? Bool
        }
        return unreleased
    }

    /// The CSV row of the unit on the indicator's CSV download.
    func csvRow(_ app: Application, _ indicator: String, session: TestSession? = nil) async throws -> String {
        var row = ""
        try await get(app, "/indikatoren/\(indicator)/werte.csv?stichtag=\(Self.date.iso)&ebene=municipality", session: session) { res in
            #expect(res.status == .ok)
            row = res.body.string.split(whereSeparator: \.isNewline).map(String.init).first { $0.contains(Self.unit) } ?? ""
        }
        return row
    }

    func page(_ app: Application, _ path: String, session: TestSession? = nil) async throws -> String {
        var html = ""
        try await get(app, path, session: session) { res in
            #expect(res.status == .ok)
            html = res.body.string
        }
        return html
    }

    func importFile(_ app: Application, _ planner: TestSession, _ file: String) async throws -> UUID {
        var location = ""
        try await upload(app, session: planner, file: file) { res in location = res.headers.first(name: .location) ?? "" }
        return try #require(UUID(uuidString: String(location.split(separator: "/").last ?? "")))
    }

    @Test func unreleasedValuesAreHiddenUntilReleasedAndAfterWithdrawal() async throws {
        try await withTestApp { app in
            let planner = try await login(app, DemoLogin.planner)
            let provider = try await login(app, DemoLogin.provider)
            let key = ObservationKey(variable: "kita_u3", unitKey: Self.unit, date: Self.date)
            let before = try #require(try await app.indicatorStore.observations(variables: ["kita_u3"])[key]?.value)
            #expect(before != 4711)
            #expect(try await apiNumerator(app, "kita_u3_quote") == before)

            // A new figure for a variable without validation rules: stored, not public.
            let id = try await importFile(app, planner, "variable,ags,reference_date,sex,value,status\nkita_u3,\(Self.unit),2024-12-31,,4711,\n")
            let run = try #require(try await app.indicatorStore.run(id: id))
            #expect(run.outcome == ImportOutcome(inserted: 0, revised: 1, unchanged: 0))
            #expect(run.release.state == .unreleased)
            #expect(try await apiNumerator(app, "kita_u3_quote") == before)
            #expect(try await csvRow(app, "kita_u3_quote").contains(";\(ObservationImportCheck.textValue(before));"))
            #expect(try await csvRow(app, "kita_u3_quote").contains(";4711;") == false)
            // The planner's raw file has the value, marked as not released.
            let plannerRow = try await csvRow(app, "kita_u3_quote", session: planner)
            #expect(plannerRow.contains(";4711;") && plannerRow.hasSuffix(";nicht freigegeben, nicht zur Veröffentlichung"))
            let publicPage = try await page(app, "/indikatoren/kita_u3_quote?stichtag=2024-12-31")
            #expect(!publicPage.contains(">4.711<") && !publicPage.contains("nicht freigegeben"))

            // The planner sees it, marked; in the public view not.
            let plannerPage = try await page(app, "/indikatoren/kita_u3_quote?stichtag=2024-12-31", session: planner)
            #expect(plannerPage.contains(">4.711<"))
            #expect(plannerPage.contains("(nicht freigegeben)"))
            #expect(plannerPage.contains("Nicht freigegebene Werte.") && plannerPage.contains("31.12.2024"))
            let plannerPublic = try await page(app, "/indikatoren/kita_u3_quote?stichtag=2024-12-31&ansicht=oeffentlich", session: planner)
            #expect(!plannerPublic.contains(">4.711<") && !plannerPublic.contains("(nicht freigegeben)"))
            #expect(try await apiNumerator(app, "kita_u3_quote", session: planner) == 4711)
            // The planner's API reads it marked; the public reads the released value, not marked.
            #expect(try await apiUnreleased(app, "kita_u3_quote", session: planner) == true)
            #expect(try await apiUnreleased(app, "kita_u3_quote") == false)
            #expect(try await csvRow(app, "kita_u3_quote", session: planner).contains(";4711;"))

            // The run page: check report, release form; the list says "nicht freigegeben".
            let runPage = try await page(app, "/daten/import/\(id.uuidString.lowercased())", session: planner)
            #expect(runPage.contains("Prüfbericht: 0 neue und 1 geänderte Werte."))
            #expect(runPage.contains("Öffentlich sind davon jetzt 0 Werte."))
            #expect(runPage.contains("action=\"/daten/import/\(id.uuidString.lowercased())/freigabe\""))
            #expect(try await page(app, "/daten/import", session: planner).contains("<td>nicht freigegeben</td>"))

            // Neither anonymous nor a provider may release.
            let release = "/daten/import/\(id.uuidString.lowercased())/freigabe"
            try await post(app, release, session: nil, anonymousToken: try await anonymousFormToken(app)) { res in
                #expect(res.status == .seeOther || res.status == .forbidden || res.status == .unauthorized)
                #expect(res.headers.first(name: .location)?.hasPrefix("/anmelden") ?? true)
            }
            try await post(app, release, session: provider) { res in #expect(res.status == .forbidden) }
            // Without the form token nothing happens either.
            try await post(app, release, session: planner, csrf: "falsch") { res in #expect(res.status == .forbidden) }
            #expect(try await app.indicatorStore.run(id: id)?.release.state == .unreleased)
            #expect(try await apiNumerator(app, "kita_u3_quote") == before)

            try await post(app, release, session: planner) { res in
                #expect(res.status == .seeOther)
                #expect(res.headers.first(name: .location) == "/daten/import/\(id.uuidString.lowercased())?hinweis=freigegeben")
            }
            #expect(try await apiNumerator(app, "kita_u3_quote") == 4711)
            #expect(try await apiUnreleased(app, "kita_u3_quote", session: planner) == false)
            #expect(try await csvRow(app, "kita_u3_quote").contains(";4711;"))
            let releasedRow = try await csvRow(app, "kita_u3_quote", session: planner)
            #expect(releasedRow.contains(";4711;") && releasedRow.hasSuffix(";nicht zur Veröffentlichung") && !releasedRow.contains("freigegeben"))
            #expect(try await page(app, "/indikatoren/kita_u3_quote?stichtag=2024-12-31").contains(">4.711<"))
            #expect(!(try await page(app, "/indikatoren/kita_u3_quote?stichtag=2024-12-31", session: planner)).contains("nicht freigegeben"))
            let released = try await page(app, "/daten/import/\(id.uuidString.lowercased())?hinweis=freigegeben", session: planner)
            #expect(released.contains("Freigegeben: die Werte sind jetzt öffentlich."))
            #expect(released.contains("freigegeben am 25.11.2025"))
            #expect(released.contains("Öffentlich sind davon jetzt 1 Werte."))
            // The variable's history names the revision the public sees.
            let history = "/merkmale/kita_u3?gebiet=\(Self.unit)"
            let releasedHistory = try await page(app, history, session: planner)
            #expect(releasedHistory.contains(">2 (aktuell) – öffentlich<") && releasedHistory.contains(">1<"))
            // Releasing twice is refused.
            try await post(app, release, session: planner) { res in
                #expect(res.status == .conflict)
                #expect(res.body.string.contains("Dieser Import ist schon freigegeben."))
            }

            // Withdrawing needs a reason and the confirmation; then the earlier value is public again.
            let withdraw = "/daten/import/\(id.uuidString.lowercased())/zurueckziehen"
            try await post(app, withdraw, session: planner, fields: [("withdrawReason", "Falsche Spalte")]) { res in
                #expect(res.status == .unprocessableEntity)
                #expect(res.body.string.contains("Bestätigung: fehlt."))
            }
            try await post(app, withdraw, session: planner, fields: [("withdrawReason", " "), ("confirm", "ja")]) { res in
                #expect(res.status == .unprocessableEntity)
                #expect(res.body.string.contains("Begründung für das Zurückziehen: fehlt."))
            }
            #expect(try await apiNumerator(app, "kita_u3_quote") == 4711)
            try await post(app, withdraw, session: planner, fields: [("withdrawReason", "Falsche Spalte"), ("confirm", "ja")]) { res in
                #expect(res.status == .seeOther)
            }
            #expect(try await apiNumerator(app, "kita_u3_quote") == before)
            #expect(try await app.indicatorStore.run(id: id)?.release.withdrawalReason == "Falsche Spalte")
            let withdrawnHistory = try await page(app, history, session: planner)
            #expect(withdrawnHistory.contains(">2 (aktuell)<") && withdrawnHistory.contains(">1 – öffentlich<"))
            #expect(try await page(app, "/daten/import", session: planner).contains("<td>zurückgezogen am 25.11.2025"))

            let (entries, _) = try await AccountStore(database: app.db).audit(AuditQuery(entityType: AuditEntity.dataImport, entityID: id.uuidString))
            #expect(Set(entries.map(\.action)) == [.importData, .releaseData, .withdrawRelease])
            #expect(entries.first { $0.action == .withdrawRelease }?.changes.contains(FieldChange(field: "withdrawalReason", before: nil, after: "Falsche Spalte")) == true)
        }
    }

    @Test func failedRulesNeedAWrittenReasonToRelease() async throws {
        try await withTestApp { app in
            let planner = try await login(app, DemoLogin.planner)
            let female = Breakdown(["sex": "f"])
            let earlier = try #require(try await app.indicatorStore.observations(variables: ["alo"])[
                ObservationKey(variable: "alo", unitKey: Self.unit, date: Day(iso: "2023-12-31")!, breakdown: female)]?.value)
            let before = try #require(try await apiNumerator(app, "alo_frauen"))
            // Three times last year's figure: the demo rule "change above 15 %" on alo fails.
            let tripled = Int(earlier * 3)
            let id = try await importFile(app, planner, "variable,ags,reference_date,sex,value,status\nalo,\(Self.unit),2024-12-31,f,\(tripled),\n")
            let path = "/daten/import/\(id.uuidString.lowercased())"
            let runPage = try await page(app, path, session: planner)
            #expect(runPage.contains("Verletzte Prüfregeln: Veränderung zum Vorjahr über Schwelle (alo)."))
            #expect(runPage.contains("Nötig, weil Prüfregeln verletzt sind"))

            try await post(app, path + "/freigabe", session: planner, fields: [("reason", "  ")]) { res in
                #expect(res.status == .unprocessableEntity)
                #expect(res.body.string.contains("Begründung: fehlt."))
            }
            #expect(try await app.indicatorStore.run(id: id)?.release.state == .unreleased)
            #expect(try await apiNumerator(app, "alo_frauen") == before)
            #expect(try await AccountStore(database: app.db).audit(AuditQuery(action: .releaseData)).entries.isEmpty)

            try await post(app, path + "/freigabe", session: planner, fields: [("reason", "Neue Zählweise der Agentur, geprüft")]) { res in
                #expect(res.status == .seeOther)
            }
            #expect(try await apiNumerator(app, "alo_frauen") == Double(tripled))
            let entry = try #require(try await AccountStore(database: app.db).audit(AuditQuery(action: .releaseData)).entries.first)
            #expect(entry.entityID == id.uuidString)
            #expect(entry.changes.contains(FieldChange(field: "releaseReason", before: nil, after: "Neue Zählweise der Agentur, geprüft")))
            #expect(try await page(app, path, session: planner).contains("Neue Zählweise der Agentur, geprüft"))
        }
    }
}
