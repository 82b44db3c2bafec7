import Foundation
import SoplaCore
import SoplaRender
import SoplaStore
import Testing
import Vapor
import VaporTesting
@testable import SoplaDemo
@testable import SoplaWeb

/// Planners upload, rename and retire a municipality's planning areas in the browser; the demo starts again after a
/// planner changed boundaries; profiles show the county around a municipality that has planning areas.
@Suite("Planning areas in the browser")
struct PlanningAreaHTTPTests {
    /// Two planning areas inside Wetzlar, numbered as such files usually are ("1", "2").
    static func geoJSON(_ features: [(id: String?, name: String?, west: Double)]) -> [UInt8] {
        let items = features.map { f -> String in
            var properties: [String] = []
            if let id = f.id { properties.append("\"id\": \"\(id)\"") }
            if let name = f.name { properties.append("\"name\": \"\(name)\"") }
            let w = f.west, e = f.west + 0.02
            return "{\"type\": \"Feature\", \"properties\": {\(properties.joined(separator: ", "))}, \"geometry\": {\"type\": \"Polygon\", \"coordinates\": "
                + "[[[\(w), 50.55], [\(e), 50.55], [\(e), 50.565], [\(w), 50.565], [\(w), 50.55]]]}}"
        }
        return Array("{\"type\": \"FeatureCollection\", \"features\": [\(items.joined(separator: ", "))]}".utf8)
    }

    static let twoAreas = geoJSON([("1", "Altstadt", 8.49), ("2", "Niedergirmes", 8.47)])
    static let fields = [("keyProperty", "id"), ("nameProperty", "name"), ("validFrom", "2025-01-01")]

    @Test func aPlannerUploadsPlanningAreasAllOrNothing() async throws {
        try await withTestApp { app in
            let planner = try await login(app, DemoLogin.planner)
            try await get(app, "/gebiete/06532023", session: planner) { res in
                #expect(res.text.contains("href=\"/gebiete/06532023/planungsraeume\""))
            }
            try await get(app, "/gebiete/06532023/planungsraeume", session: planner) { res in
                #expect(res.text.contains("<h2>Planungsräume</h2>") && res.text.contains("Noch keine Planungsräume"))
                #expect(res.text.contains("<a href=\"/gebiete/06532023/untergebiete/neu\">Planungsraum anlegen</a>"))
            }
            // A bad file: the second feature has no name, the third repeats a key; nothing is stored and each is named.
            let bad = try #require(try await upload(app, "/gebiete/06532023/planungsraeume", session: planner, fields: Self.fields,
                                                    file: ("pr.geojson", Self.geoJSON([("1", "Altstadt", 8.49), ("2", nil, 8.47), ("1", "Doppelt", 8.45)]))))
            #expect(bad.status == .unprocessableEntity)
            #expect(bad.text.contains("Nichts wurde übernommen"))
            #expect(bad.text.contains("<td>1</td><td>name</td><td>–</td><td>Die Eigenschaft mit dem Namen fehlt oder ist leer.</td>"))
            #expect(bad.text.contains("<td>2</td><td>id</td><td>06532023-1</td><td>Doppelter Schlüssel: ein früheres Objekt hat denselben.</td>"))
            #expect(bad.text.contains("Datei: pr.geojson"))
            #expect(bad.text.contains("value=\"id\"") && bad.text.contains("value=\"2025-01-01\""))
            #expect(try await app.spatial.allUnits().filter { $0.parentKey == "06532023" }.isEmpty)

            // Not GeoJSON at all, no file, a bad date: named by field.
            let garbage = try #require(try await upload(app, "/gebiete/06532023/planungsraeume", session: planner, fields: Self.fields, file: ("x.geojson", Array("kein json".utf8))))
            #expect(garbage.status == .unprocessableEntity && garbage.text.contains("Die Datei ist keine lesbare GeoJSON-FeatureCollection"))
            let badDate = try #require(try await upload(app, "/gebiete/06532023/planungsraeume", session: planner,
                                                        fields: [("keyProperty", "id"), ("nameProperty", "name"), ("validFrom", "31.02.2025")], file: ("pr.geojson", Self.twoAreas)))
            #expect(badDate.status == .unprocessableEntity && badDate.text.contains("Gültig ab: „31.02.2025“ ist kein Tag von 1900 bis 2100 (z. B. 31.12.2025)."))

            // An area whose centre lies outside Wetzlar (another place, or longitude and latitude swapped) is named.
            let outside = try #require(try await upload(app, "/gebiete/06532023/planungsraeume", session: planner, fields: Self.fields,
                                                        file: ("pr.geojson", Self.geoJSON([("1", "Altstadt", 8.49), ("9", "Anderswo", 9.9)]))))
            #expect(outside.status == .unprocessableEntity)
            #expect(outside.text.contains("<td>1</td><td>geometry</td><td>9.9100, 50.5575</td><td>Die Fläche liegt nicht in der Gemeinde"))
            #expect(try await app.spatial.allUnits().filter { $0.parentKey == "06532023" }.isEmpty)

            let good = try #require(try await upload(app, "/gebiete/06532023/planungsraeume", session: planner, fields: Self.fields, file: ("pr.geojson", Self.twoAreas)))
            #expect(good.status == .ok)
            #expect(good.text.contains("Grenzen übernommen: 2 angelegt, 0 neuer Gebietsstand, 0 geändert, 0 unverändert."))
            let areas = try await app.spatial.allUnits().filter { $0.parentKey == "06532023" }
            #expect(areas.map(\.key) == ["06532023-1", "06532023-2"])
            #expect(areas.map(\.name) == ["Altstadt", "Niedergirmes"])
            #expect(try await app.spatial.boundaryHistory(unitKey: "06532023-1").map(\.validFrom.iso) == ["2025-01-01"])
            let created = try await AccountStore(database: app.db).audit(AuditQuery(entityType: AuditEntity.spatialUnit, entityID: "06532023-1", action: .create)).entries
            #expect(created.count == 1 && created.first?.actor.userID != nil)

            // The same file again changes nothing.
            let again = try #require(try await upload(app, "/gebiete/06532023/planungsraeume", session: planner, fields: Self.fields, file: ("pr.geojson", Self.twoAreas)))
            #expect(again.text.contains("0 angelegt, 0 neuer Gebietsstand, 0 geändert, 2 unverändert."))
        }
    }

    @Test func onlyPlannersManagePlanningAreas() async throws {
        try await withTestApp { app in
            for path in ["/gebiete/06532023/planungsraeume", "/gebiete/06532023/bearbeiten"] {
                try await get(app, path, session: nil) { res in #expect(res.status == .seeOther || res.status == .unauthorized, "\(path)") }
            }
            let provider = try await login(app, DemoLogin.provider)
            try await get(app, "/gebiete/06532023/planungsraeume", session: provider) { res in #expect(res.status == .forbidden) }
            let refused = try #require(try await upload(app, "/gebiete/06532023/planungsraeume", session: provider, fields: Self.fields, file: ("pr.geojson", Self.twoAreas)))
            #expect(refused.status == .forbidden)
            #expect(try await app.spatial.allUnits().filter { $0.parentKey == "06532023" }.isEmpty)
            let planner = try await login(app, DemoLogin.planner)
            // A municipality is no planning area: it is not renamed or retired here; a county has no planning areas.
            try await get(app, "/gebiete/06532023/bearbeiten", session: planner) { res in #expect(res.status == .notFound) }
            try await get(app, "/gebiete/06532/planungsraeume", session: planner) { res in #expect(res.status == .notFound) }
        }
    }

    @Test func aPlannerRenamesAndRetiresAPlanningAreaWithHistoryKept() async throws {
        try await withTestApp { app in
            let planner = try await login(app, DemoLogin.planner)
            _ = try await upload(app, "/gebiete/06532023/planungsraeume", session: planner, fields: Self.fields, file: ("pr.geojson", Self.twoAreas))
            try await get(app, "/gebiete/06532023-1", session: planner) { res in
                #expect(res.text.contains("href=\"/gebiete/06532023-1/bearbeiten\""))
            }
            try await post(app, "/gebiete/06532023-1/bearbeiten", session: planner, fields: [("name", " "), ("kind", "Planungsraum")]) { res in
                #expect(res.status == .unprocessableEntity && res.text.contains("Name: fehlt."))
            }
            try await post(app, "/gebiete/06532023-1/bearbeiten", session: planner, fields: [("name", "Altstadt und Dom"), ("kind", "Sozialraum")]) { res in
                #expect(res.status == .seeOther)
            }
            #expect(try await app.spatial.unit(key: "06532023-1")?.name == "Altstadt und Dom")
            #expect(try await app.spatial.unit(key: "06532023-1")?.kind == "Sozialraum")

            // Retiring needs the confirmation and a day after the boundary's start.
            try await post(app, "/gebiete/06532023-1/aufheben", session: planner, fields: [("retireOn", "2026-01-01")]) { res in
                #expect(res.status == .unprocessableEntity && res.text.contains("Aufheben: fehlt."))
            }
            try await post(app, "/gebiete/06532023-1/aufheben", session: planner, fields: [("retireOn", "2024-06-01"), ("confirm", "ja")]) { res in
                #expect(res.status == .unprocessableEntity && res.text.contains("Aufgehoben ab: liegt vor dem Beginn."))
            }
            // A day beyond 2100 is a typing error, not a plan.
            try await post(app, "/gebiete/06532023-1/aufheben", session: planner, fields: [("retireOn", "9999-12-31"), ("confirm", "ja")]) { res in
                #expect(res.status == .unprocessableEntity && res.text.contains("href=\"#retireOn\""))
            }
            #expect(try await app.spatial.boundaryHistory(unitKey: "06532023-1").map { $0.validTo?.iso } == [nil])
            try await post(app, "/gebiete/06532023-1/aufheben", session: planner, fields: [("retireOn", "2025-11-01"), ("confirm", "ja")]) { res in
                #expect(res.status == .seeOther)
            }
            #expect(try await app.spatial.boundaryHistory(unitKey: "06532023-1").map { "\($0.validFrom.iso)…\($0.validTo?.iso ?? "")" } == ["2025-01-01…2025-10-31"])
            #expect(try await app.spatial.unit(key: "06532023-1") != nil)
            try await get(app, "/gebiete/06532023/planungsraeume", session: planner) { res in
                #expect(res.text.contains("aufgehoben ab 01.11.2025") && res.text.contains("gilt seit 01.01.2025"))
            }
            try await get(app, "/gebiete/06532023-1", session: nil) { res in
                #expect(res.text.contains("aufgehoben ab 01.11.2025") && res.text.contains("31.10.2025"))
            }
            try await get(app, "/gebiete/06532023", session: nil) { res in
                #expect(res.text.contains("<a href=\"/gebiete/06532023-1\">Altstadt und Dom</a> (aufgehoben ab 01.11.2025)</th>"))
                #expect(res.text.contains("<a href=\"/gebiete/06532023-2\">Niedergirmes</a></th>"))
                // The retired area is no longer on the map; the other one is.
                #expect(res.text.components(separatedBy: "class=\"area outline\"").count - 1 == 1)
            }
            try await post(app, "/gebiete/06532023-1/aufheben", session: planner, fields: [("retireOn", "2025-11-20"), ("confirm", "ja")]) { res in
                #expect(res.status == .conflict)
            }
            let store = AccountStore(database: app.db)
            let renamed = try await store.audit(AuditQuery(entityType: AuditEntity.spatialUnit, entityID: "06532023-1", action: .update)).entries
            #expect(renamed.count == 1)
            #expect(renamed.first?.changes.map(\.field).sorted() == ["kind", "name"])
            let retired = try await store.audit(AuditQuery(entityType: AuditEntity.spatialUnit, entityID: "06532023-1", action: .deactivate)).entries
            #expect(retired.count == 1 && retired.first?.changes.first?.after == "2025-10-31")
            #expect(AuditWords.field("boundaryValidTo", entity: AuditEntity.spatialUnit, .de) == "Grenzen gültig bis")
        }
    }

    /// `sopla demo` refreshes the county; a Gebietsstand a planner added since stays and the demo starts.
    @Test func theDemoSeedsAgainAfterAPlannerChangedABoundary() async throws {
        try await withTestApp { app in
            let wetzlar = try #require(try await app.spatial.boundaryHistory(unitKey: "06532023").last)
            var ring = wetzlar.geometry.polygons[0].rings[0]
            ring[1] = Position(lon: ring[1].lon + 0.001, lat: ring[1].lat)
            let changed = MultiPolygon(polygons: [Polygon(rings: [ring])])
            var plan = BoundaryImportPlan()
            plan.newStatuses = [.init(unitKey: "06532023", closedVersionValidFrom: wetzlar.validFrom, closedOn: Day(year: 2024, month: 12, day: 31)!,
                                      boundary: BoundaryVersion(unitKey: "06532023", validFrom: Day(year: 2025, month: 1, day: 1)!, geometry: changed))]
            try await app.spatialWriter(.system("Test")).apply(plan)

            let again = try await DemoData.seed(repository: app.spatialWriter(.system("sopla demo")), catalogue: app.settings.levels)
            #expect(again.newStatuses.isEmpty && again.creations.isEmpty)
            #expect(again.unchangedKeys.count == 23)
            let history = try await app.spatial.boundaryHistory(unitKey: "06532023")
            #expect(history.map(\.validFrom.iso) == ["2013-01-01", "2025-01-01"])
            #expect(history.last?.geometry == changed.rightHandRule)
        }
    }

    @Test func aMunicipalityWithPlanningAreasKeepsTheCountyOnItsProfileMap() async throws {
        try await withTestApp { app in
            let planner = try await login(app, DemoLogin.planner)
            _ = try await upload(app, "/gebiete/06532023/planungsraeume", session: planner, fields: Self.fields, file: ("pr.geojson", Self.twoAreas))
            try await get(app, "/gebiete/06532023/steckbrief", session: nil) { res in
                let html = res.text
                // The county's 23 municipalities, Wetzlar outlined, its two planning areas dashed inside.
                let start = try #require(html.range(of: "<svg id=\"lagekarte\""))
                let end = try #require(html.range(of: "</svg>", range: start.upperBound..<html.endIndex))
                let svg = String(html[start.lowerBound..<end.upperBound])
                #expect(svg.components(separatedBy: "<path class=\"area c").count - 1 == 23)
                #expect(svg.components(separatedBy: " highlight\"").count - 1 == 1)
                #expect(svg.components(separatedBy: "class=\"area outline\"").count - 1 == 2)
                #expect(svg.contains("aria-label=\"Planungsraum Altstadt\""))
                #expect(html.contains("Die Gemeinden des Kreises nach Einwohnern je km²; Wetzlar ist schwarz umrandet."))
                #expect(html.contains("<dt>Amtlicher Gemeindeschlüssel (AGS)</dt>"))
            }
            // The area page too: "Lage im Kreis" with the county, no longer the two planning areas alone.
            try await get(app, "/gebiete/06532023", session: nil) { res in
                let html = res.text
                #expect(html.contains("<h2 id=\"lage\">Lage im Kreis</h2>") && !html.contains("Karte der untergeordneten Gebiete"))
                #expect(html.components(separatedBy: "<path class=\"area c").count - 1 == 23)
                #expect(html.components(separatedBy: "class=\"area outline\"").count - 1 == 2)
                #expect(html.contains("Planungsräume (gestrichelt)"))
            }
            try await get(app, "/gebiete/06532", session: nil) { res in
                #expect(res.text.contains("Karte der untergeordneten Gebiete") && !res.text.contains("class=\"area outline\""))
            }
            try await get(app, "/gebiete/06532023-1/steckbrief", session: nil) { res in
                #expect(res.status == .ok)
                #expect(res.text.contains("<dt>Schlüssel</dt><dd><code>06532023-1</code></dd><dt>Ebene</dt><dd>Planungsraum</dd>"))
                #expect(!res.text.contains("Amtlicher Gemeindeschlüssel"))
                #expect(res.text.contains("Gebietssteckbrief: Planungsraum Altstadt") && res.text.contains("<h2 id=\"lage\">Lage in der Gemeinde</h2>"))
            }
        }
    }

    /// The PDF of a profile is made again when the boundaries change (a planning area uploaded), and only then.
    @Test func aProfilePDFIsMadeAnewAfterABoundaryChange() async throws {
        try await withTestApp { app in
            let renderer = PDFRenderingTests.StubRenderer()
            app.pdfDocuments = PDFDocuments(renderer: renderer, settings: app.settings)
            _ = try await app.testing().sendRequest(.GET, "/gebiete/06532023/steckbrief.pdf")
            _ = try await app.testing().sendRequest(.GET, "/gebiete/06532023/steckbrief.pdf")
            #expect(renderer.calls == 1)
            let planner = try await login(app, DemoLogin.planner)
            _ = try await upload(app, "/gebiete/06532023/planungsraeume", session: planner, fields: Self.fields, file: ("pr.geojson", Self.twoAreas))
            _ = try await app.testing().sendRequest(.GET, "/gebiete/06532023/steckbrief.pdf")
            #expect(renderer.calls == 2)
            _ = try await app.testing().sendRequest(.GET, "/gebiete/06532023/steckbrief.pdf")
            #expect(renderer.calls == 2)
        }
    }

    /// A refused file comes back with the form: fixing a field and sending again needs no new choice of the file.
    @Test func aRefusedFileIsKeptForTheNextTry() async throws {
        try await withTestApp { app in
            let planner = try await login(app, DemoLogin.planner)
            let wrong = try #require(try await upload(app, "/gebiete/06532023/planungsraeume", session: planner,
                                                      fields: [("keyProperty", "nummer"), ("nameProperty", "name"), ("validFrom", "2025-01-01")],
                                                      file: ("pr.geojson", Self.twoAreas)))
            #expect(wrong.status == .unprocessableEntity)
            #expect(wrong.text.contains("<td>0</td><td>nummer</td><td>–</td><td>Die Eigenschaft mit dem Schlüssel fehlt oder ist leer.</td>"))
            #expect(wrong.text.contains("Datei: pr.geojson – wird wieder geprüft, wenn keine andere Datei gewählt wird"))
            let kept = Data(Self.twoAreas).base64EncodedString()
            #expect(wrong.text.contains("<input type=\"hidden\" name=\"keptFile\" value=\"\(kept)\"/>"))
            #expect(!wrong.text.contains("id=\"file\" name=\"file\" required"))
            // Sent again with the key property fixed and no new file.
            let again = try #require(try await upload(app, "/gebiete/06532023/planungsraeume", session: planner,
                                                      fields: Self.fields + [("keptFile", kept), ("keptFileName", "pr.geojson")], file: ("", [])))
            #expect(again.status == .ok)
            #expect(again.text.contains("Grenzen übernommen: 2 angelegt"))
            // Neither file nor kept file: the file is missing.
            let none = try #require(try await upload(app, "/gebiete/06532023/planungsraeume", session: planner, fields: Self.fields, file: ("", [])))
            #expect(none.status == .unprocessableEntity && none.text.contains("GeoJSON-Datei: fehlt."))
        }
    }
}
