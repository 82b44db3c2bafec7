import Foundation
import SoplaCore
import SoplaRender
import SoplaStore
import Testing
import Vapor
import VaporTesting
@testable import SoplaDemo
@testable import SoplaWeb

@Suite("The Land and Germany in a GENESIS table become reference values")
struct GenesisReferenceHTTPTests {
    static let file = "13111-01-03-4_1749623409083_de_flat.csv"
    let genesis = GenesisImportHTTPTests()

    /// The total of a region (all nationalities, both sexes) of the sample, read straight from its lines.
    static func total(region: String) throws -> Double {
        let text = try String(contentsOf: GenesisImportHTTPTests.samples.appendingPathComponent(file), encoding: .utf8)
        for line in text.split(whereSeparator: \.isNewline) {
            let fields = line.split(separator: ";", omittingEmptySubsequences: false).map(String.init)
            // region code 7, nationality attribute 11, sex attribute 15, value 17
            guard fields.count > 17, fields[7] == region, fields[11].isEmpty, fields[15].isEmpty else { continue }
            return try #require(Double(fields[17]))
        }
        throw CancellationError()
    }

    func referenceObservations(_ app: Application) async throws -> [ReferenceObservation] {
        try await app.indicatorStore.referenceObservations(variables: ["erw032"])
    }

    @Test func parentRowsAreKeptOnceNotInADryRunAndShownOnTheIndicatorPage() async throws {
        try await withTestApp { app in
            let planner = try await login(app, DemoLogin.planner)

            // A dry run counts what it would keep and keeps nothing.
            let check = try await genesis.uploadSample(app, planner, Self.file, fields: [("dryRun", "ja")])
            let proposal = try await genesis.html(app, check, session: planner)
            #expect(proposal.contains("12 Werte des Landes und des Bundes werden als Vergleichswerte übernommen"))
            try await post(app, check + "/zuordnung", session: planner, fields: [("proposal", "ja")]) { res in #expect(res.status == .seeOther) }
            let checked = try await genesis.html(app, check, session: planner)
            #expect(checked.contains("<tr><th scope=\"row\">Vergleichswerte (Land, Bund)</th><td class=\"num\">12</td></tr>"))
            #expect(try await referenceObservations(app).isEmpty)

            // The import keeps the six values of Hessen and the six of Germany, named as the file names them.
            let run = try await genesis.uploadSample(app, planner, Self.file)
            try await post(app, run + "/zuordnung", session: planner, fields: [("proposal", "ja")]) { res in #expect(res.status == .seeOther) }
            let done = try await genesis.html(app, run, session: planner)
            #expect(done.contains("<tr><th scope=\"row\">Vergleichswerte (Land, Bund)</th><td class=\"num\">12</td></tr>"))
            let kept = try await referenceObservations(app)
            #expect(kept.count == 12)
            #expect(Set(kept.map(\.regionKey)) == ["06", "DG"])
            #expect(Set(kept.filter { $0.regionKey == "06" }.map(\.regionName)) == ["Hessen"])
            #expect(Set(kept.filter { $0.regionKey == "DG" }.map(\.regionName)) == ["Deutschland"])
            let hessen = try Self.total(region: "06")
            #expect(kept.first { $0.regionKey == "06" && $0.breakdown.isTotal }?.value == hessen)
            #expect(kept.first { $0.regionKey == "DG" && $0.breakdown.isTotal }?.value == (try Self.total(region: "DG")))
            // None of them is a figure of the county.
            let own = try await app.indicatorStore.observations(variables: ["erw032"], selection: .current).values.keys
            #expect(!own.contains { ["06", "DG"].contains($0.unitKey) })
            let runID = try #require(UUID(uuidString: String(run.split(separator: "/").last ?? "")))
            #expect(try await app.indicatorStore.run(id: runID)?.referenceValues == 12)

            // The same file again changes nothing.
            let again = try await genesis.uploadSample(app, planner, Self.file)
            _ = try await genesis.html(app, again, session: planner)
            #expect(try await referenceObservations(app) == kept)

            // An indicator over the variable shows Hessen and Germany beside the county; the public only once the import is released.
            let indicator = Indicator(code: "beschaeftigte", nameDE: "Beschäftigte am Arbeitsort", nameEN: "Employees at the workplace", topic: .employment,
                                      numerator: [IndicatorTerm(variable: "erw032")], decimals: 0)
            try await app.indicatorStore.save(indicator, actor: .system("test"), at: testNow)
            let shown = Format.decimal(hessen, digits: 0, .de)
            let page = try await genesis.html(app, "/indikatoren/beschaeftigte", session: planner)
            #expect(page.contains("<tr><th scope=\"row\">Hessen (GENESIS 13111)</th><td>30.06.2024</td><td class=\"num\">\(shown)</td><td>aus dem Import</td></tr>"))
            #expect(page.contains("Deutschland (GENESIS 13111)"))
            #expect(page.contains("Abstand zu Hessen (GENESIS 13111)"))
            // Not deletable: the only delete links are those of values entered by hand.
            #expect(!page.contains("Löschen Hessen (GENESIS"))
            var anonymous = ""
            try await get(app, "/indikatoren/beschaeftigte", session: nil) { anonymous = $0.body.string }
            #expect(!anonymous.contains("Hessen (GENESIS 13111)"))
            _ = try await app.indicatorStore.release(runID: runID, reason: nil, actor: .system("test"), at: testNow)
            try await get(app, "/indikatoren/beschaeftigte", session: nil) { anonymous = $0.body.string }
            #expect(anonymous.contains("<tr><th scope=\"row\">Hessen (GENESIS 13111)</th><td>30.06.2024</td><td class=\"num\">\(shown)</td></tr>"))
        }
    }
}
