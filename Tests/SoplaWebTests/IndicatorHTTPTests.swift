import Foundation
import SoplaCore
import SoplaStore
import Testing
import Vapor
import VaporTesting
@testable import SoplaDemo
@testable import SoplaWeb

/// Uploads a file as the import form does (multipart with the form token).
func upload(_ app: Application, session: TestSession, file: String, name: String = "werte.csv", fields: [(String, String)] = [],
            _ check: (TestingHTTPResponse) async throws -> Void) async throws {
    let boundary = "----sopla-test-\(UUID().uuidString)"
    var body = ""
    for (key, value) in [("_csrf", session.csrf)] + fields {
        body += "--\(boundary)\r\nContent-Disposition: form-data; name=\"\(key)\"\r\n\r\n\(value)\r\n"
    }
    body += "--\(boundary)\r\nContent-Disposition: form-data; name=\"file\"; filename=\"\(name)\"\r\nContent-Type: text/csv\r\n\r\n\(file)\r\n--\(boundary)--\r\n"
    try await app.testing().test(.POST, "/daten/import", beforeRequest: { req in
        session.apply(to: &req)
        req.headers.replaceOrAdd(name: .contentType, value: "multipart/form-data; boundary=\(boundary)")
        req.body = ByteBuffer(string: body)
    }, afterResponse: check)
}

@Suite("Indicators over HTTP")
struct IndicatorHTTPTests {
    static let latest = "2024-12-31"

    func json(_ res: TestingHTTPResponse) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(res.body.readableBytesView)) as? [String: Any])
    }

    @Test func publicValuesHideSmallCountsAndWhatRevealsThem() async throws {
        try await withTestApp { app in
            let observations = try await app.indicatorStore.observations(variables: ["heim", "bev_u21"], dates: [Day(iso: Self.latest)!])
            var items: [[String: Any]] = []
            try await app.testing().test(.GET, "/api/v1/indicators/heim_je_1000/values?date=\(Self.latest)&level=municipality") { res in
                #expect(res.status == .ok)
                let body = try json(res)
                #expect(body["disclosureControlled"] as? Bool == true)
                items = try #require(body["items"] as? [[String: Any]])
            }
            #expect(items.count == 23)
            let hidden = items.filter { $0["suppressed"] as? Bool == true }
            // Every count below 3 is hidden, and at least one more so that the county total gives none away.
            let small = observations.values.values.filter { $0.key.variable == "heim" && ($0.value ?? 0) > 0 && ($0.value ?? 0) < 3 }.map(\.key.unitKey)
            #expect(!small.isEmpty)
            #expect(Set(small).isSubset(of: Set(hidden.compactMap { $0["key"] as? String })))
            #expect(hidden.count >= small.count + (small.count == 1 ? 1 : 0))
            for item in hidden {
                #expect(item["value"] == nil && item["numerator"] == nil && item["denominator"] == nil)
            }
            // The published values are numerator / denominator × 1000 from the stored counts.
            for item in items where item["suppressed"] as? Bool == false {
                let key = try #require(item["key"] as? String)
                let n = try #require(observations[ObservationKey(variable: "heim", unitKey: key, date: Day(iso: Self.latest)!)]?.value)
                let d = try #require(observations[ObservationKey(variable: "bev_u21", unitKey: key, date: Day(iso: Self.latest)!)]?.value)
                #expect(abs((item["value"] as? Double ?? -1) - n * 1000 / d) < 1e-9)
            }
        }
    }

    @Test func plannersSeeRawFiguresMarkedAsNotForPublication() async throws {
        try await withTestApp { app in
            let planner = try await login(app, DemoLogin.planner)
            try await get(app, "/api/v1/indicators/heim_je_1000/values?level=municipality", session: planner) { res in
                let body = try json(res)
                #expect(body["disclosureControlled"] as? Bool == false)
                let items = try #require(body["items"] as? [[String: Any]])
                #expect(items.allSatisfy { $0["value"] != nil && $0["suppressed"] as? Bool == false })
            }
            try await get(app, "/indikatoren/heim_je_1000", session: planner) { res in
                #expect(res.status == .ok)
                #expect(res.body.string.contains("Nicht zur Veröffentlichung."))
                #expect(res.body.string.contains(" ●"))
            }
            try await get(app, "/indikatoren/heim_je_1000?ansicht=oeffentlich", session: planner) { res in
                #expect(!res.body.string.contains("Nicht zur Veröffentlichung."))
                #expect(res.body.string.contains("geheim gehalten"))
            }
            // A provider sees what the public sees.
            let provider = try await login(app, DemoLogin.provider)
            try await get(app, "/indikatoren/heim_je_1000", session: provider) { res in
                #expect(!res.body.string.contains("Nicht zur Veröffentlichung."))
                #expect(res.body.string.contains("url(#indikatorkarte-schraffur)"))
            }
        }
    }

    @Test func countyRateIsSummedNotAveraged() async throws {
        try await withTestApp { app in
            let date = Day(iso: Self.latest)!
            let observations = try await app.indicatorStore.observations(variables: ["sgb2_u18", "bev_u18"], dates: [date])
            var numerator = 0.0, denominator = 0.0
            for (key, observation) in observations.values where key.unitKey != "06532" {
                if key.variable == "sgb2_u18" { numerator += observation.value! } else { denominator += observation.value! }
            }
            try await app.testing().test(.GET, "/api/v1/indicators/sgb2_quote_u18/values?level=county") { res in
                let items = try #require(try json(res)["items"] as? [[String: Any]])
                #expect(items.count == 1)
                #expect(abs((items[0]["value"] as? Double ?? 0) - numerator * 100 / denominator) < 1e-9)
                #expect(items[0]["origin"] as? String == "aggregated")
            }
            try await app.testing().test(.GET, "/api/v1/indicators/sgb2_quote_u18/values?level=mond") { res in
                #expect(res.status == .badRequest)
            }
            try await app.testing().test(.GET, "/api/v1/indicators/sgb2_quote_u18/values?parent=09162") { res in
                #expect(res.status == .ok)
                let items = try json(res)["items"] as? [Any]
                #expect(items?.isEmpty == true)
            }
            try await app.testing().test(.GET, "/api/v1/indicators/sgb2_quote_u18/values?parent=06532") { res in
                let items = try json(res)["items"] as? [Any]
                #expect(items?.count == 23)
            }
            try await app.testing().test(.GET, "/api/v1/indicators/unbekannt/values") { res in
                #expect(res.status == .notFound)
            }
            try await app.testing().test(.GET, "/api/v1/indicators/sgb2_quote_u18/values?format=csv&level=county") { res in
                #expect(res.headers.contentType?.subType == "csv")
                #expect(res.body.string.contains("06532;Lahn-Dill-Kreis;Kreis;31.12.2024;"))
            }
        }
    }

    @Test func pagesShowCatalogueIndicatorAndProfile() async throws {
        try await withTestApp { app in
            try await app.testing().test(.GET, "/indikatoren?thema=poverty") { res in
                #expect(res.status == .ok)
                #expect(res.body.string.contains("SGB-II-Quote der unter 18-Jährigen (Beispiel)"))
                #expect(!res.body.string.contains("Bevölkerungsdichte"))
            }
            try await app.testing().test(.GET, "/indikatoren?q=dichte") { res in
                #expect(res.body.string.contains("Bevölkerungsdichte"))
            }
            try await app.testing().test(.GET, "/indikatoren/sgb2_quote_u18?stichtag=2022-12-31&klassifikation=natural-breaks&klassen=4") { res in
                let html = res.body.string
                #expect(html.contains("<svg id=\"indikatorkarte\""))
                #expect(html.contains("Veränderung seit 31.12.2021"))
                #expect(html.contains("natürliche Brüche (Jenks)"))
                #expect(html.contains("class=\"line-chart\""))
            }
            // Change over five years instead of one, in percentage points for a share.
            try await app.testing().test(.GET, "/indikatoren/sgb2_quote_u18?stichtag=2024-12-31&vergleich=2019-12-31") { res in
                #expect(res.body.string.contains("Veränderung seit 31.12.2019"))
                #expect(res.body.string.contains(" Pp. – "))
            }
            // A comparison date after the reference date makes no sense: the year before is used.
            try await app.testing().test(.GET, "/indikatoren/sgb2_quote_u18?stichtag=2021-12-31&vergleich=2023-12-31") { res in
                #expect(res.body.string.contains("Veränderung seit 31.12.2020"))
            }
            try await app.testing().test(.GET, "/indikatoren/dichte/werte.csv?stichtag=2022-05-15") { res in
                // Wetzlar: 53,116 inhabitants on 75.65 km² → 702 per km².
                #expect(res.body.string.contains("06532023;Wetzlar;15.05.2022;702;53116;75,65;"))
            }
            // The series of every date as one CSV: 6 dates × (23 municipalities + the county); hidden cells stay hidden.
            try await app.testing().test(.GET, "/indikatoren/heim_je_1000/werte.csv?zeitreihe=alle") { res in
                let lines = res.body.string.split(whereSeparator: \.isNewline)
                #expect(lines.count == 1 + 6 * 24)
                #expect(lines.contains { $0.hasPrefix("06532;Lahn-Dill-Kreis;31.12.2019;") })
                let hidden = lines.filter { $0.contains(";ja;") }
                #expect(!hidden.isEmpty && hidden.allSatisfy { $0.contains(";;;;ja;") })
            }
            try await app.testing().test(.GET, "/gebiete/06532023") { res in
                #expect(res.body.string.contains("Steckbrief: Indikatoren"))
                #expect(res.body.string.contains("Bevölkerungsdichte"))
            }
            try await app.testing().test(.GET, "/indikatoren/unbekannt") { res in
                #expect(res.status == .notFound)
            }
        }
    }

    @Test func uploadStoresAllOrNothingAndReimportChangesNothing() async throws {
        try await withTestApp { app in
            let planner = try await login(app, DemoLogin.planner)
            let store = app.indicatorStore
            let before = try await store.observationCount()
            let bad = "variable,ags,reference_date,sex,value,status\nalo,06532001,2023-12-31,,400,\nalo,06539999,2023-12-31,,5,\nalo,06532002,2023-12-31,,\"1,5\",\nunbekannt,06532003,2023-12-31,,5,\nalo,06532004,2030-12-31,,5,\nalo,06532005,2023-12-31,,-4,\nalo,06532001,2023-12-31,,401,\n"
            var location = ""
            try await upload(app, session: planner, file: bad) { res in
                #expect(res.status == .seeOther)
                location = res.headers.first(name: .location) ?? ""
            }
            #expect(try await store.observationCount() == before)
            try await get(app, location, session: planner) { res in
                let html = res.body.string
                #expect(html.contains("Fehlgeschlagen, nichts gespeichert"))
                for text in ["Unbekannter Gebietsschlüssel", "Falsches Dezimalzeichen", "Unbekanntes Merkmal", "Datum außerhalb des Zeitraums",
                             "Eine Anzahl kann nicht negativ sein", "Doppelt, schon in Zeile 2"] {
                    #expect(html.contains(text), "\(text)")
                }
            }
            let good = "variable,ags,reference_date,sex,value,status\nalo,06532001,2025-06-30,,400,p\nalo,06532001,2025-06-30,f,180,p\nalo,06532002,2025-06-30,,.,.\n"
            try await upload(app, session: planner, file: good) { res in location = res.headers.first(name: .location) ?? "" }
            try await get(app, location, session: planner) { res in
                #expect(res.body.string.contains(">Gespeichert<"))
            }
            #expect(try await store.observationCount().current == before.current + 3)
            try await upload(app, session: planner, file: good) { res in location = res.headers.first(name: .location) ?? "" }
            try await get(app, location, session: planner) { res in
                #expect(res.body.string.contains("Keine Änderungen"))
            }
            #expect(try await store.observationCount() == (all: before.all + 3, current: before.current + 3))
            let (entries, _) = try await AccountStore(database: app.db).audit(AuditQuery(entityType: AuditEntity.dataImport))
            #expect(entries.count == 1)
            #expect(entries.first?.changes.first { $0.field == "inserted" }?.after == "3")
        }
    }

    @Test func genesisTableAsksForAMappingOnceAndReusesIt() async throws {
        try await withTestApp { app in
            let planner = try await login(app, DemoLogin.planner)
            let table = "GENESIS-Tabelle: 12411-99\nBevölkerung;;;\n;;Stichtag;Stichtag\n;;30.06.2025;30.06.2025\n;;männlich;weiblich\n06532;  Lahn-Dill-Kreis;125000;128000\n06532001;    Aßlar;7000;7100\n__________\nStand: 01.01.2026\n"
            var location = ""
            try await upload(app, session: planner, file: table, name: "12411-99.csv") { res in location = res.headers.first(name: .location) ?? "" }
            var token = planner.csrf
            try await get(app, location, session: planner) { res in
                // One measure (named by the title line) broken down by sex in the header: one column to map.
                #expect(res.body.string.contains("Oder: Spalten selbst zuordnen"))
                #expect(res.body.string.contains("<legend>Bevölkerung</legend>"))
                token = formToken(in: res.body.string) ?? token
            }
            try await post(app, location + "/zuordnung", session: planner, fields: [
                ("columns", "1"), ("signature-0", "Bevölkerung"), ("variable-0", "bevoelkerung"), ("breakdown-0", "sex=x y"),
            ]) { res in
                #expect(res.status == .unprocessableEntity)
            }
            try await post(app, location + "/zuordnung", session: planner, fields: [
                ("columns", "1"), ("signature-0", "Bevölkerung"), ("variable-0", "bevoelkerung"), ("breakdown-0", ""),
            ]) { res in
                #expect(res.status == .seeOther)
            }
            // Not released yet: stored as the current values only.
            let observations = try await app.indicatorStore.observations(variables: ["bevoelkerung"], dates: [Day(iso: "2025-06-30")!], selection: .current)
            #expect(observations[ObservationKey(variable: "bevoelkerung", unitKey: "06532001", date: Day(iso: "2025-06-30")!, breakdown: Breakdown(["sex": "f"]))]?.value == 7100)
            #expect(observations.values.count == 4)
            // The next file of the same table is imported with the saved mapping.
            let next = table.replacingOccurrences(of: "7100", with: "7111")
            try await upload(app, session: planner, file: next, name: "12411-99.csv") { res in location = res.headers.first(name: .location) ?? "" }
            try await get(app, location, session: planner) { res in
                #expect(res.body.string.contains(">Gespeichert<"))
            }
            let revisions = try await app.indicatorStore.revisions(ObservationKey(variable: "bevoelkerung", unitKey: "06532001", date: Day(iso: "2025-06-30")!, breakdown: Breakdown(["sex": "f"])))
            #expect(revisions.map(\.value) == [7111, 7100])
            // The variable page shows both revisions with the file they came from.
            try await get(app, "/merkmale/bevoelkerung?gebiet=06532001", session: planner) { res in
                let html = res.body.string
                #expect(res.status == .ok)
                #expect(html.contains("2 (aktuell)") && html.contains(">7.111<") && html.contains(">7.100<"))
                // Three values came from the table: men (one revision), women (two).
                #expect(html.components(separatedBy: ">12411-99.csv</a>").count == 4)
            }
        }
    }

    @Test func plannersMaintainVariablesIndicatorsReferenceValuesAndRules() async throws {
        try await withTestApp { app in
            let planner = try await login(app, DemoLogin.planner)
            try await post(app, "/merkmale", session: planner, fields: [("code", "Wohngeld!"), ("nameDE", ""), ("nameEN", "Housing benefit"), ("unit", "Haushalte"),
                                                                        ("source", "Land"), ("licence", "dl-de/by-2-0"), ("isCount", "ja")]) { res in
                #expect(res.status == .unprocessableEntity)
                #expect(res.body.string.contains("aria-invalid=\"true\""))
            }
            try await post(app, "/merkmale", session: planner, fields: [("code", "wohngeld"), ("nameDE", "Wohngeldhaushalte"), ("nameEN", "Housing benefit households"),
                                                                        ("unit", "Haushalte"), ("source", "Land"), ("licence", "dl-de/by-2-0"), ("isCount", "ja"), ("minimumCount", "5")]) { res in
                #expect(res.status == .seeOther)
            }
            try await post(app, "/merkmale", session: planner, fields: [("code", "wohngeld"), ("nameDE", "X"), ("nameEN", "X"), ("unit", "X"), ("source", "X"), ("licence", "X")]) { res in
                #expect(res.status == .conflict)
            }
            #expect(try await app.indicatorStore.variable(code: "wohngeld")?.minimumCount == 5)
            try await post(app, "/indikatoren", session: planner, fields: [("code", "wohngeld_quote"), ("nameDE", "Wohngeldquote"), ("nameEN", "Housing benefit rate"),
                                                                           ("topic", "housing"), ("numerator", "wohngeld"), ("denominator", "bevoelkerung + "), ("factor", "1000"),
                                                                           ("polarity", "higher-is-worse"), ("decimals", "1")]) { res in
                #expect(res.status == .unprocessableEntity)
            }
            try await post(app, "/indikatoren", session: planner, fields: [("code", "wohngeld_quote"), ("nameDE", "Wohngeldquote"), ("nameEN", "Housing benefit rate"),
                                                                           ("topic", "housing"), ("numerator", "wohngeld"), ("denominator", "bevoelkerung"), ("factor", "1000"),
                                                                           ("polarity", "higher-is-worse"), ("decimals", "1"), ("levels[]", "municipality")]) { res in
                #expect(res.status == .seeOther)
                #expect(res.headers.first(name: .location)?.hasPrefix("/indikatoren/wohngeld_quote") == true)
            }
            #expect(try await app.indicatorStore.indicator(code: "wohngeld_quote")?.levels == ["municipality"])
            try await post(app, "/indikatoren/sgb2_quote_u18/vergleichswerte", session: planner, fields: [("label", "Hessen"), ("date", "2023-12-31"), ("value", "zwölf")]) { res in
                #expect(res.status == .unprocessableEntity)
            }
            try await post(app, "/indikatoren/sgb2_quote_u18/vergleichswerte", session: planner, fields: [("label", "Hessen"), ("date", "2023-12-31"), ("value", "12,8")]) { res in
                #expect(res.status == .seeOther)
            }
            let reference = try #require(try await app.indicatorStore.referenceValues(indicatorCode: "sgb2_quote_u18").first)
            #expect(reference.value == 12.8)
            try await get(app, "/indikatoren/sgb2_quote_u18", session: planner) { res in
                #expect(res.body.string.contains("<th scope=\"row\">Hessen</th>"))
            }
            // On its date, each unit is compared with it.
            try await get(app, "/indikatoren/sgb2_quote_u18?stichtag=2023-12-31", session: planner) { res in
                #expect(res.body.string.contains("<th scope=\"col\">Abstand zu Hessen</th>"))
            }
            try await get(app, "/indikatoren/sgb2_quote_u18/vergleichswerte/\(reference.id.uuidString.lowercased())/loeschen", session: planner) { res in
                #expect(res.status == .ok)
            }
            try await post(app, "/indikatoren/sgb2_quote_u18/vergleichswerte/\(reference.id.uuidString.lowercased())/loeschen", session: planner) { res in
                #expect(res.status == .seeOther)
            }
            #expect(try await app.indicatorStore.referenceValues(indicatorCode: "sgb2_quote_u18").isEmpty)
            try await post(app, "/daten/pruefregeln", session: planner, fields: [("kind", "change-above"), ("target", "sgb2_quote_u18"), ("threshold", "10")]) { res in
                #expect(res.status == .unprocessableEntity)
            }
            try await post(app, "/daten/pruefregeln", session: planner, fields: [("kind", "change-above"), ("target", "heim"), ("threshold", "10")]) { res in
                #expect(res.status == .seeOther)
            }
            // The demo's invented care figures jump by more than 10 % somewhere: the report on the indicator page shows it.
            try await get(app, "/indikatoren/heim_je_1000", session: planner) { res in
                #expect(res.body.string.contains("Veränderung zum Vorjahr über Schwelle (heim)"))
            }
        }
    }
}

@Suite("Large uploads")
struct LargeUploadTests {
    @Test func largeFilesRunInTheBackgroundWithProgress() async throws {
        try await withTestApp { app in
            // Files above the limit run in the background; a small limit keeps the test quick.
            app.storage[SettingsKey.self]?.importInlineBytes = 20_000
            let planner = try await login(app, DemoLogin.planner)
            var text = "variable,ags,reference_date,value,status\n"
            let units = (1...23).map { String(format: "06532%03d", $0) }
            var day = Day(iso: "2020-01-01")!.startDate
            var rows = 0
            while rows < 4600 {
                let date = Day(day)
                for unit in units { text += "alo,\(unit),\(date.iso),\(rows % 500),\n"; rows += 1 }
                day += 86_400
            }
            #expect(text.utf8.count > 20_000)
            var location = ""
            try await upload(app, session: planner, file: text) { res in
                #expect(res.status == .seeOther)
                location = res.headers.first(name: .location) ?? ""
            }
            let id = try #require(UUID(uuidString: String(location.split(separator: "/").last ?? "")))
            // The run page answers at once and reloads itself while the import runs.
            var run = try #require(try await app.indicatorStore.run(id: id))
            while run.state == .running {
                try await get(app, location, session: planner) { res in
                    if res.body.string.contains("Läuft") {
                        #expect(res.body.string.contains("http-equiv=\"refresh\""))
                        #expect(res.body.string.contains("<progress"))
                    }
                }
                try await Task.sleep(for: .milliseconds(100))
                run = try #require(try await app.indicatorStore.run(id: id))
            }
            #expect(run.state == .done)
            #expect(run.outcome.inserted == rows)
            #expect(run.progressPercent == 100)
            try await get(app, location, session: planner) { res in
                #expect(res.body.string.contains(">Gespeichert<"))
                #expect(!res.body.string.contains("http-equiv=\"refresh\""))
            }
        }
    }
}
