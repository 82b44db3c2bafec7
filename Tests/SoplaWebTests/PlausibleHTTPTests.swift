import Foundation
import SoplaCore
import SoplaStore
import Testing
import Vapor
import VaporTesting
@testable import SoplaDemo
@testable import SoplaWeb

/// Numbers out of their plausible range are refused where they enter, by field and range, and nothing is stored;
/// a value stored before the check existed still renders.
@Suite("Implausible numbers over HTTP")
struct PlausibleHTTPTests {
    @Test func referenceValueOutOfRangeIsRefusedByFieldAndRange() async throws {
        try await withTestApp { app in
            let planner = try await login(app, DemoLogin.planner)
            for value in ["1e308", "-1e308", "1000000001", "12345678901234567890"] {
                try await post(app, "/indikatoren/sgb2_quote_u18/vergleichswerte", session: planner,
                               fields: [("label", "Hessen"), ("date", "2023-12-31"), ("value", value)]) { res in
                    #expect(res.status == .unprocessableEntity)
                    #expect(res.body.string.contains("Vergleichswert: bitte eine Zahl zwischen −1.000.000.000 und 1.000.000.000 angeben."))
                }
            }
            try await post(app, "/indikatoren/sgb2_quote_u18/vergleichswerte", session: planner,
                           fields: [("label", "Hessen"), ("date", "1899-12-31"), ("value", "12,8")]) { res in
                #expect(res.status == .unprocessableEntity)
                #expect(res.body.string.contains("Jahr des Stichtags: bitte ein Jahr zwischen 1900 und 2100 angeben."))
            }
            #expect(try await app.indicatorStore.referenceValues(indicatorCode: "sgb2_quote_u18").isEmpty)
            // The page still answers afterwards: the server is alive.
            try await get(app, "/indikatoren/sgb2_quote_u18", session: nil) { res in #expect(res.status == .ok) }
        }
    }

    @Test func storedOutOfRangeReferenceValuesStillRender() async throws {
        try await withTestApp { app in
            let actor = AuditActor(userID: nil, label: "Test", address: nil)
            let date = try #require(Day(iso: "2023-12-31"))
            // Straight into the store, as data from before the check would be.
            for (label, value) in [("Riesig", 1e308), ("Winzig", -1e308), ("Groß", 9.3e15)] {
                try await app.indicatorStore.add(ReferenceValue(id: UUID(), indicatorCode: "sgb2_quote_u18", label: label, date: date, value: value),
                                                 actor: actor, at: testNow)
            }
            for path in ["/indikatoren/sgb2_quote_u18", "/indikatoren/sgb2_quote_u18?stichtag=2023-12-31"] {
                try await get(app, path, session: nil) { res in
                    #expect(res.status == .ok)
                    let html = res.body.string
                    #expect(html.contains("<th scope=\"row\">Riesig</th>"))
                    #expect(html.contains("1,0e+308") && html.contains("−1,0e+308"))
                }
            }
            let planner = try await login(app, DemoLogin.planner)
            try await get(app, "/indikatoren/sgb2_quote_u18", session: planner) { res in #expect(res.status == .ok) }
        }
    }

    @Test func planningStandardWithHugeFTEIsRefused() async throws {
        try await withTestApp { app in
            let planner = try await login(app, DemoLogin.planner)
            let before = try await app.serviceStore.standards()
            for (field, value, message) in [("fte", "1e300", "Vollzeitstellen (VZÄ): bitte eine Zahl über 0 bis 10.000 angeben."),
                                            ("fte", "0", "Vollzeitstellen (VZÄ): bitte eine Zahl über 0 bis 10.000 angeben."),
                                            ("inhabitants", "99999999999999999999", "je Einwohnerinnen und Einwohner: bitte eine ganze Zahl zwischen 1 und 100.000.000 angeben."),
                                            ("maxDistanceKm", "1e300", "Höchste Entfernung (km): bitte eine Zahl über 0 bis 1.000 angeben."),
                                            ("maxDistanceKm", "0", "Höchste Entfernung (km): bitte eine Zahl über 0 bis 1.000 angeben.")] {
                var fields = ["category": "suchtberatung", "fte": "1,5", "inhabitants": "50000", "population": "total", "source": "Beispielwert"]
                fields[field] = value
                try await post(app, "/angebotsplanung/standards", session: planner, fields: fields.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }) { res in
                    #expect(res.status == .unprocessableEntity)
                    #expect(res.body.string.contains(message))
                }
            }
            #expect(try await app.serviceStore.standards() == before)
            try await get(app, "/angebotsplanung/standards", session: planner) { res in #expect(res.status == .ok) }
        }
    }

    @Test func providerProposalWithHugeStaffIsRefused() async throws {
        try await withTestApp { app in
            let store = app.serviceStore
            let counselling = try await organisationID(app, named: DemoAccounts.counselling)
            let before = try #require(try await store.service(id: ServiceHTTPTests.sonnenwegPregnancy))
            let proposals = try await store.proposals().count
            let provider = try await login(app, DemoLogin.provider)
            let path = "/organisationen/\(counselling.uuidString.lowercased())/angebote/\(ServiceHTTPTests.sonnenwegPregnancy.uuidString.lowercased())"
            for staff in ["Sozialarbeit: 1e300", "Sozialarbeit: 12345678901234567890"] {
                try await post(app, path, session: provider, fields: ServiceHTTPTests.fields(before.service, changing: ["staff": staff])) { res in
                    #expect(res.status == .unprocessableEntity)
                    #expect(res.body.string.contains("Vollzeitäquivalente: bitte eine Zahl zwischen 0 und 10.000 angeben."))
                }
            }
            for (field, value) in [("places", "12345678901234567890"), ("casesPerYear", "1e300"), ("referenceYear", "99999")] {
                try await post(app, path, session: provider, fields: ServiceHTTPTests.fields(before.service, changing: [field: value])) { res in
                    #expect(res.status == .unprocessableEntity)
                }
            }
            #expect(try await store.proposals().count == proposals)
            #expect(try await store.service(id: ServiceHTTPTests.sonnenwegPregnancy)?.service == before.service)
        }
    }

    @Test func statisticsFileWithHugeValuesStoresNothing() async throws {
        try await withTestApp { app in
            let planner = try await login(app, DemoLogin.planner)
            let before = try await app.indicatorStore.observationCount()
            let huge = "1" + String(repeating: "0", count: 400)
            let file = "variable,ags,reference_date,sex,value,status\nalo,06532001,2023-12-31,,\(huge),\nalo,06532002,2023-12-31,,12345678901234567890,\n"
            var location = ""
            try await upload(app, session: planner, file: file) { res in
                #expect(res.status == .seeOther)
                location = res.headers.first(name: .location) ?? ""
            }
            #expect(try await app.indicatorStore.observationCount() == before)
            try await get(app, location, session: planner) { res in
                let html = res.body.string
                #expect(html.contains("Fehlgeschlagen, nichts gespeichert"))
                #expect(html.contains("Wert: bitte eine Zahl zwischen −1.000.000.000.000 und 1.000.000.000.000 angeben."))
            }
        }
    }

    @Test func indicatorSettingsAndRulesOutOfRangeAreRefused() async throws {
        try await withTestApp { app in
            let planner = try await login(app, DemoLogin.planner)
            try await post(app, "/daten/pruefregeln", session: planner, fields: [("kind", "change-above"), ("target", "heim"), ("threshold", "1e308")]) { res in
                #expect(res.status == .unprocessableEntity)
                #expect(res.body.string.contains("Schwelle oder Toleranz (%): bitte eine Zahl zwischen 0 und 100.000 angeben."))
            }
            try await post(app, "/daten/pruefregeln", session: planner, fields: [("kind", "change-above"), ("target", "heim"), ("threshold", "nan")]) { res in
                #expect(res.status == .unprocessableEntity)
            }
            try await post(app, "/indikatoren", session: planner, fields: [("code", "heim_quote"), ("nameDE", "Heimquote"), ("nameEN", "Home rate"),
                                                                           ("topic", "housing"), ("numerator", "heim"), ("denominator", "bevoelkerung"), ("factor", "1e308"),
                                                                           ("polarity", "higher-is-worse"), ("decimals", "1"), ("minimumCount", "99999999999999999999")]) { res in
                #expect(res.status == .unprocessableEntity)
                #expect(res.body.string.contains("Mindestfallzahl: bitte eine ganze Zahl zwischen 1 und 1.000 angeben."))
            }
            #expect(try await app.indicatorStore.indicator(code: "heim_quote") == nil)
        }
    }
}
