import Foundation
import SoplaCore
import SoplaStore
import Testing
import Vapor
import VaporTesting
@testable import SoplaWeb

@Suite("Official statistics in one step: the proposal on the import page")
struct GenesisImportHTTPTests {
    static let samples = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../../shared/data/genesis-samples").standardizedFileURL

    func uploadSample(_ app: Application, _ session: TestSession, _ name: String, fields: [(String, String)] = []) async throws -> String {
        let bytes = Array(try Data(contentsOf: Self.samples.appendingPathComponent(name)))
        let res = try #require(try await upload(app, "/daten/import", session: session, fields: fields, file: (name, bytes)))
        #expect(res.status == .seeOther)
        return try #require(res.headers.first(name: .location))
    }

    func html(_ app: Application, _ path: String, session: TestSession) async throws -> String {
        var body = ""
        try await get(app, path, session: session) { res in
            #expect(res.status == .ok)
            body = res.body.string
        }
        return body
    }

    @Test func aTableReadForTheFirstTimeShowsItsProposalAndIsImportedWithOneClick() async throws {
        try await withTestApp { app in
            let planner = try await login(app, DemoLogin.planner)
            let run = try await uploadSample(app, planner, "12411-01-01-4.csv")
            let page = try await html(app, run, session: planner)
            #expect(page.contains("Vorschlag aus der Tabelle"))
            #expect(page.contains("Die Tabelle 12411-01-01-4 – Bevölkerung nach Geschlecht - Stichtag 31.12. - regionale wird zum ersten Mal eingelesen."))
            #expect(page.contains("<td><code>bevoelkerungsstand</code></td><td>Bevölkerungsstand</td><td>Anzahl</td><td>sex</td><td>neu (Entwurf)</td><td class=\"num\">3</td>"))
            #expect(page.contains("3 Werte betreffen Gebiete Ihres Kreises und werden eingelesen; 6 Werte des Landes und des Bundes werden als Vergleichswerte übernommen; 1.605 Werte anderer Gebiete werden übersprungen."))
            // The preview: the county's three values as they would be stored.
            #expect(page.contains("<td>Lahn-Dill-Kreis</td><td><code>bevoelkerungsstand</code></td><td>31.12.2018</td><td>insgesamt</td><td class=\"num\">253.777</td>"))
            #expect(page.contains("<td>sex=f</td><td class=\"num\">128.687</td>"))
            // Waiting for a mapping is not a fault of the file.
            #expect(!page.contains("Fehler in der Datei") && !page.contains("korrigieren Sie die Datei"))
            #expect(try await app.indicatorStore.variable(code: "bevoelkerungsstand") == nil)

            // A provider may not accept it; nothing changes.
            let provider = try await login(app, DemoLogin.provider)
            try await post(app, run + "/zuordnung", session: provider, fields: [("proposal", "ja")]) { res in #expect(res.status == .forbidden) }
            #expect(try await app.indicatorStore.variable(code: "bevoelkerungsstand") == nil)

            try await post(app, run + "/zuordnung", session: planner, fields: [("proposal", "ja")]) { res in #expect(res.status == .seeOther) }
            let variable = try #require(try await app.indicatorStore.variable(code: "bevoelkerungsstand"))
            #expect(variable.state == .draft && variable.unit == "Anzahl" && variable.tableCode == "12411-01-01-4" && variable.isCount)
            #expect(try await app.indicatorStore.mapping(tableCode: "12411-01-01-4")?.targets == ["Bevölkerungsstand": IndicatorTerm(variable: "bevoelkerungsstand")])
            let done = try await html(app, run, session: planner)
            #expect(done.contains("<tr><th scope=\"row\">Vergleichswerte (Land, Bund)</th><td class=\"num\">6</td></tr>"))
            #expect(done.contains("<td class=\"num\">1.605</td>"))
            let stored = try await app.indicatorStore.observations(variables: ["bevoelkerungsstand"], selection: .current).values.values
            #expect(stored.count == 3)
            #expect(Set(stored.compactMap(\.value)) == [253_777, 125_090, 128_687])

            // The second click on the same proposal changes nothing.
            try await post(app, run + "/zuordnung", session: planner, fields: [("proposal", "ja")]) { res in #expect(res.status == .conflict) }
            #expect(try await app.indicatorStore.observations(variables: ["bevoelkerungsstand"], selection: .current).values.count == 3)
        }
    }

    @Test func aDryRunChecksTheProposalAndWritesNothing() async throws {
        try await withTestApp { app in
            let planner = try await login(app, DemoLogin.planner)
            let variables = try await app.indicatorStore.variables().count
            let run = try await uploadSample(app, planner, "13111-01-03-4_1749623409083_de_flat.csv", fields: [("dryRun", "ja")])
            let page = try await html(app, run, session: planner)
            #expect(page.contains("<td><code>erw032</code></td><td>Sozialversicherungspfl. Beschäftigte (Arbeitsort)</td><td>Anzahl</td><td>nationality, sex</td>"))
            #expect(page.contains("Vorschlag prüfen (Probelauf, nichts wird gespeichert)"))
            try await post(app, run + "/zuordnung", session: planner, fields: [("proposal", "ja")]) { res in #expect(res.status == .seeOther) }
            let checked = try await html(app, run, session: planner)
            #expect(checked.contains("Das würde der Import ändern"))
            #expect(try await app.indicatorStore.variables().count == variables)
            #expect(try await app.indicatorStore.mapping(tableCode: "13111") == nil)
            #expect(try await app.indicatorStore.observations(variables: ["erw032"], selection: .current).values.isEmpty)
        }
    }

    @Test func aTableWithoutTheCountysAreasStoresNothingNotEvenItsVariables() async throws {
        try await withTestApp { app in
            let planner = try await login(app, DemoLogin.planner)
            let variables = try await app.indicatorStore.variables().count
            // Rents by Land: no area of the county in it.
            let run = try await uploadSample(app, planner, "61111-0021_1749244794067_de_flat.csv")
            let page = try await html(app, run, session: planner)
            #expect(page.contains("Die Tabelle enthält keine Werte für Gebiete Ihres Kreises."))
            try await post(app, run + "/zuordnung", session: planner, fields: [("proposal", "ja")]) { res in #expect(res.status == .seeOther) }
            let failed = try await html(app, run, session: planner)
            #expect(failed.contains("Keiner der 960 Werte betrifft ein Gebiet Ihres Kreises"))
            #expect(try await app.indicatorStore.variables().count == variables)
            #expect(try await app.indicatorStore.mapping(tableCode: "61111") == nil)
        }
    }

    @Test func theMalformedAnswerOfTheServiceIsRefusedWithItsRows() async throws {
        try await withTestApp { app in
            let planner = try await login(app, DemoLogin.planner)
            let run = try await uploadSample(app, planner, "52411-02-01-4_flat.csv")
            let page = try await html(app, run, session: planner)
            #expect(page.contains("538 Zeilen sind verschoben"))
            #expect(page.contains("<code>2–539</code>"))
            #expect(page.contains("MeasureUnitNotFound!"))
            #expect(try await app.indicatorStore.mapping(tableCode: "52411") == nil)
        }
    }
}
