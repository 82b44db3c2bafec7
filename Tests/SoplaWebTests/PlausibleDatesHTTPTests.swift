import Foundation
import SoplaCore
import SoplaStore
import Testing
import Vapor
import VaporTesting
@testable import SoplaDemo
@testable import SoplaWeb

/// Days outside 1900 … 2100 are named at their field wherever a form takes a day; an empty threshold is never 0 %.
@Suite("Plausible days and thresholds over HTTP")
struct PlausibleDatesHTTPTests {
    @Test("A survey round, a programme call and a membership refuse a day outside 1900 … 2100 and keep what was typed")
    func daysOutsideTheRange() async throws {
        try await withTestApp { app in
            let planner = try await login(app, DemoLogin.planner)
            let counselling = try await organisationID(app, named: DemoAccounts.counselling)
            try await post(app, "/angebotsplanung/erhebungen", session: planner, fields: [
                ("title", "Nacherhebung"), ("opensOn", "0202-11-25"), ("deadline", "2201-12-20"), ("organisations[]", counselling.uuidString.lowercased()),
            ]) { res in
                #expect(res.status == .unprocessableEntity)
                let html = res.body.string
                #expect(html.contains("href=\"#opensOn\"") && html.contains("href=\"#deadline\""))
                #expect(html.contains("value=\"0202-11-25\"") && html.contains("value=\"2201-12-20\""))
            }
            #expect(try await app.serviceStore.rounds().count == 1)
            // A German date is read as well.
            try await post(app, "/angebotsplanung/erhebungen", session: planner, fields: [
                ("title", "Nacherhebung"), ("opensOn", "25.11.2025"), ("deadline", "20.12.2025"), ("organisations[]", counselling.uuidString.lowercased()),
            ]) { res in #expect(res.status == .seeOther) }
            #expect(try await app.serviceStore.rounds().contains { $0.title == "Nacherhebung" && $0.deadline == Day(year: 2025, month: 12, day: 20) })
            let steering = "5b0c1e2a-0100-4000-8000-000000000001"
            try await post(app, "/gremien/\(steering)/wahlperioden", session: planner, fields: [("termName", "2031–2036"), ("termStart", "3031-04-01")]) { res in
                #expect(res.status == .unprocessableEntity)
                #expect(res.body.string.contains("href=\"#termStart\""))
            }
            try await post(app, "/berichte/verwaltung", session: planner, fields: [("title", "Bericht"), ("reportingDate", "1850-12-31"), ("territorialStatus", "2025-01-01")]) { res in
                #expect(res.status == .unprocessableEntity)
                #expect(res.body.string.contains("href=\"#reportingDate\"") && !res.body.string.contains("href=\"#territorialStatus\""))
            }
        }
    }

    @Test("A validation rule's threshold starts empty and an empty one is refused where the rule needs it")
    func emptyThreshold() async throws {
        try await withTestApp { app in
            let planner = try await login(app, DemoLogin.planner)
            try await get(app, "/daten/pruefregeln", session: planner) { res in
                let field = res.body.string.components(separatedBy: "id=\"threshold\"").dropFirst().first?.prefix { $0 != ">" } ?? ""
                #expect(field.contains("name=\"threshold\"") && !field.contains("value="))
            }
            let before = try await app.indicatorStore.validationRules().count
            try await post(app, "/daten/pruefregeln", session: planner, fields: [("kind", "change-above"), ("target", "sgb2_quote_u18"), ("threshold", "")]) { res in
                #expect(res.status == .unprocessableEntity)
                #expect(res.body.string.contains("href=\"#threshold\""))
            }
            #expect(try await app.indicatorStore.validationRules().count == before)
            // "15 %" is read as the label asks; the same rule twice is refused.
            try await post(app, "/daten/pruefregeln", session: planner, fields: [("kind", "change-above"), ("target", "bev_u3"), ("threshold", "15 %")]) { res in
                #expect(res.status == .seeOther)
            }
            #expect(try await app.indicatorStore.validationRules().contains { $0.target == "bev_u3" && $0.threshold == 15 })
            try await post(app, "/daten/pruefregeln", session: planner, fields: [("kind", "change-above"), ("target", "bev_u3"), ("threshold", "20")]) { res in
                #expect(res.status == .unprocessableEntity && res.body.string.contains("href=\"#target\""))
            }
        }
    }
}
