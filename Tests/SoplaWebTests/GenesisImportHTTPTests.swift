import Foundation
import SoplaCore
import SoplaRender
import SoplaStore
import Testing
import Vapor
import VaporTesting
@testable import SoplaDemo
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
            #expect(done.contains("<dd>GENESIS-Tabelle (CSV)</dd>"))
            let stored = try await app.indicatorStore.observations(variables: ["bevoelkerungsstand"], selection: .current).values.values
            #expect(stored.count == 3)
            #expect(Set(stored.compactMap(\.value)) == [253_777, 125_090, 128_687])

            // The second click on the same proposal changes nothing.
            try await post(app, run + "/zuordnung", session: planner, fields: [("proposal", "ja")]) { res in #expect(res.status == .conflict) }
            #expect(try await app.indicatorStore.observations(variables: ["bevoelkerungsstand"], selection: .current).values.count == 3)
        }
    }

    /// Two tabs accept the same proposal at the same moment: one import, one set of variables; the other click is told.
    @Test func twoClicksAtOnceImportOnce() async throws {
        try await withTestApp { app in
            let planner = try await login(app, DemoLogin.planner)
            let run = try await uploadSample(app, planner, "12411-01-01-4.csv")
            let variables = try await app.indicatorStore.variables().count
            let statuses = try await withThrowingTaskGroup(of: HTTPStatus.self) { group in
                for _ in 0..<2 {
                    group.addTask {
                        var status = HTTPStatus.internalServerError
                        try await post(app, run + "/zuordnung", session: planner, fields: [("proposal", "ja")]) { status = $0.status }
                        return status
                    }
                }
                return try await group.reduce(into: [HTTPStatus]()) { $0.append($1) }
            }
            #expect(statuses.sorted { $0.code < $1.code } == [.seeOther, .conflict])
            #expect(try await app.indicatorStore.variables().count == variables + 1)
            #expect(try await app.indicatorStore.observations(variables: ["bevoelkerungsstand"], selection: .current).values.count == 3)
            #expect(try await app.indicatorStore.runs().filter { $0.tableCode == "12411-01-01-4" }.count == 1)
            // Another click later: told in words, with the way to the run and who is logged in.
            try await post(app, run + "/zuordnung", session: planner, fields: [("proposal", "ja")]) { res in
                #expect(res.status == .conflict)
                #expect(res.body.string.contains("Dieser Import wartet nicht mehr auf eine Zuordnung: er wurde schon gestartet"))
                #expect(res.body.string.contains("<a href=\"\(run)\">Zum Import und seinem Stand</a>"))
                #expect(res.body.string.contains("Abmelden"))
            }
        }
    }

    /// The proposal form's columns and codes as the page shows them, by place.
    func proposalFields(_ page: String) -> [(column: String, code: String)] {
        let codes = Dictionary(page.matches(of: #/id="code-(\d+)" name="code-\d+" value="([^"]*)"/#).map { (String($0.output.1), String($0.output.2)) },
                               uniquingKeysWith: { a, _ in a })
        return page.matches(of: #/name="column-(\d+)" value="([^"]*)"/#).compactMap { m in codes[String(m.output.1)].map { (String(m.output.2), $0) } }
    }

    @Test func thePlannerChangesCodeAndNameOfAProposedVariableBeforeAcceptingIt() async throws {
        try await withTestApp { app in
            let store = app.indicatorStore
            let planner = try await login(app, DemoLogin.planner)
            let run = try await uploadSample(app, planner, "12411-01-01-4.csv")
            let page = try await html(app, run, session: planner)
            // Prefilled with the proposal, each field labelled with the variable it belongs to.
            #expect(page.contains("<label for=\"code-0\">Kennung für „Bevölkerungsstand“ *</label>"))
            #expect(page.contains("<label for=\"name-0\">Name für „Bevölkerungsstand“ *</label>"))
            #expect(proposalFields(page).map(\.column) == ["Bevölkerungsstand"] && proposalFields(page).map(\.code) == ["bevoelkerungsstand"])
            #expect(page.contains("name=\"name-0\" value=\"Bevölkerungsstand\""))

            try await post(app, run + "/zuordnung", session: planner, fields: [
                ("proposal", "ja"), ("variables", "1"), ("column-0", "Bevölkerungsstand"), ("code-0", " einwohner_geschlecht "), ("name-0", "Einwohner  nach Geschlecht"),
            ]) { res in #expect(res.status == .seeOther) }
            let variable = try #require(try await store.variable(code: "einwohner_geschlecht"))
            #expect(variable.nameDE == "Einwohner nach Geschlecht" && variable.state == .draft && variable.unit == "Anzahl" && variable.isCount)
            #expect(try await store.variable(code: "bevoelkerungsstand") == nil)
            #expect(try await store.mapping(tableCode: "12411-01-01-4")?.targets == ["Bevölkerungsstand": IndicatorTerm(variable: "einwohner_geschlecht")])
            let stored = try await store.observations(variables: ["einwohner_geschlecht"], selection: .current).values.values
            #expect(Set(stored.compactMap(\.value)) == [253_777, 125_090, 128_687])
        }
    }

    @Test func anExistingCodeInTheProposalUsesThatVariable() async throws {
        try await withTestApp { app in
            let store = app.indicatorStore
            let planner = try await login(app, DemoLogin.planner)
            let variables = try await store.variables()
            let run = try await uploadSample(app, planner, "12411-01-01-4.csv")
            try await post(app, run + "/zuordnung", session: planner, fields: [
                ("proposal", "ja"), ("variables", "1"), ("column-0", "Bevölkerungsstand"), ("code-0", "bevoelkerung"), ("name-0", "Bevölkerungsstand"),
            ]) { res in #expect(res.status == .seeOther) }
            // No new variable, the existing one keeps its name and holds the county's values.
            #expect(try await store.variables() == variables)
            #expect(try await store.mapping(tableCode: "12411-01-01-4")?.targets == ["Bevölkerungsstand": IndicatorTerm(variable: "bevoelkerung")])
            let stored = try await store.observations(variables: ["bevoelkerung"], selection: .current).values.values
            #expect(stored.contains { $0.key.unitKey == "06532" && $0.key.date == Day(iso: "2018-12-31") && $0.key.breakdown.isTotal && $0.value == 253_777 })
        }
    }

    /// A count column cannot go into an area in km² (nor any variable of another unit); a column of another table is named.
    @Test func anExistingVariableOfAnotherUnitOrAnUnknownColumnIsRefused() async throws {
        try await withTestApp { app in
            let store = app.indicatorStore
            let planner = try await login(app, DemoLogin.planner)
            let values = try await store.observations(variables: ["flaeche"], selection: .current).values.count
            let run = try await uploadSample(app, planner, "12411-01-01-4.csv")
            try await post(app, run + "/zuordnung", session: planner, fields: [
                ("proposal", "ja"), ("variables", "1"), ("column-0", "Bevölkerungsstand"), ("code-0", "flaeche"), ("name-0", "Fläche"),
            ]) { res in
                #expect(res.status == .unprocessableEntity)
                let page = res.body.string
                #expect(page.contains("<p class=\"field-error\" id=\"code-0-error\">ist der Code eines Merkmals mit der Einheit „km²“, diese Spalte hat die Einheit „Anzahl“: bitte einen anderen Code wählen.</p>"))
                #expect(page.contains("id=\"code-0\" name=\"code-0\" value=\"flaeche\""))
            }
            try await post(app, run + "/zuordnung", session: planner, fields: [
                ("proposal", "ja"), ("variables", "1"), ("column-0", "ISV006"), ("code-0", "insolvenzen"), ("name-0", "Insolvenzen"),
            ]) { res in
                #expect(res.status == .unprocessableEntity)
                #expect(res.body.string.contains("„ISV006“ ist kein zulässiger Wert."))
            }
            // The same through the form that assigns columns by hand.
            try await post(app, run + "/zuordnung", session: planner, fields: [
                ("columns", "1"), ("signature-0", "Bevölkerungsstand"), ("variable-0", "flaeche"), ("breakdown-0", ""),
            ]) { res in
                #expect(res.status == .unprocessableEntity)
                #expect(res.body.string.contains("ist der Code eines Merkmals mit der Einheit „km²“, diese Spalte hat die Einheit „Anzahl“"))
            }
            #expect(try await store.mapping(tableCode: "12411-01-01-4") == nil)
            #expect(try await store.observations(variables: ["flaeche"], selection: .current).values.count == values)
            #expect(try await store.variable(code: "insolvenzen") == nil)
            #expect(try await store.run(id: try #require(UUID(uuidString: String(run.split(separator: "/").last ?? ""))))?.state == .needsMapping)
        }
    }

    @Test func anInvalidCodeOrAMissingNameIsRefusedWithWhatWasTypedAndNothingIsStored() async throws {
        try await withTestApp { app in
            let store = app.indicatorStore
            let planner = try await login(app, DemoLogin.planner)
            let variables = try await store.variables().count
            let values = try await store.observations(variables: ["bevoelkerung"], selection: .current).values.count
            let run = try await uploadSample(app, planner, "12411-01-01-4.csv")
            try await post(app, run + "/zuordnung", session: planner, fields: [
                ("proposal", "ja"), ("variables", "1"), ("column-0", "Bevölkerungsstand"), ("code-0", "Bevölkerung 2018"), ("name-0", "  "),
            ]) { res in
                #expect(res.status == .unprocessableEntity)
                let page = res.body.string
                #expect(page.contains("id=\"code-0\" name=\"code-0\" value=\"Bevölkerung 2018\""))
                #expect(page.contains("<p class=\"field-error\" id=\"code-0-error\">„Bevölkerung 2018“ ist kein zulässiger Wert.</p>"))
                #expect(page.contains("<p class=\"field-error\" id=\"name-0-error\">fehlt.</p>"))
                #expect(page.contains("<a href=\"#code-0\">Kennung für „Bevölkerungsstand“: „Bevölkerung 2018“ ist kein zulässiger Wert.</a>"))
                #expect(page.contains("aria-describedby=\"code-0-error\" aria-invalid=\"true\""))
            }
            // A valid code of an existing variable is kept, and the page says it would be used.
            try await post(app, run + "/zuordnung", session: planner, fields: [
                ("proposal", "ja"), ("variables", "1"), ("column-0", "Bevölkerungsstand"), ("code-0", "bevoelkerung"), ("name-0", ""),
            ]) { res in
                #expect(res.status == .unprocessableEntity)
                #expect(res.body.string.contains("Vorhandenes Merkmal wird verwendet: Einwohnerinnen und Einwohner."))
                #expect(res.body.string.contains("value=\"bevoelkerung\""))
            }
            #expect(try await store.variables().count == variables)
            #expect(try await store.mapping(tableCode: "12411-01-01-4") == nil)
            #expect(try await store.run(id: try #require(UUID(uuidString: String(run.split(separator: "/").last ?? ""))))?.state == .needsMapping)
            #expect(try await store.observations(variables: ["bevoelkerung"], selection: .current).values.count == values)
        }
    }

    @Test func twoColumnsCannotGetTheSameCode() async throws {
        try await withTestApp { app in
            let store = app.indicatorStore
            let planner = try await login(app, DemoLogin.planner)
            let variables = try await store.variables().count
            let run = try await uploadSample(app, planner, "52411-02-01-4_1773177231272_de_flat.csv")
            let fields = proposalFields(try await html(app, run, session: planner))
            try #require(fields.count == 3)
            func form(_ codes: [String]) -> [(String, String)] {
                [("proposal", "ja"), ("variables", "3")] + fields.indices.flatMap { i in
                    [("column-\(i)", fields[i].column), ("code-\(i)", codes[i]), ("name-\(i)", "Merkmal \(i)")]
                }
            }
            // A new code given to the second column that the first has: only the changed column is blamed.
            try await post(app, run + "/zuordnung", session: planner, fields: form([fields[0].code, fields[0].code, fields[2].code])) { res in
                #expect(res.status == .unprocessableEntity)
                let page = res.body.string
                #expect(page.contains("<p class=\"field-error\" id=\"code-1-error\">ist bereits vergeben.</p>"))
                #expect(page.contains("Dieselbe Kennung wie \(fields[0].column): die Werte mehrerer Spalten kämen in ein Merkmal."))
                #expect(!page.contains("id=\"code-0-error\""))
            }
            // Two columns onto one existing variable would merge two measures as well.
            try await post(app, run + "/zuordnung", session: planner, fields: form(["bevoelkerung", "bevoelkerung", fields[2].code])) { res in
                #expect(res.status == .unprocessableEntity)
                #expect(res.body.string.contains("id=\"code-0-error\"") && res.body.string.contains("id=\"code-1-error\""))
            }
            #expect(try await store.variables().count == variables)
            #expect(try await store.mapping(tableCode: "52411") == nil)
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

    /// sopla stopped while a large import ran: the next start marks the run failed and says why, removes its staged values
    /// and its kept upload; the import page and the demo are usable at once.
    @Test func anImportInterruptedByAStopIsMarkedFailedAtTheNextStart() async throws {
        try await withTestApp { app in
            let planner = try await login(app, DemoLogin.planner)
            let upload = FileManager.default.temporaryDirectory.appendingPathComponent("abgebrochen-\(UUID().uuidString).csv")
            try Data("Gebiet;Wert\n".utf8).write(to: upload)
            var run = ImportRun(id: UUID(), fileName: "gross.csv", sha256: "a", actorID: nil, actorLabel: "Planung", startedAt: testNow, dryRun: false,
                                skipUnknownUnits: false, bytesTotal: 1_000_000)
            run.storedFile = upload.path
            run.bytesRead = 400_000
            try await app.indicatorStore.create(run)
            try await app.indicatorStore.stage(importID: run.id, [Observation("alo", "06532001", Day(year: 2020, month: 12, day: 31)!, 1)])
            #expect(try await html(app, SiteRoute.dataImportRun(id: run.id).path, session: planner).contains("Läuft …"))

            try await app.recoverInterruptedImports(console: app.console)
            #expect(!FileManager.default.fileExists(atPath: upload.path))
            #expect(try await app.indicatorStore.stagedCount(importID: run.id) == 0)
            let page = try await html(app, SiteRoute.dataImportRun(id: run.id).path, session: planner)
            #expect(page.contains("sopla wurde beendet, während der Import lief; nichts davon wurde gespeichert – bitte die Datei erneut importieren"))
            #expect(!page.contains("Läuft …") && !page.contains("Fehler in der Datei"))
        }
    }

    /// A value the import would refuse (a fraction of persons) is told on the proposal, before anything is accepted.
    @Test func theProposalSaysWhichValuesWouldBeRefused() async throws {
        try await withTestApp { app in
            let planner = try await login(app, DemoLogin.planner)
            let original = try Data(contentsOf: Self.samples.appendingPathComponent("12411-01-01-4.csv"))
            let bytes = Array(original)
            // Latin-1 file: replace the bytes of the county's total, not decoded text.
            let needle = Array("253777;125090;128687".utf8), replacement = Array("253777,5;125090;128687".utf8)
            let start = try #require((0...(bytes.count - needle.count)).first { Array(bytes[$0..<($0 + needle.count)]) == needle })
            let changed = Array(bytes[..<start]) + replacement + Array(bytes[(start + needle.count)...])
            let res = try #require(try await upload(app, "/daten/import", session: planner, fields: [], file: ("12411-01-01-4.csv", changed)))
            let run = try #require(res.headers.first(name: .location))
            let page = try await html(app, run, session: planner)
            #expect(page.contains("Werte Ihres Kreises, die abgelehnt würden: 1. Da eine Datei ganz oder gar nicht eingelesen wird"))
            #expect(page.contains("Eine Anzahl muss eine ganze Zahl sein"))
            // As said: accepting stores nothing.
            try await post(app, run + "/zuordnung", session: planner, fields: [("proposal", "ja")]) { res in #expect(res.status == .seeOther) }
            #expect(try await app.indicatorStore.observations(variables: ["bevoelkerungsstand"], selection: .current).values.isEmpty)
        }
    }

    /// An empty file is told apart from no file at all; nothing starts.
    @Test func anEmptyFileIsCalledEmpty() async throws {
        try await withTestApp { app in
            let planner = try await login(app, DemoLogin.planner)
            let runs = try await app.indicatorStore.runs().count
            let res = try #require(try await upload(app, "/daten/import", session: planner, fields: [], file: ("leer.csv", [])))
            #expect(res.status == .unprocessableEntity)
            #expect(res.body.string.contains("Datei: ist leer (0 Byte)."))
            #expect(try await app.indicatorStore.runs().count == runs)
        }
    }

    /// The workbook itself instead of the CSV saved from it, and a picture: told what to do, no bytes of the file shown.
    @Test func anExcelWorkbookOrAPictureIsToldApartFromACSV() async throws {
        try await withTestApp { app in
            let planner = try await login(app, DemoLogin.planner)
            let xlsx: [UInt8] = [0x50, 0x4B, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00] + Array("[Content_Types].xml xl/workbook.xml".utf8)
            let res = try #require(try await upload(app, "/daten/import", session: planner, fields: [], file: ("Statistik.xlsx", xlsx)))
            #expect(res.status == .seeOther)
            let page = try await html(app, try #require(res.headers.first(name: .location)), session: planner)
            #expect(page.contains("Eine Excel-Mappe: bitte in Excel mit „Speichern unter“ als „CSV UTF-8 (durch Trennzeichen getrennt)“ speichern und diese Datei hochladen"))
            let png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x48, 0x44, 0x52]
            let picture = try #require(try await upload(app, "/daten/import", session: planner, fields: [], file: ("karte.png", png)))
            let shown = try await html(app, try #require(picture.headers.first(name: .location)), session: planner)
            #expect(shown.contains("Keine Textdatei (ein Bild, ein PDF oder eine gepackte Datei?): bitte die CSV-Datei der Statistik hochladen"))
            #expect(!shown.contains("PNG"))
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
