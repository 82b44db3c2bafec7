import Foundation
import SoplaApp
import SoplaCore
import SoplaRender
import SoplaStore
import Testing
import Vapor
import VaporTesting
@testable import SoplaDemo
@testable import SoplaWeb

@Suite("Disclosure control over HTTP")
struct DisclosureHTTPTests {
    static let latest = Day(iso: "2024-12-31")!

    func items(_ res: TestingHTTPResponse) throws -> [[String: Any]] {
        let body = try #require(try JSONSerialization.jsonObject(with: Data(res.body.readableBytesView)) as? [String: Any])
        return try #require(body["items"] as? [[String: Any]])
    }

    /// An indicator shown only for planning areas asks for a minimum of 5 on `heim`: indicator pages and
    /// profiles of municipalities hide the same counts of 3 and 4.
    @Test func profilesAndIndicatorPagesUseOneMinimum() async throws {
        try await withTestApp { app in
            let strict = Indicator(code: "heim_pr", nameDE: "Heimerziehung (Planungsräume)", nameEN: "Residential care (planning areas)", topic: .upbringing,
                                   numerator: [IndicatorTerm(variable: "heim")], factor: 1, decimals: 0, minimumCount: 5, levels: [SpatialLevel.planningArea.code])
            try await app.indicatorStore.save(strict, actor: .system("test"), at: testNow)
            let observations = try await app.indicatorStore.observations(variables: ["heim"], dates: [Self.latest])
            let units = try await app.spatial.allUnits().filter { $0.levelCode == SpatialLevel.municipality.code }
            let between = units.filter { unit in
                let value = observations[ObservationKey(variable: "heim", unitKey: unit.key, date: Self.latest)]?.value ?? 0
                return value >= 3 && value < 5
            }
            try #require(!between.isEmpty, "the demo has counts of 3 or 4")
            var hidden: Set<String> = []
            try await app.testing().test(.GET, "/api/v1/indicators/heim_je_1000/values?date=\(Self.latest.iso)&level=municipality") { res in
                hidden = Set(try items(res).filter { $0["suppressed"] as? Bool == true }.compactMap { $0["key"] as? String })
            }
            #expect(Set(between.map(\.key)).isSubset(of: hidden))
            for unit in units {
                try await app.testing().test(.GET, "/gebiete/\(unit.key)/steckbrief") { res in
                    #expect(res.status == .ok)
                    // The profile line of heim_je_1000 is kept secret exactly where the indicator page hides it.
                    let line = try #require(res.body.string.firstMatch(of: /Heimerziehung je 1\.000[\s\S]*?<\/tr>/)).output
                    #expect(line.contains("geheim gehalten") == hidden.contains(unit.key), "\(unit.name)")
                }
            }
        }
    }

    /// A published edition joins the disclosure ledger; an edition built before other figures of its variables
    /// were released is refused and a new one can be published.
    @Test func editionsJoinTheLedgerAndOutdatedOnesAreRefused() async throws {
        let time = TestClock()
        try await withTestApp(clock: time.clock) { app in
            let planner = try await login(app, DemoLogin.planner)
            let (builder, section) = try await ReportHTTPTests.draft(app, planner)
            try await post(app, section + "/bloecke", session: planner, fields: [("kind", "table"), ("codes", "heim_je_1000"), ("caption", "Heimerziehung")]) { res in
                #expect(res.status == .seeOther)
            }
            try await post(app, builder + "/ausgaben", session: planner) { res in #expect(res.status == .seeOther) }
            let ledger = DisclosureLedger(database: app.db)
            // Prepared, not yet released.
            #expect(try await ledger.releases(variables: ["heim", "bev_u21"]).isEmpty)
            try await post(app, builder + "/ausgaben/1/veroeffentlichen", session: planner, fields: [("confirm", "ja")]) { res in #expect(res.status == .seeOther) }
            let released = try await ledger.releases(variables: ["heim", "bev_u21"])
            let heim = try #require(released[DisclosureContext.Key(variable: "heim", date: Self.latest)]?.last)
            // What the edition hid is what the public API hides.
            var hidden: Set<String> = []
            try await app.testing().test(.GET, "/api/v1/indicators/heim_je_1000/values?date=\(Self.latest.iso)&level=municipality") { res in
                hidden = Set(try items(res).filter { $0["suppressed"] as? Bool == true }.compactMap { $0["key"] as? String })
            }
            #expect(!hidden.isEmpty)
            #expect(Set(heim.figures.filter(\.value.hidden).keys.compactMap { $0.hasSuffix("|") ? String($0.dropLast()) : nil }).isSuperset(of: hidden))
            // A second edition, then a correction is released elsewhere: the second edition is outdated.
            try await post(app, builder + "/ausgaben", session: planner) { res in #expect(res.status == .seeOther) }
            let store = app.indicatorStore
            let importID = UUID()
            try await store.stage(importID: importID, [Observation("heim", "06532019", Self.latest, 7, status: .revised)])
            _ = try await store.commitStaged(importID: importID, dryRun: false, at: testNow) { _ in nil }
            time.advance(60)
            try await PublicFigures.recordLive(variables: ["heim"], store: store, spatial: app.spatial, ledger: ledger, at: time.clock.now())
            time.advance(60)
            try await post(app, builder + "/ausgaben/2/veroeffentlichen", session: planner, fields: [("confirm", "ja")]) { res in
                #expect(res.status == .conflict)
                #expect(res.body.string.contains("erstellen Sie eine neue Ausgabe"))
            }
            #expect(try await ReportStore(database: app.db).editions().filter { $0.publishedAt != nil }.count == 1)
            // A new edition built now can be published; it is compared with edition 1, the refused draft was never public.
            try await post(app, builder + "/ausgaben", session: planner) { res in #expect(res.status == .seeOther) }
            try await post(app, builder + "/ausgaben/3/veroeffentlichen", session: planner, fields: [("confirm", "ja")]) { res in #expect(res.status == .seeOther) }
            let third = try #require(try await ReportStore(database: app.db).editions().first { $0.number == 3 })
            try await get(app, ReportRoute.edition(third.reportID, 3), session: nil) { res in
                #expect(res.status == .ok)
                #expect(res.body.string.contains("Was sich gegenüber Ausgabe 1 geändert hat (Ausgabe 3)"))
            }
            try await get(app, ReportRoute.comparison(third.reportID, 3), session: nil) { res in
                #expect(res.status == .ok)
                #expect(res.body.string.contains("Was sich gegenüber Ausgabe 1 geändert hat (Ausgabe 3)"))
            }
        }
    }
}
